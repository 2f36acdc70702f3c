import rule from '../../rules/handle-start-errors.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('handle-start-errors', rule, {
  valid: [
    // Started through an alias (const, destructuring, self) with the rejection handled.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
export class Feed {
  connection = new HubConnectionBuilder().withUrl('/hubs/feed').withAutomaticReconnect().build();
  open() {
    const self = this;
    const { connection } = this;
    const c = self.connection;
    c.start().catch(console.error);
    return connection.start();
  }
}`,
    // A start on something that only looks like an alias of a connection.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
export class Feed {
  connection = new HubConnectionBuilder().withUrl('/hubs/feed').build();
  worker = { start: () => Promise.resolve() };
  open() {
    const { worker } = this;
    worker.start();
  }
}`,
    // Awaited inside try/catch.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function connect(): Promise<void> {
  try {
    await connection.start();
  } catch (error) {
    console.error('Could not connect', error);
  }
}`,
    // A chain that ends in .catch, with .then before it.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.start().then(() => console.log('connected')).catch((error) => console.error(error));`,
    // .then with a rejection callback.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.start().then(() => console.log('connected'), (error) => console.error(error));`,
    // Returned to a caller this file does not show: the caller's business.
    `import { HubConnection } from '@microsoft/signalr';
export function open(connection: HubConnection): Promise<void> {
  return connection.start();
}`,
    // An exported async function awaiting it: its callers are elsewhere.
    `import * as signalR from '@microsoft/signalr';
const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function connect() {
  await connection.start();
}`,
    // The local function's only caller handles its promise.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
async function connect() {
  await connection.start();
  console.log('connected');
}
connect().catch((error) => console.error(error));`,
    // ... or awaits it inside try/catch.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect } from 'react';
export function Chat() {
  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
    const connect = async () => {
      await connection.start();
    };
    (async () => {
      try {
        await connect();
      } catch (error) {
        console.error(error);
      }
    })();
    return () => void connection.stop();
  }, []);
  return null;
}`,
    // \`void\` says "not waiting, on purpose".
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
void connection.start();`,
    // Top-level await: a failure stops the module loudly, it is not silent.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
await connection.start();`,
    // Stored, then handled through the variable.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
const started = connection.start();
started.catch((error) => console.error(error));`,
    // Passed to a function that takes the promise (RxJS \`from\`, Promise.all).
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { from } from 'rxjs';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export const started$ = from(connection.start());`,
    // Vue passes the rejection of an async hook to its error handler.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { defineComponent } from 'vue';
export default defineComponent({
  data: () => ({ connection: new HubConnectionBuilder().withUrl('/hubs/chat').build() }),
  async mounted() {
    await this.connection.start();
  },
});`,
    // An Angular method called from the template: the file cannot see its caller.
    `import { Component } from '@angular/core';
import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
@Component({ selector: 'app-chat', template: '<button (click)="connect()">Connect</button>' })
export class ChatComponent {
  private connection: HubConnection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  async connect(): Promise<void> {
    await this.connection.start();
  }
}`,
    // A try/catch around an await in the caller, inside an Angular start-up hook.
    `import { Component, OnInit } from '@angular/core';
import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
@Component({ selector: 'app-chat', template: '' })
export class ChatComponent implements OnInit {
  private connection: HubConnection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  async ngOnInit(): Promise<void> {
    try {
      await this.open();
    } catch (error) {
      console.error(error);
    }
  }
  private async open(): Promise<void> {
    await this.connection.start();
  }
}`,
    // The classic client's start returns a jQuery deferred: no unhandled rejections.
    `$(function () {
  var connection = $.hubConnection('/signalr');
  connection.start().done(function () { console.log('connected'); });
});`,
    // Not a SignalR connection.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const server = createServer();
server.start();
declare function createServer(): { start(): Promise<void> };`,
    // The start inside a then-callback whose chain is handled.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
