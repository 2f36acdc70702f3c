// The chat page on the classic jQuery client.
$(function () {
  var connection = $.hubConnection('/signalr');
  var chat = connection.createHubProxy('chatHub');

  chat.on('addMessage', function (user, text) {
    $('<li>').text(user + ': ' + text).appendTo('#messages');
  });

  connection.start().done(function () {
    chat.invoke('JoinGroup', 'lobby');
  });

  $('#leave').on('click', function () {
    connection.stop();
  });
});
