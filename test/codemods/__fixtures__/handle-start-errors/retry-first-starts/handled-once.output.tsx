// The failure of the first start is shown, but never retried: the connection only reconnects after
// it was once connected, so a user who opens the page during an outage stays offline.
import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

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

// Stops `connection`, and with it any retry of its start.
function stopConnection(connection: { stop(): Promise<void> }): Promise<void> {
  startRuns.set(connection, { stopped: true });
  return connection.stop();
}

export function Inbox({ onMail }: { onMail: (subject: string) => void }) {
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl('/hubs/mail').withAutomaticReconnect().build();
    connection.on('Mail', onMail);
    startWithRetry(connection, (started) =>
      started
        .then(() => setProblem(undefined))
        .catch((reason: unknown) => setProblem(String(reason)))
    );
    return () => {
      void stopConnection(connection);
    };
  }, [onMail]);

  return problem ? <p role="alert">{problem}</p> : null;
}
