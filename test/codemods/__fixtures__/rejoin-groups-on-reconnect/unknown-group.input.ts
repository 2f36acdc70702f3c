// The group is a parameter of the function that joins it: where the connection is built nothing
// knows which groups to rejoin, so the codemod leaves the join and says why.
import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/rooms').withAutomaticReconnect().build();
const ready = connection.start();

export async function enterRoom(room: string): Promise<void> {
  await ready;
  await connection.invoke('JoinRoom', room);
}
