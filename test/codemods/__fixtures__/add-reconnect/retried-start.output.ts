import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect({ nextRetryDelayInMilliseconds: (retryContext) => Math.min(30000, 1000 * 2 ** retryContext.previousRetryCount) * (1 - 0.5 * Math.random()) }).build();

// The first start already retries itself; only automatic reconnect is missing.
async function start(): Promise<void> {
  try {
    await connection.start();
  } catch {
    setTimeout(start, 2000 + Math.random() * 3000);
  }
}

void start();
