// The classic jQuery client: the work happens in callbacks that run after the function returns.
export function joinLobby() {
  var connection = $.hubConnection('/signalr');
  var lobby = connection.createHubProxy('lobby');
  connection.start().done(function () {
    lobby.invoke('join');
  });
}
