import rule from '../../rules/require-reconnect.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const FIX_CORE = 'Add `.withAutomaticReconnect(…)` with a policy that keeps retrying after a random delay, or restart it from `onclose`.';
const FIX_ASPNET = 'This client version has no `withAutomaticReconnect` (@aspnet/signalr 1.x): restart it from `onclose` after a random delay.';

ruleTester.run('require-reconnect', rule, {
  valid: [
    // jQuery reached through an IIFE parameter or window.jQuery, with a disconnected restart.
    `(function ($) {
  var connection = $.hubConnection('/signalr');
  connection.disconnected(function () {
    setTimeout(function () { connection.start(); }, 5000 + Math.random() * 25000);
  });
  connection.start();
})(jQuery);`,
    // An IIFE parameter named $ that is some other library: no SignalR here.
    `(function ($) {
  var connection = $.hubConnection('/signalr');
  connection.start();
})(window.Zepto);`,
    // A local alias of a field whose connection reconnects on its own.
    `class Feed {
  connection = new window.signalR.HubConnectionBuilder().withUrl('/hubs/feed').withAutomaticReconnect().build();
  open() {
    const self = this;
    const c = self.connection;
    return c.start();
  }
}`,
    // Automatic reconnect in the chain.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
await connection.start();`,
    // ... or configured through the builder variable.
    `import * as signalR from '@microsoft/signalr';
const builder = new signalR.HubConnectionBuilder().withUrl('/hubs/chat');
builder.withAutomaticReconnect([0, 2000, 10000]);
const connection = builder.build();
await connection.start();`,
    // An onclose restart through a local function that retries itself (the documented manual pattern).
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
async function start() {
  try {
    await connection.start();
  } catch (err) {
    setTimeout(start, 5000 + Math.random() * 5000);
  }
}
connection.onclose(async () => {
  await start();
});
start();`,
    // The restart handler is a class method reached through \`this\`.
    `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export class Live {
  private connection: HubConnection = new HubConnectionBuilder().withUrl('/hubs/live').build();
  constructor() {
    this.connection.onclose(() => this.restartLater());
  }
  async open(): Promise<void> {
    await this.connection.start();
  }
  private restartLater(): void {
    setTimeout(() => void this.connection.start(), 1000 + Math.random() * 4000);
  }
}`,
    // The handler is imported: the file cannot see whether it restarts.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { handleClose } from './reconnect';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.onclose(handleClose);
await connection.start();`,
    // A function the file cannot see whose name says it reconnects.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { reconnectLater } from './reconnect';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.onclose(() => reconnectLater(5000));
await connection.start();`,
    // The builder goes through a helper of another file, which may add automatic reconnect.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { withRetries } from './signalr-defaults';
const builder = new HubConnectionBuilder().withUrl('/hubs/chat');
withRetries(builder);
const connection = builder.build();
await connection.start();`,
    // ... or through a local helper that does.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
function withRetries(builder: HubConnectionBuilder) {
  builder.withAutomaticReconnect();
}
const builder = new HubConnectionBuilder().withUrl('/hubs/chat');
withRetries(builder);
const connection = builder.build();
await connection.start();`,
    // Built here but started elsewhere: the importing file owns its lifecycle.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
export const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
export function createConnection(url: string) {
  return new HubConnectionBuilder().withUrl(url).build();
}`,
    // The connection goes to code the file cannot see, which may register a restart.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { attachHandlers } from './handlers';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
attachHandlers(connection);
await connection.start();`,
    // A local function registers the restart on its parameter.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
function keepConnected(conn) {
  conn.onclose(() => setTimeout(() => conn.start(), 1000 + Math.random() * 9000));
}
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
keepConnected(connection);
await connection.start();`,
    // A connection from a local factory, restarted where the caller holds it.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
function createConnection() {
  return new HubConnectionBuilder().withUrl('/hubs/chat').build();
}
const connection = createConnection();
connection.onclose(() => setTimeout(() => connection.start(), 2000 + Math.random() * 3000));
await connection.start();`,
    // The same through a local of the factory, configured before it is returned.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
function createConnection() {
  const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  connection.on('message', console.log);
  return connection;
}
const connection = createConnection();
connection.onclose(() => setTimeout(() => connection.start(), 2000 + Math.random() * 3000));
await connection.start();`,
    // Misusing the error argument is an attempt at a restart; valid-reconnect-policy reports the misuse.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.onclose((conn) => conn.start());
await connection.start();`,
    // Without automatic reconnect, \`if (error)\` is how the code tells a drop from its own stop().
    `import { HubConnectionBuilder } from '@aspnet/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.onclose((error) => {
  if (error) setTimeout(() => connection.start(), 1000 + Math.random() * 1000);
});
await connection.start();`,
    // React: automatic reconnect inside an effect.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect } from 'react';
export function Feed() {
  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl('/hubs/feed').withAutomaticReconnect().build();
    connection.start();
    return () => void connection.stop();
  }, []);
  return null;
}`,
    // A top-level promise chain is page start code: its connection is judged, and this one reconnects.
    `fetch('/api/negotiate')
  .then((res) => res.json())
  .then((info) => {
    const connection = new signalR.HubConnectionBuilder().withUrl(info.url).withAutomaticReconnect().build();
    connection.start().catch(console.error);
  });`,
    `fetch('/api/negotiate').then((res) => res.json()).then((info) => {
  const connection = new signalR.HubConnectionBuilder().withUrl(info.url).build();
  const start = () => connection.start().catch(() => setTimeout(start, 5000 + Math.random() * 25000));
  connection.onclose(() => setTimeout(start, 1000 + Math.random() * 4000));
  start();
});`,
    // The same chain run by a click handler: one connection per click, require-stop's business.
    `document.getElementById('go').addEventListener('click', () => {
  fetch('/api/negotiate').then((res) => res.json()).then((info) => {
    const connection = new signalR.HubConnectionBuilder().withUrl(info.url).build();
    connection.onclose(() => console.log('closed'));
    connection.start().catch(console.error);
  });
});`,
    // A function that app code calls once (or hands to page-start code) keeps its connection for the
    // app's life: judged, and these reconnect.
    `async function main() {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
  connection.on('ReceiveMessage', console.log);
  await connection.start();
}
main().catch(console.error);`,
    `function init() {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
  const start = () => connection.start().catch(() => setTimeout(start, 5000 + Math.random() * 25000));
  connection.onclose(() => setTimeout(start, 1000 + Math.random() * 4000));
  start();
}
$(init);`,
    // Run once to do a job (nothing listens on it): a one-off run, require-stop's business.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
async function main(): Promise<void> {
  const connection = new HubConnectionBuilder().withUrl('http://localhost:5000/hubs/chat').build();
  await connection.start();
  await connection.invoke('SendToGroup', 'ops', 'deployed');
}
main().catch(console.error);`,
    // Called again from a click handler: one connection per click, require-stop's business.
    `async function connect() {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
  connection.onclose(() => console.log('closed'));
  await connection.start();
}
connect();
document.getElementById('retry').addEventListener('click', () => connect());`,
    // Classic client restarted from disconnected.
    `$(function () {
  var connection = $.hubConnection('/signalr');
  connection.disconnected(function () {
    setTimeout(function () { connection.start(); }, 5000 + Math.random() * 25000);
  });
  connection.start();
});`,
    `$.connection.hub.disconnected(function () {
  setTimeout(function () { $.connection.hub.start(); }, 1000 + Math.random() * 5000);
});
$.connection.hub.start();`,
    // The generated hub is one global connection; another script may start and restart it.
    `$.connection.hub.url = 'https://chat.contoso.com/signalr';`,
    // Look-alikes: not the SignalR client.
    `class HubConnectionBuilder { withUrl(url: string) { return this; } build() { return { start() {} }; } }
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.start();`,
    `import { HubConnectionBuilder } from './my-own-builder';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
await connection.start();`,
    `const socket = new WebSocket('wss://example.com');
socket.onclose = () => {};`,
    // Connections this file does not create (parameters, injected fields) are the creator's business.
    `import type { HubConnection } from '@microsoft/signalr';
export async function open(connection: HubConnection) {
  await connection.start();
}`,
    // A stop after the start in the same function: a script or a one-off send, meant to end there.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function announce(text: string) {
  const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  await connection.start();
  try {
    await connection.invoke('Announce', text);
  } finally {
    await connection.stop();
  }
}`,
    `const signalR = require('@microsoft/signalr');
