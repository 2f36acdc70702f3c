// Posts one message from a script: the connection must be closed however the invocation ends.
import { HubConnectionBuilder } from '@microsoft/signalr';

export async function postOnce(room: string, text: string): Promise<void> {
  const connection = new HubConnectionBuilder().withUrl('https://chat.example.com/hubs/chat').build();
  await connection.start();
  // The report spans several lines, and its indentation is part of the text.
  const report = `${text}
  - sent by the release bot
    - do not reply`;
  await connection.invoke('SendToGroup', room, report) // no semicolon, kept as written
}
