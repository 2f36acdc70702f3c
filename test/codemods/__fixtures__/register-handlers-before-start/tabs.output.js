import { HubConnectionBuilder } from "@microsoft/signalr";

var connection = new HubConnectionBuilder().withUrl("/hubs/board").build();

function openBoard(draw) {
	connection.on("Stroke", function (stroke) {
		draw(stroke);
	});
	connection.start();
}

openBoard(console.log);
