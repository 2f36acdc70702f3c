// The classic jQuery client in an async function: its deferreds can be awaited.
export async function announce(text) {
  var connection = $.hubConnection('/signalr');
  var hub = connection.createHubProxy('announcements');
  await connection.start();
  await hub.invoke('announce', text);
}
