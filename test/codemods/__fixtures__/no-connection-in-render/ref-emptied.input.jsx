import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useRef } from 'react';

// The cleanup empties the ref: filled lazily, it would build again on the next render.
export function Board() {
  const connectionRef = useRef(new HubConnectionBuilder().withUrl('/hubs/board').build());

  useEffect(() => {
    connectionRef.current.start().catch(console.error);
    return () => {
      connectionRef.current.stop();
      connectionRef.current = null;
    };
  }, []);

  return <canvas />;
}
