// Templates for files that use SignalR, in the shapes of `examples/`: React effects, Angular services
// and components, Node scripts and workers, Azure Functions, a Web PubSub server, the classic jQuery
// client and the browser global. Each varies which of the catalogue's mistakes it makes, so the rules
// and codemods do real work on these files, and some come out right.
import type { Entity, Random } from './random.js';
import { capitalize, joinBlocks } from './random.js';
import type { Template } from './plain.js';

const JITTER_POLICY = (name: string): string => `/** Exponential back-off up to 30 s, randomised so that clients dropped together do not return together. */
const ${name}: IRetryPolicy = {
  nextRetryDelayInMilliseconds: ({ previousRetryCount }) => Math.min(30_000, 1_000 * 2 ** previousRetryCount) * (0.5 + Math.random() / 2),
};`;

type ReconnectStyle = 'none' | 'default' | 'seconds' | 'jitter';

function reconnectCall(style: ReconnectStyle, policyName: string): string {
  switch (style) {
    case 'none':
      return '';
    case 'default':
      return '.withAutomaticReconnect()';
    case 'seconds':
      return '.withAutomaticReconnect([0, 2, 10, 30])';
    case 'jitter':
      return `.withAutomaticReconnect(${policyName})`;
  }
}

function hubUrl(random: Random, e: Entity, tokenVariable: string): { url: string; options: string } {
  return random.weighted<{ url: string; options: string }>([
    [5, { url: `'/hubs/${e.plural}'`, options: '' }],
    [2, { url: `'/hubs/${e.plural}'`, options: `, { accessTokenFactory: () => ${tokenVariable} }` }],
    [1, { url: `\`/hubs/${e.plural}?access_token=\${${tokenVariable}}\``, options: '' }],
    [1, { url: `'/hubs/${e.plural}'`, options: ', { skipNegotiation: true }' }],
    [1, { url: `\`\${API_BASE}?hub=${e.plural}\``, options: '' }],
  ]);
}

const reactEffect: Template = {
  kind: 'signalr-react-effect',
  extension: '.tsx',
  folder: 'components',
  weight: 4,
  render(random, e) {
    const P = e.pascal;
    const component = `${capitalize(e.adjective)}${P}Feed`;
    const reconnect = random.pick<ReconnectStyle>(['none', 'default', 'default', 'seconds', 'jitter']);
    const { url, options } = hubUrl(random, e, 'token');
    const cleanup = random.chance(0.6);
    const joinsGroup = random.chance(0.6);
    const awaitsJoin = random.chance(0.5);
    const start = joinsGroup
      ? awaitsJoin
        ? `connection
      .start()
      .then(async () => {
        await connection.invoke('JoinGroup', room);
        setOnline(true);
      })
      .catch((reason: unknown) => setError(String(reason)));`
        : `connection
      .start()
      .then(() => {
        connection.invoke('JoinGroup', room);
        return connection.invoke('SendToGroup', room, \`\${userName} is watching\`);
      })
      .catch((reason: unknown) => setError(String(reason)));`
      : awaitsJoin
        ? `connection.start().then(() => setOnline(true)).catch((reason: unknown) => setError(String(reason)));`
        : // The snapshot the hub sends on connect is missed: registered only once started.
          `connection
      .start()
      .then(() => {
        connection.on('${P}Snapshot', (snapshot: ${P}Update[]) => setUpdates(snapshot));
        setOnline(true);
      })
      .catch((reason: unknown) => setError(String(reason)));`;
    return joinBlocks([
      `${reconnect === 'jitter' ? "import type { IRetryPolicy } from '@microsoft/signalr';\n" : ''}import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { useEffect, useState } from 'react';`,
      url.includes('API_BASE') && `const API_BASE = 'https://contoso-${e.plural}.azurewebsites.net/api';`,
      reconnect === 'jitter' && JITTER_POLICY('retryWithJitter'),
      `interface ${P}Update {\n  id: string;\n  user: string;\n  text: string;\n}`,
      `interface ${component}Props {\n  room: string;\n  userName: string;\n  token: string;\n}`,
      `export function ${component}({ room, userName, token }: ${component}Props) {
  const [updates, setUpdates] = useState<${P}Update[]>([]);
  const [online, setOnline] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const connection = new HubConnectionBuilder()
      .withUrl(${url}${options})${reconnectCall(reconnect, 'retryWithJitter')}
      .configureLogging(LogLevel.${random.pick(['Warning', 'Error', 'Information'])})
      .build();
    connection.on('${P}Changed', (update: ${P}Update) => setUpdates((previous) => [...previous, update].slice(-${random.pick([50, 100, 200])})));
    connection.onreconnecting(() => setOnline(false));

    ${start}${cleanup ? `

    return () => {
      void connection.stop();
    };` : ''}
  }, [room, userName, token]);

  return (
    <section aria-busy={!online}>
      <h2>
        ${capitalize(e.plural)} in #{room}
      </h2>
      {error && <p role="alert">{error}</p>}
      <ul>
        {updates.map((update) => (
          <li key={update.id}>
            <strong>{update.user}</strong> {update.text}
          </li>
        ))}
      </ul>
    </section>
  );
}`,
    ]);
  },
};

