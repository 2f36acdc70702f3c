// The page's connection to the chat hub: the helpers go above this comment, which describes it.
const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.on('Message', (text) => console.log(text));
connection.start();
