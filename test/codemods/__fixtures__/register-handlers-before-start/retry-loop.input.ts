import type { HubConnection } from '@microsoft/signalr';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function connectWithRetries(connection: HubConnection, onNews: (text: string) => void): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await connection.start();
      connection.on('News', onNews);
      return;
    } catch {
      await pause(Math.min(attempt, 10) * 1000);
    }
  }
}