const reactRef: Template = {
  kind: 'signalr-react-ref',
  extension: '.tsx',
  folder: 'components',
  weight: 1,
  render(_random, e) {
    const P = e.pascal;
    return joinBlocks([
      `import type { HubConnection, IRetryPolicy } from '@microsoft/signalr';
import { HubConnectionBuilder, HubConnectionState } from '@microsoft/signalr';
import { type FormEvent, useEffect, useRef, useState } from 'react';`,
      JITTER_POLICY('retryWithJitter'),
      `function logFailure(reason: unknown): void {\n  console.error('${P} chat failed', reason);\n}`,
      `export function ${P}Chat({ ${e.camel}Id, getAccessToken }: { ${e.camel}Id: string; getAccessToken(): Promise<string> }) {
  const connectionRef = useRef<HubConnection | null>(null);
  const [messages, setMessages] = useState<string[]>([]);
  const [draft, setDraft] = useState('');

  useEffect(() => {
    const connection = new HubConnectionBuilder()
      .withUrl('/hubs/${e.plural}', { accessTokenFactory: getAccessToken })
      .withAutomaticReconnect(retryWithJitter)
      .build();
    connectionRef.current = connection;
    connection.on('ReceiveMessage', (message: string) => setMessages((previous) => [...previous, message]));
    const join = async (): Promise<void> => {
      await connection.invoke('JoinGroup', ${e.camel}Id);
    };
    connection.onreconnected(() => join().catch(logFailure));
    connection.start().then(join).catch(logFailure);
    return () => {
      connectionRef.current = null;
      void connection.stop();
    };
  }, [${e.camel}Id, getAccessToken]);

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const connection = connectionRef.current;
    if (connection?.state !== HubConnectionState.Connected || draft.trim() === '') return;
    connection.invoke('SendToGroup', ${e.camel}Id, draft).then(() => setDraft(''), logFailure);
  }

  return (
    <form onSubmit={handleSubmit}>
      <ul>{messages.map((message, i) => <li key={i}>{message}</li>)}</ul>
      <input value={draft} onChange={(event) => setDraft(event.target.value)} />
    </form>
  );
}`,
    ]);
  },
};

