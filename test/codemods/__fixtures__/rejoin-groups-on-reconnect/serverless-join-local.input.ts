// The id is read into a local before the request: a copy of the request in `onreconnected` would
// send that old id, so the codemod leaves it to the author.
import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/api').withAutomaticReconnect().build();

await connection.start();
const connectionId = connection.connectionId;
await fetch('/api/joinGroup', { method: 'POST', body: JSON.stringify({ connectionId, group: 'orders' }) });
