import * as espree from 'espree';

import rule from '../../rules/require-stop.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('require-stop', rule, {
  valid: [
    // A module-level connection lives as long as the app.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hub').build();
connection.start();`,
      filename: 'file.ts',
    },
    // A factory hands the connection to its caller.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function connect() {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
  return connection;
}`,
      filename: 'file.ts',
    },
    // A getter of this file that builds the connection once and keeps it: starting it is no leak.
    {
      code: `import type { HubConnection } from '@microsoft/signalr';
import { HubConnectionBuilder } from '@microsoft/signalr';
let cached: HubConnection | undefined;
function getConnection(): HubConnection {
  if (!cached) cached = new HubConnectionBuilder().withUrl('/hub').withAutomaticReconnect().build();
  return cached;
}
export async function ping() {
  const connection = getConnection();
  await connection.start();
  await connection.invoke('Ping');
}`,
      filename: 'file.ts',
    },
    // ... also when it returns the kept one early and the one it just built and kept last.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
let shared;
function hubConnection() {
  if (shared) return shared;
  const connection = new HubConnectionBuilder().withUrl('/hubs/feed').withAutomaticReconnect().build();
  shared = connection;
  return connection;
}
export async function refresh() {
  const connection = hubConnection();
  await connection.start();
  await connection.invoke('Refresh');
}`,
    // Stopped on every path.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function send(message: string) {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
  try {
    await connection.invoke('Send', message);
  } finally {
    await connection.stop();
  }
}`,
      filename: 'file.ts',
    },
    // Stopped on both the success path and the failure path.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function f() {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  try {
    await connection.start();
    await connection.invoke('X');
    await connection.stop();
  } catch (error) {
    await connection.stop();
    throw error;
  }
}`,
      filename: 'file.ts',
    },
    // The `catch` swallows the failure, so the stop after it always runs.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function f() {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
  try { await connection.invoke('X'); } catch (e) { console.warn(e); }
  await connection.stop();
}`,
      filename: 'file.ts',
    },
    // Nothing between `start()` and `stop()` throws: the connection's own calls report failures through promises.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function probe() {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
  connection.invoke('Ping');
  await connection.stop();
}`,
      filename: 'file.ts',
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function probe() {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
  await connection.stop();
  await connection.start();
  await connection.stop();
}`,
      filename: 'file.ts',
    },
    // Stopped through a helper of this file.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
async function closeQuietly(c: HubConnection) { try { await c.stop(); } catch {} }
export async function send() {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  try {
    await connection.start();
    await connection.invoke('Send');
  } finally {
    await closeQuietly(connection);
  }
}`,
      filename: 'file.ts',
    },
    // Stopped in a promise chain.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export function f() {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  return connection.start().then(() => connection.invoke('X')).finally(() => connection.stop());
}`,
      filename: 'file.ts',
    },
    // A stop in a callback is taken on trust: it may run on any path.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
async function main() {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  process.on('SIGINT', () => void connection.stop());
  connection.on('tick', (n: number) => console.log(n));
  await connection.start();
}
void main();`,
      filename: 'file.ts',
    },
    // A class owns its fields; its `dispose()` stops the connection.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export class ChatClient {
  private connection: HubConnection | undefined;
  async open() {
    this.connection = new HubConnectionBuilder().withUrl('/hub').build();
    await this.connection.start();
  }
  async dispose() {
    await this.connection?.stop();
  }
}`,
      filename: 'file.ts',
    },
    // A plain class: when its instances go away is up to whoever creates them.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export class Feed {
  private connection = new HubConnectionBuilder().withUrl('/hub').build();
  start() { return this.connection.start(); }
}`,
      filename: 'file.ts',
    },
    // A root service lives as long as the app.
    {
      code: `import { Injectable } from '@angular/core';
import { HubConnectionBuilder } from '@microsoft/signalr';
@Injectable({ providedIn: 'root' })
export class ChatService {
  private readonly connection = new HubConnectionBuilder().withUrl('/hub').build();
  connect() { return this.connection.start(); }
}`,
      filename: 'file.ts',
    },
    // `ngOnDestroy` stops it through another method.
    {
      code: `import { Component, OnDestroy, OnInit } from '@angular/core';
import { HubConnectionBuilder } from '@microsoft/signalr';
@Component({ selector: 'x', template: '' })
export class Ticker implements OnInit, OnDestroy {
  private readonly connection = new HubConnectionBuilder().withUrl('/hub').build();
  ngOnInit() { this.connection.start(); }
  ngOnDestroy() { this.disconnect(); }
  private disconnect() { void this.connection.stop(); }
}`,
      filename: 'file.ts',
    },
    // A `DestroyRef` callback stops it.
    {
      code: `import { Component, DestroyRef, inject, OnInit } from '@angular/core';
import { HubConnectionBuilder } from '@microsoft/signalr';
@Component({ selector: 'x', template: '' })
export class Ticker implements OnInit {
  private readonly connection = new HubConnectionBuilder().withUrl('/hub').build();
  constructor() { inject(DestroyRef).onDestroy(() => void this.connection.stop()); }
  ngOnInit() { this.connection.start(); }
}`,
      filename: 'file.ts',
    },
    // An inherited `ngOnDestroy` this file cannot see may stop it.
    {
      code: `import { Component, OnInit } from '@angular/core';
