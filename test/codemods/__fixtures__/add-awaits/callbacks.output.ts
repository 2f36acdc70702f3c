// Callbacks whose result nobody uses, or that a promise chain adopts: safe to make async.
import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
const rooms = new Set<string>(['lobby']);

// After a reconnect the server has forgotten our groups: join them again.
connection.onreconnected(async (): Promise<void> => {
  for (const room of rooms) await connection.invoke('JoinGroup', room);
  connection.invoke('SendToGroup', 'lobby', 'back');
});

connection
  .start()
  .then(async function () {
    await connection.invoke('JoinGroup', 'lobby');
    console.log('connected');
  })
  .catch((error: unknown) => console.error(error));

document.getElementById('join-news')?.addEventListener('click', async () => {
  await connection.invoke('JoinGroup', 'news');
});

setTimeout(async () => { await connection.invoke('JoinGroup', 'late'); }, 1000);
