// The chat screen's room switcher: joins inside async functions, where only `await` is missing.
import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();

export async function switchRoom(from: string, to: string): Promise<void> {
  await connection.invoke('LeaveGroup', from);
  connection.invoke('JoinGroup', to); // must complete before we announce
  await connection.invoke('SendToGroup', to, 'joined');
}

export async function watch(rooms: readonly string[]): Promise<void> {
  /* every room at once */ Promise.all(rooms.map((room) => connection.invoke('JoinGroup', room)));
  connection.invoke('JoinRoom', 'lobby').then(() => console.log('in the lobby'));
}

export async function announce(room: string): Promise<void> {
  void connection.invoke('JoinGroup', room);
  await connection.send('SendToGroup', room, 'hello');
}

export const enter = async (room: string) => {
  const joining = connection.invoke('AddToGroup', room);
  console.log('entering', room);
};