import { HubConnectionBuilder } from '@microsoft/signalr';
import { Base } from './base';
@Component({ selector: 'x', template: '' })
export class Ticker extends Base implements OnInit {
  private readonly connection = new HubConnectionBuilder().withUrl('/hub').build();
  ngOnInit() { this.connection.start(); }
}`,
      filename: 'file.ts',
    },
    // Effects with a cleanup that stops the connection.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect } from 'react';
export function Chat() {
  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl('/hub').build();
    connection.start();
    return () => { void connection.stop(); };
  }, []);
  return null;
}`,
    },
    {
      code: `import * as signalR from '@microsoft/signalr';
import React from 'react';
export function Chat() {
  React.useEffect(() => {
    const connection = new signalR.HubConnectionBuilder().withUrl('/hub').build();
    connection.start().catch(console.error);
    return () => connection.stop();
  }, []);
  return null;
}`,
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect } from 'react';
export function Chat() {
  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl('/hub').build();
    const teardown = () => { connection.off('x'); void connection.stop(); };
    connection.start();
    return teardown;
  }, []);
  return null;
}`,
    },
    // The cleanup calls a `useCallback` that stops the connection held in a ref.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { useCallback, useEffect, useRef } from 'react';
export function Chat() {
  const connectionRef = useRef<HubConnection | null>(null);
  const disconnect = useCallback(() => connectionRef.current?.stop(), []);
  useEffect(() => {
    connectionRef.current = new HubConnectionBuilder().withUrl('/hub').build();
    connectionRef.current.start();
    return () => { void disconnect(); };
  }, [disconnect]);
  return null;
}`,
    },
    // Another effect's cleanup stops the connection held in the ref.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useRef } from 'react';
export function Chat() {
  const connectionRef = useRef<HubConnection | null>(null);
  useEffect(() => {
    connectionRef.current = new HubConnectionBuilder().withUrl('/hub').build();
    connectionRef.current.start();
  }, []);
  useEffect(() => () => { connectionRef.current?.stop(); }, []);
  return null;
}`,
    },
    // Passed to the component's state setter: the component keeps it, and the effect that starts it stops it.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';
export function Chat() {
  const [connection, setConnection] = useState<HubConnection | null>(null);
  useEffect(() => {
    const created = new HubConnectionBuilder().withUrl('/hub').build();
    created.start().then(() => setConnection(created));
    return () => { void created.stop(); };
  }, []);
  return null;
}`,
    },
    // The effect that starts the state's connection stops it.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';
export function Chat() {
  const [connection, setConnection] = useState<HubConnection | null>(null);
  useEffect(() => {
    setConnection(new HubConnectionBuilder().withUrl('/hub').build());
  }, []);
  useEffect(() => {
    if (!connection) return;
    connection.start();
    return () => { connection.stop(); };
  }, [connection]);
  return null;
}`,
    },
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';
export function useHub(url: string) {
  const [connection, setConnection] = useState<HubConnection>();
  useEffect(() => {
    const created = new HubConnectionBuilder().withUrl(url).build();
    created.start().then(() => setConnection(created));
    return () => { void created.stop(); };
  }, [url]);
  return connection;
}`,
    },
    // Vue: `onUnmounted` in `setup` (returning it from `setup` keeps it in the component), the `beforeUnmount` option.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { defineComponent, onUnmounted } from 'vue';
export default defineComponent({
  setup() {
    const connection = new HubConnectionBuilder().withUrl('/hub').build();
    connection.start();
    onUnmounted(() => { void connection.stop(); });
    return { connection };
  },
});`,
      filename: 'file.ts',
    },
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { defineComponent } from 'vue';
export default defineComponent({
  data() { return { connection: null as HubConnection | null }; },
  mounted() {
    this.connection = new HubConnectionBuilder().withUrl('/hub').build();
    this.connection.start();
  },
  beforeUnmount() { this.connection?.stop(); },
});`,
      filename: 'file.ts',
    },
    // Vue 2 spells it `beforeDestroy`.
    {
      code: `import * as signalR from '@microsoft/signalr';
import Vue from 'vue';
export default {
  data() { return { connection: null }; },
  created() {
    this.connection = new signalR.HubConnectionBuilder().withUrl('/hub').build();
    this.connection.start();
  },
  beforeDestroy() { this.connection.stop(); },
};`,
      filename: 'file.js',
    },
    // Page-start callbacks run once per page: app lifetime.
    {
      code: `$(function () {
  var connection = $.hubConnection('/signalr');
  var hub = connection.createHubProxy('chat');
  hub.on('message', function (m) { console.log(m); });
  connection.start();
});`,
      filename: 'file.js',
    },
    {
      code: `$(document).ready(function () {
  var connection = $.hubConnection();
  connection.start();
});`,
      filename: 'file.js',
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
document.addEventListener('DOMContentLoaded', async () => {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
});`,
      filename: 'file.ts',
    },
    {
      code: `window.onload = async () => {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
};`,
      filename: 'file.js',
    },
    // A top-level IIFE runs once, like module code.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
(async () => {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
})();`,
      filename: 'file.ts',
    },
    // A promise chain the top level runs: its callbacks run once per page load, like page-start code.
    {
      code: `fetch('/api/negotiate', { method: 'POST' })
  .then((res) => res.json())
  .then((info) => {
    const connection = new signalR.HubConnectionBuilder().withUrl(info.url).build();
    connection.onclose(() => console.log('closed'));
    connection.start().catch(console.error);
  })
  .catch(console.error);`,
      filename: 'file.js',
    },
    // A chain inside a callback of a top-level chain, and a chain a page-start callback runs.
    {
      code: `fetch('/api/negotiate').then((res) => res.json().then((info) => {
  const connection = new signalR.HubConnectionBuilder().withUrl(info.url).build();
  connection.start().catch(console.error);
}));`,
      filename: 'file.js',
    },
    {
      code: `$(function () {
  $.getJSON('/api/negotiate').then(function (info) {
    var connection = new signalR.HubConnectionBuilder().withUrl(info.url).build();
    connection.start().catch(console.error);
  });
});`,
      filename: 'file.js',
    },
    // `.catch` and `.finally` callbacks of a top-level chain, awaited at the top level of a module.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
