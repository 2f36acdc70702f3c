import $ from 'jquery';
import 'signalr';

// Connections stopped on purpose: their `disconnected` handler must not restart them.
const stoppedOnPurpose = new WeakSet();

// The chat page's connection.
const connection = $.hubConnection('/signalr');
connection.disconnected(() => {
  if (stoppedOnPurpose.delete(connection)) return;
  // A random delay, so that clients cut off together do not all come back at once.
  setTimeout(() => connection.start(), 1000 + 29000 * Math.random());
});
connection.start();
$('#leave').on('click', () => {
  stoppedOnPurpose.add(connection);
  connection.stop();
});
