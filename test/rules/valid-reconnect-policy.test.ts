import rule from '../../rules/valid-reconnect-policy.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('valid-reconnect-policy', rule, {
  valid: [
    // The start of something else the file builds (a stopwatch, an animation) is no restart.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { Stopwatch } from './stopwatch';
const downtime = new Stopwatch();
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.onclose(() => {
  downtime.start();
});
connection.start().catch((error) => {
  console.error(error);
  downtime.start();
});`,
    // Calls that run only once a start succeeded, or on a later event, leave a restart path as
    // certain as it was; calls before the restart still make it unknown, and a wait still counts.
    `import { EventEmitter } from '@angular/core';
import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export class HubService {
  connected = new EventEmitter<boolean>();
  private connection: HubConnection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  startConnection(): void {
    this.connection
      .start()
      .then(() => this.connected.emit(true))
      .catch(() => setTimeout(() => this.startConnection(), 5000 + Math.random() * 5000));
  }
}`,
    `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { TokenStore } from './tokens';
export class FeedClient {
  private connection: HubConnection = new HubConnectionBuilder().withUrl('/hubs/feed').build();
  constructor(private readonly tokens: TokenStore) {
    this.connection.onclose(() => this.reconnect());
  }
  async reconnect(): Promise<void> {
    try {
      await this.tokens.refresh();
      await this.connection.start();
    } catch {
      await this.reconnect();
    }
  }
}`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { notify } from './notify';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.onclose(() => notify('lost').then(() => connection.start()));`,
    // Rebuilding the connection on close: after a random delay, through a retry helper with back-off
    // (this file's or another's), or without starting it.
    `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { Subject } from 'rxjs';
import { retryWithBackoff } from './retry';
export class ChatService {
  messages = new Subject<string>();
  private connection?: HubConnection;
  private attempt = 0;
  startConnection(): Promise<void> {
    this.connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
    this.connection.on('message', (text: string) => this.messages.next(text));
    this.connection.onclose(() => setTimeout(() => this.startConnection(), 2000 + Math.random() * 8000));
    return this.connection.start();
  }
  openWithHelper(): Promise<void> {
    this.connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
    this.connection.onclose(() => this.retry(() => this.openWithHelper()));
    return this.connection.start();
  }
  openWithImportedHelper(): Promise<void> {
    this.connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
    this.connection.onclose(() => retryWithBackoff(() => this.openWithImportedHelper()));
    return this.connection.start();
  }
  createConnection(): void {
    this.connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
    this.connection.on('message', (text: string) => this.messages.next(text));
  }
  openLazily(): Promise<void> {
    this.createConnection();
    this.connection!.onclose(() => this.createConnection());
    return this.connection!.start();
  }
  private retry(run: () => Promise<void>): void {
    const delay = Math.min(30000, 1000 * 2 ** this.attempt++) * (0.5 + Math.random());
    setTimeout(() => run().catch(() => this.retry(run)), delay);
  }
}`,
    // A failed first start retried only under a condition, after a wait, or through code the file
    // cannot see: not a certain tight loop.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { notify } from './notify';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
let attempts = 0;
async function startLimited(): Promise<void> {
  try {
    await connection.start();
  } catch (error) {
    if (attempts++ < 3) await startLimited();
  }
}
async function startUnlessRefused(): Promise<void> {
  try {
    await connection.start();
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 401) return;
    await startUnlessRefused();
  }
}
async function startAfterSleep(): Promise<void> {
  try {
    await connection.start();
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 1000 + Math.random() * 4000));
    await startAfterSleep();
  }
}
function startAndTell(): void {
  connection.start().catch((error) => {
    notify(error);
    startAndTell();
  });
}
function startLater(): void {
  connection.start().catch(() => setTimeout(startLater, 5000));
}
void startLimited();
void startUnlessRefused();
void startAfterSleep();
startAndTell();
startLater();`,
    // A timer handed a function, however it is spelled, waits before restarting; a call that only
    // makes the callback (a factory) or does not start anything is no restart called now.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
function start() {
  return connection.start();
}
function later(fn: () => unknown) {
  return () => fn();
}
function logDrop() {
  console.warn('dropped');
}
connection.onclose(() => {
  setTimeout(() => start(), 5000 + Math.random() * 5000);
  setTimeout(later(() => connection.start()), 4000 + Math.random() * 4000);
  setTimeout(start.bind(null), 3000 + Math.random() * 3000);
  setTimeout(logDrop(), 10);
});`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
function restartAfter(ms: number) {
  return () => { setTimeout(() => connection.start(), ms); };
}
connection.onclose(() => setTimeout(restartAfter(2000 + Math.random() * 2000), 1000 + Math.random() * 1000));`,
    // Fixed restart delays are reported only with requireRandomRestartDelay (the strict config).
    `import { HubConnectionBuilder } from '@aspnet/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/prices').build();
