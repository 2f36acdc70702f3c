// @aspnet/signalr has no automatic reconnect: the worker restarts the connection itself, once. When
// that restart fails, onclose does not fire again and the worker stays disconnected.
import { HubConnectionBuilder } from '@aspnet/signalr';

// 0.5–1 s, doubling up to 15–30 s; random, so that clients cut off together come back apart.
function retryDelay(retryCount: number): number {
  return Math.min(30000, 1000 * 2 ** retryCount) * (1 - 0.5 * Math.random());
}

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

const rates = new Map<string, number>();

const connection = new HubConnectionBuilder().withUrl('https://fx.contoso.com/hubs/rates').build();
connection.on('Rate', (pair: string, rate: number) => rates.set(pair, rate));
connection.onclose(() => setTimeout(() => startWithRetry(connection), 5000));

await connection.start();
