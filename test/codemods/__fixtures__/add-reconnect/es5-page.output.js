"use strict";

// 0.5–1 s, doubling up to 15–30 s; random, so that clients cut off together come back apart.
function retryDelay(retryCount) {
    return Math.min(30000, 1000 * Math.pow(2, retryCount)) * (1 - 0.5 * Math.random());
}

// For withAutomaticReconnect: unlike the default policy, it never gives up.
var retryForever = {
    nextRetryDelayInMilliseconds: function (retryContext) {
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
    var run = { then: then };
    startRuns.set(connection, run);
    return new Promise(function (resolve) {
        function attempt(retryCount) {
            if (startRuns.get(connection) !== run) return;
            var started = connection.start();
            var chained = then ? then(started) : undefined;
            started.then(function () {
                resolve(chained);
            }, function () {
                setTimeout(function () {
                    attempt(retryCount + 1);
                }, retryDelay(retryCount));
            });
        }
        attempt(0);
    });
}

var connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/chat")
    .configureLogging(signalR.LogLevel.Information)
    .withAutomaticReconnect(retryForever)
    .build();

connection.on("ReceiveMessage", function (user, message) {
    var li = document.createElement("li");
    li.textContent = user + ": " + message;
    document.getElementById("messages").appendChild(li);
});

startWithRetry(connection, function (started) {
    return started.then(function () {
        document.getElementById("send").disabled = false;
    }).catch(function (err) {
        return console.error(err.toString());
    });
});
