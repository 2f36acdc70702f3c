import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

// Indented with tabs: the stops the codemod adds, in a new cleanup and in a block it makes of an
// expression-bodied one, are too.
export function Presence({ team }) {
	const [online, setOnline] = useState([]);

	useEffect(() => {
		const connection = new HubConnectionBuilder().withUrl('/hubs/presence').build();
		connection.on('Online', (people) => setOnline(people));
		connection.start().catch((reason) => console.error(reason));
		return () => {
			void connection.stop();
		};
	}, []);

	useEffect(() => {
		const typing = new HubConnectionBuilder().withUrl(`/hubs/typing?team=${team}`).build();
		const onTyping = (name) => console.log(`${name} is typing`);
		typing.on('Typing', onTyping);
		typing.start();
		return () => {
			typing.off('Typing', onTyping);
			void typing.stop();
		};
	}, [team]);

	return (
		<ul>
			{online.map((name) => (
				<li key={name}>{name}</li>
			))}
		</ul>
	);
}
