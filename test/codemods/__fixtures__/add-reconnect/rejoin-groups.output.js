// The chat page joins its room once connected. After an automatic reconnect the connection id is
// new and the room is gone, so the codemod joins it again in `onreconnected`.

// 0.5–1 s, doubling up to 15–30 s; random, so that clients cut off together come back apart.
function retryDelay(retryCount) {
  return Math.min(30000, 1000 * Math.pow(2, retryCount)) * (1 - 0.5 * Math.random());
}

// For withAutomaticReconnect: unlike the default policy, it never gives up.
var retryForever = {
  nextRetryDelayInMilliseconds(retryContext) {
    return retryDelay(retryContext.previousRetryCount);
  }
};

// How each connection was last started, or that it was stopped on purpose.
// Shared with the page's other scripts, which may have declared it first.
var startRuns = startRuns || new WeakMap();

/**
 * Starts `connection`, and while that fails, starts it again after a random, growing delay.
 * `then` gets each try's `start()` promise: what the code chained on its start runs for every try.
 * Resolves once connected; never settles when the connection is stopped first.
 */
function startWithRetry(connection, then) {
  var run = { then };
  startRuns.set(connection, run);
  return new Promise((resolve) => {
    var attempt = (retryCount) => {
      if (startRuns.get(connection) !== run) return;
      var started = connection.start();
      var chained = then ? then(started) : undefined;
      var retry = () => setTimeout(() => attempt(retryCount + 1), retryDelay(retryCount));
      started.then(() => resolve(chained), retry);
    };
    attempt(0);
  });
}

var room = document.body.dataset.room;
var connection = new signalR.HubConnectionBuilder()
  .withUrl('/hubs/chat')
  .withAutomaticReconnect(retryForever)
  .build();
connection.onreconnected(() => connection.invoke('JoinGroup', room));

connection.on('message', (user, text) => console.log(user + ': ' + text));

startWithRetry(connection, (started) =>
  started
    .then(() => connection.invoke('JoinGroup', room))
    .catch((error) => console.error(error))
);
