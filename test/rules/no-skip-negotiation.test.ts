import rule from '../../rules/no-skip-negotiation.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-skip-negotiation', rule, {
  valid: [
    // Negotiating is the default.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat').build();`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat', { skipNegotiation: false }).build();`,
    // A computed value: the rule cannot know it is true.
    `import { HubConnectionBuilder, HttpTransportType } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat', { skipNegotiation: process.env.SKIP === '1', transport: HttpTransportType.WebSockets }).build();`,
    // A direct service URL may skip negotiation with WebSockets.
    `import { HubConnectionBuilder, HttpTransportType } from '@microsoft/signalr';
new HubConnectionBuilder()
  .withUrl('https://contoso.service.signalr.net/client/?hub=chat', { skipNegotiation: true, transport: HttpTransportType.WebSockets, accessTokenFactory: () => token })
  .build();`,
    `import * as signalR from '@microsoft/signalr';
const url = \`https://\${service}.service.signalr.net/client/?hub=chat\`;
new signalR.HubConnectionBuilder().withUrl(url, { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets }).build();`,
    // The URL and the token of one negotiate response (a serverless connection-info endpoint): the
    // service's client URL, read from one object or destructured from one.
    `import { HubConnectionBuilder, HttpTransportType } from '@microsoft/signalr';
export async function open(): Promise<void> {
  const info = await (await fetch('/api/negotiate', { method: 'POST' })).json();
  const connection = new HubConnectionBuilder()
    .withUrl(info.url, { accessTokenFactory: () => info.accessToken, skipNegotiation: true, transport: HttpTransportType.WebSockets })
    .build();
  await connection.start();
}`,
    `import * as signalR from '@microsoft/signalr';
async function open() {
  const { url, accessToken } = await getConnectionInfo();
  const options = { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets, accessTokenFactory: () => accessToken };
  return new signalR.HubConnectionBuilder().withUrl(url, options).build();
}`,
    // Self-hosted servers may skip negotiation with WebSockets (the option says so).
    {
      code: `import { HubConnectionBuilder, HttpTransportType } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat', { skipNegotiation: true, transport: HttpTransportType.WebSockets }).build();`,
      options: [{ selfHosted: true }],
    },
    // Not a SignalR builder: a look-alike class with the same method names.
    `class HubConnectionBuilder { withUrl(url: string, options: object) { return this; } }
new HubConnectionBuilder().withUrl('/hubs/chat', { skipNegotiation: true });`,
    `import { HubConnectionBuilder } from './my-own-builder';
new HubConnectionBuilder().withUrl('/hubs/chat', { skipNegotiation: true }).build();`,
    // An object that merely has the property, in a file with no SignalR.
    `const options = { skipNegotiation: true };
http.withUrl('/hubs/chat', options);`,
    // The global \`signalR\` shadowed by a local variable is not the client.
    `function connect(signalR: any) {
  return new signalR.HubConnectionBuilder().withUrl('/hubs/chat', { skipNegotiation: true }).build();
}`,
    // The overload that takes a transport type instead of options.
    `import { HubConnectionBuilder, HttpTransportType } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat', HttpTransportType.WebSockets).build();`,
    // A later property overrides a spread that skipped negotiation.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const base = { skipNegotiation: true };
new HubConnectionBuilder().withUrl('/hubs/chat', { ...base, skipNegotiation: false }).build();`,
    // A spread the file cannot see might set it: no guess.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { sharedOptions } from './options';
new HubConnectionBuilder().withUrl('/hubs/chat', { ...sharedOptions }).build();`,
    // Web PubSub has its own client; not this rule's business.
    `import { WebPubSubServiceClient } from '@azure/web-pubsub';
const client = new WebPubSubServiceClient(conn, 'chat');
client.withUrl?.('/x', { skipNegotiation: true });`,
  ],
  invalid: [
    // An object the file writes, with the app server's hub URL in it, is no negotiate response.
    {
      code: `import { HubConnectionBuilder, HttpTransportType } from '@microsoft/signalr';
const info = { url: '/hubs/chat', accessToken: readToken() };
new HubConnectionBuilder().withUrl(info.url, { accessTokenFactory: () => info.accessToken, skipNegotiation: true, transport: HttpTransportType.WebSockets }).build();`,
      errors: [
        {
          messageId: 'breaksAzureNegotiation',
          line: 3,
          suggestions: [
            {
              messageId: 'removeSkipNegotiation',
              output: `import { HubConnectionBuilder, HttpTransportType } from '@microsoft/signalr';
const info = { url: '/hubs/chat', accessToken: readToken() };
new HubConnectionBuilder().withUrl(info.url, { accessTokenFactory: () => info.accessToken, transport: HttpTransportType.WebSockets }).build();`,
            },
          ],
        },
      ],
    },
    // A URL and a token from different objects, or other properties: nothing says the URL is the service's.
    {
      code: `import { HubConnectionBuilder, HttpTransportType } from '@microsoft/signalr';
export function open(settings: { url: string }, session: { accessToken: string }) {
  return new HubConnectionBuilder()
    .withUrl(settings.url, { accessTokenFactory: () => session.accessToken, skipNegotiation: true, transport: HttpTransportType.WebSockets })
    .build();
}`,
      errors: [{ messageId: 'breaksAzureNegotiation', line: 4, suggestions: [{ messageId: 'removeSkipNegotiation', output: `import { HubConnectionBuilder, HttpTransportType } from '@microsoft/signalr';
export function open(settings: { url: string }, session: { accessToken: string }) {
  return new HubConnectionBuilder()
    .withUrl(settings.url, { accessTokenFactory: () => session.accessToken, transport: HttpTransportType.WebSockets })
    .build();
}` }] }],
    },
    {
      code: `import { HubConnectionBuilder, HttpTransportType } from '@microsoft/signalr';
export function open(config: { hubUrl: string; accessToken: string }) {
  return new HubConnectionBuilder()
    .withUrl(config.hubUrl, { accessTokenFactory: () => config.accessToken, skipNegotiation: true, transport: HttpTransportType.WebSockets })
    .build();
}`,
      errors: [{ messageId: 'breaksAzureNegotiation', line: 4, suggestions: [{ messageId: 'removeSkipNegotiation', output: `import { HubConnectionBuilder, HttpTransportType } from '@microsoft/signalr';
export function open(config: { hubUrl: string; accessToken: string }) {
  return new HubConnectionBuilder()
    .withUrl(config.hubUrl, { accessTokenFactory: () => config.accessToken, transport: HttpTransportType.WebSockets })
    .build();
}` }] }],
    },
    {
      code: `import { HubConnectionBuilder, HttpTransportType } from '@microsoft/signalr';
export function open(info: { url: string }) {
  const { accessToken } = readSession();
  return new HubConnectionBuilder()
    .withUrl(info.url, { accessTokenFactory: () => accessToken, skipNegotiation: true, transport: HttpTransportType.WebSockets })
    .build();
}`,
      errors: [{ messageId: 'breaksAzureNegotiation', line: 5, suggestions: [{ messageId: 'removeSkipNegotiation', output: `import { HubConnectionBuilder, HttpTransportType } from '@microsoft/signalr';
export function open(info: { url: string }) {
  const { accessToken } = readSession();
  return new HubConnectionBuilder()
    .withUrl(info.url, { accessTokenFactory: () => accessToken, transport: HttpTransportType.WebSockets })
    .build();
}` }] }],
    },
    // (a) without WebSockets-only transport the client throws.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat', { skipNegotiation: true }).build();`,
      errors: [
        {
          messageId: 'throwsWithoutWebSockets',
          line: 2,
          column: 52,
          suggestions: [
            {
              messageId: 'removeSkipNegotiation',
              output: `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat', {  }).build();`,
            },
          ],
        },
      ],
    },
    {
      code: `import { HubConnectionBuilder as Builder, HttpTransportType as T } from '@aspnet/signalr';
new Builder().withUrl('/hubs/chat', { skipNegotiation: true, transport: T.LongPolling }).build();`,
      errors: [
        {
          messageId: 'throwsWithoutWebSockets',
          line: 2,
          column: 39,
          suggestions: [
            {
              messageId: 'removeSkipNegotiation',
              output: `import { HubConnectionBuilder as Builder, HttpTransportType as T } from '@aspnet/signalr';
new Builder().withUrl('/hubs/chat', { transport: T.LongPolling }).build();`,
            },
          ],
        },
      ],
    },
    // Several transports allowed is not "WebSockets directly".
    {
      code: `const signalR = require('@microsoft/signalr');
new signalR.HubConnectionBuilder().withUrl('/hubs/chat', {
  transport: signalR.HttpTransportType.WebSockets | signalR.HttpTransportType.LongPolling,
  skipNegotiation: true,
}).build();`,
      errors: [
        {
          messageId: 'throwsWithoutWebSockets',
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'removeSkipNegotiation',
              output: `const signalR = require('@microsoft/signalr');
new signalR.HubConnectionBuilder().withUrl('/hubs/chat', {
  transport: signalR.HttpTransportType.WebSockets | signalR.HttpTransportType.LongPolling,
  }).build();`,
            },
          ],
        },
      ],
    },
    // (b) WebSockets only, but through the app server: Azure SignalR answers 404.
    {
      code: `import * as signalR from '@microsoft/signalr';
const connection = new signalR.HubConnectionBuilder()
  .withUrl('/hubs/chat', { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
  .build();`,
      errors: [
        {
          messageId: 'breaksAzureNegotiation',
          line: 3,
          column: 28,
          suggestions: [
            {
              messageId: 'removeSkipNegotiation',
              output: `import * as signalR from '@microsoft/signalr';
const connection = new signalR.HubConnectionBuilder()
  .withUrl('/hubs/chat', { transport: signalR.HttpTransportType.WebSockets })
  .build();`,
            },
          ],
        },
      ],
    },
    // Options in a const, then spread into the options: reported once, where it is written.
    {
      code: `const { HubConnectionBuilder, HttpTransportType } = require('@microsoft/signalr');
const fast = { skipNegotiation: true, transport: 1 };
const options = { ...fast, accessTokenFactory: getToken };
new HubConnectionBuilder().withUrl(hubUrl, options).build();
new HubConnectionBuilder().withUrl(otherUrl, fast).build();`,
      errors: [
        {
          messageId: 'breaksAzureNegotiation',
          line: 2,
          column: 16,
          suggestions: [
            {
              messageId: 'removeSkipNegotiation',
              output: `const { HubConnectionBuilder, HttpTransportType } = require('@microsoft/signalr');
const fast = { transport: 1 };
const options = { ...fast, accessTokenFactory: getToken };
new HubConnectionBuilder().withUrl(hubUrl, options).build();
new HubConnectionBuilder().withUrl(otherUrl, fast).build();`,
            },
          ],
        },
      ],
    },
    // The browser global, and a builder configured through a variable.
    {
      code: `const builder = new signalR.HubConnectionBuilder();
builder.withUrl('/hubs/chat', { skipNegotiation: true });
const connection = builder.build();`,
      errors: [
        {
          messageId: 'throwsWithoutWebSockets',
          line: 2,
          column: 33,
          suggestions: [
            {
              messageId: 'removeSkipNegotiation',
              output: `const builder = new signalR.HubConnectionBuilder();
builder.withUrl('/hubs/chat', {  });
const connection = builder.build();`,
            },
          ],
        },
      ],
    },
    // A default import (CommonJS interop) and a namespace import of @aspnet/signalr.
    {
      code: `import signalR from '@microsoft/signalr';
new signalR.HubConnectionBuilder().withUrl('/chat', { skipNegotiation: true } as const);`,
      errors: [{ messageId: 'throwsWithoutWebSockets', line: 2, column: 55, suggestions: [{ messageId: 'removeSkipNegotiation', output: `import signalR from '@microsoft/signalr';
new signalR.HubConnectionBuilder().withUrl('/chat', {  } as const);` }] }],
    },
    {
      code: `import * as signalR from '@aspnet/signalr';
new signalR.HubConnectionBuilder().withUrl('/chat', { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets });`,
      errors: [{ messageId: 'breaksAzureNegotiation', line: 2, column: 55, suggestions: [{ messageId: 'removeSkipNegotiation', output: `import * as signalR from '@aspnet/signalr';
new signalR.HubConnectionBuilder().withUrl('/chat', { transport: signalR.HttpTransportType.WebSockets });` }] }],
    },
    // A direct service URL still throws without WebSockets-only transport.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('https://contoso.service.signalr.net/client/?hub=chat', { skipNegotiation: true }).build();`,
      errors: [{ messageId: 'throwsWithoutWebSockets', line: 2, column: 94, suggestions: [{ messageId: 'removeSkipNegotiation', output: `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('https://contoso.service.signalr.net/client/?hub=chat', {  }).build();` }] }],
    },
    // A module named in settings.signalr.modules re-exports the client.
    {
      code: `import { HubConnectionBuilder } from '@acme/realtime';
new HubConnectionBuilder().withUrl('/chat', { skipNegotiation: true }).build();`,
      settings: { signalr: { modules: ['@acme/realtime'] } },
      errors: [{ messageId: 'throwsWithoutWebSockets', line: 2, column: 47, suggestions: [{ messageId: 'removeSkipNegotiation', output: `import { HubConnectionBuilder } from '@acme/realtime';
new HubConnectionBuilder().withUrl('/chat', {  }).build();` }] }],
    },
  ],
});
