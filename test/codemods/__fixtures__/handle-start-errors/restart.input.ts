// @aspnet/signalr has no automatic reconnect: the worker restarts the connection itself, once. When
// that restart fails, onclose does not fire again and the worker stays disconnected.
import { HubConnectionBuilder } from '@aspnet/signalr';

const rates = new Map<string, number>();

const connection = new HubConnectionBuilder().withUrl('https://fx.contoso.com/hubs/rates').build();
connection.on('Rate', (pair: string, rate: number) => rates.set(pair, rate));
connection.onclose(() => setTimeout(() => connection.start(), 5000));

await connection.start();
