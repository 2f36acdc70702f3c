import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

export function Ticker({ symbol }: { symbol: string }) {
  const [price, setPrice] = useState<number>();

  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl(`/hubs/prices?symbol=${symbol}`).build();
    connection.on('PriceChanged', (value: number) => setPrice(value));
    connection.start().catch((reason: unknown) => console.error(reason));
    return () => {
      void connection.stop();
    };
  }, [symbol]);

  return <span>{price ?? '…'}</span>;
}