const connection = new signalR.HubConnectionBuilder().withUrl('http://localhost:5000/hubs/chat').build();
await connection.start();
await connection.send('Ping');
await connection.stop();`,
    // A one-shot connection kept in a field: stopped in a continuation of its start, as with a local.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
export class TokenService {
  fetchToken(user: string) {
    this.tokenHub = new HubConnectionBuilder().withUrl('/hubs/token').build();
    this.tokenHub
      .start()
      .then(() => this.tokenHub.invoke('IssueToken', user))
      .then((token) => {
        sessionStorage.setItem('token', token);
        return this.tokenHub.stop();
      })
      .catch((err) => console.error(err));
  }
}`,
    // ... stopped in a continuation of the invoke made in the start's continuation.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
export class AuthService {
  login(token: string) {
    this.auth = new HubConnectionBuilder().withUrl('/hubs/auth').build();
    this.auth.start().then(() => this.auth.invoke('Authenticate', token).then(() => this.auth.stop()));
  }
}`,
    // ... in \`.finally\`, or after an \`await\` in an async continuation; an app-wide Angular service too.
    `import { Injectable } from '@angular/core';
import { HubConnectionBuilder } from '@microsoft/signalr';
@Injectable({ providedIn: 'root' })
export class ReportService {
  private hub = new HubConnectionBuilder().withUrl('/hubs/report').build();
  request(id: string) {
    this.hub.start().then(() => this.hub.invoke('Request', id)).finally(() => this.hub.stop());
  }
}`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
export class Pinger {
  ping() {
    this.hub = new HubConnectionBuilder().withUrl('/hubs/ping').build();
    this.hub.start().then(async () => {
      await this.hub.send('Ping');
      await this.hub.stop();
    });
  }
}`,
    // Owned by one function call, which must stop it on the way out (require-stop's business).
    `import { HubConnectionBuilder } from '@microsoft/signalr';
export function ping(): void {
  const connection = new HubConnectionBuilder().withUrl('/hubs/health').build();
  connection.start();
  connection.send('Ping');
}`,
    // Never started in this file: whoever starts it is judged there.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export function join(room: string) {
  return connection.invoke('JoinGroup', room);
}`,
    // The handler is a bound method.
    `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export class Feed {
  private connection: HubConnection = new HubConnectionBuilder().withUrl('/hubs/feed').build();
  constructor() {
    this.connection.onclose(this.restart.bind(this));
    void this.connection.start();
  }
  private restart(): void {
    setTimeout(() => void this.connection.start(), 2000 + Math.random() * 3000);
  }
}`,
    // The strict option: a policy that never gives up needs no onclose restart.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder()
  .withUrl('/hubs/chat')
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => Math.min(30000, 1000 * 2 ** context.previousRetryCount) * (1 - 0.5 * Math.random()) })
  .build();
await connection.start();`,
      options: [{ requireRestartAfterGiveUp: true }],
    },
    // ... nor one the file cannot see.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { policy } from './policy';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect(policy).build();
