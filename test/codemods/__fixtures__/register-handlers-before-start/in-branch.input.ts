import type { HubConnection } from '@microsoft/signalr';

export async function open(connection: HubConnection, admin: boolean, show: (text: string) => void): Promise<void> {
  await connection.start();
  if (admin) {
    connection.on('AdminNotice', show);
  }
}
