// A connection that may not exist yet: `startWithRetry` cannot take `connection?.start()`, so the
// failure is reported instead, and the codemod says why it did not retry.
import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';

let connection: HubConnection | undefined;

export function connect(url: string): void {
  connection = new HubConnectionBuilder().withUrl(url).withAutomaticReconnect().build();
}

export function start(): void {
  connection?.start();
}
