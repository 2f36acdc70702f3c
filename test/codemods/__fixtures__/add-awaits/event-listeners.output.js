// Listeners that cancel the event: the cancel must happen while the event is dispatched.
const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/rooms').withAutomaticReconnect().build();

// Cancelled after the join: behind an `await` the form would already have been submitted.
document.getElementById('join-red').addEventListener('submit', function (event) {
  connection.invoke('JoinGroup', 'red');
  event.preventDefault();
});

// Cancelled before the join: awaiting it changes nothing the browser sees.
document.getElementById('join-blue').addEventListener('submit', async function (event) {
  event.preventDefault();
  await connection.invoke('JoinGroup', 'blue');
});

// jQuery cancels when the handler returns `false`; an async handler returns a promise.
$('#join-green').on('click', function () {
  connection.invoke('JoinGroup', 'green');
  return false;
});

// The `false` belongs to a callback inside the handler, not to the handler.
$('#join-gray').on('click', async function () {
  await connection.invoke('JoinGroup', 'gray');
  $('.room').each(function () {
    return false;
  });
});

connection.start().catch((error) => console.error(error));
