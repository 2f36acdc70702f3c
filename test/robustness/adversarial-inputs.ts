// Inputs that real repositories contain and tidy test fixtures do not: syntax errors, a BOM, CRLF line
// endings, tab indentation, bytes that are not UTF-8, a 5 MB file, deep nesting, and syntax that is
// valid but rare. Used by adversarial.test.ts for rules and codemods alike.
import type { SourceFile } from './inputs.js';

/**
 * A SignalR client with several of the catalogue's mistakes (skipNegotiation, a floating group join,
 * a connection never stopped, a page-long one without reconnect, a start nobody handles, a group not
 * rejoined after a reconnect, one built on every render, a handler registered after start), so that
 * every rule with something to say reports and every codemod rewrites.
 * Two-space indentation, LF line endings; `{{comment}}` and `{{text}}` are places for odd characters,
 * `{{bulk}}` for megabytes of other code.
 */
const CLIENT_TEMPLATE = `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useState } from 'react';
{{bulk}}
// Joins a room and greets it. {{comment}}
export async function joinRoom(room: string): Promise<void> {
  const connection = new HubConnectionBuilder()
    .withUrl('/hubs/chat', { skipNegotiation: true })
    .build();
  await connection.start();
  connection.on('Greeting', (text: string) => console.log(text));
  connection.invoke('JoinGroup', room);
  await connection.invoke('SendToGroup', room, 'hello {{text}}');
}

// The page's live feed, open as long as the page is.
const feed = new HubConnectionBuilder().withUrl('/hubs/feed').build();
feed.on('Update', (text: string) => console.log(text));
feed.start().catch((reason: unknown) => console.error(reason));

// Alerts for the team: reconnects after drops, but neither retries a failed start nor rejoins.
const alerts = new HubConnectionBuilder().withUrl('/hubs/alerts').withAutomaticReconnect().build();
alerts.on('Alert', (text: string) => console.warn(text));
alerts.start().then(() => alerts.invoke('JoinGroup', 'team'));

// Each widget's own connection, kept in its state.
export function useWidgetConnection() {
  const [connection] = useState(new HubConnectionBuilder().withUrl('/hubs/widgets').build());
  return connection;
}
`;

function client(comment: string, text: string, bulk = ''): string {
  return CLIENT_TEMPLATE.replace('{{bulk}}', bulk).replace('{{comment}}', comment).replace('{{text}}', text);
}

/** The plain client every variant is compared with. */
export const PLAIN_CLIENT: SourceFile = { path: 'client.ts', text: client('Café ☕', 'world') };

/** Bytes that are not UTF-8 (Latin-1 `é`, and 0xFF 0xFE), decoded as ESLint and jscodeshift read files: to U+FFFD. */
const UNDECODABLE = new TextDecoder('utf-8').decode(Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe]));

export const CLIENT_VARIANTS = {
  bom: { path: 'client-bom.ts', text: `\uFEFF${PLAIN_CLIENT.text}` },
  crlf: { path: 'client-crlf.ts', text: PLAIN_CLIENT.text.replaceAll('\n', '\r\n') },
  tabs: { path: 'client-tabs.ts', text: PLAIN_CLIENT.text.replace(/^((?: {2})+)/gm, (indent) => '\t'.repeat(indent.length / 2)) },
  undecodable: { path: 'client-undecodable.ts', text: client(`Café ☕ ${UNDECODABLE}`, `world ${UNDECODABLE}`) },
} as const satisfies Record<string, SourceFile>;

/** Undoes what a variant changed, so its output can be compared with the plain client's. */
export const NORMALISE: Record<keyof typeof CLIENT_VARIANTS, (text: string) => string> = {
  bom: (text) => (text.startsWith('\uFEFF') ? text.slice(1) : `<BOM lost>${text}`),
  crlf: (text) => text.replaceAll('\r\n', '\n'),
  tabs: (text) => text.replace(/^\t+/gm, (tabs) => '  '.repeat(tabs.length)),
  undecodable: (text) => text.replaceAll(` ${UNDECODABLE}`, ''),
};