await connection.start();`,
      options: [{ requireRestartAfterGiveUp: true }],
    },
    // ... and a restart guarded by the code's own "stopped on purpose" flag handles giving up.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
let stopping = false;
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.onclose(() => {
  if (!stopping) setTimeout(() => connection.start(), 1000 + Math.random() * 1000);
});
await connection.start();`,
      options: [{ requireRestartAfterGiveUp: true }],
    },
    // Exported connections (strict's requireReconnectWhenExported): reconnect logic where it is built.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();`,
      options: [{ requireReconnectWhenExported: true }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.onclose(() => setTimeout(() => connection.start(), 2000 + Math.random() * 8000));
export default connection;`,
      options: [{ requireReconnectWhenExported: true }],
    },
    // Neither exported nor started here: a module-private connection that nobody starts.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export function send(text: string) {
  return connection.invoke('Send', text);
}`,
      options: [{ requireReconnectWhenExported: true }],
    },
    // An exported factory whose builder reconnects.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export function createConnection(url: string) {
  return new HubConnectionBuilder().withUrl(url).withAutomaticReconnect().build();
}`,
      options: [{ requireReconnectWhenExported: true }],
    },
    // Handed to a helper from another module, which may add the restart.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { keepAlive } from './keep-alive';
export const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
keepAlive(connection);`,
      options: [{ requireReconnectWhenExported: true }],
    },
    // An exported one-off: started and stopped in the same run, reconnecting means nothing.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function notify(text: string) {
  const connection = new HubConnectionBuilder().withUrl('/hubs/notify').build();
  await connection.start();
  try {
    await connection.invoke('Notify', text);
  } finally {
    await connection.stop();
  }
}`,
      options: [{ requireReconnectWhenExported: true }],
    },
    // \`module\` is a local object here, not CommonJS: nothing leaves the file.
    {
      code: `const signalR = require('@microsoft/signalr');
