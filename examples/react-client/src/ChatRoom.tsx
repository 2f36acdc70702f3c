// The room screen of the chat: shows the room's messages and tells the room who arrived.
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

import type { ChatMessage } from './types';

interface ChatRoomProps {
  room: string;
  userName: string;
}

export function ChatRoom({ room, userName }: ChatRoomProps) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const connection = new HubConnectionBuilder()
      .withUrl('/hubs/chat')
      .withAutomaticReconnect()
      .configureLogging(LogLevel.Warning)
      .build();
    connection.on('ReceiveMessage', (message: ChatMessage) => setMessages((previous) => [...previous, message]));

    connection.start() // expect: require-stop
      .then(() => {
        connection.invoke('JoinGroup', room); // expect: await-group-join, rejoin-groups-on-reconnect
        return connection.invoke('SendToGroup', room, `${userName} joined #${room}`);
      })
      .catch((reason: unknown) => setError(String(reason)));
  }, [room, userName]);

  return (
    <section>
      <h2>#{room}</h2>
      {error && <p role="alert">{error}</p>}
      <ul>
        {messages.map((message) => (
          <li key={message.id}>
            <strong>{message.user}</strong> {message.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
