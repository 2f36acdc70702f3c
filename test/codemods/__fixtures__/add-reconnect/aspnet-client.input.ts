// A long-running worker on @aspnet/signalr 1.x, which has no withAutomaticReconnect.
import { HubConnectionBuilder, LogLevel } from '@aspnet/signalr';

const prices = new Map<string, number>();

const connection = new HubConnectionBuilder().withUrl('https://prices.contoso.com/hubs/prices').configureLogging(LogLevel.Warning).build(); // one price a second
connection.on('PriceChanged', (symbol: string, price: number) => prices.set(symbol, price));

await connection.start();

process.on('SIGTERM', async () => {
  await connection.stop();
  process.exit(0);
});
