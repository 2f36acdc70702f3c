// Pushes a notification to one user through the Azure SignalR Service REST API.
import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import jwt from 'jsonwebtoken';
import https from 'node:https';

import { readServiceConnection } from '../connection-string';

const HUB = 'chat';

// Pinned when the outbound proxy could not speak TLS 1.2, and never unpinned.
const serviceAgent = new https.Agent({ keepAlive: true, maxVersion: 'TLSv1.1' }); // expect: no-legacy-tls

interface NotifyRequest {
  userId: string;
  text: string;
}

app.http('notifyUser', {
  methods: ['POST'],
  authLevel: 'function',
  handler: async (request: HttpRequest): Promise<HttpResponseInit> => {
    const { userId, text } = (await request.json()) as NotifyRequest;
    const { endpoint, accessKey } = readServiceConnection();
    const url = `${endpoint}/api/v1/hubs/${HUB}/users/${encodeURIComponent(userId)}`;
    const token = jwt.sign({}, accessKey, { audience: url, expiresIn: '5m' });
    const status = await post(url, token, { target: 'Notify', arguments: [text] });
    return { status: status === 202 ? 202 : 502 };
  },
});

function post(url: string, token: string, body: unknown): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const request = https.request(url, { method: 'POST', agent: serviceAgent, headers }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}
