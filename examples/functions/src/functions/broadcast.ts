// Lets the back office post into a chat room through the chat server's hub, the same way the
// browser client does.
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { HubConnectionBuilder } from '@microsoft/signalr';

interface BroadcastRequest {
  room: string;
  text: string;
}

app.http('broadcast', {
  methods: ['POST'],
  authLevel: 'function',
  handler: async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    const { room, text } = (await request.json()) as BroadcastRequest;
    // expect: no-connection-per-invocation
    const connection = new HubConnectionBuilder()
      .withUrl(`${process.env.CHAT_SERVER_URL}/hubs/chat`, { accessTokenFactory: () => process.env.BACK_OFFICE_TOKEN ?? '' })
      .withAutomaticReconnect()
      .build();
    await connection.start(); // expect: require-stop
    await connection.invoke('SendToGroup', room, text);
    context.log(`Posted to ${room}`);
    return { status: 202 };
  },
});
