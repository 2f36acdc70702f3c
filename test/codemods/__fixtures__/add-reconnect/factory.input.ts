import { HubConnectionBuilder } from '@aspnet/signalr';

export function createConnection(url: string) {
  return new HubConnectionBuilder().withUrl(url).build();
}

const connection = createConnection('/hubs/chat');
await connection.start();