const reactState: Template = {
  kind: 'signalr-react-state',
  extension: '.tsx',
  folder: 'components',
  weight: 1,
  render(random, e) {
    const P = e.pascal;
    // Without the arrow, the builder runs on every render and all but the first connection are thrown away.
    const lazy = random.chance(0.5) ? '() => ' : '';
    return joinBlocks([
      `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';`,
      `export function ${P}Typing({ room }: { room: string }) {
  const [connection] = useState(${lazy}new HubConnectionBuilder().withUrl('/hubs/${e.plural}/typing').withAutomaticReconnect().build());
  const [typing, setTyping] = useState<string[]>([]);

  useEffect(() => {
    connection.on('Typing', (users: string[]) => setTyping(users));
    connection.start().catch((reason: unknown) => console.error('${P} typing is offline', reason));
    return () => {
      void connection.stop();
    };
  }, [connection]);

  return typing.length > 0 ? <p>{\`\${typing.join(', ')} typing in #\${room}\`}</p> : null;
}`,
    ]);
  },
};

const angularService: Template = {
  kind: 'signalr-angular-service',
  extension: '.ts',
  folder: 'app',
  weight: 2,
  render(random, e) {
    const P = e.pascal;
    const reconnect = random.pick<ReconnectStyle>(['none', 'default', 'seconds', 'jitter', 'jitter']);
    const awaitsJoin = random.chance(0.6);
    return joinBlocks([
      `import { Injectable } from '@angular/core';
import type { HubConnection, IRetryPolicy } from '@microsoft/signalr';
import { HubConnectionBuilder } from '@microsoft/signalr';
import { Subject } from 'rxjs';`,
      `export interface ${P}Event {\n  room: string;\n  ${e.camel}Id: string;\n  change: string;\n}`,
      reconnect === 'jitter' && JITTER_POLICY('retryWithJitter'),
      `@Injectable({ providedIn: 'root' })
export class ${P}HubService {
  readonly events$ = new Subject<${P}Event>();

  private readonly rooms = new Set<string>();
  private starting: Promise<void> | undefined;
  private readonly connection: HubConnection = new HubConnectionBuilder()
    .withUrl('/hubs/${e.plural}', { accessTokenFactory: () => sessionStorage.getItem('access_token') ?? '' })${reconnectCall(reconnect, 'retryWithJitter')}
    .build();

  constructor() {
    this.connection.on('${P}Changed', (event: ${P}Event) => this.events$.next(event));
    this.connection.onreconnected(() => this.rejoinRooms().catch((reason: unknown) => console.error('Could not rejoin', reason)));
  }

  connect(): Promise<void> {
    this.starting ??= this.connection.start().catch((reason: unknown) => {
      this.starting = undefined;
      throw reason;
    });
    return this.starting;
  }

  async joinRoom(room: string): Promise<void> {
    await this.connect();
    ${awaitsJoin ? 'await ' : ''}this.connection.invoke('JoinGroup', room);
    this.rooms.add(room);
  }

  async send(room: string, text: string): Promise<void> {
    await this.connection.invoke('SendToGroup', room, text);
  }

  private async rejoinRooms(): Promise<void> {
    for (const room of this.rooms) await this.connection.invoke('JoinGroup', room);
  }
}`,
    ]);
  },
};

const angularComponent: Template = {
  kind: 'signalr-angular-component',
  extension: '.ts',
  folder: 'app',
  weight: 2,
  render(random, e) {
    const P = e.pascal;
    const destroys = random.chance(0.5);
    return joinBlocks([
      `import { Component, type OnDestroy, type OnInit, signal } from '@angular/core';
import { HubConnectionBuilder } from '@microsoft/signalr';`,
      `interface ${P}Tick {\n  id: string;\n  value: number;\n}`,
      `@Component({
  selector: 'app-${e.kebab}-ticker',
  template: \`
    <ul>
      @for (tick of ticks(); track tick.id) {
        <li>{{ tick.id }} {{ tick.value }}</li>
      }
    </ul>
  \`,
})
export class ${P}TickerComponent implements OnInit${destroys ? ', OnDestroy' : ''} {
  readonly ticks = signal<${P}Tick[]>([]);

  private readonly connection = new HubConnectionBuilder().withUrl('/hubs/${e.plural}').withAutomaticReconnect().build();

  ngOnInit(): void {
    this.connection.on('${P}Ticked', (tick: ${P}Tick) =>
      this.ticks.update((ticks) => [...ticks.filter((known) => known.id !== tick.id), tick]),
    );
    this.connection.start().catch((reason: unknown) => console.error('${P} ticker is offline', reason));${destroys ? '' : `
    // Asked for while the connection is still connecting: it fails.
    this.connection.invoke<${P}Tick[]>('Current${P}Ticks').then((ticks) => this.ticks.set(ticks), console.error);`}
  }${destroys ? `

  ngOnDestroy(): void {
    void this.connection.stop();
  }` : ''}
}`,
    ]);
  },
};

