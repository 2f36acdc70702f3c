import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { createContext, useEffect, useState, type ReactNode } from 'react';

export const HubContext = createContext<HubConnection | null>(null);

// The cleanup reads `hub` as the effect saw it, before `setHub` ran: it stops nothing.
export function HubProvider({ children }: { children: ReactNode }) {
  const [hub, setHub] = useState<HubConnection | null>(null);

  useEffect(() => {
    const created = new HubConnectionBuilder().withUrl('/hubs/app').withAutomaticReconnect().build();
    created.start().then(() => setHub(created), console.error);
    return () => {
      void created?.stop();
    };
  }, []);

  return <HubContext.Provider value={hub}>{children}</HubContext.Provider>;
}
