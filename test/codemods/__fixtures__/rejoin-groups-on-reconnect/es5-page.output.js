// A classic page script: no arrow functions, double quotes.
var team = document.body.getAttribute("data-team");
var connection = new signalR.HubConnectionBuilder().withUrl("/hubs/standup").withAutomaticReconnect().build();
connection.onreconnected(function () { return connection.invoke("JoinGroup", team); });

connection.on("Posted", function (note) {
    document.getElementById("notes").textContent += note;
});

connection.start().then(function () {
    return connection.invoke("JoinGroup", team);
}).catch(function (error) {
    console.error(error);
});