const nodeScript: Template = {
  kind: 'signalr-node-script',
  extension: '.ts',
  folder: 'scripts',
  weight: 2,
  render(random, e) {
    const stops = random.chance(0.5);
    const body = `await connection.invoke('SendToGroup', '${e.plural}', report);`;
    return joinBlocks([
      `import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { readFile } from 'node:fs/promises';`,
      `const CHAT_SERVER_URL = process.env.CHAT_SERVER_URL ?? 'http://localhost:${random.pick([5000, 5001, 8080])}';`,
      `async function main(): Promise<void> {
  const connection = new HubConnectionBuilder()
    .withUrl(\`\${CHAT_SERVER_URL}/hubs/${e.plural}\`, { accessTokenFactory: () => process.env.${e.camel.toUpperCase()}_BOT_TOKEN ?? '' })
    .withAutomaticReconnect()
    .configureLogging(LogLevel.Warning)
    .build();
  await connection.start();
  const report = await readFile(new URL('../reports/${e.kebab}.txt', import.meta.url), 'utf8');
  ${stops ? `try {\n    ${body}\n  } finally {\n    await connection.stop();\n  }` : body}
  console.log('${capitalize(e.camel)} report posted');
}`,
      `main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});`,
    ]);
  },
};

const nodeWorker: Template = {
  kind: 'signalr-node-worker',
  extension: '.ts',
  folder: 'workers',
  weight: 1,
  render(random, e) {
    const jitter = random.chance(0.5);
    const restart = jitter
      ? `async function startWithBackOff(): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await sleep(Math.min(60_000, 1_000 * 2 ** attempt) * Math.random());
    try {
      await connection.start();
      return;
    } catch (error) {
      console.warn(\`${e.pascal} hub unreachable (attempt \${attempt + 1})\`, error);
    }
  }
}

connection.onclose(() => void startWithBackOff());
await startWithBackOff();`
      : `connection.onclose(() => setTimeout(() => connection.start(), ${random.pick([1000, 5000, 10000])}));

await connection.start();`;
    return joinBlocks([
      `import { HubConnectionBuilder, LogLevel } from '@aspnet/signalr';${jitter ? "\nimport { setTimeout as sleep } from 'node:timers/promises';" : ''}`,
      `const ${e.plural} = new Map<string, number>();`,
      `const connection = new HubConnectionBuilder().withUrl('https://${e.plural}.contoso.com/hubs/${e.plural}').configureLogging(LogLevel.Warning).build();
connection.on('${e.pascal}Changed', (id: string, value: number) => ${e.plural}.set(id, value));`,
      restart,
      `console.log('Mirroring ${e.plural}');`,
    ]);
  },
};

const functionClient: Template = {
  kind: 'signalr-function-client',
  extension: '.ts',
  folder: 'functions',
  weight: 1,
  render(_random, e) {
    return joinBlocks([
      `import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { HubConnectionBuilder } from '@microsoft/signalr';`,
      `interface ${e.pascal}Broadcast {\n  room: string;\n  text: string;\n}`,
      `app.http('broadcast${e.pascal}', {
  methods: ['POST'],
  authLevel: 'function',
  handler: async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    const { room, text } = (await request.json()) as ${e.pascal}Broadcast;
    const connection = new HubConnectionBuilder()
      .withUrl(\`\${process.env.CHAT_SERVER_URL}/hubs/${e.plural}\`, { accessTokenFactory: () => process.env.BACK_OFFICE_TOKEN ?? '' })
      .withAutomaticReconnect()
      .build();
    await connection.start();
    await connection.invoke('SendToGroup', room, text);
    context.log(\`Posted to \${room}\`);
    return { status: 202 };
  },
});`,
    ]);
  },
};

