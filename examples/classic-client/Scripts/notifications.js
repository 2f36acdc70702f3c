// Notifications on the same site, written the right way for the classic client: the join is part of
// the start chain, and after the client gives up reconnecting (`disconnected`) the page starts again
// after a random delay, so that a server restart is not followed by every page reconnecting at once.
$(function () {
  var userId = $('body').data('user-id');
  var connection = $.hubConnection('/signalr');
  var notifications = connection.createHubProxy('notificationHub');

  /** @param {Error} error */
  function showError(error) {
    $('#notification-status').text('Notifications are offline: ' + error.message);
  }

  function startConnection() {
    return connection.start().then(function () {
      return notifications.invoke('JoinGroup', 'user-' + userId);
    });
  }

  notifications.on('notify', function (text) {
    $('<li>').text(text).prependTo('#notifications');
  });

  connection.disconnected(function () {
    setTimeout(function () {
      startConnection().fail(showError);
    }, 5000 + Math.random() * 25000);
  });

  startConnection().fail(showError);
});
