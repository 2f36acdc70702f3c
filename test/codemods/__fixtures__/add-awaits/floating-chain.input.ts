import { HubConnectionBuilder } from '@microsoft/signalr';

// Whoever awaits `ready` waits for `resolve()`. Awaiting the join inside this unhandled chain would
// move its failure to the chain and skip `resolve()`: the codemod leaves both and says why.
export function openRoom(room: string): Promise<void> {
  const connection = new HubConnectionBuilder().withUrl('/hubs/rooms').build();
  return new Promise((resolve) => {
    connection.start().then(() => {
      connection.invoke('JoinGroup', room);
      resolve();
    });
  });
}
