"use strict";

var connection = new signalR.HubConnectionBuilder().withUrl("/hubs/chat").configureLogging(signalR.LogLevel.Information).build();

connection.on("ReceiveMessage", function (user, message) {
    var li = document.createElement("li");
    li.textContent = user + ": " + message;
    document.getElementById("messages").appendChild(li);
});

connection.start().then(function () {
    document.getElementById("send").disabled = false;
}).catch(function (err) {
    return console.error(err.toString());
});
