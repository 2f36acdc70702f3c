// A Node worker that listens to the chat hub for as long as it runs.
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';

const connection = new HubConnectionBuilder()
  .withUrl('https://chat.contoso.com/hubs/chat')
  // Warnings only: this runs unattended.
  .configureLogging(LogLevel.Warning)
  .build();

connection.on('message', (user: string, text: string) => console.log(`${user}: ${text}`));

await connection.start();
console.log('Listening');
