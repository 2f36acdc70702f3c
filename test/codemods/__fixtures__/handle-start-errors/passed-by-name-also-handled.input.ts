// Called once with its failure handled, and handed to a click listener that ignores it: a try/catch
// inside would change what the handled call hears, so the listener's path is left to fix by hand.
import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();

async function connect() {
  await connection.start();
}

document.getElementById('connect')!.addEventListener('click', connect);
connect().catch((error) => console.error('Could not connect', error));
