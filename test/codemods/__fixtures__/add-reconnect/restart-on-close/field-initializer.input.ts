import { HubConnectionBuilder } from '@microsoft/signalr';

export class Ticker {
  private readonly connection = new HubConnectionBuilder().withUrl('/hubs/ticker').build();

  async open(): Promise<void> {
    await this.connection.start();
  }
}
