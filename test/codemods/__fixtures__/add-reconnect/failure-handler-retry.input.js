// The status line shows every failed start; the page retried once by hand.

const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
const status = document.getElementById('status');

connection.on('message', (text) => console.log(text));

connection
  .start()
  .then(() => {
    status.textContent = 'Connected';
  })
  .catch((error) => {
    status.textContent = `Cannot connect: ${error.message}`;
    setTimeout(() => connection.start(), 5000);
  });
