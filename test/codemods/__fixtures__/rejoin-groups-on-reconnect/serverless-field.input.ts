// The connection in a field, the join through the app's API: the request reads `this.connection`,
// which a callback would have to re-check, so the codemod leaves it to the author.
import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';

export class Notifications {
  private readonly connection: HubConnection;

  constructor() {
    this.connection = new HubConnectionBuilder().withUrl('/api').withAutomaticReconnect().build();
  }

  async open(): Promise<void> {
    await this.connection.start();
    await fetch('/api/addtogroup', { method: 'POST', body: JSON.stringify({ connectionId: this.connection.connectionId, team: 'support' }) });
  }
}
