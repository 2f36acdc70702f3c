import type { HubConnection } from '@microsoft/signalr';

function logTo(prefix: string) {
  console.info(`${prefix} handler ready`);
  return (text: string) => console.info(prefix, text);
}

export async function listen(connection: HubConnection): Promise<void> {
  await connection.start();
  // Making the handler runs code of its own.
  connection.on('Log', logTo('hub'));
}
