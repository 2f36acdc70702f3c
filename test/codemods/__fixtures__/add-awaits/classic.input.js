// The classic jQuery client in an ES5 page script: `async` would raise its language level, so the join is left, with the reason.
$(function () {
  var connection = $.hubConnection('/signalr');
  var chat = connection.createHubProxy('chatHub');

  connection.start().done(function () {
    chat.invoke('JoinGroup', 'lobby');
    chat.invoke('SendToGroup', 'lobby', 'hi');
  });
});
