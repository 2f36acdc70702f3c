// A long-running worker that mirrors prices from the exchange's hub into the local cache. It still
// uses @aspnet/signalr 1.x, which has no withAutomaticReconnect, so it restarts the connection itself.
import { HubConnectionBuilder, LogLevel } from '@aspnet/signalr';

const prices = new Map<string, number>();

const connection = new HubConnectionBuilder().withUrl('https://prices.contoso.com/hubs/prices').configureLogging(LogLevel.Warning).build();
connection.on('PriceChanged', (symbol: string, price: number) => prices.set(symbol, price));
connection.onclose(() => setTimeout(() => connection.start(), 5000)); // expect: handle-start-errors

await connection.start();
console.log('Mirroring prices');
