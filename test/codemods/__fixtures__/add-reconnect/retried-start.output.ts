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

const connection = new HubConnectionBuilder()
  .withUrl('/hubs/chat')
  .withAutomaticReconnect(retryForever)
  .build();

// The first start already retries itself; only automatic reconnect is missing.
async function start(): Promise<void> {
  try {
    await connection.start();
  } catch {
    setTimeout(start, 2000 + Math.random() * 3000);
  }
}

void start();
