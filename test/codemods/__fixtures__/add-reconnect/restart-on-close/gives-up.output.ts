import * as signalR from '@microsoft/signalr';

// Added by signalr-codemod add-reconnect: the connections this file has started and not stopped since,
// each with the start loop now in charge of it.
const signalRStartLoops = new WeakMap<object, object>();

// Added by signalr-codemod add-reconnect: starts a connection and, while that fails, tries again after a
// random delay that doubles up to a cap, until it connects, this file stops it, or other code starts it.
async function startWithRetry(connection: { start(): Promise<void>; readonly state: unknown }, previousRetryCount = 0): Promise<void> {
  const loop = {};
  signalRStartLoops.set(connection, loop);
  for (let retryCount = previousRetryCount; ; retryCount++) {
    if (retryCount > 0) {
      const delay = Math.min(30000, 1000 * 2 ** (retryCount - 1)) * (1 - 0.5 * Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    if (signalRStartLoops.get(connection) !== loop) return;
    try {
      await connection.start();
      return;
    } catch {
      // Still down: wait and try again. Any other state means other code started it meanwhile.
      if (connection.state !== 'Disconnected') return;
    }
  }
}

const connection = new signalR.HubConnectionBuilder()
  .withUrl('/hubs/orders')
  .withAutomaticReconnect()
  .build();
connection.onclose(() => {
  // Added by signalr-codemod add-reconnect: restart after a random delay, unless this file stopped it.
  if (signalRStartLoops.has(connection)) void startWithRetry(connection, 1);
});

// The first start is already retried by this loop; it still goes through the helper now, which
// records that the file wants the connection open.
for (;;) {
  try {
    await startWithRetry(connection);
    break;
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 1000 + Math.random() * 4000));
  }
}

window.addEventListener('beforeunload', () => { signalRStartLoops.delete(connection); return connection.stop(); });
