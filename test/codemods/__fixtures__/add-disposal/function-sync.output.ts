import { HubConnectionBuilder } from '@microsoft/signalr';

export function ping(): void {
  const connection = new HubConnectionBuilder().withUrl('/hubs/health').build();
  try {
    connection.start();
    connection.send('Ping');
  } finally {
    void connection.stop();
  }
}
