import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useRef } from 'react';

/** Keeps one connection across React StrictMode's unmount and remount on purpose. */
export function Feed() {
  const connectionRef = useRef<HubConnection | null>(null);

  useEffect(() => {
    if (connectionRef.current) return;
    connectionRef.current = new HubConnectionBuilder().withUrl('/hubs/feed').build();
    connectionRef.current.start();
  }, []);

  return null;
}
