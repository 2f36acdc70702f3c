import type { HubConnection } from '@microsoft/signalr';
import { HubConnectionBuilder } from '@microsoft/signalr';

// The default is evaluated on every render without the prop.
export function Status({ connection = new HubConnectionBuilder().withUrl('/hubs/status').build() }: { connection?: HubConnection }) {
  return <span>{connection.state}</span>;
}
