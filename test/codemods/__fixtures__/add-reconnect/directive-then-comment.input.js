'use strict';
// The page's connection to the chat hub.
var connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.on('Message', function (text) {
  console.log(text);
});
connection.start();
