// Live match scores, pushed through the Azure Functions app that negotiates with Azure SignalR Service.
import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

import type { Score } from './types';

const SCORES_API = 'https://contoso-scores.azurewebsites.net/api';

export function Scoreboard() {
  const [scores, setScores] = useState<Record<string, Score>>({});

  useEffect(() => {
    // expect: no-hub-query-param, valid-reconnect-policy
    const connection = new HubConnectionBuilder().withUrl(`${SCORES_API}?hub=scores`).withAutomaticReconnect([0, 2, 10, 30]).build();
    connection.on('ScoreChanged', (score: Score) => setScores((previous) => ({ ...previous, [score.matchId]: score })));
    connection.start().catch((reason: unknown) => console.error('Scores are offline', reason));
    return () => {
      void connection.stop();
    };
  }, []);

  return (
    <table>
      <tbody>
        {Object.values(scores).map((score) => (
          <tr key={score.matchId}>
            <td>{score.matchId}</td>
            <td>
              {score.home} – {score.away}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
