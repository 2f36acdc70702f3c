// A classic page script: no arrow functions, no const.
var connection = new signalR.HubConnectionBuilder().withUrl("/hubs/board").build();

connection.on("Moved", function (card, column) {
    document.getElementById(card).setAttribute("data-column", column);
});

connection.start().then(function () {
    document.body.className = "connected";
}).catch(function (error) { console.error("Could not start the SignalR connection", error); });