connection.onclose(() => setTimeout(() => connection.start(), 5000));`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
async function start() {
  try {
    await connection.start();
  } catch (err) {
    setTimeout(start, 5000);
  }
}
connection.onclose(async () => {
  await start();
});`,
    {
      code: `$.connection.hub.disconnected(function () {
  setTimeout(function () {
    $.connection.hub.start();
  }, 5000);
});`,
      options: [{ requireRandomRestartDelay: false }],
    },
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();`,
    // A first start retried after a fixed delay, on a connection whose drops automatic reconnect
    // handles: clients fail their first start at their own load times, so their retries stay spread.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
async function connect(): Promise<void> {
  try {
    await connection.start();
  } catch {
    setTimeout(connect, 5000);
  }
}
void connect();`,
      options: [{ requireRandomRestartDelay: true }],
    },
    // The close handler is the retrying start function itself, with a random delay.
    {
      code: `const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/board').build();
connection.onclose(reconnect);
async function reconnect() {
  try {
    await connection.start();
  } catch (error) {
    setTimeout(reconnect, 4000 + Math.random() * 4000);
  }
}`,
      options: [{ requireRandomRestartDelay: true }],
    },
    // Milliseconds, written out or as arithmetic.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect([0, 2000, 10000, 30000]).build();`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const SECOND = 1000;
new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect([0, 2 * SECOND, 10 * SECOND]).build();`,
    // Immediate retries only: not seconds mistaken for milliseconds.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect([0, 0]).build();`,
    // Delays the file computes: no guess.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect([0, 2, 10, 30].map((s) => s * 1000)).build();`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { delays } from './config';
new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect([...delays]).build();`,
    // Policies that return a number or null on every path.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder()
  .withUrl('/hubs/chat')
  .withAutomaticReconnect({
    nextRetryDelayInMilliseconds(context) {
      if (context.elapsedMilliseconds > 600000) return null;
      else return 1000 + Math.random() * 9000;
    },
  })
  .build();`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder()
  .withUrl('/hubs/chat')
  .withAutomaticReconnect({
    nextRetryDelayInMilliseconds: ({ previousRetryCount }) => {
      switch (previousRetryCount) {
        case 0:
          return 0;
        default:
          return 5000 + Math.random() * 5000;
      }
    },
  })
  .build();`,
    // A throw makes the client log it and stop retrying, like null.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder()
  .withUrl('/hubs/chat')
  .withAutomaticReconnect({
    nextRetryDelayInMilliseconds(context) {
      if (context.previousRetryCount < 5) return 2000 + Math.random() * 2000;
      throw new Error('giving up');
    },
  })
  .build();`,
    // Indexing an array is fine when past its end gives null.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const delays = [0, 2000, 10000];
