import { HubConnectionBuilder } from '@microsoft/signalr'; // the browser client
// The app's connection to the chat hub.
export const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
void connection.start();
