import { HubConnectionBuilder } from '@microsoft/signalr';

export function ping(): void {
  const connection = new HubConnectionBuilder().withUrl('/hubs/health').build();
  connection.start();
  connection.send('Ping');
}