fetchToken().then(() => connection.start()).catch((error) => console.error(error));
declare function fetchToken(): Promise<string>;`,
    // A retried first start on a reconnecting connection satisfies the strict option.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
async function start(): Promise<void> {
  try {
    await connection.start();
  } catch {
    setTimeout(start, 2000 + Math.random() * 3000);
  }
}
start();`,
      options: [{ requireFirstStartRetry: true }],
    },
    // ... as does a .catch that schedules the same method again.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export class Live {
  private connection: HubConnection = new HubConnectionBuilder().withUrl('/hubs/live').withAutomaticReconnect().build();
  connect(): void {
    this.connection.start().catch(() => setTimeout(() => this.connect(), 5000 * Math.random()));
  }
}`,
      options: [{ requireFirstStartRetry: true }],
    },
    // ... and a retry loop.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
for (;;) {
  try {
    await connection.start();
    break;
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}`,
      options: [{ requireFirstStartRetry: true }],
    },
    // Strict: a connection with no reconnect logic at all is require-reconnect's business.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.start().catch((error) => console.error(error));`,
      options: [{ requireFirstStartRetry: true }],
    },
    // Strict: the restart inside onclose is not a first start (and a top-level await fails loudly).
    {
      code: `import { HubConnectionBuilder } from '@aspnet/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.onclose(() => {
  setTimeout(() => connection.start().catch((error) => console.error(error)), 3000 * Math.random());
});
await connection.start();`,
      options: [{ requireFirstStartRetry: true }],
    },
    // Without the option, a handled but unretried first start is fine.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.start().catch((error) => console.error(error));`,
  ],
  invalid: [
    // Started through a local alias of a field, and through \`self\`.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export class Feed {
  connection = new HubConnectionBuilder().withUrl('/hubs/feed').withAutomaticReconnect().build();
  open() {
    const self = this;
    const { connection } = self;
    connection.start();
  }
}`,
      errors: [{ messageId: 'unhandledStart', line: 7, column: 5 }],
    },
    // Floating.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.start();`,
      errors: [{ messageId: 'unhandledStart', line: 3, column: 1 }],
    },
    // .then without a rejection handler, the chain dropped.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection
  .start()
  .then(() => console.log('connected'));`,
      errors: [{ messageId: 'unhandledStart', line: 3, column: 1 }],
    },
    // A try/catch around a promise that is not awaited catches nothing.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
try {
  connection.start();
} catch (error) {
  console.error(error);
}`,
      errors: [{ messageId: 'unhandledStart', line: 4, column: 3 }],
    },
    // A class field, in a React class component: React drops componentDidMount's promise.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { Component } from 'react';
export class Ticker extends Component {
  private connection: HubConnection = new HubConnectionBuilder().withUrl('/hubs/ticker').build();
  async componentDidMount() {
    await this.connection.start();
  }
  render() {
    return null;
  }
}`,
      errors: [{ messageId: 'unhandledStartInCallback', line: 6, column: 11, data: { name: 'this.connection', consumer: 'React' } }],
    },
    // An async function awaiting start, called and dropped: reported on the call to fix.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect } from 'react';
export function Chat() {
  useEffect(() => {
    const connectToHub = async () => {
      const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
      await connection.start();
      connection.on('message', console.log);
    };
    connectToHub();
  }, []);
  return null;
}`,
      errors: [{ messageId: 'unhandledStartCall', line: 10, column: 5, data: { name: 'connection', call: 'connectToHub()' } }],
    },
    // An async effect callback: React ignores the promise it returns.
    {
      code: `import * as signalR from '@microsoft/signalr';
import React from 'react';
export function Chat() {
  React.useEffect(async () => {
    const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
    await connection.start();
  }, []);
  return null;
}`,
      errors: [{ messageId: 'unhandledStartInCallback', line: 6, column: 11, data: { name: 'connection', consumer: '`useEffect`' } }],
    },
    // A fire-and-forget async IIFE.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
(async () => {
  await connection.start();
  console.log('connected');
})();`,
      errors: [{ messageId: 'unhandledStartInCallback', line: 4, column: 9 }],
    },
    // A restart scheduled by a timer: a failed restart is unhandled, and onclose will not fire again.
    {
      code: `import { HubConnectionBuilder } from '@aspnet/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/prices').build();
connection.onclose(() => setTimeout(() => connection.start(), 1000 + Math.random() * 4000));
connection.start().catch((error) => console.error(error));`,
      errors: [{ messageId: 'unhandledStartInCallback', line: 3, column: 43, data: { name: 'connection', consumer: 'a timer' } }],
    },
    // A DOM event handler.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
document.getElementById('connect')!.addEventListener('click', async () => {
  await connection.start();
});`,
      errors: [{ messageId: 'unhandledStartInCallback', line: 4, column: 9, data: { name: 'connection', consumer: '.addEventListener(…)' } }],
    },
    // A try/finally without catch lets the rejection through.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