declare function loadSettings(): Promise<void>;
await loadSettings().finally(async () => {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
});
loadSettings().catch(() => {
  const fallback = new HubConnectionBuilder().withUrl('/fallback').build();
  void fallback.start();
});`,
      filename: 'file.ts',
    },
    // A function of the file that app code calls once, and nothing else names: `main()` at the top
    // level of a script or worker runs once per page or process, like a top-level IIFE.
    {
      code: `async function main() {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
  connection.on('ReceiveMessage', (user, message) => console.log(user, message));
  await connection.start();
}
main().catch(console.error);`,
      filename: 'file.js',
    },
    {
      code: `function connect() {
  var connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
  connection.on('ReceiveMessage', console.log);
  connection.start();
}
connect();`,
      filename: 'file.js',
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const main = async (): Promise<void> => {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  connection.on('tick', (n: number) => console.log(n));
  await connection.start();
};
await main();`,
      filename: 'file.ts',
    },
    // Called by a page-start callback, or by another function that runs once; a named function
    // expression known by two names, each used once at most.
    {
      code: `async function connect() {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
  connection.on('ReceiveMessage', console.log);
  await connection.start();
}
function init() {
  void connect();
}
document.addEventListener('DOMContentLoaded', () => init());`,
      filename: 'file.js',
    },
    {
      code: `const start = async function run() {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
  connection.on('ReceiveMessage', console.log);
  await connection.start();
};
void start();`,
      filename: 'file.js',
    },
    // Named callbacks that page-start code or a top-level promise chain takes by reference.
    {
      code: `function init() {
  var connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
  connection.on('ReceiveMessage', console.log);
  connection.start().catch(console.error);
}
$(init);`,
      filename: 'file.js',
    },
    {
      code: `function init() {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
  connection.on('ReceiveMessage', console.log);
  connection.start().catch(console.error);
}
document.addEventListener('DOMContentLoaded', init);`,
      filename: 'file.js',
    },
    {
      code: `function init() {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
  connection.on('ReceiveMessage', console.log);
  connection.start().catch(console.error);
}
window.onload = init;`,
      filename: 'file.js',
    },
    {
      code: `function setup(info) {
  const connection = new signalR.HubConnectionBuilder().withUrl(info.url).build();
  connection.on('ReceiveMessage', console.log);
  connection.start().catch(console.error);
}
fetch('/api/negotiate').then((res) => res.json()).then(setup);`,
      filename: 'file.js',
    },
    // jQuery deferred callbacks of a top-level request settle once, like `.then`.
    {
      code: `$.getJSON('/api/negotiate').done(function (info) {
  var connection = new signalR.HubConnectionBuilder().withUrl(info.url).build();
  connection.on('ReceiveMessage', console.log);
  connection.start();
});`,
      filename: 'file.js',
    },
    {
      code: `function connect() {
  var connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
  connection.on('ReceiveMessage', console.log);
  connection.start();
}
$.ajax({ url: '/api/settings' }).fail(console.error).always(connect);`,
      filename: 'file.js',
    },
    // Stored in a module-level variable.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
let connection: HubConnection | undefined;
export async function connect() {
  const created = new HubConnectionBuilder().withUrl('/hub').build();
  await created.start();
  connection = created;
}`,
      filename: 'file.ts',
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export function init() {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  (window as any).chat = connection;
  connection.start();
}`,
      filename: 'file.ts',
    },
    // Handed to a function this file cannot see.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { register } from './registry';
export async function connect() {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
  register(connection);
}`,
      filename: 'file.ts',
    },
    // Returned inside closures, or as the value of the promise.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function useHub() {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
  return { send: (m: string) => connection.invoke('Send', m) };
}`,
      filename: 'file.ts',
    },
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export function connect(): Promise<HubConnection> {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  return connection.start().then(() => connection);
}`,
      filename: 'file.ts',
    },
    // Returns a disposer.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export function makeDisposer() {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  connection.start();
  return () => connection.stop();
}`,
      filename: 'file.ts',
    },
    // A DOM listener keeps using the connection after the function returns: it outlives the call on purpose.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export function wireChat(button: HTMLButtonElement) {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  button.addEventListener('click', () => connection.invoke('Ping'));
  connection.start();
}`,
      filename: 'file.ts',
    },
    // Assigned in a hook whose callback the test framework keeps; stopped in another one.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
declare function describe(name: string, fn: () => void): void;
declare function beforeEach(fn: () => Promise<void>): void;
declare function afterEach(fn: () => Promise<void>): void;
describe('hub', () => {
  let connection: HubConnection;
  beforeEach(async () => {
    connection = new HubConnectionBuilder().withUrl('/hub').build();
    await connection.start();
  });
  afterEach(() => connection.stop());
});`,
      filename: 'file.ts',
    },
    // Reading `stop` to call it later, or to hand it on, is not a forgotten call.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
