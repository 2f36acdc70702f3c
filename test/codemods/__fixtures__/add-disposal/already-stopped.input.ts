// Nothing to do: every connection here is stopped on every path, handed off, or lives with the app.
import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';

export const shared = new HubConnectionBuilder().withUrl('/hubs/shared').build();

export async function connect(): Promise<HubConnection> {
  const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  await connection.start();
  return connection;
}

export async function send(text: string): Promise<void> {
  const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  try {
    await connection.start();
    await connection.invoke('Send', text);
  } finally {
    await connection.stop();
  }
}