async function connect() {
  try {
    await connection.start();
  } finally {
    console.log('done');
  }
}
connect();`,
      errors: [{ messageId: 'unhandledStartCall', line: 10, column: 1 }],
    },
    // A function returning the start promise, called twice: each dropped call is reported.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
function open() {
  return connection.start();
}
open();
open().then(() => console.log('again'));
open().catch(() => undefined);`,
      errors: [
        { messageId: 'unhandledStartCall', line: 6, column: 1 },
        { messageId: 'unhandledStartCall', line: 7, column: 1 },
      ],
    },
    // Strict: handled, but a failed first start is never retried although the connection reconnects.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.start().catch((error) => console.error(error));`,
      options: [{ requireFirstStartRetry: true }],
      errors: [{ messageId: 'unretriedFirstStart', line: 3, column: 1 }],
    },
    // Strict, with an onclose restart and a try/catch that only logs.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export class Live {
  private connection: HubConnection = new HubConnectionBuilder().withUrl('/hubs/live').build();
  constructor() {
    this.connection.onclose(() => setTimeout(() => this.restart(), 1000 + 4000 * Math.random()));
  }
  async open(): Promise<void> {
    try {
      await this.connection.start();
    } catch (error) {
      console.error(error);
    }
  }
  private restart(): void {
    this.connection.start().catch(() => this.restart());
  }
}`,
      options: [{ requireFirstStartRetry: true }],
      errors: [{ messageId: 'unretriedFirstStart', line: 9, column: 13 }],
    },
  ],
});

// The Web PubSub client SDK: a `WebPubSubClient`'s `start()` rejects like a `HubConnection`'s.
ruleTester.run('handle-start-errors (Web PubSub client)', rule, {
  valid: [
    // Awaited inside try/catch in an async IIFE.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
(async () => {
  try {
    await client.start();
  } catch (error) {
    console.error('could not connect', error);
  }
})();`,
    // A chain ending in .catch.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient({ getClientAccessUrl: async () => (await fetch('/negotiate')).text() });
client.start().catch((error) => console.error(error));`,
    // The async IIFE's own promise is handled.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
(async function () {
  await client.start();
})().catch(console.error);`,
    // A typed parameter, started in an effect, with the rejection reported.
    `import { useEffect } from 'react';
import type { WebPubSubClient } from '@azure/web-pubsub-client';
export function useFeed(client: WebPubSubClient | undefined) {
  useEffect(() => {
    if (!client) return;
    client.start().catch((error) => console.warn(error));
    return () => client.stop();
  }, [client]);
}`,
    // Returned to a caller the file does not show.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
export function open(client: WebPubSubClient): Promise<void> {
  return client.start();
}`,
    // Something else called WebPubSubClient, from another module: not the SDK.
    `import { WebPubSubClient } from './my-client';
const client = new WebPubSubClient('/hub');
client.start();`,
  ],
  invalid: [
    {
      // The async IIFE floats: a failed start is an unhandled rejection.
      code: `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
(async function () {
  await client.start();
})();`,
      errors: [{ messageId: 'unhandledStartInCallback', line: 4, column: 9 }],
    },
    {
      // A typed parameter started and left floating in an effect.
      code: `import { useEffect } from 'react';
import type { WebPubSubClient } from '@azure/web-pubsub-client';
export function useFeed(client: WebPubSubClient | undefined) {
  useEffect(() => {
    if (!client) return;
    client.start();
    return () => client.stop();
  }, [client]);
}`,
      errors: [{ messageId: 'unhandledStart', line: 6, column: 5 }],
    },
  ],
});

// A function of this file handed over by name is called by whoever receives it, as a callback written
// in place is: a receiver that ignores its promise lets a failed start escape.
ruleTester.run('handle-start-errors (callbacks passed by name)', rule, {
  valid: [
    // The listener catches its own failure.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
async function connect() {
  try {
    await connection.start();
  } catch (error) {
    console.error(error);
  }
}
document.getElementById('connect')!.addEventListener('click', connect);`,
    // A timer callback that ends its chain in .catch.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
const connect = () => connection.start().catch((error) => console.error(error));
connection.onclose(() => setTimeout(connect, 1000 + 4000 * Math.random()));`,
    // Handed to .then, on a chain that ends in .catch: the chain handles it.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
function connect() {
  return connection.start();
}
fetch('/config').then(connect).catch((error) => console.error(error));`,
    // Mapped and awaited through Promise.all inside try/catch.
    `import type { HubConnection } from '@microsoft/signalr';
async function startOne(hub: HubConnection) {
  await hub.start();
}
export async function startAll(hubs: HubConnection[]) {
  try {
    await Promise.all(hubs.map(startOne));
  } catch (error) {
    console.error(error);
  }
}`,
    // Handed to a function that may use its promise: out of sight, as a caller in another file is.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { withRetry } from './retry';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
