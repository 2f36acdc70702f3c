import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

interface Bid {
  bidder: string;
  amount: number;
}

export function BidHistory({ lot }: { lot: string }) {
  const [bids, setBids] = useState<Bid[]>([]);

  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl(`/hubs/bids?lot=${lot}`).withAutomaticReconnect().build();
    connection.on('BidHistory', (history: Bid[]) => setBids(history));

    connection.on('BidPlaced', (bid: Bid) => {
      setBids((current) => [...current, bid]);
    });

    connection
      .start()
      .catch((reason: unknown) => console.error('bids offline', reason));
    return () => {
      void connection.stop();
    };
  }, [lot]);

  return <ol>{bids.map((bid) => <li key={bid.bidder + bid.amount}>{bid.amount}</li>)}</ol>;
}
