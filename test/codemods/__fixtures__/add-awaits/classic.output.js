// The classic jQuery client: jQuery deferreds are thenables, so `await` works on them.
$(function () {
  var connection = $.hubConnection('/signalr');
  var chat = connection.createHubProxy('chatHub');

  connection.start().done(async function () {
    await chat.invoke('JoinGroup', 'lobby');
    chat.invoke('SendToGroup', 'lobby', 'hi');
  });
});
