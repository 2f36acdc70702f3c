import { HubConnectionBuilder } from '@microsoft/signalr';

// 0.5–1 s, doubling up to 15–30 s; random, so that clients cut off together come back apart.
function retryDelay(retryCount: number): number {
  return Math.min(30000, 1000 * 2 ** retryCount) * (1 - 0.5 * Math.random());
}

// For withAutomaticReconnect: unlike the default policy, it never gives up.
const retryForever = {
  nextRetryDelayInMilliseconds(retryContext: { previousRetryCount: number }): number {
    return retryDelay(retryContext.previousRetryCount);
  }
};

// The file's own function of the same name stays as it is.
export function startWithRetry(): string {
  return 'unrelated';
}

export class Ticker {
  private readonly connection = new HubConnectionBuilder()
    .withUrl('/hubs/ticker')
    .withAutomaticReconnect(retryForever)
    .build();

  open(): Promise<void> {
    return this.connection.start();
  }

  close(): Promise<void> {
    return this.connection.stop();
  }
}
