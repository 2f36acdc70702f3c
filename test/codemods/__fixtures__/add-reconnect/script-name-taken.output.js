// 0.5–1 s, doubling up to 15–30 s; random, so that clients cut off together come back apart.
function retryDelay2(retryCount) {
  return Math.min(30000, 1000 * Math.pow(2, retryCount)) * (1 - 0.5 * Math.random());
}

// For withAutomaticReconnect: unlike the default policy, it never gives up.
var retryForever = {
  nextRetryDelayInMilliseconds(retryContext) {
    return retryDelay2(retryContext.previousRetryCount);
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
  const run = { then };
  startRuns.set(connection, run);
  return new Promise((resolve) => {
    const attempt = (retryCount) => {
      if (startRuns.get(connection) !== run) return;
      const started = connection.start();
      const chained = then ? then(started) : undefined;
      const retry = () => setTimeout(() => attempt(retryCount + 1), retryDelay2(retryCount));
      started.then(() => resolve(chained), retry);
    };
    attempt(0);
  });
}

// A classic script that already declares a `retryDelay` of its own: the helper gets another name.
var retryDelay = 2000;
const connection = new signalR.HubConnectionBuilder()
  .withUrl('/hubs/chat')
  .withAutomaticReconnect(retryForever)
  .build();
connection.on('Message', (text) => console.log(text));
startWithRetry(connection);
document.getElementById('retry').title = 'Retries after ' + retryDelay + ' ms';
