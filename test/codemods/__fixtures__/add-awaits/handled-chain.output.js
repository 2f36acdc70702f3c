// The chain handles failures: awaiting the join inside it sends a failed join to that `.catch`.
const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();

connection
  .start()
  .then(async () => {
    await connection.invoke('JoinGroup', 'general');
    connection.invoke('SendToGroup', 'general', 'hello');
  })
  .catch((error) => console.error(error));
