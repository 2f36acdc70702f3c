// @aspnet/signalr restarts from onclose; the join after the first start is not part of the restart.
// Where it belongs in the code's own restart path is the author's call: the codemod says so.
import { HubConnectionBuilder } from '@aspnet/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/dispatch').build();

async function start(): Promise<void> {
  try {
    await connection.start();
  } catch {
    setTimeout(start, 2000 + Math.random() * 3000);
  }
}

connection.onclose(() => void start());

await start();
await connection.invoke('JoinGroup', 'drivers');
