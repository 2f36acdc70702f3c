// A long-running worker on @aspnet/signalr 1.x, restarting the right way: after a random, growing
// delay (so that workers cut off together do not reconnect together), and again if a restart fails,
// since onclose does not fire for a start() that never connected.
import { HubConnectionBuilder, LogLevel } from '@aspnet/signalr';
import { setTimeout as sleep } from 'node:timers/promises';

const stock = new Map<string, number>();

const connection = new HubConnectionBuilder().withUrl('https://inventory.contoso.com/hubs/stock').configureLogging(LogLevel.Warning).build();
connection.on('StockChanged', (sku: string, quantity: number) => stock.set(sku, quantity));

async function startWithBackOff(): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await sleep(Math.min(60_000, 1_000 * 2 ** attempt) * Math.random());
    try {
      await connection.start();
      return;
    } catch (error) {
      console.warn(`Inventory hub unreachable (attempt ${attempt + 1})`, error);
    }
  }
}

connection.onclose(() => void startWithBackOff());
await startWithBackOff();
console.log('Mirroring stock levels');
