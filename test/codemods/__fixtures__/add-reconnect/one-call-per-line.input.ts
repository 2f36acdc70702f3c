// Four spaces a step, and both chains written one call per line: the policy goes on a line of its
// own in the builder chain, and the chain on the start stays one call per line in the retried start.
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';

const hubUrl = '/hubs/inventory';

export const inventory = new HubConnectionBuilder()
    .withUrl(hubUrl)
    .configureLogging(LogLevel.Warning)
    .build();

inventory.on('StockChanged', (sku: string, count: number) => console.log(sku, count));

inventory
    .start()
    .then(() => console.log('inventory feed connected'))
    .catch((reason: unknown) => console.error('inventory feed unavailable', reason));
