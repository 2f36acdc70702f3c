// Four spaces a step, and both chains written one call per line: the policy goes on a line of its
// own in the builder chain, and the chain on the start stays one call per line in the retried start.
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';

// 0.5–1 s, doubling up to 15–30 s; random, so that clients cut off together come back apart.
function retryDelay(retryCount: number): number {
    return Math.min(30000, 1000 * 2 ** retryCount) * (1 - 0.5 * Math.random());
}

// For withAutomaticReconnect: unlike the default policy, it never gives up.
const retryForever = {
    nextRetryDelayInMilliseconds(retryContext: { previousRetryCount: number }): number {
        return retryDelay(retryContext.previousRetryCount);
    }
};

// How each connection was last started, or that it was stopped on purpose.
const startRuns = new WeakMap<object, { then?(started: Promise<void>): unknown; stopped?: true }>();

/**
 * Starts `connection`, and while that fails, starts it again after a random, growing delay.
 * `then` gets each try's `start()` promise: what the code chained on its start runs for every try.
 * Resolves once connected; never settles when the connection is stopped first.
 */
function startWithRetry(
    connection: { start(): Promise<void> },
    then?: (started: Promise<void>) => unknown
): Promise<void> {
    const run = { then };
    startRuns.set(connection, run);
    return new Promise((resolve) => {
        const attempt = (retryCount: number): void => {
            if (startRuns.get(connection) !== run) return;
            const started = connection.start();
            const chained = then ? then(started) : undefined;
            const retry = () => setTimeout(() => attempt(retryCount + 1), retryDelay(retryCount));
            started.then(() => resolve(chained as Promise<void> | undefined), retry);
        };
        attempt(0);
    });
}

const hubUrl = '/hubs/inventory';

export const inventory = new HubConnectionBuilder()
    .withUrl(hubUrl)
    .configureLogging(LogLevel.Warning)
    .withAutomaticReconnect(retryForever)
    .build();

inventory.on('StockChanged', (sku: string, count: number) => console.log(sku, count));

startWithRetry(inventory, (started) =>
    started
        .then(() => console.log('inventory feed connected'))
        .catch((reason: unknown) => console.error('inventory feed unavailable', reason))
);
