// The bell in the header: counts notifications pushed to the signed-in user.
import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

export function NotificationBell({ token }: { token: string }) {
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    // expect: no-token-in-url, require-reconnect
    const connection = new HubConnectionBuilder().withUrl(`/hubs/alerts?access_token=${token}`).build();
    connection.on('Notify', () => setUnread((count) => count + 1));
    connection.start().catch((reason: unknown) => console.error('Notifications are offline', reason));
    return () => {
      void connection.stop();
    };
  }, [token]);

  return (
    <button type="button" aria-label={`${unread} unread notifications`} onClick={() => setUnread(0)}>
      🔔 {unread > 0 && <span>{unread}</span>}
    </button>
  );
}
