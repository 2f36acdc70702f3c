import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

export function Presence() {
  const [connection, setConnection] = useState<HubConnection | null>(null);
  const [online, setOnline] = useState<string[]>([]);

  useEffect(() => {
    setConnection(new HubConnectionBuilder().withUrl('/hubs/presence').build());
  }, []);

  useEffect(() => {
    if (!connection) return;
    connection.on('PresenceChanged', setOnline);
    connection.start();
  }, [connection]);

  return <p>{online.join(', ')}</p>;
}
