// Relays a back-office announcement to every connected client.
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { HubConnectionBuilder } from '@microsoft/signalr';

const HUB_URL = process.env.CHAT_SERVER_URL ?? 'https://chat.example.com';

export async function announce(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const connection = new HubConnectionBuilder()
    .withUrl(`${HUB_URL}/hubs/chat`, { accessTokenFactory: () => process.env.BACK_OFFICE_TOKEN ?? '' })
    .withAutomaticReconnect()
    .build();
  await connection.start();
  await connection.invoke('Announce', await request.text());
  context.log('announced');
  return { status: 202 };
}

app.http('announce', { methods: ['POST'], authLevel: 'function', handler: announce });