const functionNegotiate: Template = {
  kind: 'signalr-function-negotiate',
  extension: '.ts',
  folder: 'functions',
  weight: 1,
  render(random, e) {
    const wholePrincipal = random.chance(0.5);
    const legacyTls = random.chance(0.5);
    return joinBlocks([
      `import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import jwt from 'jsonwebtoken';
import https from 'node:https';`,
      `const HUB = '${e.plural}';`,
      `const serviceAgent = new https.Agent({ keepAlive: true${legacyTls ? ", maxVersion: 'TLSv1.1'" : ''} });`,
      `interface ClientPrincipal {
  identityProvider: string;
  userId: string;
  userDetails: string;
  userRoles: string[];
}`,
      `function readServiceConnection(): { endpoint: string; accessKey: string } {
  const parts = new Map(
    (process.env.AzureSignalRConnectionString ?? '')
      .split(';')
      .filter((part) => part.includes('='))
      .map((part) => [part.slice(0, part.indexOf('=')).toLowerCase(), part.slice(part.indexOf('=') + 1)] as const),
  );
  return { endpoint: parts.get('endpoint') ?? '', accessKey: parts.get('accesskey') ?? '' };
}`,
      `app.http('negotiate${e.pascal}', {
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: async (request: HttpRequest): Promise<HttpResponseInit> => {
    const header = request.headers.get('x-ms-client-principal');
    if (!header) return { status: 401 };
    const principal = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as ClientPrincipal;
    const { endpoint, accessKey } = readServiceConnection();
    const url = \`\${endpoint}/client/?hub=\${HUB}\`;
    const accessToken = jwt.sign(${wholePrincipal ? '{ ...principal, nameid: principal.userId }' : '{ nameid: principal.userId }'}, accessKey, { audience: url, expiresIn: '1h' });
    return { jsonBody: { url, accessToken } };
  },
});`,
      `export function notifyServiceHealth(url: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const request = https.request(url, { method: 'HEAD', agent: serviceAgent }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', reject);
    request.end();
  });
}`,
    ]);
  },
};

const webPubSubServer: Template = {
  kind: 'signalr-web-pubsub-server',
  extension: '.ts',
  folder: 'server',
  weight: 1,
  render(random, e) {
    const awaitsJoin = random.chance(0.5);
    return joinBlocks([
      `import { WebPubSubServiceClient } from '@azure/web-pubsub';
import express from 'express';`,
      `const serviceClient = new WebPubSubServiceClient(process.env.WEB_PUBSUB_CONNECTION_STRING ?? '', '${e.plural}');`,
      `interface JoinRequest {\n  connectionId: string;\n  userName: string;\n}`,
      `const app = express();
app.use(express.json());`,
      `app.post('/${e.plural}/:room/join', async (request, response) => {
  const { connectionId, userName } = request.body as JoinRequest;
  const group = serviceClient.group(request.params.room);
  ${awaitsJoin ? 'await ' : ''}group.addConnection(connectionId);
  await group.sendToAll({ type: 'system', text: \`\${userName} joined\` });
  response.sendStatus(204);
});`,
      `app.listen(Number(process.env.PORT ?? ${random.pick([3000, 8080, 8081])}));`,
    ]);
  },
};

