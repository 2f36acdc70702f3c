import { HubConnectionBuilder } from '@microsoft/signalr';

/** Keeps listening after it returns: a `finally` would close the connection as soon as it opens. */
export async function listen(onPrice: (symbol: string, price: number) => void): Promise<void> {
  const connection = new HubConnectionBuilder().withUrl('/hubs/prices').build();
  connection.on('PriceChanged', onPrice);
  await connection.start();
}
