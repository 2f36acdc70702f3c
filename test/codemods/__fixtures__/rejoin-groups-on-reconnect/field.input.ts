// A service that keeps its connection in a field and joins the tenant's group once connected.
import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';

export class TenantFeed {
  private connection?: HubConnection;

  constructor(private readonly tenant: string) {}

  async open(): Promise<void> {
    this.connection = new HubConnectionBuilder().withUrl('/hubs/tenants').withAutomaticReconnect().build();
    await this.connection.start();
    await this.connection.invoke('JoinGroup', this.tenant);
  }

  close(): Promise<void> | undefined {
    return this.connection?.stop();
  }
}
