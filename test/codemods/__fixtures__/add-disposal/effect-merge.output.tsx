import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

export function Chat({ room }: { room: string }) {
  const [messages, setMessages] = useState<string[]>([]);

  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
    const receive = (message: string) => setMessages((previous) => [...previous, message]);
    connection.on('ReceiveMessage', receive);
    connection.start().then(() => connection.invoke('JoinGroup', room));
    // Removing the handler is not enough: the connection stays open.
    return () => {
      connection.off('ReceiveMessage', receive);
      void connection.stop();
    };
  }, [room]);

  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl('/hubs/typing').build();
    const teardown = () => {
      connection.off('Typing');
    };
    connection.start();
    return () => {
      teardown();
      void connection.stop();
    };
  }, []);

  return <ul>{messages.map((message) => <li key={message}>{message}</li>)}</ul>;
}