const module = {};
const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
module.exports = connection;`,
      options: [{ requireReconnectWhenExported: true }],
    },
    // What is exported is another value, not the connection.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
const hubUrl = '/hubs/chat';
export { hubUrl };`,
      options: [{ requireReconnectWhenExported: true }],
    },
  ],
  invalid: [
    // Exported connections (strict's requireReconnectWhenExported).
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();`,
      options: [{ requireReconnectWhenExported: true }],
      errors: [{ messageId: 'missingReconnectOnExported', line: 2, column: 76, data: { fix: FIX_CORE } }],
    },
    // A factory: every caller gets a connection that never reconnects.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export function createConnection(url: string) {
  return new HubConnectionBuilder().withUrl(url).build();
}`,
      options: [{ requireReconnectWhenExported: true }],
      errors: [{ messageId: 'missingReconnectOnExported', line: 3, column: 50 }],
    },
    // A lazily built singleton behind an exported getter.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
let connection: HubConnection | undefined;
export const getConnection = (): HubConnection => {
  if (!connection) connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  return connection;
};`,
      options: [{ requireReconnectWhenExported: true }],
      errors: [{ messageId: 'missingReconnectOnExported', line: 4, column: 82 }],
    },
    // CommonJS, as a property of the exported object; @aspnet/signalr needs an onclose restart.
    {
      code: `const { HubConnectionBuilder } = require('@aspnet/signalr');
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
module.exports = { connection };`,
      options: [{ requireReconnectWhenExported: true }],
      errors: [{ messageId: 'missingReconnectOnExported', line: 2, column: 69, data: { fix: FIX_ASPNET } }],
    },
    // Renamed in an export list.
    {
      code: `import * as signalR from '@microsoft/signalr';