declare const bus: { on(event: string, listener: () => unknown): void };
export const hub = new HubConnectionBuilder().withUrl('/hub').build();
const stop = hub.stop.bind(hub);
bus.on('logout', stop);
bus.on('exit', () => hub.stop());
const canStop = typeof hub.stop === 'function';
console.log(canStop);`,
      filename: 'file.ts',
    },
    // A property named stop on something else.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
declare const timer: { stop: () => void };
export const hub = new HubConnectionBuilder().withUrl('/hub').build();
timer.stop;`,
      filename: 'file.ts',
    },
    // Built but never started: nothing is open.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export function build() {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  connection.on('x', () => {});
}`,
      filename: 'file.ts',
    },
    // A connection received from elsewhere belongs to the caller.
    {
      code: `import type { HubConnection } from '@microsoft/signalr';
export async function open(connection: HubConnection) {
  await connection.start();
}`,
      filename: 'file.ts',
    },
    // `$.connection.hub` is the page's one generated-proxy connection.
    {
      code: `function connect() {
  $.connection.chatHub.client.message = function () {};
  $.connection.hub.start();
}`,
      filename: 'file.js',
    },
    // Not the SignalR client.
    {
      code: `import { HubConnectionBuilder } from './fake';
export async function f() {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
}`,
      filename: 'file.ts',
    },
    // A handler that shares one lazily built module-level connection across invocations.
    {
      code: `import { app } from '@azure/functions';
import { HubConnection, HubConnectionBuilder, HubConnectionState } from '@microsoft/signalr';
let shared: HubConnection | undefined;
app.http('notify', {
  handler: async () => {
    shared ??= new HubConnectionBuilder().withUrl('https://chat.example.com/hubs/chat').build();
    if (shared.state === HubConnectionState.Disconnected) await shared.start();
    await shared.invoke('Notify');
    return { status: 202 };
  },
});`,
      filename: 'file.ts',
    },
    // A module named in settings.signalr.modules re-exports the client; module level is app lifetime.
    {
      code: `import { HubConnectionBuilder } from '@acme/realtime';
export const connection = new HubConnectionBuilder().withUrl('/hub').build();
export function connect() { return connection.start(); }`,
      filename: 'file.ts',
      settings: { signalr: { modules: ['@acme/realtime'] } },
    },
    // Plain JavaScript through ESLint's default parser (no \`decorators\`, no types).
    {
      code: `import * as signalR from '@microsoft/signalr';
