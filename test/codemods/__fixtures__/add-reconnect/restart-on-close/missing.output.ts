import { HubConnectionBuilder } from '@microsoft/signalr';

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

// For onclose: starts the connection again as it was last started, unless it was stopped on purpose.
function restartWithRetry(connection: { start(): Promise<void> }): void {
  const run = startRuns.get(connection);
  if (run && run.stopped) return;
  setTimeout(() => {
    if (startRuns.get(connection) === run) void startWithRetry(connection, run && run.then);
  }, retryDelay(0));
}

// Stops `connection`, and with it any retry of its start.
function stopConnection(connection: { stop(): Promise<void> }): Promise<void> {
  startRuns.set(connection, { stopped: true });
  return connection.stop();
}

export class ChatClient {
  private connection;

  constructor(url: string) {
    this.connection = new HubConnectionBuilder()
      .withUrl(url)
      .withAutomaticReconnect(retryForever)
      .build();
    this.connection.onclose(() => restartWithRetry(this.connection));
  }

  async open(): Promise<void> {
    await this.connection.start();
  }

  close(): Promise<void> {
    return stopConnection(this.connection);
  }
}