const classicClient: Template = {
  kind: 'signalr-classic-client',
  extension: '.js',
  folder: 'Scripts',
  weight: 1,
  render(random, e) {
    const restarts = random.chance(0.5);
    return joinBlocks([
      `// The ${e.plural} page of the old ASP.NET MVC site, on the classic jQuery client.
$(function () {
  var room = $('#room').val();
  var connection = $.hubConnection('/signalr');
  var hub = connection.createHubProxy('${e.camel}Hub');

  function showError(error) {
    $('#status').text('${capitalize(e.plural)} error: ' + error);
  }

  hub.on('${e.camel}Changed', function (id, text) {
    $('<li>').text(id + ': ' + text).appendTo('#${e.plural}');
  });
${restarts ? `
  connection.disconnected(function () {
    setTimeout(function () {
      connection.start().fail(showError);
    }, 5000 + Math.random() * ${random.pick([15000, 25000])});
  });
` : ''}
  connection.start().done(function () {
    hub.invoke('JoinGroup', room);
  }).fail(showError);
});`,
    ]);
  },
};

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A made-up access key of the real shape (44 base64 characters); it opens nothing. */
function madeUpAccessKey(random: Random): string {
  return Array.from({ length: 43 }, () => random.pick([...BASE64])).join('') + '=';
}

/** A v4 negotiate function on the `signalRConnectionInfo` binding, sometimes GET-only, with a bad user id, or a key in code. */
const functionConnectionInfo: Template = {
  kind: 'signalr-function-connection-info',
  extension: '.ts',
  folder: 'functions',
  weight: 1,
  render(random, e) {
    const getOnly = random.chance(0.5);
    const userId = random.pick(['{headers.x-ms-client-principal-id}', '{headers.authorization}']);
    const claims = random.pick(["\n  idToken: '{headers.authorization}',\n  claimTypeList: ['name'],", "\n  idToken: '{headers.authorization}',", '']);
    const fallback = random.chance(0.5) ? ` ?? 'Endpoint=https://${e.kebab}.service.signalr.net;AccessKey=${madeUpAccessKey(random)};Version=1.0;'` : '';
    return joinBlocks([
      `import { app, input } from '@azure/functions';`,
      `export const connectionString = process.env.AzureSignalRConnectionString${fallback};`,
      `const connectionInfo = input.generic({
  type: 'signalRConnectionInfo',
  name: 'connectionInfo',
  hubName: '${e.plural}',
  userId: '${userId}',${claims}
});`,
      `app.http('negotiate', {
  methods: [${getOnly ? "'GET'" : "'POST'"}],
  authLevel: 'anonymous',
  extraInputs: [connectionInfo],
  handler: (request, context) => ({ jsonBody: context.extraInputs.get(connectionInfo) }),
});`,
    ]);
  },
};

const browserGlobal: Template = {
  kind: 'signalr-browser-global',
  extension: '.ts',
  folder: 'legacy',
  weight: 1,
  render(random, e) {
    const { url, options } = hubUrl(random, e, 'readToken()');
    return joinBlocks([
      `declare const signalR: typeof import('@microsoft/signalr');`,
      url.includes('API_BASE') && `const API_BASE = '/api';`,
      `function readToken(): string {\n  return document.cookie.replace(/(?:^|.*;\\s*)token\\s*=\\s*([^;]*).*$/, '$1');\n}`,
      `const connection = new signalR.HubConnectionBuilder().withUrl(${url}${options}).build();
connection.on('${e.pascal}Changed', (id: string) => document.getElementById(id)?.classList.add('changed'));`,
      `export async function start${e.pascal}Updates(): Promise<void> {
  await connection.start();
  await connection.invoke('JoinGroup', '${e.plural}');
}`,
    ]);
  },
};

/** Every template of a file that uses SignalR (or the Web PubSub server SDK). */
export const SIGNALR_TEMPLATES: readonly Template[] = [
  reactEffect,
  reactRef,
  reactState,
  angularService,
  angularComponent,
  nodeScript,
  nodeWorker,
  functionClient,
  functionNegotiate,
  functionConnectionInfo,
  webPubSubServer,
  classicClient,
  browserGlobal,
];
