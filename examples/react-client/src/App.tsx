import { ChatRoom } from './ChatRoom';
import { NotificationBell } from './NotificationBell';
import { PresenceList } from './PresenceList';
import { Scoreboard } from './Scoreboard';
import { SupportChat } from './SupportChat';

interface AppProps {
  userName: string;
  token: string;
  room: string;
  ticketId?: string;
}

export function App({ userName, token, room, ticketId }: AppProps) {
  return (
    <>
      <header>
        <NotificationBell token={token} />
      </header>
      <main>
        <ChatRoom room={room} userName={userName} />
        <Scoreboard />
        {ticketId && <SupportChat ticketId={ticketId} />}
      </main>
      <PresenceList />
    </>
  );
}
