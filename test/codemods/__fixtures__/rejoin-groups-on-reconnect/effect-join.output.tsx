// A board that follows one board's group. The connection reconnects by itself, but the new
// connection id is in no group: after the first drop the board goes quiet.
import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

export function TeamBoard({ boardId }: { boardId: string }) {
  const [cards, setCards] = useState<string[]>([]);

  useEffect(() => {
    const connection = new HubConnectionBuilder()
      .withUrl('/hubs/boards')
      .withAutomaticReconnect()
      .build();
    connection.onreconnected(() => connection.invoke('JoinBoard', boardId));
    connection.on('CardAdded', (card: string) => setCards((previous) => [...previous, card]));
    connection
      .start()
      .then(() => connection.invoke('JoinBoard', boardId))
      .catch((error: unknown) => console.error('board offline', error));
    return () => {
      void connection.stop();
    };
  }, [boardId]);

  return <ul>{cards.map((card) => <li key={card}>{card}</li>)}</ul>;
}
