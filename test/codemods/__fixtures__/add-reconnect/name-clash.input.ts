import { HubConnectionBuilder } from '@microsoft/signalr';

// The file's own function of the same name stays as it is.
export function startWithRetry(): string {
  return 'unrelated';
}

export class Ticker {
  private readonly connection = new HubConnectionBuilder().withUrl('/hubs/ticker').build();

  open(): Promise<void> {
    return this.connection.start();
  }

  close(): Promise<void> {
    return this.connection.stop();
  }
}
