import { HubConnectionBuilder } from '@microsoft/signalr';

export class ChatClient {
  private connection;

  constructor(url: string) {
    this.connection = new HubConnectionBuilder().withUrl(url).build();
  }

  async open(): Promise<void> {
    await this.connection.start();
  }

  close(): Promise<void> {
    return this.connection.stop();
  }
}