const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
export { connection as chatConnection };`,
      options: [{ requireReconnectWhenExported: true }],
      errors: [{ messageId: 'missingReconnectOnExported', line: 2, column: 77 }],
    },
    // jQuery through an IIFE parameter, and the browser bundle through window.signalR.
    {
      code: `(function ($) {
  var connection = $.hubConnection('/signalr');
  connection.start();
})(jQuery);
var hub = new window.signalR.HubConnectionBuilder().withUrl('/hubs/news').build();
hub.start().catch(console.error);`,
      errors: [
        { messageId: 'missingClassicRestart', line: 2, column: 20 },
        { messageId: 'missingReconnect', line: 5, column: 75 },
      ],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
await connection.start();`,
      errors: [{ messageId: 'missingReconnect', data: { fix: FIX_CORE }, line: 2, column: 69 }],
    },
    // Reported on `.build`, where automatic reconnect goes.
    {
      code: `import * as signalR from '@microsoft/signalr';
const connection = new signalR.HubConnectionBuilder()
  .withUrl('/hubs/chat')
  .configureLogging(signalR.LogLevel.Information)
  .build();
connection.start().catch((err) => console.error(err));`,
      errors: [{ messageId: 'missingReconnect', line: 5, column: 4 }],
    },
    {
      code: `const { HubConnectionBuilder } = require('@microsoft/signalr');
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.start();`,
      errors: [{ messageId: 'missingReconnect', line: 2, column: 69 }],
    },
    // The browser global.
    {
      code: `const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.start();`,
      errors: [{ messageId: 'missingReconnect', line: 1, column: 77 }],
    },
    // An onclose handler that only logs restarts nothing.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.onclose((error) => console.warn('closed', error));
await connection.start();`,
      errors: [{ messageId: 'missingReconnect', line: 2, column: 69 }],
    },
    // @aspnet/signalr has no withAutomaticReconnect: the message says how to restart instead.
    {
      code: `import { HubConnectionBuilder } from '@aspnet/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
await connection.start();`,
      errors: [{ messageId: 'missingReconnect', data: { fix: FIX_ASPNET }, line: 2, column: 69 }],
    },
    // Long polling and Server-Sent Events: the token expires after an hour.
    {
      code: `import { HubConnectionBuilder, HttpTransportType } from '@microsoft/signalr';
const connection = new HubConnectionBuilder()
  .withUrl('/hubs/chat', { transport: HttpTransportType.LongPolling, accessTokenFactory: () => token })
  .build();
await connection.start();`,
      errors: [{ messageId: 'missingReconnectTokenExpiry', data: { transport: 'long polling', fix: FIX_CORE }, line: 4, column: 4 }],
    },
    {
      code: `import { HubConnectionBuilder, HttpTransportType } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat', HttpTransportType.ServerSentEvents).build();
await connection.start();`,
      errors: [{ messageId: 'missingReconnectTokenExpiry', data: { transport: 'Server-Sent Events', fix: FIX_CORE }, line: 2, column: 105 }],
    },
    {
      code: `import { HubConnectionBuilder, HttpTransportType as T } from '@microsoft/signalr';
const transport = T.ServerSentEvents | T.LongPolling;
const connection = new HubConnectionBuilder().withUrl('/hubs/chat', { transport }).build();
await connection.start();`,
      errors: [{ messageId: 'missingReconnectTokenExpiry', data: { transport: 'Server-Sent Events or long polling', fix: FIX_CORE }, line: 3, column: 84 }],
    },
    // The bit value 2 is Server-Sent Events too.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat', { transport: 2 }).build();
await connection.start();`,
      errors: [{ messageId: 'missingReconnectTokenExpiry', line: 2, column: 87 }],
    },
    // A connection built by a local factory is reported where it is built.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
function createConnection() {
  return new HubConnectionBuilder().withUrl('/hubs/chat').build();
}
const connection = createConnection();
await connection.start();`,
      errors: [{ messageId: 'missingReconnect', line: 3, column: 59 }],
    },
    // ... also when the factory returns a local holding it.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
function createConnection() {
  const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  connection.on('message', console.log);
  return connection;
}
const connection = createConnection();
await connection.start();`,
      errors: [{ messageId: 'missingReconnect', line: 3, column: 71 }],
    },
    // A local function that gets the connection but registers no restart.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
