import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useRef } from 'react';

// A helper of the effect keeps the connection in a ref that the component uses later: the effect's
// cleanup stops what the ref holds (a `finally` in `connect` would close it as soon as it opened).
export function Feed() {
  const connectionRef = useRef(null);

  useEffect(() => {
    const connect = async () => {
      const connection = new HubConnectionBuilder().withUrl('/hubs/feed').build();
      await connection.start();
      connectionRef.current = connection;
      connection.on('item', (item) => console.log(item));
    };
    connect();
    return () => {
      void connectionRef.current?.stop();
    };
  }, []);

  return <button onClick={() => connectionRef.current.invoke('Refresh')}>Refresh</button>;
}
