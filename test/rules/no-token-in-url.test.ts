import rule from '../../rules/no-token-in-url.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-token-in-url', rule, {
  valid: [
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat', { accessTokenFactory: () => token }).build();`,
    // Other parameters, and words that only contain "token".
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl(\`/hubs/chat?room=\${room}&tokens=3&tokenizer=word\`).build();`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat?topic=access_token').build();`,
    // The fragment never reaches the server.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl(\`/hubs/chat#access_token=\${token}\`).build();`,
    // A URL the negotiate endpoint returned: the file does not write its query.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const info = await (await fetch('/api/negotiate', { method: 'POST' })).json();
new HubConnectionBuilder().withUrl(info.url, { accessTokenFactory: () => info.accessToken }).build();`,
    // A token in some other request's URL is not a hub URL.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
await fetch(\`/api/profile?access_token=\${token}\`);
new HubConnectionBuilder().withUrl('/hubs/chat').build();`,
    // Not SignalR.
    `import { HubConnectionBuilder } from 'some-other-lib';
new HubConnectionBuilder().withUrl(\`/hubs/chat?access_token=\${token}\`).build();`,
    `const client = createClient();
client.withUrl(\`/hubs/chat?access_token=\${token}\`);`,
    // A token appended in a branch may not be there; not guessed.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const url = new URL('/hubs/chat', location.origin);
if (debug) url.searchParams.set('access_token', token);
new HubConnectionBuilder().withUrl(url.href).build();`,
    // The classic client with other query values.
    `$.connection.hub.qs = { version: '2' };`,
    `const connection = $.hubConnection('/signalr', { qs: 'room=lobby&tokenType=bearer' });`,
    // Headers are not the URL (Node clients and negotiate send them).
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat', { headers: { Authorization: \`Bearer \${token}\` } }).build();`,
    // URLSearchParams and a direct service URL without a token.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const params = new URLSearchParams({ room, lang: 'en' });
new HubConnectionBuilder().withUrl(\`/hubs/chat?\${params}\`, { accessTokenFactory: getToken }).build();`,
    `import { HubConnectionBuilder, HttpTransportType } from '@microsoft/signalr';
new HubConnectionBuilder()
  .withUrl('https://contoso.service.signalr.net/client/?hub=chat', { accessTokenFactory: getServiceToken, skipNegotiation: true, transport: HttpTransportType.WebSockets })
  .build();`,
    // A parameter name the code computes is not guessed.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl(\`/hubs/chat?\${parameterName}=\${value}\`).build();`,
    // \`qs\` of something that is not a classic connection.
    `const request = { qs: { access_token: token } };
request.qs = { access_token: token };`,
  ],
  invalid: [
    // A template literal: the suggestion moves the token to accessTokenFactory.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl(\`/hubs/alerts?access_token=\${token}\`).build();`,
      errors: [
        {
          messageId: 'tokenInUrl',
          line: 2,
          column: 55,
          suggestions: [
            {
              messageId: 'useAccessTokenFactory',
              output: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl(\`/hubs/alerts\`, { accessTokenFactory: () => token }).build();`,
            },
          ],
        },
      ],
    },
    // Other parameters stay; \`encodeURIComponent\` goes, since the client encodes the token itself.
    {
      code: `import * as signalR from '@microsoft/signalr';
new signalR.HubConnectionBuilder()
  .withUrl(\`/hubs/chat?access_token=\${encodeURIComponent(auth.token)}&room=\${room}\`, { transport: signalR.HttpTransportType.WebSockets })
  .build();`,
      errors: [
        {
          messageId: 'tokenInUrl',
          line: 3,
          column: 12,
          suggestions: [
            {
              messageId: 'useAccessTokenFactory',
              output: `import * as signalR from '@microsoft/signalr';
new signalR.HubConnectionBuilder()
  .withUrl(\`/hubs/chat?room=\${room}\`, { accessTokenFactory: () => auth.token, transport: signalR.HttpTransportType.WebSockets })
  .build();`,
            },
          ],
        },
      ],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl(\`/hubs/chat?room=\${room}&access_token=\${this.token}\`, {}).build();`,
      errors: [
        {
          messageId: 'tokenInUrl',
          line: 2,
          column: 36,
          suggestions: [
            {
              messageId: 'useAccessTokenFactory',
              output: `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl(\`/hubs/chat?room=\${room}\`, { accessTokenFactory: () => this.token }).build();`,
            },
          ],
        },
      ],
    },
    // Concatenation.
    {
      code: `const signalR = require('@microsoft/signalr');
new signalR.HubConnectionBuilder().withUrl(hubUrl + '?access_token=' + token).build();`,
      errors: [
        {
          messageId: 'tokenInUrl',
          line: 2,
          column: 44,
          suggestions: [
            {
              messageId: 'useAccessTokenFactory',
              output: `const signalR = require('@microsoft/signalr');
new signalR.HubConnectionBuilder().withUrl(hubUrl, { accessTokenFactory: () => token }).build();`,
            },
          ],
        },
      ],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat?access_token=' + token).build();`,
      errors: [
        {
          messageId: 'tokenInUrl',
          line: 2,
          column: 36,
          suggestions: [
            {
              messageId: 'useAccessTokenFactory',
              output: `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat', { accessTokenFactory: () => token }).build();`,
            },
          ],
        },
      ],
    },
    // No suggestion: a call would run on every connect; another name would reach the server as
    // \`access_token\`; a URL in a const may be used elsewhere; a factory is already there.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl(\`/hubs/chat?access_token=\${getToken()}\`).build();`,
      errors: [{ messageId: 'tokenInUrl', line: 2, column: 36, suggestions: [] }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl(\`/hubs/chat?token=\${token}\`).build();`,
      errors: [{ messageId: 'tokenInUrl', line: 2, column: 36, suggestions: [] }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const url = \`https://contoso.service.signalr.net/client/?hub=chat&access_token=\${token}\`;
new HubConnectionBuilder().withUrl(url).build();`,
      errors: [{ messageId: 'tokenInUrl', line: 3, column: 36, suggestions: [] }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl(\`/hubs/chat?access_token=\${token}\`, { accessTokenFactory: () => token }).build();`,
      errors: [{ messageId: 'tokenInUrl', line: 2, column: 36, suggestions: [] }],
    },
    // The browser global.
    {
      code: `const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat?jwt=' + jwt).build();`,
      errors: [{ messageId: 'tokenInUrl', line: 1, column: 63, suggestions: [] }],
    },
    // URL objects.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const url = new URL('/hubs/chat', location.origin);
url.searchParams.append('access_token', token);
new HubConnectionBuilder().withUrl(url.toString()).build();`,
      errors: [{ messageId: 'tokenInUrl', line: 3, column: 1, suggestions: [] }],
    },
    // The classic client: \`qs\` on the generated proxy, or in the factory's options.
    {
      code: `$.connection.hub.qs = { access_token: token };`,
      errors: [{ messageId: 'tokenInClassicQuery', line: 1, column: 25 }],
    },
    {
      code: `import $ from 'jquery';
const connection = $.hubConnection('/signalr', { qs: 'access_token=' + token });`,
      errors: [{ messageId: 'tokenInClassicQuery', line: 2, column: 54 }],
    },
    {
      code: `const connection = $.hubConnection('/signalr');
connection.qs = { jwt: sessionStorage.getItem('jwt') };`,
      errors: [{ messageId: 'tokenInClassicQuery', line: 2, column: 19 }],
    },
  ],
});
