import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

export function NotificationBell() {
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl('/hubs/alerts').build();
    connection.on('Notify', () => setUnread((count) => count + 1));
    connection.start().catch((reason: unknown) => console.error('Notifications are offline', reason));
    return () => void connection.stop();
  }, []);

  return <span>{unread}</span>;
}