export class Feed {
  constructor() { this.connection = new signalR.HubConnectionBuilder().withUrl('/hub').build(); }
  open() { return this.connection.start(); }
}`,
      filename: 'file.js',
      languageOptions: { parser: espree, parserOptions: { ecmaVersion: 2022, sourceType: 'module' } },
    },
  ],
  invalid: [
    // A function that builds a new connection on every path (early for one case, through a local for
    // the other) is a factory: each call of refresh leaks one.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
function hubConnection(url) {
  if (!url) return new HubConnectionBuilder().withUrl('/hubs/feed').withAutomaticReconnect().build();
  const connection = new HubConnectionBuilder().withUrl(url).withAutomaticReconnect().build();
  return connection;
}
export async function refresh(url) {
  const connection = hubConnection(url);
  await connection.start();
  await connection.invoke('Refresh');
}`,
      errors: [{ messageId: 'functionNotStopped' }],
    },
    // Look-alikes of a top-level promise chain: a chain run by a click handler, a timer, an exported
    // function or a component runs once per call; a handler a top-level chain registers repeats.
    {
      code: `document.getElementById('go').addEventListener('click', () => {
  fetch('/api/negotiate').then((res) => res.json()).then((info) => {
    const connection = new signalR.HubConnectionBuilder().withUrl(info.url).build();
    connection.start().catch(console.error);
  });
});`,
      filename: 'file.js',
      errors: [{ messageId: 'functionNotStopped', line: 4, column: 5 }],
    },
    {
      code: `fetch('/api/negotiate').then((res) => res.json()).then((info) => {
  button.addEventListener('click', () => {
    const connection = new signalR.HubConnectionBuilder().withUrl(info.url).build();
    connection.start().catch(console.error);
  });
});`,
      filename: 'file.js',
      errors: [{ messageId: 'functionNotStopped', line: 4, column: 5 }],
    },
    {
      code: `setInterval(() => {
  fetch('/api/negotiate').then((res) => res.json()).then((info) => {
    const connection = new signalR.HubConnectionBuilder().withUrl(info.url).build();
    connection.start().catch(console.error);
  });
}, 60000);`,
      filename: 'file.js',
      errors: [{ messageId: 'functionNotStopped', line: 4, column: 5 }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export function connect(): Promise<void> {
  return fetch('/api/negotiate').then(async () => {
    const connection = new HubConnectionBuilder().withUrl('/hub').build();
    await connection.start();
  });
}`,
      filename: 'file.ts',
      errors: [{ messageId: 'functionNotStopped', line: 5, column: 11 }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export function Feed() {
  fetch('/api/negotiate').then(() => {
    const connection = new HubConnectionBuilder().withUrl('/hub').build();
    void connection.start();
  });
  return null;
}`,
      filename: 'file.tsx',
      errors: [{ messageId: 'functionNotStopped', line: 5, column: 10 }],
    },
    // Look-alikes of a function app code runs once: also called from a click handler, exported,
    // called twice or in a loop, run by a timer, retried by itself, restarted from its own onclose
    // (it runs again; the rule keeps reading each run as a call), only calling itself, or called from
    // a field initialiser (once per instance).
    {
      code: `async function connect() {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
  await connection.start();
}
connect();
document.getElementById('retry').addEventListener('click', () => connect());`,
      filename: 'file.js',
      errors: [{ messageId: 'functionNotStopped', line: 3, column: 9 }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function main(): Promise<void> {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
}
await main();`,
      filename: 'file.ts',
      errors: [{ messageId: 'functionNotStopped', line: 4, column: 9 }],
    },
    {
      code: `async function connect(url) {
  const connection = new signalR.HubConnectionBuilder().withUrl(url).build();
  await connection.start();
}
connect('/hubs/chat');
connect('/hubs/news');`,
      filename: 'file.js',
      errors: [{ messageId: 'functionNotStopped', line: 3, column: 9 }],
    },
    {
      code: `async function connect(url) {
  const connection = new signalR.HubConnectionBuilder().withUrl(url).build();
  await connection.start();
}
for (const url of ['/hubs/chat', '/hubs/news']) connect(url);`,
      filename: 'file.js',
      errors: [{ messageId: 'functionNotStopped', line: 3, column: 9 }],
    },
    {
      code: `async function poll() {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/status').build();
  await connection.start();
}
setInterval(poll, 60000);`,
      filename: 'file.js',
      errors: [{ messageId: 'functionNotStopped', line: 3, column: 9 }],
    },
    {
      code: `async function main() {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
  try {
    await connection.start();
  } catch (err) {
    setTimeout(main, 5000);
  }
}
main();`,
      filename: 'file.js',
      errors: [{ messageId: 'functionNotStopped', line: 4, column: 11 }],
    },
    {
      code: `async function main() {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
  connection.onclose(() => main());
  await connection.start();
}
main();`,
      filename: 'file.js',
      errors: [{ messageId: 'functionNotStopped', line: 4, column: 9 }],
    },
    {
      code: `async function watch() {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/status').build();
  await connection.start();
  if (Math.random() > 0.5) await watch();
}`,
      filename: 'file.js',
      errors: [{ messageId: 'functionNotStopped', line: 3, column: 9 }],
    },
    {
      code: `function connect() {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
  connection.start();
  return 1;
}
class Page {
  ready = connect();
}`,
      filename: 'file.js',
      errors: [{ messageId: 'functionNotStopped', line: 3, column: 3 }],
    },
    // Run once, but to do a job: nothing listens on the connection, and the script never exits while
    // it is open. A named page-start callback that only sends is checked the same way.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
async function main(): Promise<void> {
  const connection = new HubConnectionBuilder().withUrl('http://localhost:5000/hubs/chat').build();
  await connection.start();
  await connection.invoke('SendToGroup', 'ops', 'deployed');
}
main().catch(console.error);`,
      filename: 'file.ts',
      errors: [{ messageId: 'functionNotStopped', line: 4, column: 9 }],
    },
    {
      code: `function init() {
  var connection = new signalR.HubConnectionBuilder().withUrl('/hubs/presence').build();
  connection.start().then(function () { return connection.invoke('Hello'); });
}
$(init);`,
      filename: 'file.js',
      errors: [{ messageId: 'functionNotStopped', line: 3, column: 3 }],
    },
    // A class method called once at the top level, a component's own helper, and a named callback
    // of a jQuery deferred that a click handler runs.
    {
      code: `class App {
  async start() {
    const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
    await connection.start();
  }
}
new App().start();`,
      filename: 'file.js',
      errors: [{ messageId: 'functionNotStopped', line: 4, column: 11 }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export function Feed() {
  async function connect() {
    const connection = new HubConnectionBuilder().withUrl('/hub').build();
    await connection.start();
  }
  void connect();
  return null;
}`,
      filename: 'file.tsx',
      errors: [{ messageId: 'functionNotStopped', line: 5, column: 11 }],
    },
    {
      code: `function setup(info) {
  var connection = new signalR.HubConnectionBuilder().withUrl(info.url).build();
  connection.start();
}
$('#connect').on('click', function () {
  $.getJSON('/api/negotiate').done(setup);
});`,
      filename: 'file.js',
      errors: [{ messageId: 'functionNotStopped', line: 3, column: 3 }],
    },
    // A function that starts a local connection and forgets it.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function send(message: string) {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
  await connection.invoke('Send', message);
}`,
      filename: 'file.ts',
      errors: [{ messageId: 'functionNotStopped', line: 4, column: 9 }],
    },
    // `connection.stop` without the call is not a stop: that is the finding, with the call as a suggestion.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function f() {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
  connection.stop;
}`,
      filename: 'file.ts',
      errors: [
        {
          messageId: 'stopNotCalled',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'callStop',
              output: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function f() {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
  connection.stop();
}`,
            },
          ],
        },
      ],
    },
    // Also for a connection the app keeps: the listener meant to close it does nothing.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
