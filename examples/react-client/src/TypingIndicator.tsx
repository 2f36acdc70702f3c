// Shows who is typing in the room. The connection lives in state so that the component keeps one
// across renders; but the builder runs on every render all the same.
import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

export function TypingIndicator({ room }: { room: string }) {
  // expect: no-connection-in-render
  const [connection] = useState(new HubConnectionBuilder().withUrl('/hubs/typing').withAutomaticReconnect().build());
  const [typing, setTyping] = useState<string[]>([]);

  useEffect(() => {
    connection.on('Typing', (users: string[]) => setTyping(users));
    connection.start().catch((reason: unknown) => console.error('Typing indicator is offline', reason));
    return () => {
      void connection.stop();
    };
  }, [connection]);

  return typing.length > 0 ? <p>{`${typing.join(', ')} typing in #${room}…`}</p> : null;
}
