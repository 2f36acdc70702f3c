// Run by cron every morning: posts yesterday's numbers into the ops room. The process never exits
// while its connection is open, so each morning's run is still around the next morning.
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { readFile } from 'node:fs/promises';

const CHAT_SERVER_URL = process.env.CHAT_SERVER_URL ?? 'http://localhost:5000';

async function main(): Promise<void> {
  const connection = new HubConnectionBuilder()
    .withUrl(`${CHAT_SERVER_URL}/hubs/chat`, { accessTokenFactory: () => process.env.REPORT_BOT_TOKEN ?? '' })
    .withAutomaticReconnect()
    .configureLogging(LogLevel.Warning)
    .build();
  await connection.start(); // expect: require-stop
  const report = await readFile(new URL('../reports/yesterday.txt', import.meta.url), 'utf8');
  await connection.invoke('SendToGroup', 'ops', report);
  console.log('Daily report posted');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
