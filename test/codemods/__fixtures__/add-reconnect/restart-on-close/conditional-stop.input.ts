import { HubConnectionBuilder } from '@aspnet/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
await connection.start();

export function leave(done: boolean): Promise<void> | undefined {
  return done ? connection.stop() : undefined;
}
