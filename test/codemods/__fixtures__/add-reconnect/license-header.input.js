/*! Copyright (c) Contoso. Licensed under the MIT license. */
/** The page's connection to the chat hub. */
const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.on('Message', (text) => console.log(text));
connection.start();
