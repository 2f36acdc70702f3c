// A team board: a button joins `red`, and the server can invite a client to `vip`. Which of those
// joins ran (and was not undone) only the app knows: a reconnect handler cannot just repeat them.
const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/board').withAutomaticReconnect().build();

document.getElementById('join-red').addEventListener('click', () => {
  connection.invoke('JoinGroup', 'red').catch((error) => console.error(error));
});

connection.on('Invited', () => {
  connection.invoke('JoinGroup', 'vip').catch((error) => console.error(error));
});

connection.start().catch((error) => console.error(error));
