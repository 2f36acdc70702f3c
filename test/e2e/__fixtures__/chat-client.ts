// A chat client written the way apps write it: build, register handlers, start, join the room, hand
// the connection to the caller. It has no reconnect logic, so when the server restarts it is gone for
// good. reconnect.e2e.test.ts runs the add-reconnect codemod on this file and runs both versions
// against a local test server. (In __fixtures__, which the linter ignores, so that `require-reconnect`
// does not report the missing reconnect logic: that is the point of this file. It still gets
// type-checked, through the test's `typeof import`.)
import type { HubConnection, ILogger } from '@microsoft/signalr';
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';

export type MessageHandler = (user: string, text: string) => void;

export interface ChatEvents {
  /** Told about every failed start (the status line of a chat window). */
  readonly onStartError?: (error: Error) => void;
  /** Runs once the client is connected and in its room. */
  readonly onJoined?: () => void;
  /** Leaving the page: the client stops. */
  readonly signal?: AbortSignal;
}

export async function connectToChat(
  url: string,
  room: string,
  onMessage: MessageHandler,
  logger: ILogger | LogLevel = LogLevel.Warning,
  events: ChatEvents = {},
): Promise<HubConnection> {
  const connection = new HubConnectionBuilder().withUrl(url).configureLogging(logger).build();
  connection.on('ReceiveMessage', onMessage);
  events.signal?.addEventListener('abort', () => connection.stop());
  await connection
    .start()
    .then(() => connection.invoke('JoinGroup', room))
    .then(() => events.onJoined?.())
    .catch((error: Error) => events.onStartError?.(error));
  return connection;
}
