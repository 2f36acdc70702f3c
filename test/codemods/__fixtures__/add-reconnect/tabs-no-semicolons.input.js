// Tab-indented, double quotes, no semicolons.
import * as signalR from "@microsoft/signalr"

export function connectTicker(onPrice) {
	const connection = new signalR.HubConnectionBuilder()
		.withUrl("/hubs/ticker")
		.build()
	connection.on("price", onPrice)
	connection.start().catch((error) => console.warn("Ticker offline", error))
	return connection
}
