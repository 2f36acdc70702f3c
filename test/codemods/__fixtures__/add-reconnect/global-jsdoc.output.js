// The chat page. Loaded after the SignalR browser bundle, which defines `signalR`.

// Added by signalr-codemod add-reconnect: the connections this file has started and not stopped since,
// each with the start loop now in charge of it.
var signalRStartLoops = new WeakMap();

// Added by signalr-codemod add-reconnect: starts a connection and, while that fails, tries again after a
// random delay that doubles up to a cap, until it connects, this file stops it, or other code starts it.
async function startWithRetry(connection, previousRetryCount = 0) {
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

/** The page's connection to the chat hub. */
const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect({ nextRetryDelayInMilliseconds: (retryContext) => Math.min(30000, 1000 * 2 ** retryContext.previousRetryCount) * (1 - 0.5 * Math.random()) }).build();
connection.on('Message', (text) => console.log(text));
startWithRetry(connection);
