// The chat page joins its room once connected. After an automatic reconnect the connection id is
// new and the room is gone, so the codemod joins it again in `onreconnected`.

var room = document.body.dataset.room;
var connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();

connection.on('message', (user, text) => console.log(user + ': ' + text));

connection
  .start()
  .then(() => connection.invoke('JoinGroup', room))
  .catch((error) => console.error(error));
