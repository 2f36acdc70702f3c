// The board joins `lobby` once, when the page has loaded: a reconnect must join it again.
const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/board').withAutomaticReconnect().build();

document.addEventListener('DOMContentLoaded', () => {
  connection
    .start()
    .then(() => connection.invoke('JoinGroup', 'lobby'))
    .catch((error) => console.error(error));
});
