import rule from '../../rules/register-handlers-before-start.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('register-handlers-before-start', rule, {
  valid: [
    // Registered before start.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.on('message', (text: string) => console.log(text));
await connection.start();`,
    // In the same synchronous run as a start nobody waits for: the handshake cannot finish before it.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.start().catch(console.error);
connection.on('message', (text: string) => console.log(text));`,
    // Registered in another method that runs first (the constructor), started later.
    `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export class ChatService {
  private connection: HubConnection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  constructor() {
    this.registerHandlers();
  }
  async connect(): Promise<void> {
    await this.connection.start();
  }
  private registerHandlers(): void {
    this.connection.on('message', (text: string) => console.log(text));
  }
}`,
    // A function that registers, called before the awaited start.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
function listen() {
  connection.on('message', console.log);
}
listen();
await connection.start();`,
    // In the catch path of a failed start: not after a start that resolved.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
try {
  await connection.start();
} catch {
  connection.on('message', console.log);
}`,
    // In the other branch of an if.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function open(ready: boolean) {
  if (ready) {
    await connection.start();
  } else {
    connection.on('message', console.log);
  }
}`,
    // After a start of another connection.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const chat = new HubConnectionBuilder().withUrl('/hubs/chat').build();
const news = new HubConnectionBuilder().withUrl('/hubs/news').build();
await chat.start();
news.on('headline', console.log);
await news.start();`,
    // A .catch callback runs when the start failed.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.start().catch(() => connection.on('message', console.log));`,
    // A named handler registered on every restart: HubConnection.on skips the same function.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
function onMessage(text: string) {
  console.log(text);
}
async function start(): Promise<void> {
  connection.on('message', onMessage);
  try {
    await connection.start();
  } catch {
    setTimeout(start, 5000 * Math.random());
  }
}
start();`,
    // A restart path that builds a new connection each time registers on a fresh object.
    `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
let connection: HubConnection;
async function connect(): Promise<void> {
  connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  connection.on('message', (text: string) => console.log(text));
  connection.onclose(() => setTimeout(connect, 5000 * Math.random()));
  await connection.start();
}
connect().catch(console.error);`,
    // ... or removes the old handler first.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
async function start(): Promise<void> {
  connection.off('message');
  connection.on('message', (text: string) => console.log(text));
  try {
    await connection.start();
  } catch {
    setTimeout(start, 5000 * Math.random());
  }
}
start();`,
    // A start function that is not retried runs once.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
async function start(): Promise<void> {
  connection.on('message', (text: string) => console.log(text));
  await connection.start();
}
start().catch(console.error);`,
    // The classic client is not analysed.
    `$(function () {
  var connection = $.hubConnection('/signalr');
  var chat = connection.createHubProxy('chat');
  connection.start().done(function () {
    chat.on('message', function (text) { console.log(text); });
  });
});`,
    // A timer with no delay after a start nobody waits for fires before the handshake can finish.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.start().catch(console.error);
setTimeout(() => connection.on('message', console.log));`,
    // A timer set before a helper starts the connection: registered before the handshake is done.
    `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export class Ticker {
  private hub: HubConnection = new HubConnectionBuilder().withUrl('/hubs/ticks').build();
  init(): void {
    setTimeout(() => this.listen(), 0);
    this.open();
  }
  private open(): void {
    this.hub.start().catch(console.error);
  }
  private listen(): void {
    this.hub.on('tick', console.log);
  }
}`,
    // A timer whose callback registers and then starts: the handler is first.
    `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export class Board {
  private hub: HubConnection = new HubConnectionBuilder().withUrl('/hubs/board').build();
  later(): void {
    setTimeout(() => {
      this.hub.on('move', console.log);
      this.hub.start().catch(console.error);
    }, 1000);
  }
}`,
    // The function that sets the timer builds the connection: the timer is set before any start.
    `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
let hub: HubConnection;
export function create(): HubConnection {
  hub = new HubConnectionBuilder().withUrl('/hubs/board').build();
  setTimeout(() => hub.on('move', console.log), 10);
  return hub;
}
export async function open(): Promise<void> {
  await hub.start();
}`,
    // Deferred in the constructor, started later by another method.
    `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export class Feed {
  private hub: HubConnection = new HubConnectionBuilder().withUrl('/hubs/feed').build();
  constructor() {
    setTimeout(() => this.hub.on('item', console.log));
  }
  async open(): Promise<void> {
    await this.hub.start();
  }
}`,
    // Deferred in a function that runs before the start in the same run.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
