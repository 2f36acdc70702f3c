import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

export function Alerts() {
  const [hub, setHub] = useState<HubConnection | null>(null);

  useEffect(() => {
    const created = new HubConnectionBuilder().withUrl('/hubs/alerts').withAutomaticReconnect().build();
    setHub(created);
    created.start().catch(console.error);
  }, []);

  // This effect also logs on every run: adding `hub` to its dependencies would change what it does.
  useEffect(() => {
    console.log('alerts mounted');
    return () => {
      void hub?.stop();
    };
  }, []);

  return null;
}
