// The file reports its problems through its own logger: the added handler does too.
import { HubConnectionBuilder } from '@microsoft/signalr';

const logger = {
  info(message: string): void {
    process.stdout.write(`${message}\n`);
  },
  error(message: string, cause?: unknown): void {
    process.stderr.write(`${message}: ${String(cause)}\n`);
  },
};

export function watchInventory(onChange: (sku: string) => void): () => Promise<void> {
  const connection = new HubConnectionBuilder().withUrl('https://stock.contoso.com/hubs/inventory').build();
  connection.on('Changed', onChange);
  connection
    .start()
    .then(() => logger.info('watching inventory'))
    .catch((error) => logger.error('Could not start the SignalR connection', error));
  return () => connection.stop();
}

export function logFailure(cause: unknown): void {
  logger.error('inventory watch failed', cause);
}
