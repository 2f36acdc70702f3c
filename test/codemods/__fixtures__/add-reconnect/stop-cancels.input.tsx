import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

// Unmounting stops the connection: a start still retrying then must not connect, and `setStatus`
// must not run after unmount.
export function PresenceBadge({ user }: { user: string }) {
  const [status, setStatus] = useState('Connecting…');

  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl(`/hubs/presence?user=${encodeURIComponent(user)}`).build();
    connection
      .start()
      .then(() => setStatus('Online'))
      .catch((error: Error) => setStatus(`Offline: ${error.message}`));
    return () => {
      connection.stop();
    };
  }, [user]);

  return <span>{status}</span>;
}
