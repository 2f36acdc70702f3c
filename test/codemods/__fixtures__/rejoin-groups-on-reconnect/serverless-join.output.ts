// Azure SignalR Service in serverless mode: the client asks an Azure Function to put its connection
// id in the `orders` group (a `signalRGroupActions` output binding does the join).
import { HubConnectionBuilder } from '@microsoft/signalr';

const apiBase = 'https://orders-func.azurewebsites.net';
const connection = new HubConnectionBuilder().withUrl(`${apiBase}/api`).withAutomaticReconnect().build();
connection.onreconnected(() =>
  fetch(`${apiBase}/api/addToGroup`, { method: 'POST', body: JSON.stringify({ connectionId: connection.connectionId, group: 'orders' }) })
);
connection.on('orderChanged', (id: string) => console.log('order changed', id));

await connection.start();
await fetch(`${apiBase}/api/addToGroup`, { method: 'POST', body: JSON.stringify({ connectionId: connection.connectionId, group: 'orders' }) });
