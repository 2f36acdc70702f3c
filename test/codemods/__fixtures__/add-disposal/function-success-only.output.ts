import { HubConnectionBuilder } from '@microsoft/signalr';

/** Asks the hub for the current score; the stop below is skipped whenever `invoke` rejects. */
export async function fetchScore(matchId: string): Promise<number> {
  const connection = new HubConnectionBuilder().withUrl('/hubs/scores').build();
  try {
    await connection.start();
    const score = await connection.invoke<number>('GetScore', matchId);
    return score;
  } finally {
    await connection.stop();
  }
}
