// Callbacks whose result nobody uses, or that a promise chain adopts: safe to make async.
import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
const rooms = new Set<string>(['lobby']);

// After a reconnect the server has forgotten our groups: join them again.
connection.onreconnected((): void => {
  for (const room of rooms) connection.invoke('JoinGroup', room);
  connection.invoke('SendToGroup', 'lobby', 'back');
});

connection
  .start()
  .then(function () {
    connection.invoke('JoinGroup', 'lobby');
    console.log('connected');
  })
  .catch((error: unknown) => console.error(error));

document.getElementById('join-news')?.addEventListener('click', () => {
  connection.invoke('JoinGroup', 'news');
});

setTimeout(() => { connection.invoke('JoinGroup', 'late'); }, 1000);
