// Relays a back-office announcement to every connected client.
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { HubConnectionBuilder, HubConnectionState, HubConnection } from '@microsoft/signalr';

const HUB_URL = process.env.CHAT_SERVER_URL ?? 'https://chat.example.com';

let hubConnection: HubConnection | undefined;
let hubConnectionStart: Promise<void> | undefined;

/**
 * One connection shared by every invocation: a connection per invocation piles up until Azure SignalR
 * answers 429. Built on first use; started again whenever it is disconnected.
 */
async function getHubConnection(): Promise<HubConnection> {
  hubConnection ??= new HubConnectionBuilder()
    .withUrl(`${HUB_URL}/hubs/chat`, { accessTokenFactory: () => process.env.BACK_OFFICE_TOKEN ?? '' })
    .withAutomaticReconnect()
    .build();
  if (hubConnection.state === HubConnectionState.Disconnected) {
    hubConnectionStart ??= hubConnection.start().finally(() => {
      hubConnectionStart = undefined;
    });
  }
  await hubConnectionStart;
  return hubConnection;
}

export async function announce(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const connection = await getHubConnection();
  await connection.invoke('Announce', await request.text());
  context.log('announced');
  return { status: 202 };
}

app.http('announce', { methods: ['POST'], authLevel: 'function', handler: announce });
