import rule from '../../rules/no-hub-query-param.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-hub-query-param', rule, {
  valid: [
    // The path names the hub; negotiation adds `?hub=` itself.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat').build();`,
    // \`hub\` as a path segment, as another parameter's value, inside another name, or in the fragment.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hub?topic=hub').build();`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat?hubName=chat&subhub=1').build();`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat#hub=chat').build();`,
    // A direct service URL needs exactly one.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('https://contoso.service.signalr.net/client/?hub=chat', { accessTokenFactory: () => token }).build();`,
    `import * as signalR from '@microsoft/signalr';
const url = \`\${endpoint}/client/?hub=\${hub}\`;
new signalR.HubConnectionBuilder().withUrl(url).build();`,
    // A URL the file cannot see might be the service's: one \`hub\` is not a finding there.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl(\`\${info.url}?hub=chat\`).build();`,
    // \`set\` replaces the parameter: still one.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const url = new URL('https://contoso.service.signalr.net/client/?hub=chat');
url.searchParams.set('hub', 'news');
new HubConnectionBuilder().withUrl(url.toString()).build();`,
    // An append in a branch may not run: not counted.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const url = new URL('/hubs/chat', location.origin);
if (legacy) url.searchParams.append('hub', 'chat');
new HubConnectionBuilder().withUrl(url.href).build();`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const url = new URL('/hubs/chat', location.origin);
legacy && url.searchParams.append('hub', 'chat');
new HubConnectionBuilder().withUrl(url.href).build();`,
    // Another parameter through URLSearchParams.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const params = new URLSearchParams({ room: 'hub' });
new HubConnectionBuilder().withUrl(\`/hubs/chat?\${params}\`).build();`,
    // Not a SignalR builder, and a URL that is no hub URL.
    `import { HubConnectionBuilder } from './my-own-builder';
new HubConnectionBuilder().withUrl('/chat?hub=chat').build();`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
fetch('/api/negotiate?hub=chat', { method: 'POST' });`,
    // A file with no SignalR at all.
    `const url = new URL('/chat?hub=chat', base);
client.withUrl(url.toString());`,
    // The classic client with other query values.
    `const connection = $.hubConnection('/signalr', { qs: { room: 'hub' } });
$.connection.hub.qs = 'version=2&topic=hub';`,
    // \`URL\` shadowed by a class of the file is not the built-in.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
class URL { constructor(public href: string) {} searchParams = { append(name: string, value: string) {} }; }
const url = new URL('/hubs/chat');
url.searchParams.append('hub', 'chat');
new HubConnectionBuilder().withUrl(url.href).build();`,
  ],
  invalid: [
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat?hub=chat').build();`,
      errors: [{ messageId: 'hubParameterThroughNegotiation', line: 2, column: 36 }],
    },
    // Through a const, a template literal, and an absolute app-server URL; \`Hub\` in any case.
    {
      code: `import * as signalR from '@microsoft/signalr';
const API = 'https://contoso-scores.azurewebsites.net/api';
const connection = new signalR.HubConnectionBuilder().withUrl(\`\${API}?Hub=scores\`).build();`,
      errors: [{ messageId: 'hubParameterThroughNegotiation', line: 3, column: 63 }],
    },
    // The browser global.
    {
      code: `const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat?hub=chat').build();`,
      errors: [{ messageId: 'hubParameterThroughNegotiation', line: 1, column: 63 }],
    },
    // Concatenation after a run-time base with a static path.
    {
      code: `const { HubConnectionBuilder } = require('@aspnet/signalr');
new HubConnectionBuilder().withUrl(baseUrl + '/hubs/chat?lang=en&hub=' + hubName).build();`,
      errors: [{ messageId: 'hubParameterThroughNegotiation', line: 2, column: 36 }],
    },
    // URL and URLSearchParams objects.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const url = new URL('/hubs/chat', window.location.origin);
url.searchParams.append('hub', 'chat');
new HubConnectionBuilder().withUrl(url.toString()).build();`,
      errors: [{ messageId: 'hubParameterThroughNegotiation', line: 3, column: 1 }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const params = new URLSearchParams();
params.set('hub', 'chat');
new HubConnectionBuilder().withUrl('/hubs/chat?' + params.toString()).build();`,
      errors: [{ messageId: 'hubParameterThroughNegotiation', line: 3, column: 1 }],
    },
    // An exported URL object, edited at the top level.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export const hubUrl = new URL('/hubs/chat', location.origin);
hubUrl.searchParams.set('hub', 'chat');
new HubConnectionBuilder().withUrl(hubUrl.href).build();`,
      errors: [{ messageId: 'hubParameterThroughNegotiation', line: 3, column: 1 }],
    },
    // Two in a direct service URL.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('https://contoso.service.signalr.net/client/?hub=chat&hub=chat').build();`,
      errors: [{ messageId: 'duplicateHubParameter', data: { count: '2' }, line: 2, column: 36 }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const url = new URL(\`\${endpoint}/client/?hub=chat\`);
url.searchParams.append('hub', 'chat');
new HubConnectionBuilder().withUrl(url.href).build();`,
      errors: [{ messageId: 'duplicateHubParameter', line: 3, column: 1 }],
    },
    // The classic client: \`qs\` as an object or a string, in the factory or on the generated proxy.
    {
      code: `const connection = $.hubConnection('/signalr', { qs: { hub: 'chat' } });`,
      errors: [{ messageId: 'hubParameterThroughNegotiation', line: 1, column: 56 }],
    },
    {
      code: `$.connection.hub.qs = 'hub=chat';`,
      errors: [{ messageId: 'hubParameterThroughNegotiation', line: 1, column: 23 }],
    },
    // Reported once, though two connections share the URL object.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const url = new URL('/hubs/chat', origin);
url.searchParams.set('hub', 'chat');
const a = new HubConnectionBuilder().withUrl(url.href).build();
const b = new HubConnectionBuilder().withUrl(url.href).build();`,
      errors: [{ messageId: 'hubParameterThroughNegotiation', line: 3, column: 1 }],
    },
  ],
});
