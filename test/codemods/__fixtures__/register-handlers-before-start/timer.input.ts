import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/scores').build();

export function follow(show: (score: string) => void): void {
  connection.start().catch(console.error);
  setTimeout(() => {
    connection.on('Score', show);
  }, 1000);
}
