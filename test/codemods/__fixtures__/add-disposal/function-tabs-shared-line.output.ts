// Tab-indented, with two statements on one line: tabs stay tabs, and each statement keeps a line of its own.
import { HubConnectionBuilder } from "@microsoft/signalr";

export async function sendOnce(url: string, text: string): Promise<void> {
	const connection = new HubConnectionBuilder().withUrl(url).build();
	try {
		await connection.start();
		await connection.invoke("Send", text);
		console.log("sent");
	} finally {
		await connection.stop();
	}
}
