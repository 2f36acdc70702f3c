// A TypeScript script (no import, no export) on a page that loads the SignalR browser bundle.

// 0.5–1 s, doubling up to 15–30 s; random, so that clients cut off together come back apart.
function retryDelay(retryCount: number): number {
  return Math.min(30000, 1000 * 2 ** retryCount) * (1 - 0.5 * Math.random());
}

// For withAutomaticReconnect: unlike the default policy, it never gives up.
var retryForever = {
  nextRetryDelayInMilliseconds(retryContext: { previousRetryCount: number }): number {
    return retryDelay(retryContext.previousRetryCount);
  }
};

// How each connection was last started, or that it was stopped on purpose.
// Shared with the page's other scripts, which may have declared it first.
var startRuns!: WeakMap<object, { then?(started: Promise<void>): unknown; stopped?: true }>;
startRuns =
  startRuns || new WeakMap<object, { then?(started: Promise<void>): unknown; stopped?: true }>();

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

declare const signalR: typeof import('@microsoft/signalr');

const connection = new signalR.HubConnectionBuilder()
  .withUrl('/hubs/chat')
  .withAutomaticReconnect(retryForever)
  .build();
connection.on('Message', (text: string) => console.log(text));
void startWithRetry(connection);
