import * as signalR from '@microsoft/signalr';

const connection = new signalR.HubConnectionBuilder()
  .withUrl('/hubs/orders')
  .withAutomaticReconnect()
  .build();

// The first start is already retried by this loop; it still goes through the helper now, which
// records that the file wants the connection open.
for (;;) {
  try {
    await connection.start();
    break;
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 1000 + Math.random() * 4000));
  }
}

window.addEventListener('beforeunload', () => connection.stop());
