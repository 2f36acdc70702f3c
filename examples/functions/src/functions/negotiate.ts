// Hands the browser a client URL and an access token for Azure SignalR Service, signed here rather
// than through the signalRConnectionInfo binding.
import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import jwt from 'jsonwebtoken';

import { readServiceConnection } from '../connection-string';

const HUB = 'chat';

/** The signed-in user as App Service authentication passes it, base64 JSON in `x-ms-client-principal`. */
interface ClientPrincipal {
  identityProvider: string;
  userId: string;
  userDetails: string;
  userRoles: string[];
  claims?: { typ: string; val: string }[];
}

app.http('negotiate', {
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: async (request: HttpRequest): Promise<HttpResponseInit> => {
    const header = request.headers.get('x-ms-client-principal');
    if (!header) return { status: 401 };
    const principal = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as ClientPrincipal;

    const { endpoint, accessKey } = readServiceConnection();
    const url = `${endpoint}/client/?hub=${HUB}`;
    // The hub authorises by role and by claim, so it gets everything the identity provider sent.
    const accessToken = jwt.sign({ ...principal, nameid: principal.userId }, accessKey, { audience: url, expiresIn: '1h' }); // expect: no-oversized-claims
    return { jsonBody: { url, accessToken } };
  },
});