function listen(conn) {
  conn.on('message', (text) => console.log(text));
}
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
listen(connection);
await connection.start();`,
      errors: [{ messageId: 'missingReconnect', line: 5, column: 69 }],
    },
    // React effect.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect } from 'react';
export function Feed() {
  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl('/hubs/feed').build();
    connection.start();
    return () => void connection.stop();
  }, []);
  return null;
}`,
      errors: [{ messageId: 'missingReconnect', line: 5, column: 73 }],
    },
    // A class field, started in a method.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export class Ticker {
  private connection: HubConnection;
  constructor() {
    this.connection = new HubConnectionBuilder().withUrl('/hubs/ticker').build();
  }
  open() {
    return this.connection.start();
  }
}`,
      errors: [{ messageId: 'missingReconnect', line: 5, column: 74 }],
    },
    // A stop before the start (a refresh) or in a later callback does not end the connection's run.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function refresh() {
  await connection.stop();
  await connection.start();
}`,
      errors: [{ messageId: 'missingReconnect', line: 2, column: 69 }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
async function main() {
  const connection = new HubConnectionBuilder().withUrl('http://localhost:5000/hubs/prices').build();
  await connection.start();
  process.on('SIGTERM', () => void connection.stop());
}
void main();`,
      errors: [{ messageId: 'missingReconnect', line: 3, column: 94 }],
    },
    // A field connection stopped only in another method (logout, ngOnDestroy) is meant to stay open.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export class AuthService {
  login(token: string) {
    this.auth = new HubConnectionBuilder().withUrl('/hubs/auth').build();
    this.auth.start().then(() => this.auth.invoke('Authenticate', token));
  }
  logout() {
    return this.auth.stop();
  }
}`,
      errors: [{ messageId: 'missingReconnect', line: 4, column: 66 }],
    },
    // Stopped only when the start or the call fails (\`.catch\`, a rejection callback).
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export class AuthService {
  login(token: string) {
    this.auth = new HubConnectionBuilder().withUrl('/hubs/auth').build();
    this.auth.start().then(() => this.auth.invoke('Authenticate', token)).catch(() => this.auth.stop());
  }
}`,
      errors: [{ messageId: 'missingReconnect', line: 4, column: 66 }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export class AuthService {
  login(token: string) {
    this.auth = new HubConnectionBuilder().withUrl('/hubs/auth').build();
    this.auth.start().then(() => this.auth.invoke('Authenticate', token), () => this.auth.stop());
  }
}`,
      errors: [{ messageId: 'missingReconnect', line: 4, column: 66 }],
    },
    // Stopped when the server says so, or after a delay: until then it is a long-lived connection.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export class AuthService {
  login(token: string) {
    this.auth = new HubConnectionBuilder().withUrl('/hubs/auth').build();
    this.auth.on('done', () => this.auth.stop());
    this.auth.start().then(() => this.auth.invoke('Authenticate', token));
  }
}`,
      errors: [{ messageId: 'missingReconnect', line: 4, column: 66 }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export class AuthService {
  login(token: string) {
    this.auth = new HubConnectionBuilder().withUrl('/hubs/auth').build();
    this.auth.start().then(() => setTimeout(() => this.auth.stop(), 60000));
  }
}`,
      errors: [{ messageId: 'missingReconnect', line: 4, column: 66 }],
    },
    // The continuation stops another field's connection.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export class AuthService {
  login(token: string) {
    this.auth = new HubConnectionBuilder().withUrl('/hubs/auth').build();
    this.auth.start().then(() => this.auth.invoke('Authenticate', token)).then(() => this.legacy.stop());
  }
}`,
      errors: [{ messageId: 'missingReconnect', line: 4, column: 66 }],
    },
    // Started in a function, but kept alive past it by a listener: a long-lived connection.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function initChat() {
  const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  document.getElementById('send')!.addEventListener('click', () => connection.invoke('Send', 'hi'));
  await connection.start();
}`,
      errors: [{ messageId: 'missingReconnect', line: 3, column: 71 }],
    },
    // Started, then handed to the caller: the builder here is where reconnect logic belongs.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function connect() {
  const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  await connection.start();
  return connection;
}`,
      errors: [{ messageId: 'missingReconnect', line: 3, column: 71 }],
    },
    // A module named in settings.signalr.modules.
    {
      code: `import { HubConnectionBuilder } from '@acme/realtime';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