async function connect() {
  await connection.start();
}
withRetry(connect);`,
    // A function from another file: this file cannot see what it does.
    `import { connect } from './hub';
document.getElementById('connect')!.addEventListener('click', connect);`,
    // A React handler that catches its own failure.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
export function Lobby() {
  async function join() {
    const connection = new HubConnectionBuilder().withUrl('/hubs/lobby').build();
    await connection.start().catch((error) => console.error(error));
  }
  return <button onClick={join}>Join</button>;
}`,
  ],
  invalid: [
    // Handed to a DOM listener and to a timer: one report, at the start.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const hub = new HubConnectionBuilder().withUrl('/hubs/board').build();
async function connect() {
  await hub.start();
  document.body.classList.add('online');
}
document.getElementById('connect')!.addEventListener('click', connect);
hub.onclose(() => setTimeout(connect, 2000 + Math.random() * 8000));`,
      errors: [
        {
          messageId: 'unhandledStartInPassedCallback',
          line: 4,
          column: 9,
          data: { name: 'hub', callback: 'connect', consumer: '.addEventListener(…)' },
        },
      ],
    },
    // Called once with its failure handled, and handed to onclose, which ignores it: the onclose path
    // is still an unhandled rejection.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
const start = async () => {
  await connection.start();
};
connection.onclose(start);
start().catch((error) => console.error(error));`,
      errors: [
        {
          messageId: 'unhandledStartInPassedCallback',
          line: 4,
          column: 9,
          data: { name: 'connection', callback: 'start', consumer: '.onclose(…)' },
        },
      ],
    },
    // A React click handler passed by name.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useState } from 'react';
export function Lobby() {
  const [hub, setHub] = useState(null);
  async function join() {
    const connection = new HubConnectionBuilder().withUrl('/hubs/lobby').build();
    await connection.start();
    setHub(connection);
  }
  return <button onClick={join} disabled={hub !== null}>Join</button>;
}`,
      errors: [{ messageId: 'unhandledStartInPassedCallback', line: 7, column: 11, data: { name: 'connection', callback: 'join', consumer: 'onClick' } }],
    },
    // A handler property given a function that returns the start's promise.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
let connect = function () {
  return connection.start();
};
document.getElementById('connect')!.onclick = connect;`,
      errors: [{ messageId: 'unhandledStartInPassedCallback', line: 4, column: 10, data: { name: 'connection', callback: 'connect', consumer: 'onclick' } }],
    },
    // A method handed over bound, from a class.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export class Board {
  private connection = new HubConnectionBuilder().withUrl('/hubs/board').build();
  constructor(button: HTMLElement) {
    button.addEventListener('click', this.connect.bind(this));
  }
  async connect(): Promise<void> {
    await this.connection.start();
  }
}`,
      errors: [
        {
          messageId: 'unhandledStartInPassedCallback',
          line: 8,
          column: 11,
          data: { name: 'this.connection', callback: 'this.connect.bind(this)', consumer: '.addEventListener(…)' },
        },
      ],
    },
    // Handed to .then on a chain nothing handles: the dropped chain is reported.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
function connect() {
  return connection.start();
}
fetch('/config').then(connect);`,
      errors: [{ messageId: 'unhandledStartCall', line: 6, column: 1 }],
    },
  ],
});

// React's `useCallback` gives back the function it is passed: its callers are that function's.
ruleTester.run('handle-start-errors (useCallback)', rule, {
  valid: [
    // The wrapped handler catches its own failure.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useCallback } from 'react';
export function Lobby() {
  const join = useCallback(async () => {
    const connection = new HubConnectionBuilder().withUrl('/hubs/lobby').build();
    try {
      await connection.start();
    } catch (error) {
      console.error(error);
    }
  }, []);
  return <button onClick={join}>Join</button>;
}`,
    // Handed only to a component of another file, which may use its promise.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useCallback } from 'react';
import { JoinButton } from './join-button';
export function Lobby() {
  const join = useCallback(async () => {
    const connection = new HubConnectionBuilder().withUrl('/hubs/lobby').build();
    await connection.start();
  }, []);
  return <JoinButton join={join} />;
}`,
  ],
  invalid: [
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useCallback } from 'react';
export function Lobby() {
  const join = useCallback(async () => {
    const connection = new HubConnectionBuilder().withUrl('/hubs/lobby').build();
    await connection.start();
  }, []);
  return <button onClick={join}>Join</button>;
}`,
      errors: [{ messageId: 'unhandledStartInPassedCallback', line: 6, column: 11, data: { name: 'connection', callback: 'join', consumer: 'onClick' } }],
    },
  ],
});