new HubConnectionBuilder()
  .withUrl('/hubs/chat')
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => delays[context.previousRetryCount] ?? null })
  .build();`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const delays = [0, 2000, 10000];
new HubConnectionBuilder()
  .withUrl('/hubs/chat')
  .withAutomaticReconnect({
    nextRetryDelayInMilliseconds(context) {
      if (context.previousRetryCount >= delays.length) return null;
      return delays[context.previousRetryCount];
    },
  })
  .build();`,
    `import { HubConnectionBuilder, type IRetryPolicy, type RetryContext } from '@microsoft/signalr';
class Backoff implements IRetryPolicy {
  nextRetryDelayInMilliseconds(context: RetryContext): number | null {
    return Math.min(30000, 1000 * 2 ** context.previousRetryCount);
  }
}
new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect(new Backoff()).build();`,
    // Not a SignalR builder or policy.
    `const client = new MqttClient();
client.withAutomaticReconnect([0, 2, 10, 30]);
const poller = { nextRetryDelayInMilliseconds() { if (Math.random() > 0.5) return 1; } };`,
    `import { HubConnectionBuilder } from './my-own-builder';
new HubConnectionBuilder().withAutomaticReconnect([]).build();`,
    // Restarts after a random delay.
    `import { HubConnectionBuilder } from '@aspnet/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.onclose(() => setTimeout(() => connection.start(), 2000 + Math.random() * 8000));`,
    `import { HubConnectionBuilder } from '@aspnet/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
connection.onclose(async () => {
  await sleep(1000 + Math.random() * 4000);
  await connection.start();
});`,
    `import { HubConnectionBuilder } from '@aspnet/signalr';
import { setTimeout as sleep } from 'node:timers/promises';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
async function startWithBackOff(): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await sleep(Math.min(60_000, 1_000 * 2 ** attempt) * Math.random());
    try {
      await connection.start();
      return;
    } catch {
      // next attempt
    }
  }
}
connection.onclose(() => void startWithBackOff());`,
    // A fixed timer that does not restart anything.
    `import { HubConnectionBuilder } from '@aspnet/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.onclose((error) => {
  showBanner(error?.message);
  setTimeout(() => hideBanner(), 3000);
});`,
    // The error argument used as an error.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.onclose((error) => console.error(error?.message, error?.stack));`,
    // Restarts through code the file cannot see: whether it waits is unknown.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { scheduleRestart } from './restart';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.onclose(() => scheduleRestart(connection));`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
export class Chat {
  private connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  constructor(private zone: { run(fn: () => void): void }) {
    this.connection.onclose(() => this.zone.run(() => this.connection.start()));
  }
}`,
    // Classic client restarted after a random delay.
    `$(function () {
  var connection = $.hubConnection('/signalr');
  connection.disconnected(function () {
    setTimeout(function () { connection.start(); }, 5000 + Math.random() * 25000);
  });
});`,
    // \`disconnected\` on something that is not a classic connection.
    `const player = createPlayer();
player.disconnected(() => setTimeout(() => player.start(), 5000));`,
  ],
  invalid: [
    // ... but a connection's start is, whatever creates it.
    {
      code: `import * as signalR from '@microsoft/signalr';
const connection = new signalR.HubConnection('/hubs/chat');
connection.onclose(() => {
  void connection.start();
});`,
      errors: [{ messageId: 'restartWithoutDelay', line: 4, column: 8 }],
    },
    // What a start's success callback or the code after an awaited start calls cannot change how the
    // failure is retried.
    {
      code: `import { EventEmitter } from '@angular/core';
import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export class HubService {
  connected = new EventEmitter<boolean>();
  private connection: HubConnection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  startConnection(): void {
    this.connection
      .start()
      .then(() => this.connected.emit(true))
      .catch((err) => {
        console.log(err);
        setTimeout(this.startConnection(), 5000);
      });
  }
}`,
      errors: [
        {
          messageId: 'restartCalledNow',
          data: { timer: 'setTimeout', code: 'this.startConnection()' },
          line: 12,
          column: 20,
          suggestions: [
            {
              messageId: 'passFunction',
              data: { timer: 'setTimeout', code: 'this.startConnection()' },
              output: `import { EventEmitter } from '@angular/core';
