// A classic script that already declares a `retryDelay` of its own: the helper gets another name.
var retryDelay = 2000;
const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.on('Message', (text) => console.log(text));
connection.start();
document.getElementById('retry').title = 'Retries after ' + retryDelay + ' ms';
