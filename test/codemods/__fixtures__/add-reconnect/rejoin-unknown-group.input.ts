import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
await connection.start();

// The group is a parameter of the handler that joins it: where the connection is built, nothing
// knows it. The codemod says so rather than reconnect into a session without the group.
export async function enter(room: string): Promise<void> {
  await connection.invoke('JoinGroup', room);
}
