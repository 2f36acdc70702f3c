import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.onclose((error) => {
  if (error) setTimeout(() => void connection.start(), 1000 + Math.random() * 4000);
});
await connection.start();