declare const bus: { on(event: string, listener: () => void): void };
export const hub = new HubConnectionBuilder().withUrl('/hub').build();
bus.on('logout', () => {
  void hub?.stop;
});`,
      filename: 'file.ts',
      errors: [
        {
          messageId: 'stopNotCalled',
          line: 5,
          column: 8,
          suggestions: [
            {
              messageId: 'callStop',
              output: `import { HubConnectionBuilder } from '@microsoft/signalr';
declare const bus: { on(event: string, listener: () => void): void };
export const hub = new HubConnectionBuilder().withUrl('/hub').build();
bus.on('logout', () => {
  void hub?.stop();
});`,
            },
          ],
        },
      ],
    },
    // A helper of this file that only uses the connection does not take it over.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
async function join(c: HubConnection, room: string) { await c.invoke('Join', room); }
export async function f(room: string) {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
  await join(connection, room);
}`,
      filename: 'file.ts',
      errors: [{ messageId: 'functionNotStopped', line: 5, column: 9 }],
    },
    // Built by a factory of this file, then forgotten.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
function createConnection() { return new HubConnectionBuilder().withUrl('/hub').build(); }
export async function main() {
  const connection = createConnection();
  await connection.start();
  await connection.invoke('X');
}`,
      filename: 'file.ts',
      errors: [{ messageId: 'functionNotStopped', line: 5, column: 9 }],
    },
    // ... also when the factory returns a local that holds what it built.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
function createConnection() {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  connection.on('Message', console.log);
  return connection;
}
export async function main() {
  const connection = createConnection();
  await connection.start();
  await connection.invoke('X');
}`,
      filename: 'file.ts',
      errors: [{ messageId: 'functionNotStopped', line: 9, column: 9 }],
    },
    // Started where it is built: nothing can ever stop it.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function ping() {
  await new HubConnectionBuilder().withUrl('/hub').build().start();
}`,
      filename: 'file.ts',
      errors: [{ messageId: 'functionNotStopped', line: 3, column: 9 }],
    },
    // Array iteration runs its callback before it returns: no hand-off.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function f(items: string[]) {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
  items.forEach((item) => connection.send('Item', item));
}`,
      filename: 'file.ts',
      errors: [{ messageId: 'functionNotStopped', line: 4, column: 9 }],
    },
    {
      code: `const signalR = require('@microsoft/signalr');
async function main() {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
}`,
      filename: 'file.js',
      errors: [{ messageId: 'functionNotStopped', line: 4, column: 9 }],
    },
    // Returning the `start()` promise is not returning the connection.
    {
      code: `import { HubConnectionBuilder } from '@aspnet/signalr';
export async function f() {
  const hub = new HubConnectionBuilder().withUrl('/hub').build();
  return hub.start();
}`,
      filename: 'file.ts',
      errors: [{ messageId: 'functionNotStopped', line: 4, column: 10 }],
    },
    // Stopped only when the invocation succeeds.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function send(message: string) {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
  await connection.invoke('Send', message);
  await connection.stop();
}`,
      filename: 'file.ts',
      errors: [{ messageId: 'stoppedOnlyOnSuccess', line: 4, column: 9 }],
    },
    // An early return skips the stop.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function f(ok: boolean) {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
  if (!ok) return;
  connection.stop();
}`,
      filename: 'file.ts',
      errors: [{ messageId: 'stoppedOnlyOnSuccess', line: 4, column: 9 }],
    },
    // The `catch` swallows the failure but does not stop the connection.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function f() {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  try {
    await connection.start();
    await connection.invoke('X');
    await connection.stop();
  } catch (e) { console.warn(e); }
}`,
      filename: 'file.ts',
      errors: [{ messageId: 'stoppedOnlyOnSuccess', line: 5, column: 11 }],
    },
    // A failing assertion throws past the stop.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
declare function it(name: string, fn: () => Promise<void>): void;
declare function expect(value: unknown): { toBe(v: unknown): void };
it('connects', async () => {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
  expect(connection.state).toBe('Connected');
  await connection.stop();
});`,
      filename: 'file.ts',
      errors: [{ messageId: 'stoppedOnlyOnSuccess', line: 6, column: 9 }],
    },
    // A request handler opens one connection per request.
    {
      code: `import express from 'express';
import { HubConnectionBuilder } from '@microsoft/signalr';
const app = express();
app.post('/notify', async (req, res) => {
  const connection = new HubConnectionBuilder().withUrl('http://chat/hub').build();
  await connection.start();
  await connection.invoke('Notify', req.body);
  res.sendStatus(202);
});`,
      filename: 'file.ts',
      errors: [{ messageId: 'handlerNotStopped', line: 6, column: 9 }],
    },
    // A cleanup that only removes handlers does not stop the connection.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect } from 'react';
