// Every join here is already awaited or handled: the codemod must leave the file alone.
import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();

export async function enter(room: string): Promise<void> {
  await connection.invoke('JoinGroup', room);
  await connection.invoke('SendToGroup', room, 'hello');
}

export function enterLater(room: string): Promise<void> {
  return connection.invoke('JoinGroup', room);
}

export async function enterAll(rooms: readonly string[]): Promise<void> {
  await Promise.all(rooms.map((room) => connection.invoke('JoinGroup', room)));
}

connection
  .start()
  .then(() => connection.invoke('JoinGroup', 'lobby'))
  .catch((error: unknown) => console.error(error));

export function prefetch(room: string): void {
  void connection.invoke('JoinGroup', room);
}

// Not joins.
export function leave(room: string): void {
  connection.invoke('LeaveGroup', room);
  connection.invoke('SendToGroup', room, 'bye');
}
