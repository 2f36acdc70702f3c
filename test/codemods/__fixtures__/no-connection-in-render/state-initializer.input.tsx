import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

export function Auction({ lot }: { lot: string }) {
  const [connection] = useState(new HubConnectionBuilder().withUrl('/hubs/auction').build());
  const [bid, setBid] = useState(0);

  useEffect(() => {
    connection.on('BidPlaced', (amount: number) => setBid(amount));
    connection.start().catch((reason: unknown) => console.error(reason));
    return () => {
      void connection.stop();
    };
  }, [connection]);

  return <p>{`${lot}: ${bid}`}</p>;
}