export function Chat() {
  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl('/hub').build();
    connection.on('x', () => {});
    connection.start();
    return () => { connection.off('x'); };
  }, []);
  return null;
}`,
      errors: [{ messageId: 'effectNotStopped', line: 7, column: 5 }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect } from 'react';
export function Chat({ room }: { room: string }) {
  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl('/hub').build();
    connection.start().then(() => connection.invoke('Join', room));
  }, [room]);
  return null;
}`,
      errors: [{ messageId: 'effectNotStopped', line: 6, column: 5 }],
    },
    {
      code: `import * as React from 'react';
import * as signalR from '@microsoft/signalr';
export function Chat() {
  React.useLayoutEffect(() => {
    const c = new signalR.HubConnectionBuilder().withUrl('/hub').build();
    void c.start();
  }, []);
  return null;
}`,
      errors: [{ messageId: 'effectNotStopped', line: 6, column: 10 }],
    },
    // Kept in the component's state: the component goes away, the connection stays open.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';
export function Chat() {
  const [connection, setConnection] = useState<HubConnection | null>(null);
  useEffect(() => {
    const created = new HubConnectionBuilder().withUrl('/hub').build();
    created.start().then(() => setConnection(created));
  }, []);
  return null;
}`,
      errors: [{ messageId: 'effectNotStopped', line: 7, column: 5 }],
    },
    // The effect that starts the state's connection must stop it.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';
export function Chat() {
  const [connection, setConnection] = useState<HubConnection | null>(null);
  useEffect(() => {
    setConnection(new HubConnectionBuilder().withUrl('/hub').build());
  }, []);
  useEffect(() => {
    if (connection) {
      connection.start().then(() => connection.invoke('Join'));
    }
  }, [connection]);
  return null;
}`,
      errors: [{ messageId: 'effectNotStopped', line: 10, column: 7 }],
    },
    // Kept in a ref across StrictMode remounts, but never stopped when the component really goes away.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useRef } from 'react';
export function Chat() {
  const connectionRef = useRef<HubConnection | null>(null);
  useEffect(() => {
    if (connectionRef.current) return;
    connectionRef.current = new HubConnectionBuilder().withUrl('/hub').build();
    connectionRef.current.start();
  }, []);
  return null;
}`,
      errors: [{ messageId: 'effectNotStopped', line: 8, column: 5 }],
    },
    // A `useCallback` that stops it, but no cleanup calls it.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { useCallback, useEffect, useRef } from 'react';
export function Chat() {
  const connectionRef = useRef<HubConnection | null>(null);
  const disconnect = useCallback(() => connectionRef.current?.stop(), []);
  useEffect(() => {
    connectionRef.current = new HubConnectionBuilder().withUrl('/hub').build();
    connectionRef.current.start();
  }, [disconnect]);
  return <button onClick={disconnect} />;
}`,
      errors: [{ messageId: 'effectNotStopped', line: 8, column: 5 }],
    },
    // Declared inside an async IIFE, out of reach of any cleanup.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect } from 'react';
export function Chat() {
  useEffect(() => {
    (async () => {
      const connection = new HubConnectionBuilder().withUrl('/hub').build();
      await connection.start();
    })();
  }, []);
  return null;
}`,
      errors: [{ messageId: 'effectNotStopped', line: 7, column: 13 }],
    },
    // `ngOnDestroy` only removes a handler.
    {
      code: `import { Component, OnInit } from '@angular/core';
import { HubConnectionBuilder } from '@microsoft/signalr';
@Component({ selector: 'x', template: '' })
export class Ticker implements OnInit {
  private readonly connection = new HubConnectionBuilder().withUrl('/hub').build();
  ngOnInit() { this.connection.start(); }
  ngOnDestroy() { this.connection.off('x'); }
}`,
      filename: 'file.ts',
      errors: [{ messageId: 'angularNotStopped', line: 6, column: 16 }],
    },
    // A local of `ngOnInit` cannot be reached from `ngOnDestroy`.
    {
      code: `import { Component, OnInit } from '@angular/core';
import { HubConnectionBuilder } from '@microsoft/signalr';
@Component({ selector: 'x', template: '' })
export class Ticker implements OnInit {
  ngOnInit() {
    const connection = new HubConnectionBuilder().withUrl('/hub').build();
    connection.start();
  }
}`,
      filename: 'file.ts',
      errors: [{ messageId: 'angularNotStopped', line: 7, column: 5 }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { defineComponent } from 'vue';
export default defineComponent({
  setup() {
    const connection = new HubConnectionBuilder().withUrl('/hub').build();
    connection.start();
    return { connection };
  },
});`,
      filename: 'file.ts',
      errors: [{ messageId: 'vueNotStopped', line: 6, column: 5 }],
    },
    // `defineComponent` given the setup function itself.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { defineComponent, h } from 'vue';
export default defineComponent(() => {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  connection.start();
  return () => h('div');
});`,
      filename: 'file.ts',
      errors: [{ messageId: 'vueNotStopped', line: 5, column: 3 }],
    },
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { defineComponent } from 'vue';
export default defineComponent({
  data() { return { connection: null as HubConnection | null }; },
  mounted() {
    this.connection = new HubConnectionBuilder().withUrl('/hub').build();
    this.connection.start();
  },
});`,
      filename: 'file.ts',
      errors: [{ messageId: 'vueNotStopped', line: 7, column: 5 }],
    },
    // Declared in `setup`, started in `onMounted`, never stopped.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { defineComponent, onMounted } from 'vue';