function subscribe() {
  setTimeout(() => connection.on('message', console.log));
}
subscribe();
connection.start().catch(console.error);`,
    // A deferred registration on a connection this file never starts: no start to compare with.
    `import { HubConnection } from '@microsoft/signalr';
export function watch(hub: HubConnection): void {
  setTimeout(() => hub.on('alert', console.log), 500);
}`,
    // A registration that is not deferred, in a method others call at any time.
    `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export class Alerts {
  private hub: HubConnection = new HubConnectionBuilder().withUrl('/hubs/alerts').build();
  subscribe(handler: (text: string) => void): void {
    this.hub.on('alert', handler);
  }
  async open(): Promise<void> {
    await this.hub.start();
  }
}`,
  ],
  invalid: [
    // A timer set right after a helper that starts the connection: two seconds of messages dropped.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export class Notifications {
  private hub!: HubConnection;
  connect(): void {
    this.hub = new HubConnectionBuilder().withUrl('/hubs/notify').build();
    this.hub.start().catch(console.error);
  }
  listen(): void {
    this.hub.on('notice', console.log);
  }
  init(): void {
    this.connect();
    setTimeout(() => this.listen(), 2000);
  }
}`,
      errors: [{ messageId: 'handlersAfterStartCall', line: 13, column: 22, data: { call: 'this.listen()', when: 'in a timer set after `start()`' } }],
    },
    // A timer with no delay after an awaited start.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function open() {
  await connection.start();
  setTimeout(() => connection.on('message', console.log));
}`,
      errors: [{ messageId: 'handlerAfterStart', line: 5, column: 20, data: { event: 'message', when: 'in a timer set after `start()`' } }],
    },
    // Deferred by a timer in a method apart from the one that starts the connection.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export class Camera {
  private hub: HubConnection = new HubConnectionBuilder().withUrl('/hubs/camera').build();
  async open(): Promise<void> {
    await this.hub.start();
    await this.hub.invoke('Capture');
  }
  onProgress(report: (percent: number) => void): void {
    setTimeout(() => {
      this.hub.on('progress', report);
    });
  }
}`,
      errors: [{ messageId: 'handlerInTimer', line: 10, column: 7, data: { event: 'progress' } }],
    },
    // After an awaited start.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
await connection.start();
connection.on('welcome', (text: string) => console.log(text));`,
      errors: [{ messageId: 'handlerAfterStart', line: 4, column: 1, data: { event: 'welcome', when: 'after `start()` was awaited' } }],
    },
    // In a .then continuation: one report for the handlers registered there together.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';
export function Quiz() {
  const [connection] = useState(() => new HubConnectionBuilder().withUrl('/hubs/quiz').build());
  useEffect(() => {
    connection
      .start()
      .then(() => {
        connection.on('gameConfigured', console.log);
        connection.on('playerJoined', console.log);
      })
      .catch(console.error);
  }, [connection]);
  return null;
}`,
      errors: [{ messageId: 'handlerAfterStart', line: 9, column: 9, data: { event: 'gameConfigured', when: 'in a `.then` callback of `start()`' } }],
    },
    // After awaiting a start chain that handles its own failure, in an Angular method.
    {
      code: `import { Component, OnInit } from '@angular/core';
import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
@Component({ selector: 'app-root', template: '' })
export class AppComponent implements OnInit {
  private hubConnection!: HubConnection;
  async ngOnInit() {
    this.hubConnection = new HubConnectionBuilder().withUrl('/api').build();
    await this.hubConnection.start().then(() => console.log('started')).catch(console.error);
    this.hubConnection.on('message', console.log);
  }
}`,
      errors: [{ messageId: 'handlerAfterStart', line: 9, column: 5 }],
    },
    // After awaiting a function of this file that awaits the start.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
