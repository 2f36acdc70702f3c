import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();

export async function enterRoom(room: string): Promise<void> {
  await connection.start();
  connection.invoke('JoinGroup', room);
  await connection.send('Hello', room);
}

export function enterRoomLater(room: string): void {
  connection.invoke('JoinGroup', room);
}
