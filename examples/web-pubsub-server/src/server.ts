// The chat's app server on Azure Web PubSub: browsers get a client URL from /negotiate, connect to
// the service directly, and call back here to join rooms.
import { WebPubSubServiceClient } from '@azure/web-pubsub';
import express from 'express';

const serviceClient = new WebPubSubServiceClient(process.env.WEB_PUBSUB_CONNECTION_STRING ?? '', 'chat');

interface JoinRequest {
  connectionId: string;
  userName: string;
}

interface InviteRequest {
  userId: string;
}

const app = express();
app.use(express.json());

app.get('/negotiate', async (request, response) => {
  const userId = request.header('x-user-id');
  if (!userId) {
    response.sendStatus(401);
    return;
  }
  const { url } = await serviceClient.getClientAccessToken({ userId, roles: ['webpubsub.sendToGroup'] });
  response.json({ url });
});

app.post('/rooms/:room/join', async (request, response) => {
  const { connectionId, userName } = request.body as JoinRequest;
  const group = serviceClient.group(request.params.room);
  group.addConnection(connectionId); // expect: await-group-join
  await group.sendToAll({ type: 'system', text: `${userName} joined` });
  response.sendStatus(204);
});

// The right way: the user is a member before the room hears about it, and a failed join fails the request.
app.post('/rooms/:room/invite', async (request, response) => {
  const { userId } = request.body as InviteRequest;
  const group = serviceClient.group(request.params.room);
  await group.addUser(userId);
  await group.sendToAll({ type: 'system', text: `${userId} was invited` });
  response.sendStatus(204);
});

app.listen(Number(process.env.PORT ?? 8080));
