import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect } from 'react';

export function Alerts() {
  useEffect(() => {
    (async () => {
      const connection = new HubConnectionBuilder().withUrl('/hubs/alerts').build();
      await connection.start();
    })();
  }, []);

  return null;
}