/** Code without SignalR, this many bytes at least, each function with its own name. */
function code(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = `/** Sums the even items of batch ${i}, weighted. */
export function weightedEvenSum${i}(items: readonly number[], weight = ${i % 7}): number {
  let total = 0;
  for (const item of items) {
    if (item % 2 === 0) total += item * weight;
  }
  return total > ${i} ? total : -total;
}
`;
    parts.push(part);
    size += part.length;
  }
  return parts.join('\n');
}

/**
 * Embedded data, this many bytes at least: base64 chunks of an asset, as generated and bundled files
 * carry them. Cheap to parse, so a multi-megabyte file fits the test budget (dense code parses at
 * several seconds per megabyte).
 */
function data(bytes: number): string {
  const chunks: string[] = [];
  for (let i = 0; chunks.length * 1026 < bytes; i++) {
    chunks.push(`'${Buffer.from(Uint8Array.from({ length: 768 }, (_, j) => (i * 31 + j * 7) & 0xff)).toString('base64')}'`);
  }
  return `export const ASSET_CHUNKS: readonly string[] = [\n${chunks.join(',\n')},\n];\n`;
}

/** Over 5 MB of generated code and data, for the middle of a client module. */
export const BULK = `// Generated: do not edit.\n${code(200 * 1024)}\n${data(5 * 1024 * 1024)}`;

/** The client with the bulk between its import and its code: a bundled or generated module that also uses SignalR. */
export const HUGE_CLIENT: SourceFile = { path: 'huge-client.ts', text: client('Café ☕', 'world', BULK) };

/** Files that do not parse: rules get a fatal message, transforms the parser's error (or nothing). */
export const SYNTAX_ERRORS: readonly SourceFile[] = [
  { path: 'unclosed-call.ts', text: "import { HubConnectionBuilder } from '@microsoft/signalr';\nconst connection = new HubConnectionBuilder().withUrl('/hubs/chat'\nconnection.start();\n" },
  { path: 'missing-name.ts', text: "import * as signalR from '@microsoft/signalr';\nconst = new signalR.HubConnectionBuilder().build();\n" },
  { path: 'unclosed-jsx.tsx', text: "import { HubConnectionBuilder } from '@microsoft/signalr';\nexport const View = () => <div><span>{new HubConnectionBuilder().build()}</div>;\n" },
  { path: 'angle-cast-in-tsx.tsx', text: "import { HubConnectionBuilder } from '@microsoft/signalr';\nconst connection = <any>new HubConnectionBuilder().build();\n" },
  { path: 'stray-brace.js', text: "const connection = $.hubConnection('/signalr');\nconnection.start().done(function () { });\n}\n" },
];

/**
 * Nesting as deep as the baseline parser allows with room to spare (it overflows its stack at a few
 * hundred levels for some shapes), with SignalR code at the bottom so the analyses walk all of it.
 */