import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export class HubService {
  connected = new EventEmitter<boolean>();
  private connection: HubConnection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  startConnection(): void {
    this.connection
      .start()
      .then(() => this.connected.emit(true))
      .catch((err) => {
        console.log(err);
        setTimeout(() => this.startConnection(), 5000);
      });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { store } from './store';
export class Ticker {
  private connection: HubConnection = new HubConnectionBuilder().withUrl('/hubs/ticker').build();
  connect(): void {
    this.connection
      .start()
      .then(() => store.setOnline(true))
      .then(() => store.log('ready'))
      .catch(() => this.connect());
  }
  async open(): Promise<void> {
    try {
      await this.connection.start();
      store.setOnline(true);
    } catch {
      await this.open();
    }
  }
}`,
      errors: [
        { messageId: 'retryStartAtOnce', line: 10, column: 20 },
        { messageId: 'retryStartAtOnce', line: 17, column: 13 },
      ],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { notify } from './notify';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.onclose(() => connection.start().then(() => notify('back')));`,
      errors: [{ messageId: 'restartWithoutDelay', line: 4, column: 26 }],
    },
    // A close handler that rebuilds the connection and starts the new one at once.
    {
      code: `import { HubConnection, HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { Subject } from 'rxjs';
export class ChatService {
  messages = new Subject<string>();
  private connection?: HubConnection;
  async startConnection(): Promise<void> {
    this.connection = new HubConnectionBuilder().withUrl('/hubs/chat').configureLogging(LogLevel.Warning).build();
    this.connection.on('message', (text: string) => this.messages.next(text));
    this.connection.onclose(async () => {
      await this.startConnection();
    });
    await this.connection.start();
    this.messages.next('connected');
  }
}`,
      errors: [{ messageId: 'restartWithoutDelay', line: 12, column: 11 }],
    },
    // A failed first start retried at once: a tight loop while the service is down.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
function start() {
  connection.start().catch((err) => {
    console.error(err);
    start();
  });
}
async function connect() {
  try {
    await connection.start();
  } catch (error) {
    console.log('retrying', error);
    await connect();
  }
}
start();
void connect();`,
      errors: [
        { messageId: 'retryStartAtOnce', line: 6, column: 5 },
        { messageId: 'retryStartAtOnce', line: 14, column: 11 },
      ],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
function start() {
  connection.start().catch(() => setTimeout(start(), 5000));
}
start();`,
      errors: [
        {
          messageId: 'restartCalledNow',
          line: 4,
          column: 45,
          suggestions: [{ messageId: 'passFunction', output: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
function start() {
  connection.start().catch(() => setTimeout(() => start(), 5000));
}
start();` }],
        },
      ],
    },
    // An onclose restart that handles its own failure still restarts at once.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.onclose(() => {
  connection.start().catch((error) => console.error(error));
});`,
      errors: [{ messageId: 'restartWithoutDelay', line: 4, column: 3 }],
    },
    // A call where the timer wants a function: the restart runs at once.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
async function start() {
  try {
    await connection.start();
  } catch (err) {
    setTimeout(start(), 5000);
  }
}
connection.onclose(() => start());`,
      errors: [
        {
          messageId: 'restartCalledNow',
          data: { timer: 'setTimeout', code: 'start()' },
          line: 7,
          column: 16,
          suggestions: [
            {
              messageId: 'passFunction',
              data: { timer: 'setTimeout', code: 'start()' },
              output: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
async function start() {
  try {
    await connection.start();
  } catch (err) {
    setTimeout(() => start(), 5000);
  }
}
connection.onclose(() => start());`,
            },
          ],
        },
      ],
    },
    {
      code: `import * as signalR from '@microsoft/signalr';
const hub = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
hub.onclose(() => {
  window.setTimeout(hub.start(), 3000);
});`,
      errors: [
        {
          messageId: 'restartCalledNow',
          data: { timer: 'window.setTimeout', code: 'hub.start()' },
          line: 4,
          column: 21,
          suggestions: [{ messageId: 'passFunction', data: { timer: 'window.setTimeout', code: 'hub.start()' }, output: `import * as signalR from '@microsoft/signalr';
const hub = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
hub.onclose(() => {
  window.setTimeout(() => hub.start(), 3000);
});` }],
        },
      ],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect([0, 2, 10, 30]).build();`,
      errors: [
        {
          messageId: 'delaysInSeconds',
          data: { total: '42' },
          line: 2,
          column: 73,
          suggestions: [
            {
              messageId: 'convertToMilliseconds',
              output: `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect([0, 2000, 10000, 30000]).build();`,
            },
          ],
        },
      ],
    },
    // Reported once, where the array is written, however many builders use it.
    {
      code: `import * as signalR from '@microsoft/signalr';
const RETRY_DELAYS = [1, 5, 15];
const chat = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect(RETRY_DELAYS).build();
const news = new signalR.HubConnectionBuilder().withUrl('/hubs/news').withAutomaticReconnect(RETRY_DELAYS).build();`,
      errors: [
        {
          messageId: 'delaysInSeconds',
          line: 2,
          column: 22,
          suggestions: [
            {
              messageId: 'convertToMilliseconds',
              output: `import * as signalR from '@microsoft/signalr';
const RETRY_DELAYS = [1000, 5000, 15000];
const chat = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect(RETRY_DELAYS).build();
const news = new signalR.HubConnectionBuilder().withUrl('/hubs/news').withAutomaticReconnect(RETRY_DELAYS).build();`,
            },
          ],
        },
      ],
    },
    {
      code: `const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect([]).build();`,
      errors: [{ messageId: 'emptyDelays', line: 1, column: 100 }],
    },
    // A path that falls off the end of the policy.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder()
  .withUrl('/hubs/chat')
  .withAutomaticReconnect({
    nextRetryDelayInMilliseconds(context) {
      if (context.previousRetryCount < 5) return 1000 + Math.random() * 1000;
    },
  })
  .build();`,
      errors: [{ messageId: 'policyReturnsNothing', line: 5, column: 5 }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder()
  .withUrl('/hubs/chat')
  .withAutomaticReconnect({
    nextRetryDelayInMilliseconds(context) {
      if (context.elapsedMilliseconds > 60000) return;
      return 5000 + Math.random() * 5000;
    },
  })
  .build();`,
      errors: [{ messageId: 'policyReturnsNothing', line: 6, column: 48 }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
new HubConnectionBuilder()
  .withUrl('/hubs/chat')
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => (context.previousRetryCount < 5 ? 3000 : undefined) })
  .build();`,
      errors: [{ messageId: 'policyReturnsNothing', line: 4, column: 113 }],
    },
    // Past the last delay the index gives undefined.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const delays = [0, 2000, 10000, 30000];
new HubConnectionBuilder()
  .withUrl('/hubs/chat')
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => delays[context.previousRetryCount] })
  .build();`,
      errors: [{ messageId: 'policyIndexPastEnd', line: 5, column: 72 }],
    },
    // A policy class, and a typed policy object declared apart from the builder.
    {
      code: `import { type IRetryPolicy, type RetryContext } from '@microsoft/signalr';
