// Who is online right now, in the sidebar.
import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

export function PresenceList() {
  const [online, setOnline] = useState<string[]>([]);

  useEffect(() => {
    const connection = new HubConnectionBuilder()
      .withUrl('/hubs/presence', { skipNegotiation: true }) // expect: no-skip-negotiation
      .withAutomaticReconnect()
      .build();
    connection.on('PresenceChanged', (users: string[]) => setOnline(users));
    connection.start().catch((reason: unknown) => console.error('Presence is offline', reason));
    // Who was there before this client? Asked while the connection is still connecting.
    connection.invoke<string[]>('GetOnlineUsers').then(setOnline, (reason: unknown) => console.error(reason)); // expect: no-invoke-before-start
    return () => {
      void connection.stop();
    };
  }, []);

  return (
    <aside>
      <h3>Online ({online.length})</h3>
      <ul>
        {online.map((user) => (
          <li key={user}>{user}</li>
        ))}
      </ul>
    </aside>
  );
}