export const DEEPLY_NESTED: readonly SourceFile[] = [
  {
    path: 'deep-callbacks.ts',
    text: `import { HubConnectionBuilder } from '@microsoft/signalr';\nconst connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();\n${"connection.on('tick', async () => {\n".repeat(100)}await connection.start();\nconnection.invoke('JoinGroup', 'deep');\n${'});\n'.repeat(100)}`,
  },
  {
    path: 'deep-blocks.ts',
    text: `import { HubConnectionBuilder } from '@microsoft/signalr';\nexport async function f(a: number): Promise<void> {\n  const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();\n${'if (a > 0) {\n'.repeat(150)}await connection.start();\nconnection.invoke('JoinGroup', 'deep');\n${'}\n'.repeat(150)}}\n`,
  },
  {
    path: 'deep-expressions.ts',
    text: `import { HubConnectionBuilder } from '@microsoft/signalr';\nconst a = Number(process.env.A);\nconst url = ${Array.from({ length: 300 }, (_, i) => `a === ${i} ? '/hubs/h${i}?hub=x' : `).join('')}'/hubs/chat' + ${Array.from({ length: 300 }, (_, i) => `'/p${i}'`).join(' + ')};\nconst connection = new HubConnectionBuilder().withUrl(${'('.repeat(300)}url${')'.repeat(300)}, ${'{ nested: '.repeat(150)}1${' }'.repeat(150)} as never).build();\nconnection.start();\n`,
  },
  {
    path: 'long-chains.ts',
    text: `import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';\nconst connection = new HubConnectionBuilder().withUrl('/hubs/chat')${'.configureLogging(LogLevel.Warning)'.repeat(300)}.build();\nexport function route(n: number): void {\n${Array.from({ length: 300 }, (_, i) => `  if (n === ${i}) connection.invoke('JoinGroup', 'room-${i}');`).join(' else\n')}\n}\nconnection.start();\n`,
  },
];

/** Valid syntax that the analyses rarely meet. Each file must parse; none may make anything throw. */
export const UNUSUAL_SYNTAX: readonly SourceFile[] = [
  {
    path: 'decorators.ts',
    text: `import { Component, Inject, Injectable, Input, type OnInit } from '@angular/core';
import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';

function logged(_target: object, _key: string | symbol, descriptor: PropertyDescriptor): PropertyDescriptor {
  return descriptor;
}

@Injectable({ providedIn: 'any' })
@Component({ selector: 'app-room', template: '<p>{{ room }}</p>' })
export class RoomComponent implements OnInit {
  @Input() room = 'lobby';
  static #instances = 0;
  #connection: HubConnection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  accessor retries = 3;

  static {
    RoomComponent.#instances = 0;
  }

  constructor(@Inject('HUB_URL') private readonly hubUrl: string) {
    RoomComponent.#instances++;
  }

  @logged
  ngOnInit(): void {
    this.#connection.start().then(() => this.#connection.invoke('JoinGroup', this.room));
  }

  get connection(): HubConnection {
    return this.#connection;
  }
}
`,
  },
  {
    path: 'satisfies-and-using.ts',
    text: `import { HttpTransportType, HubConnectionBuilder, type IHttpConnectionOptions, type HubConnection } from '@microsoft/signalr';

const options = { skipNegotiation: true, transport: HttpTransportType.WebSockets } satisfies IHttpConnectionOptions;

export async function session(room: string): Promise<void> {
  await using scope = { async [Symbol.asyncDispose]() {} };
  using timer = { [Symbol.dispose]() {} };
  await using connection = new HubConnectionBuilder().withUrl('/hubs/chat', options satisfies IHttpConnectionOptions).build() as HubConnection & AsyncDisposable;
  await connection.start();
  connection.invoke('JoinGroup', room);
  void scope;
  void timer;
}

export const typed = new HubConnectionBuilder().withUrl('/hubs/typed').build() satisfies HubConnection;
`,
  },
  {
    path: 'jsx-namespaces.tsx',
    text: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

export function Radar({ points }: { points: { x: number; y: number }[] }) {
  const [seen, setSeen] = useState(0);
  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl('/hubs/radar').build();
    connection.on('Ping', () => setSeen((n) => n + 1));
    connection.start();
  }, []);
  const Shape = { Dot: (props: { cx: number; cy: number }) => <circle {...props} r={2} /> };
  return (
    <svg:svg xmlns:xlink="http://www.w3.org/1999/xlink" data-seen={seen}>
      <svg:defs>
        <svg:marker id="m" />
      </svg:defs>
      {points.map((p, i) => (
        <Shape.Dot key={i} cx={p.x} cy={p.y} />
      ))}
      <>
        <svg:use xlink:href="#m" />
      </>
    </svg:svg>
  );
}
`,
  },
  {
    path: 'optional-chains-and-computed-names.ts',
    text: `import * as signalR from '@microsoft/signalr';

