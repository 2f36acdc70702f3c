import type { HubConnection } from '@microsoft/signalr';

// Registered only when the connection got an id: moved before start it would always be registered.
export async function watch(connection: HubConnection, onPing: () => void): Promise<void> {
  await connection.start();
  if (!connection.connectionId) return;
  connection.on('Ping', onPing);
}
