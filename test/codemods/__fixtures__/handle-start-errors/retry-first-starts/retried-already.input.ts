// Its failure handler starts it again after a random delay: nothing to change.
import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/alerts').withAutomaticReconnect().build();

function connect(): void {
  connection.start().catch(() => setTimeout(connect, 1000 + Math.random() * 4000));
}

connect();
