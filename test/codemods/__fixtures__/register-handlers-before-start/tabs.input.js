import { HubConnectionBuilder } from "@microsoft/signalr";

var connection = new HubConnectionBuilder().withUrl("/hubs/board").build();

function openBoard(draw) {
	connection.start().then(function () {
		connection.on("Stroke", function (stroke) {
			draw(stroke);
		});
	});
}

openBoard(console.log);
