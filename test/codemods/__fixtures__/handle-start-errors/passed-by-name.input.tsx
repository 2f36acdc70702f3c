// Handlers handed over by name to callers that ignore their promise: two DOM listeners and a
// React onClick. The failure is handled inside each handler, where every path that reaches it escapes.
import { HubConnectionBuilder } from '@microsoft/signalr';
import { useState } from 'react';

const board = new HubConnectionBuilder().withUrl('/hubs/board').build();

async function connect() {
  await board.start();
  document.body.classList.add('online');
}

document.getElementById('connect')!.addEventListener('click', connect);
window.addEventListener('online', connect);

export function Lobby() {
  const [joined, setJoined] = useState(false);
  const join = async () => {
    const lobby = new HubConnectionBuilder().withUrl('/hubs/lobby').build();
    await lobby.start();
    setJoined(true);
  };
  return <button onClick={join} disabled={joined}>Join</button>;
}
