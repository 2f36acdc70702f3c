// A React room screen: effects cannot be async, JSX event handlers can.
import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect } from 'react';

const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();

export function Room({ room }: { room: string }) {
  useEffect(() => {
    connection.invoke('JoinGroup', room);
    return () => {
      connection.invoke('LeaveGroup', room);
    };
  }, [room]);

  return (
    <section>
      <h2>{room}</h2>
      <button onClick={() => { connection.invoke('JoinGroup', `${room}-vip`); }}>Join the VIP room</button>
    </section>
  );
}