await connection.start();`,
      settings: { signalr: { modules: ['@acme/realtime'] } },
      errors: [{ messageId: 'missingReconnect', line: 2, column: 69 }],
    },
    // A promise chain the page's top level runs: the connection lives as long as the page, and the
    // onclose handler only logs.
    {
      code: `fetch('/api/negotiate', { method: 'POST' })
  .then((res) => res.json())
  .then((info) => {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(info.url, { accessTokenFactory: () => info.accessToken })
      .build();
    connection.onclose(() => console.log('closed'));
    connection.start().catch(console.error);
  })
  .catch(console.error);`,
      errors: [{ messageId: 'missingReconnect', line: 6, column: 8 }],
    },
    // Run by a page-start callback, or awaited at the top level of a module.
    {
      code: `$(function () {
  $.getJSON('/api/negotiate').then(function (info) {
    var connection = new signalR.HubConnectionBuilder().withUrl(info.url).build();
    connection.start();
  });
});`,
      errors: [{ messageId: 'missingReconnect', line: 3, column: 75 }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
declare function getToken(): Promise<string>;
await getToken().then(async (token) => {
  const connection = new HubConnectionBuilder().withUrl('/hubs/chat', { accessTokenFactory: () => token }).build();
  await connection.start();
});`,
      errors: [{ messageId: 'missingReconnect', line: 4, column: 108 }],
    },
    // A function that app code runs once: `main()` at the top level, a named page-start callback, a
    // named callback of a top-level promise chain, a jQuery deferred's callback.
    {
      code: `async function main() {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
  connection.on('ReceiveMessage', console.log);
  await connection.start();
}
main().catch(console.error);`,
      errors: [{ messageId: 'missingReconnect', line: 2, column: 79 }],
    },
    {
      code: `function init() {
  var connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
  connection.on('ReceiveMessage', console.log);
  connection.start();
}
document.addEventListener('DOMContentLoaded', init);`,
      errors: [{ messageId: 'missingReconnect', line: 2, column: 77 }],
    },
    {
      code: `function setup(info) {
  const connection = new signalR.HubConnectionBuilder().withUrl(info.url).build();
  connection.onclose(() => console.log('closed'));
  connection.start().catch(console.error);
}
fetch('/api/negotiate').then((res) => res.json()).then(setup);`,
      errors: [{ messageId: 'missingReconnect', line: 2, column: 75 }],
    },
    {
      code: `$.getJSON('/api/negotiate').done(function (info) {
  var connection = new signalR.HubConnectionBuilder().withUrl(info.url).build();
  connection.start();
});`,
      errors: [{ messageId: 'missingReconnect', line: 2, column: 73 }],
    },
    // Classic client, created with $.hubConnection.
    {
      code: `$(function () {
  var connection = $.hubConnection('/signalr');
  connection.disconnected(function () { console.log('gone'); });
  connection.start();
});`,
      errors: [{ messageId: 'missingClassicRestart', line: 2, column: 20 }],
    },
    // The generated hub: reported where it is started.
    {
      code: `$(function () {
  var chat = $.connection.chatHub;
  $.connection.hub.start().done(function () { chat.server.join('lobby'); });
});`,
      errors: [{ messageId: 'missingClassicRestart', line: 3, column: 3 }],
    },
    // The strict option: default automatic reconnect gives up after about 42 s.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
