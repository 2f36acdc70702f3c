import $ from 'jquery';
import 'signalr';
// The chat page's connection.
const connection = $.hubConnection('/signalr');
connection.start();
$('#leave').on('click', () => {
  connection.stop();
});
