// A TypeScript script (no import, no export) on a page that loads the SignalR browser bundle.

declare const signalR: typeof import('@microsoft/signalr');

const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.on('Message', (text: string) => console.log(text));
void connection.start();
