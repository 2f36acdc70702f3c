// Posts a release note into the releases room from CI, then exits: the connection is stopped on
// every path out of main(), so the process ends as soon as the message is sent (or fails).
import type { IRetryPolicy } from '@microsoft/signalr';
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';

/** A CI job should fail fast rather than wait: three quick randomised retries, then give up (null). */
const retryBriefly: IRetryPolicy = {
  nextRetryDelayInMilliseconds: ({ previousRetryCount }) => (previousRetryCount < 3 ? 500 + Math.random() * 1_500 : null),
};

async function main(version: string): Promise<void> {
  const connection = new HubConnectionBuilder()
    .withUrl(`${process.env.CHAT_SERVER_URL ?? 'http://localhost:5000'}/hubs/chat`, {
      accessTokenFactory: () => process.env.RELEASE_BOT_TOKEN ?? '',
    })
    .withAutomaticReconnect(retryBriefly)
    .configureLogging(LogLevel.Warning)
    .build();
  await connection.start();
  try {
    await connection.invoke('SendToGroup', 'releases', `Version ${version} is live`);
  } finally {
    await connection.stop();
  }
}

main(process.argv[2] ?? 'unknown').catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
