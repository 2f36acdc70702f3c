// A module that connects as soon as it loads, inside an async arrow nobody waits for.
import * as signalR from '@microsoft/signalr';

const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/presence').build();

(async () => {
  await connection.start();
  await connection.invoke('Announce', navigator.userAgent);
})().catch((error) => console.error('Could not start the SignalR connection', error));

export default connection;
