// The right way to send from a function: the SignalR output binding calls the service's REST API,
// so no function opens a client connection of its own.
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext, output } from '@azure/functions';

const signalRMessages = output.generic({
  type: 'signalR',
  name: 'signalRMessages',
  hubName: 'chat',
  connectionStringSetting: 'AzureSignalRConnectionString',
});

app.http('announce', {
  methods: ['POST'],
  authLevel: 'function',
  extraOutputs: [signalRMessages],
  handler: async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    const text = await request.text();
    context.extraOutputs.set(signalRMessages, { target: 'ReceiveAnnouncement', arguments: [text] });
    return { status: 202 };
  },
});
