import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

// Indented four spaces a step: the cleanup the codemod adds is too.
export function Scoreboard({ match }) {
    const [score, setScore] = useState('0 – 0');

    useEffect(() => {
        const connection = new HubConnectionBuilder().withUrl(`/hubs/scores?match=${match}`).build();
        connection.on('ScoreChanged', (value) => setScore(value));
        connection.start().catch((reason) => console.error(reason));
    }, [match]);

    return (
        <p className="score">
            {score}
        </p>
    );
}
