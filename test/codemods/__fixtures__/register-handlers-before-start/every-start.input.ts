import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/feed').withAutomaticReconnect().build();

connection.on('Item', (item: string) => console.log(item));
// A new handler on every reconnect: each item is logged once more after each one.
connection.onreconnected(() => {
  connection.on('Item', (item: string) => console.log('again', item));
});

void connection.start();
