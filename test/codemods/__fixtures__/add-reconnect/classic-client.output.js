// Connections stopped on purpose: their `disconnected` handler must not restart them.
// Shared with the page's other scripts, which may have declared it first.
var stoppedOnPurpose = stoppedOnPurpose || new WeakSet();

// The chat page on the classic jQuery client.
$(function () {
  var connection = $.hubConnection('/signalr');
  connection.disconnected(function () {
    if (stoppedOnPurpose.delete(connection)) return;
    // A random delay, so that clients cut off together do not all come back at once.
    setTimeout(function () { connection.start(); }, 1000 + 29000 * Math.random());
  });
  var chat = connection.createHubProxy('chatHub');

  chat.on('addMessage', function (user, text) {
    $('<li>').text(user + ': ' + text).appendTo('#messages');
  });

  connection.start().done(function () {
    chat.invoke('JoinGroup', 'lobby');
  });

  $('#leave').on('click', function () {
    stoppedOnPurpose.add(connection);
    connection.stop();
  });
});
