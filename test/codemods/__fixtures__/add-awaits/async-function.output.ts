// The chat screen's room switcher: joins inside async functions, where only `await` is missing.
import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();

export async function switchRoom(from: string, to: string): Promise<void> {
  await connection.invoke('LeaveGroup', from);
  await connection.invoke('JoinGroup', to); // must complete before we announce
  await connection.invoke('SendToGroup', to, 'joined');
}

export async function watch(rooms: readonly string[]): Promise<void> {
  /* every room at once */ await Promise.all(rooms.map((room) => connection.invoke('JoinGroup', room)));
  await connection.invoke('JoinRoom', 'lobby').then(() => console.log('in the lobby'));
}

export async function announce(room: string): Promise<void> {
  await connection.invoke('JoinGroup', room);
  await connection.send('SendToGroup', room, 'hello');
}

export const enter = async (room: string) => {
  const joining = await connection.invoke('AddToGroup', room);
  console.log('entering', room);
};
