import { HubConnectionBuilder } from '@microsoft/signalr';

// The chain handles failures, but `resolve()` after the join must still run when the join fails.
export function openLobby(): Promise<void> {
  const connection = new HubConnectionBuilder().withUrl('/hubs/lobby').build();
  return new Promise((resolve) => {
    connection
      .start()
      .then(() => {
        connection.invoke('JoinGroup', 'lobby');
        resolve();
      })
      .catch((error: unknown) => console.error(error));
  });
}