export class StepPolicy implements IRetryPolicy {
  nextRetryDelayInMilliseconds(context: RetryContext): number | null {
    switch (context.previousRetryCount) {
      case 0:
        return 0;
      case 1:
        return 2000;
    }
  }
}`,
      errors: [{ messageId: 'policyReturnsNothing', line: 3, column: 3 }],
    },
    {
      code: `import type { IRetryPolicy } from '@microsoft/signalr';
export const policy: IRetryPolicy = {
  nextRetryDelayInMilliseconds: ({ previousRetryCount }) => [0, 1000, 5000][previousRetryCount],
};`,
      errors: [{ messageId: 'policyIndexPastEnd', line: 3, column: 61 }],
    },
    // A fixed restart delay brings every client back in the same instant (with the strict option).
    {
      code: `import { HubConnectionBuilder } from '@aspnet/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/prices').build();
connection.onclose(() => setTimeout(() => connection.start(), 5000));`,
      options: [{ requireRandomRestartDelay: true }],
      errors: [{ messageId: 'restartWithFixedDelay', data: { delay: '5000' }, line: 3, column: 63 }],
    },
    // The documented manual pattern: the fixed delay sits in the retrying start function.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
const RETRY_MS = 5000;
async function start() {
  try {
    await connection.start();
  } catch (err) {
    setTimeout(start, RETRY_MS);
  }
}
connection.onclose(async () => {
  await start();
});`,
      options: [{ requireRandomRestartDelay: true }],
      errors: [{ messageId: 'restartWithFixedDelay', data: { delay: '5000' }, line: 8, column: 23 }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.onclose(async () => {
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await connection.start();
});`,
      options: [{ requireRandomRestartDelay: true }],
      errors: [{ messageId: 'restartWithFixedDelay', line: 4, column: 54 }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { setTimeout as sleep } from 'node:timers/promises';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.onclose(async () => {
  await sleep(10_000);
  await connection.start();
});`,
      options: [{ requireRandomRestartDelay: true }],
      errors: [{ messageId: 'restartWithFixedDelay', data: { delay: '10000' }, line: 5, column: 15 }],
    },
    {
      code: `$.connection.hub.disconnected(function () {
  setTimeout(function () {
    $.connection.hub.start();
  }, 5000);
});`,
      options: [{ requireRandomRestartDelay: true }],
      errors: [{ messageId: 'restartWithFixedDelay', line: 4, column: 6 }],
    },
    {
      code: `import { HubConnectionBuilder, HubConnectionState } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.onclose(() => {
  const timer = window.setInterval(() => {
    if (connection.state === HubConnectionState.Disconnected) connection.start().then(() => clearInterval(timer));
  }, 10000);
});`,
      options: [{ requireRandomRestartDelay: true }],
      errors: [{ messageId: 'restartWithFixedDelay', data: { delay: '10000' }, line: 6, column: 6 }],
    },
    // The close handler is the retrying start function itself: its fixed retry delay is the restart's.
    {
      code: `const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/board').build();
connection.onclose(reconnect);
async function reconnect() {
  try {
    await connection.start();
  } catch (error) {
    setTimeout(reconnect, 4000);
  }
}`,
      options: [{ requireRandomRestartDelay: true }],
      errors: [{ messageId: 'restartWithFixedDelay', data: { delay: '4000' }, line: 7, column: 27 }],
    },
    // The classic client through a connection variable, restarted from disconnected after a fixed second.
    {
      code: `(function ($) {
  var connection = $.hubConnection('/signalr');
  connection.disconnected(function () {
    setTimeout(function () { connection.start(); }, 1000);
  });
  connection.start();
})(jQuery);`,
      options: [{ requireRandomRestartDelay: true }],
      errors: [{ messageId: 'restartWithFixedDelay', data: { delay: '1000' }, line: 4, column: 53 }],
    },
    // No delay at all.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.onclose(() => connection.start());`,
      errors: [{ messageId: 'restartWithoutDelay', line: 3, column: 26 }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
function restart() {
  connection.start().catch(() => setTimeout(restart));
}
connection.onclose(restart);`,
      errors: [{ messageId: 'restartWithoutDelay', line: 4, column: 34 }],
    },
    // onclose's argument is the error, not the connection.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.onclose((conn) => conn.start());`,
      errors: [{ messageId: 'closeArgumentIsError', data: { code: 'conn.start()' }, line: 3, column: 30 }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.onclose(function (hub) {
  setTimeout(() => hub.start(), 1000 + Math.random() * 4000);
});`,
      errors: [{ messageId: 'closeArgumentIsError', line: 4, column: 20 }],
    },
  ],
});
