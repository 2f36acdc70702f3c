import { HubConnectionBuilder } from '@microsoft/signalr';

/** Two connections, started in the opposite order of their creation. */
export async function mirror(): Promise<void> {
  const source = new HubConnectionBuilder().withUrl('/hubs/source').build();
  const target = new HubConnectionBuilder().withUrl('/hubs/target').build();
  await target.start();
  await source.start();
  await target.invoke('Post', await source.invoke<string>('LastMessage'));
}
