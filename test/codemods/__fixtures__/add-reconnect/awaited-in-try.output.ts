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
  .withUrl('/hubs/alerts')
  .withAutomaticReconnect(retryForever)
  .build();

// The `catch` shows a failed start; retrying inside `startWithRetry` would hide it from there.
async function open(showError: (message: string) => void): Promise<void> {
  try {
    await connection.start();
  } catch (error) {
    showError(String(error));
  }
}

void open(console.error);