export default defineComponent({
  setup() {
    let connection: HubConnection | undefined;
    onMounted(async () => {
      connection = new HubConnectionBuilder().withUrl('/hub').build();
      await connection.start();
    });
    return {};
  },
});`,
      filename: 'file.ts',
      errors: [{ messageId: 'vueNotStopped', line: 8, column: 13 }],
    },
    // The classic jQuery client: a hub proxy that stays in the function does not hand the connection off.
    {
      code: `function startChat() {
  var connection = $.hubConnection('/signalr');
  var hub = connection.createHubProxy('chat');
  hub.on('message', function (m) { console.log(m); });
  connection.start().done(function () { hub.invoke('join'); });
}`,
      filename: 'file.js',
      errors: [{ messageId: 'functionNotStopped', line: 5, column: 3 }],
    },
    // The same module without the setting is not SignalR; with it, a forgotten local connection is.
    {
      code: `import { HubConnectionBuilder } from '@acme/realtime';
export async function ping() {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
}`,
      filename: 'file.ts',
      settings: { signalr: { modules: ['@acme/realtime'] } },
      errors: [{ messageId: 'functionNotStopped', line: 4, column: 9 }],
    },
    {
      code: `import * as signalR from '@microsoft/signalr';
export async function ping() {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hub').build();
  await connection.start();
}`,
      filename: 'file.js',
      languageOptions: { parser: espree, parserOptions: { ecmaVersion: 2022, sourceType: 'module' } },
      errors: [{ messageId: 'functionNotStopped', line: 4, column: 9 }],
    },
  ],
});

// The Web PubSub client SDK: a `WebPubSubClient` holds a service connection until `stop()`.
ruleTester.run('require-stop (Web PubSub client)', rule, {
  valid: [
    // Module level: the app's client, never stopped.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
client.start().catch(console.error);`,
    // An effect that stops it in its cleanup.
    `import { useEffect } from 'react';
import { WebPubSubClient } from '@azure/web-pubsub-client';
export function Feed() {
  useEffect(() => {
    const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/feed');
    client.start().catch(console.error);
    return () => client.stop();
  }, []);
  return null;
}`,
    // A function that hands the started client to its caller.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
export async function connect(url: string): Promise<WebPubSubClient> {
  const client = new WebPubSubClient(url);
  await client.start();
  return client;
}`,
    // A one-off script that stops it in finally.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
export async function announce(url: string, text: string) {
  const client = new WebPubSubClient(url);
  await client.start();
  try {
    await client.sendEvent('announce', text, 'text');
  } finally {
    client.stop();
  }
}`,
  ],
  invalid: [
    {
      // Each mount leaks a service connection.
      code: `import { useEffect } from 'react';
import { WebPubSubClient } from '@azure/web-pubsub-client';
export function Feed() {
  useEffect(() => {
    const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/feed');
    client.start().catch(console.error);
  }, []);
  return null;
}`,
      errors: [{ messageId: 'effectNotStopped', line: 6, column: 5 }],
    },
  ],
});

// A raw WebSocket on the Web PubSub subprotocol opened in a React effect: the cleanup must close it.
ruleTester.run('require-stop (Web PubSub socket)', rule, {
  valid: [
    // Closed in the effect's cleanup.
    `import { useEffect } from 'react';
export function Cursors({ url }: { url: string }) {
  useEffect(() => {
    const socket = new WebSocket(url, 'json.webpubsub.azure.v1');
    socket.onmessage = (event) => console.log(event.data);
    return () => socket.close();
  }, [url]);
  return null;
}`,
    // Kept in a ref and closed by another effect's cleanup.
    `import { useEffect, useRef } from 'react';
export function Cursors({ url }: { url: string }) {
  const socketRef = useRef<WebSocket | null>(null);
  useEffect(() => {
    socketRef.current = new WebSocket(url, 'json.webpubsub.azure.v1');
  }, [url]);
  useEffect(() => () => socketRef.current?.close(), []);
  return null;
}`,
    // Handed to state: whoever holds it closes it.
    `import { useEffect, useState } from 'react';
export function Cursors({ url }: { url: string }) {
  const [socket, setSocket] = useState<WebSocket | null>(null);
  useEffect(() => {
    const opened = new WebSocket(url, 'json.webpubsub.azure.v1');
    setSocket(opened);
  }, [url]);
  return socket ? null : null;
}`,
    // A plain WebSocket (no Web PubSub evidence) left open: not this rule's business.
    `import { useEffect } from 'react';
export function Ticker() {
  useEffect(() => {
    const socket = new WebSocket('wss://example.com/ticker');
    socket.onmessage = (event) => console.log(event.data);
  }, []);
  return null;
}`,
    // Opened at module level: lives as long as the page.
    `const socket = new WebSocket(getUrl(), 'json.webpubsub.azure.v1');
socket.onmessage = (event) => console.log(event.data);
declare function getUrl(): string;`,
  ],
  invalid: [
    {
      code: `import { useEffect } from 'react';
export function Cursors({ url }: { url: string }) {
  useEffect(() => {
    const socket = new WebSocket(url, 'json.webpubsub.azure.v1');
    socket.onmessage = (event) => console.log(event.data);
  }, [url]);
  return null;
}`,
      errors: [{ messageId: 'socketNotClosed', line: 4, column: 20 }],
    },
  ],
});
