import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

// Built in the body and started by an effect that depends on it: where the connection should live
// (a ref, the effect, module level) is the author's call.
export function Alerts() {
  const connection = new HubConnectionBuilder().withUrl('/hubs/alerts').build();
  const [count, setCount] = useState(0);

  useEffect(() => {
    connection.on('Alert', () => setCount((current) => current + 1));
    connection.start().catch(() => setCount(-1));
    return () => {
      void connection.stop();
    };
  }, [connection]);

  return <span>{count}</span>;
}
