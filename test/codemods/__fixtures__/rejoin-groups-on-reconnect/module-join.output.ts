// An operations console: one connection for the page, in the `ops` group for alerts.
import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/alerts').withAutomaticReconnect().build();
connection.onreconnected(() => connection.invoke('AddToGroup', 'ops'));
connection.on('Alert', (text: string) => process.stdout.write(`${text}\n`));

await connection.start();
await connection.invoke('AddToGroup', 'ops');
