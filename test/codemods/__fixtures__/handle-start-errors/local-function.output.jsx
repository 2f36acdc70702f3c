// The effect calls an async helper and drops its promise: the helper's failed start escapes there.
import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useRef } from 'react';

export function Ticker({ onQuote }) {
  const connectionRef = useRef(null);

  useEffect(() => {
    const connect = async () => {
      const connection = new HubConnectionBuilder().withUrl('/hubs/quotes').build();
      connection.on('Quote', onQuote);
      await connection.start();
      connectionRef.current = connection;
    };

    connect().catch((error) => console.error('Could not start the SignalR connection', error));
  }, [onQuote]);

  return null;
}
