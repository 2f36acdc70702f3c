// The chat page of the old ASP.NET MVC site, on the classic jQuery client (jquery.signalR 2.4).
$(function () {
  var room = $('#room').val();
  var userName = $('#user-name').val();
  var connection = $.hubConnection('/signalr'); // expect: require-reconnect
  var chat = connection.createHubProxy('chatHub');

  /** @param {Error} error */
  function showError(error) {
    $('#status').text('Chat error: ' + error.message);
  }

  chat.on('addMessage', function (user, text) {
    $('<li>').text(user + ': ' + text).appendTo('#messages');
  });

  connection.start().done(function () {
    chat.invoke('JoinGroup', room); // expect: await-group-join
    chat.invoke('SendToGroup', room, userName + ' joined').fail(showError);
  }).fail(showError);

  $('#send').on('click', function () {
    chat.invoke('SendToGroup', room, $('#message').val()).fail(showError);
  });
});