await connection.start();`,
      options: [{ requireRestartAfterGiveUp: true }],
      errors: [{ messageId: 'giveUpUnhandled', line: 2, column: 69 }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder()
  .withUrl('/hubs/chat')
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => (context.previousRetryCount < 10 ? 5000 + Math.random() * 5000 : null) })
  .build();
await connection.start();`,
      options: [{ requireRestartAfterGiveUp: true }],
      errors: [{ messageId: 'giveUpUnhandled', line: 4, column: 4 }],
    },
    // onclose(undefined) after giving up: a restart that waits for an error never runs.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.onclose((error) => {
  if (error) {
    setTimeout(() => connection.start(), 1000 + Math.random() * 1000);
  }
});
await connection.start();`,
      options: [{ requireRestartAfterGiveUp: true }],
      errors: [{ messageId: 'giveUpIgnoredByErrorCheck', line: 3, column: 12 }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.onclose((error) => {
  if (!error) return;
  setTimeout(() => connection.start(), 1000 + Math.random() * 1000);
});
await connection.start();`,
      options: [{ requireRestartAfterGiveUp: true }],
      errors: [{ messageId: 'giveUpIgnoredByErrorCheck', line: 3, column: 12 }],
    },
  ],
});

// The Web PubSub client SDK reconnects by itself unless `autoReconnect: false`.
ruleTester.run('require-reconnect (Web PubSub client)', rule, {
  valid: [
    // The default: the SDK reconnects.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
client.start().catch(console.error);`,
    // Said explicitly.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat', { autoReconnect: true });
client.start().catch(console.error);`,
    // Off, but the stopped event restarts it after a delay.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat', { autoReconnect: false });
function restart() {
  setTimeout(() => client.start().catch(restart), 1000 + Math.random() * 4000);
}
client.on('stopped', restart);
client.start().catch(restart);`,
    // Off in a one-off script that stops it itself.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
export async function notify(url: string) {
  const client = new WebPubSubClient(url, { autoReconnect: false });
  await client.start();
  await client.sendEvent('ping', 'now', 'text');
  client.stop();
}`,
    // Never started here: whoever starts it decides.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
export const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat', { autoReconnect: false });`,
  ],
  invalid: [
    {
      code: `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat', { autoReconnect: false });
client.on('stopped', () => console.warn('offline'));
client.start().catch(console.error);`,
      errors: [{ messageId: 'autoReconnectDisabled', line: 2, column: 92 }],
    },
  ],
});

// A raw WebSocket speaking the Web PubSub subprotocol: nothing reconnects it but the app.
ruleTester.run('require-reconnect (Web PubSub socket)', rule, {
  valid: [
    // The close handler opens a new socket after a delay.
    `export class Feed {
  socket: WebSocket | null = null;
  connect(url: string) {
    this.socket = new WebSocket(url, 'json.webpubsub.azure.v1');
    this.socket.onclose = () => {
      setTimeout(() => this.connect(url), 1000 + Math.random() * 4000);
    };
  }
}`,
    // A plain WebSocket app (no Web PubSub subprotocol or URL) that only logs: not this rule's business.
    `const socket = new WebSocket('wss://example.com/feed');
socket.onclose = () => console.log('closed');`,
    // The close handler hands over to a callback the file cannot see.
    `export function open(url: string, onDown: () => void) {
  const socket = new WebSocket(url, 'json.webpubsub.azure.v1');
  socket.addEventListener('close', () => onDown());
  return socket;
}`,
    // A close handler of something else in a file that also opens a Web PubSub socket.
    `const socket = new WebSocket('wss://example.webpubsub.azure.com/client/hubs/chat');
const dialog = { onclose: null as null | (() => void) };
dialog.onclose = () => console.log('dialog closed');
export { socket };`,
  ],
  invalid: [
    {
      // Only logs.
      code: `const socket = new WebSocket(getUrl(), 'json.webpubsub.azure.v1');
socket.onclose = (event) => {
  console.log('closed', event.code, new Date().toISOString());
};
declare function getUrl(): string;`,
      errors: [{ messageId: 'socketNotReconnected', line: 2, column: 1 }],
    },
    {
      // The Web PubSub URL shows it; the handler only updates state through a local function.
      code: `import WebSocket from 'ws';
let online = false;
function markOffline() {
  online = false;
}
const socket = new WebSocket('wss://contoso.webpubsub.azure.com/client/hubs/chat?access_token=t');
socket.on('close', markOffline);
export { online };`,
      errors: [{ messageId: 'socketNotReconnected', line: 7, column: 1 }],
    },
  ],
});
