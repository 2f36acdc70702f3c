import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/orders').build();

// The first start retries itself five times; only automatic reconnect is missing, and no second retry is added.
let attempts = 0;
function connect(): void {
  connection.start().catch(() => {
    if (++attempts < 5) setTimeout(connect, 1000 + Math.random() * 1000);
  });
}

connect();