const method = 'invoke' as const;
const key = 'skipNegotiation';

export async function run(room: string, args: unknown[], delays: number[]): Promise<void> {
  const connection = new signalR.HubConnectionBuilder()?.withUrl('/hubs/chat', { [key]: true, ...null })?.withAutomaticReconnect([, 2_000, , 10_000])?.build();
  const other = new signalR['HubConnectionBuilder']()['withUrl'](\`/hubs/\${room}\`)['withAutomaticReconnect'](...delays)['build']();
  await connection?.start?.();
  await other![\`start\`]();
  connection?.['invoke']('JoinGroup', room);
  connection![method]('JoinGroup', room);
  (0, connection!.invoke)('JoinGroup', room);
  other.invoke(...(args as [string]));
  other.invoke();
  other.on();
  other.onclose();
  other.onclose(async function (this: signalR.HubConnection) {
    await this.start();
  });
  const { stop } = other;
  await stop.call(other);
}
`,
  },
  {
    path: 'odd-shapes.ts',
    text: `#!/usr/bin/env node
// @ts-nocheck
import signalR = require('@microsoft/signalr');
import jwt from 'jsonwebtoken';
import https from 'node:https';
import tls from 'node:tls';
export * from '@microsoft/signalr';
export { HubConnectionBuilder as Builder } from '@microsoft/signalr';

declare module '@microsoft/signalr' {
  interface HubConnection {
    joinAll(): Promise<void>;
  }
}

namespace Hubs {
  export const chat = new signalR.HubConnectionBuilder().withUrl(import.meta.url).build();
}

enum Room {
  Lobby = 'lobby',
}

const \\u0063onnection = new signalR.HubConnectionBuilder().withUrl().withUrl(...[]).build();
const 连接 = new signalR.HubConnectionBuilder().withUrl('/hubs/中文', { get skipNegotiation() { return true; } }).build();
const policy = { nextRetryDelayInMilliseconds() {} };
const selfish = new signalR.HubConnectionBuilder().withAutomaticReconnect(policy).withAutomaticReconnect({}).withAutomaticReconnect().build();

function make(): signalR.HubConnection {
  return make();
}
function ping(): signalR.HubConnection {
  return pong();
}
function pong(): signalR.HubConnection {
  return ping();
}

function* joins(): Generator<Promise<void>> {
  yield connection.invoke('Join\\u0047roup', Room.Lobby);
}

async function* events(): AsyncGenerator<number> {
  for await (const value of [1n, 2n]) yield Number(value) + 1_000;
}

label: for (const c of [connection, 连接, Hubs.chat, make(), ping()]) {
  switch (c.state) {
    case 'Connected':
      c.invoke('JoinGroup', \`room-\${Room.Lobby}\`);
      break label;
    default:
      c.start();
  }
}

export default new signalR.HubConnectionBuilder().build();
export const token = jwt.sign();
export const token2 = jwt.sign(...([] as [string, string]));
export const agent = new https.Agent();
tls['DEFAULT_MAX_VERSION'] = 'TLSv1';
tls.DEFAULT_MAX_VERSION = process.env.TLS as tls.SecureVersion;
void joins;
void events;
void selfish;
`,
  },
  {
    path: 'classic-odd.js',
    text: `/* global $, jQuery */
var hub = $.connection['hub'];
var other = jQuery.hubConnection();
var proxy = other.createHubProxy();
hub.start();
other.start().done(function () {
  proxy.invoke('JoinGroup');
  proxy.invoke.apply(proxy, ['JoinGroup', 'room']);
});
$.connection.hub.disconnected();
other.disconnected(function () {
  setTimeout(function () { other.start(); });
});
with_({ a: 1 });
function with_(o) { return o; }
`,
  },
];
