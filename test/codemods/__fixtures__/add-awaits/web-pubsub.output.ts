// A Web PubSub app server: the join is a separate HTTP request that the broadcast races.
import { WebPubSubServiceClient } from '@azure/web-pubsub';
import express from 'express';

const serviceClient = new WebPubSubServiceClient(process.env.WEB_PUBSUB_CONNECTION_STRING ?? '', 'chat');
const app = express();
app.use(express.json());

app.post('/rooms/:room/join', async (request, response) => {
  const { connectionId } = request.body as { connectionId: string };
  const group = serviceClient.group(request.params.room);
  await group.addConnection(connectionId);
  await group.sendToAll({ type: 'system', text: 'someone joined' });
  response.sendStatus(204);
});

export default app;
