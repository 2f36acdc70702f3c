// The chat page on the classic jQuery client.

// Added by signalr-codemod add-reconnect: connections this file stopped on purpose; `disconnected` fires
// after those too, and must not restart them.
var signalRStoppedOnPurpose = new WeakSet();

$(function () {
  var connection = $.hubConnection('/signalr');
  connection.disconnected(() => {
    // Added by signalr-codemod add-reconnect: restart after a random delay, unless this file stopped it.
    if (signalRStoppedOnPurpose.delete(connection)) return;
    setTimeout(() => connection.start(), 1000 + 29000 * Math.random());
  });
  var chat = connection.createHubProxy('chatHub');

  chat.on('addMessage', function (user, text) {
    $('<li>').text(user + ': ' + text).appendTo('#messages');
  });

  connection.start().done(function () {
    chat.invoke('JoinGroup', 'lobby');
  });

  $('#leave').on('click', function () {
    signalRStoppedOnPurpose.add(connection);
    connection.stop();
  });
});
