// A status badge: one connection per mounted badge, started and forgotten.
import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

export function BuildStatus({ pipeline }: { pipeline: string }) {
  const [status, setStatus] = useState('unknown');

  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl(`/hubs/builds?pipeline=${pipeline}`).build();
    connection.on('StatusChanged', setStatus);
    connection.start().catch((error) =>
      console.error('Could not start the SignalR connection', error)
    );
    return () => {
      void connection.stop();
    };
  }, [pipeline]);

  return <output>{status}</output>;
}
