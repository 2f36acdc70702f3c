// Every failure here is handled already (or deliberately dropped): nothing to change.
import { HubConnectionBuilder } from '@microsoft/signalr';

const first = new HubConnectionBuilder().withUrl('/hubs/a').build();
const second = new HubConnectionBuilder().withUrl('/hubs/b').build();
const third = new HubConnectionBuilder().withUrl('/hubs/c').build();
const fourth = new HubConnectionBuilder().withUrl('/hubs/d').build();

first.start().catch((error: unknown) => console.warn('a is offline', error));
second.start().then(
  () => console.info('b is online'),
  (error: unknown) => console.warn('b is offline', error),
);
void third.start();

export async function openFourth(): Promise<boolean> {
  try {
    await fourth.start();
    return true;
  } catch {
    return false;
  }
}

export function connectAll(): Promise<void> {
  return fourth.start();
}