async function connect() {
  await connection.start();
}
export async function open() {
  await connect();
  connection.on('message', console.log);
}`,
      errors: [{ messageId: 'handlerAfterStart', line: 8, column: 3 }],
    },
    // A function that registers, called after start: reported on the call.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export class Dashboard {
  private hub: HubConnection = new HubConnectionBuilder().withUrl('/hubs/dash').build();
  async open(): Promise<void> {
    await this.hub.start();
    this.listen();
  }
  private listen(): void {
    this.hub.on('update', console.log);
  }
}`,
      errors: [{ messageId: 'handlersAfterStartCall', line: 6, column: 5, data: { call: 'this.listen()', when: 'after `start()` was awaited' } }],
    },
    // In a timer set after start was called.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.start().catch(console.error);
setTimeout(() => {
  connection.on('message', console.log);
}, 2000);`,
      errors: [{ messageId: 'handlerAfterStart', line: 5, column: 3, data: { event: 'message', when: 'in a timer set after `start()`' } }],
    },
    // Registered on every retry of the start: the handlers stack up.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
function startConnection() {
  connection.on('message', (text: string) => console.log(text));
  connection.start().catch(() => setTimeout(startConnection, 5000 * Math.random()));
}
startConnection();`,
      errors: [{ messageId: 'handlerOnEveryStart', line: 4, column: 3, data: { event: 'message' } }],
    },
    // ... in the function an onclose handler restarts with.
    {
      code: `import { HubConnectionBuilder } from '@aspnet/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
async function start() {
  connection.on('message', (text: string) => console.log(text));
  await connection.start();
}
connection.onclose(() => setTimeout(() => void start(), 2000 * Math.random()));
start().catch(console.error);`,
      errors: [{ messageId: 'handlerOnEveryStart', line: 4, column: 3 }],
    },
    // ... and in an onreconnected handler.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.on('message', console.log);
connection.onreconnected(() => {
  connection.on('presence', (users: string[]) => console.log(users));
});
connection.start().catch(console.error);`,
      errors: [{ messageId: 'handlerOnEveryStart', line: 5, column: 3, data: { event: 'presence' } }],
    },
  ],
});

// The Web PubSub client SDK delivers `connected` and the server's first messages as messages of their
// own after `start()` resolves: a handler registered before the code yields again is in time.
ruleTester.run('register-handlers-before-start (Web PubSub client)', rule, {
  valid: [
    // Right after the awaited start, in the same run: nothing has arrived yet.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
export async function open() {
  await client.start();
  client.on('connected', (e) => console.log(e.connectionId));
  client.on('server-message', (e) => console.log(e.message.data));
}`,
    // A group-message handler after start but before any join: no group message can come yet.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
export async function open() {
  await client.start();
  await loadSettings();
  client.on('group-message', (e) => console.log(e.message.data));
  await client.joinGroup('lobby');
}
declare function loadSettings(): Promise<void>;`,
    // Right after the awaited join: the continuation runs before the next message.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
export async function open() {
  await client.start();
  await client.joinGroup('lobby');
  client.on('group-message', (e) => console.log(e.message.data));
}`,
    // Events that come later, if at all, after further awaits.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
export async function open() {
  await client.start();
  await loadSettings();
  client.on('disconnected', () => console.warn('offline'));
  client.on('stopped', () => console.warn('stopped'));
}
declare function loadSettings(): Promise<void>;`,
    // Registered before start.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
client.on('server-message', (e) => console.log(e.message.data));
client.on('connected', () => console.log('connected'));
client.start().catch(console.error);`,
  ],
  invalid: [
    {
      // Another await after the start: the first connected event and server messages can pass meanwhile.
      code: `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
export async function open() {
  await client.start();
  const history = await fetch('/history');
  client.on('server-message', (e) => console.log(e.message.data, history));
}`,
      errors: [{ messageId: 'handlerAfterStart', line: 6, column: 3 }],
    },
    {
      // Group messages flow once the join completes; the handler comes an await later.
      code: `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
export async function open() {
  await client.start();
  await client.joinGroup('lobby');
  await fetch('/ready');
  client.on('group-message', (e) => console.log(e.message.data));
}`,
      errors: [{ messageId: 'handlerAfterStart', line: 7, column: 3 }],
    },
    {
      // In a timer after start.
      code: `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
client.start().catch(console.error);
setTimeout(() => {
  client.on('connected', () => console.log('connected'));
}, 1000);`,
      errors: [{ messageId: 'handlerAfterStart', line: 5, column: 3 }],
    },
  ],
});
