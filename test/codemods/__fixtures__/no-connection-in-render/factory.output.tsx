import { HubConnectionBuilder } from '@microsoft/signalr';
import { useState } from 'react';

function connectTo(url: string) {
  return new HubConnectionBuilder().withUrl(url).withAutomaticReconnect().build();
}

// A factory of this file that builds a new connection: the same as building it in place.
export function useTicker(symbol: string) {
  const [connection] = useState(() => connectTo(`/hubs/ticker?symbol=${symbol}`));
  return connection;
}
