import { HubConnectionBuilder } from '@microsoft/signalr';

// Registered before start, or in the same run as a start nobody waits for: in time.
export async function open(show: (text: string) => void): Promise<void> {
  const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  connection.on('Message', show);
  const starting = connection.start();
  connection.on('Notice', show);
  await starting;
}
