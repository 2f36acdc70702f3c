// Posts into the hub that the caller names: the URL changes with every request.
import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { HubConnectionBuilder } from '@microsoft/signalr';

app.http('relay', {
  methods: ['POST'],
  handler: async (request: HttpRequest): Promise<HttpResponseInit> => {
    const hub = request.query.get('hub') ?? 'chat';
    const connection = new HubConnectionBuilder().withUrl(`https://chat.example.com/hubs/${hub}`).build();
    try {
      await connection.start();
      await connection.invoke('Relay', await request.text());
      return { status: 202 };
    } finally {
      await connection.stop();
    }
  },
});
