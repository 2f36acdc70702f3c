import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();

// The first start already retries itself; only automatic reconnect is missing.
async function start(): Promise<void> {
  try {
    await connection.start();
  } catch {
    setTimeout(start, 2000 + Math.random() * 3000);
  }
}

void start();
