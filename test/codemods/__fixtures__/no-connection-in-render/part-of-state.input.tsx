import { HubConnectionBuilder } from '@microsoft/signalr';
import { useState } from 'react';

// The connection is one branch of the initial value: wrapping only it would change the state.
export function Optional({ live }: { live: boolean }) {
  const [connection] = useState(live ? new HubConnectionBuilder().withUrl('/hubs/live').build() : null);
  return <span>{connection?.state ?? 'static'}</span>;
}
