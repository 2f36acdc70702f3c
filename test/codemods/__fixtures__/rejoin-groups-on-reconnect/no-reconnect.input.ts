// A one-off script that never reconnects: a lost group membership cannot happen here.
import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/reports').build();

await connection.start();
await connection.invoke('JoinGroup', 'nightly');
await connection.invoke('Publish', 'nightly', 'done');
await connection.stop();
