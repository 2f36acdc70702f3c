import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

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

export function NotificationBell() {
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl('/hubs/alerts').withAutomaticReconnect({ nextRetryDelayInMilliseconds: (retryContext) => Math.min(30000, 1000 * 2 ** retryContext.previousRetryCount) * (1 - 0.5 * Math.random()) }).build();
    connection.on('Notify', () => setUnread((count) => count + 1));
    startWithRetry(connection).catch((reason: unknown) => console.error('Notifications are offline', reason));
    return () => { signalRStartLoops.delete(connection); return void connection.stop(); };
  }, []);

  return <span>{unread}</span>;
}
