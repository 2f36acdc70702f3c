import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/alerts').build();

// The `catch` shows a failed start; retrying inside `startWithRetry` would hide it from there.
async function open(showError: (message: string) => void): Promise<void> {
  try {
    await connection.start();
  } catch (error) {
    showError(String(error));
  }
}

void open(console.error);
