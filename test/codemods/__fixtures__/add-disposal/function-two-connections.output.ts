import { HubConnectionBuilder } from '@microsoft/signalr';

/** Copies the last message of one hub to another. */
export async function relay(): Promise<void> {
  const source = new HubConnectionBuilder().withUrl('/hubs/source').build();
  try {
    await source.start();
    const last = await source.invoke<string>('LastMessage');

    const target = new HubConnectionBuilder().withUrl('/hubs/target').build();
    try {
      await target.start();
      await target.invoke('Post', last);
    } finally {
      await target.stop();
    }
  } finally {
    await source.stop();
  }
}
