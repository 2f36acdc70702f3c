import * as signalR from '@microsoft/signalr';

const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/lobby').build();

export function Lobby({ room }: { room: string }) {
  const join = async () => {
    connection.invoke('JoinGroup', room);
  };
  return <button onClick={join}>Join {room}</button>;
}
