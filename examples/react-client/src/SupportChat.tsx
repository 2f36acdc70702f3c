// The support chat, written the way the others should be: the effect stops what it started, the
// client reconnects with jittered back-off, and the ticket's group is joined before anything depends on it.
import type { HubConnection, IRetryPolicy } from '@microsoft/signalr';
import { HubConnectionBuilder, HubConnectionState } from '@microsoft/signalr';
import { type FormEvent, useEffect, useRef, useState } from 'react';

import { getAccessToken } from './auth';
import type { ChatMessage } from './types';

/** Exponential back-off up to 30 s, randomised so that clients dropped together do not return together; never gives up. */
const retryWithJitter: IRetryPolicy = {
  nextRetryDelayInMilliseconds: ({ previousRetryCount }) => Math.min(30_000, 1_000 * 2 ** previousRetryCount) * (0.5 + Math.random() / 2),
};

function logFailure(reason: unknown): void {
  console.error('Support chat failed', reason);
}

export function SupportChat({ ticketId }: { ticketId: string }) {
  const connectionRef = useRef<HubConnection | null>(null);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [online, setOnline] = useState(false);
  const [draft, setDraft] = useState('');

  useEffect(() => {
    const connection = new HubConnectionBuilder()
      .withUrl('/hubs/support', { accessTokenFactory: getAccessToken })
      .withAutomaticReconnect(retryWithJitter)
      .build();
    connectionRef.current = connection;
    connection.on('ReceiveMessage', (message: ChatMessage) => setMessages((previous) => [...previous, message]));

    const joinTicket = async (): Promise<void> => {
      await connection.invoke('JoinGroup', ticketId);
      setOnline(true);
    };
    connection.onreconnecting(() => setOnline(false));
    // A reconnected client has a new connection id, so it is in no group until it joins again.
    connection.onreconnected(() => joinTicket().catch(logFailure));
    connection.start().then(joinTicket).catch(logFailure);

    return () => {
      connectionRef.current = null;
      void connection.stop();
    };
  }, [ticketId]);

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const connection = connectionRef.current;
    if (connection?.state !== HubConnectionState.Connected || draft.trim() === '') return;
    connection.invoke('SendToGroup', ticketId, draft).then(() => setDraft(''), logFailure);
  }

  return (
    <section aria-busy={!online}>
      <ul>
        {messages.map((message) => (
          <li key={message.id}>
            <strong>{message.user}</strong> {message.text}
          </li>
        ))}
      </ul>
      <form onSubmit={handleSubmit}>
        <input value={draft} onChange={(event) => setDraft(event.target.value)} disabled={!online} />
        <button type="submit" disabled={!online}>
          Send
        </button>
      </form>
    </section>
  );
}
