// The join runs again after every reconnect already: nothing to change.
import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/quotes').withAutomaticReconnect().build();

async function subscribe(): Promise<void> {
  await connection.invoke('JoinGroup', 'nasdaq');
}

connection.onreconnected(() => subscribe());

await connection.start();
await subscribe();
