import { HubConnectionBuilder } from '@microsoft/signalr';

// The app server is told the connection id, to push to it. After a reconnect the id is new: the
// codemod sends it again in `onreconnected` (the same call reads the new id).
const connection = new HubConnectionBuilder().withUrl('/hubs/notifications').build();

connection
  .start()
  .then(() => fetch('/api/notifications/subscribe', { method: 'POST', body: connection.connectionId }))
  .catch((error: unknown) => console.error(error));
