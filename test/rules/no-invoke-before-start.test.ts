import rule from '../../rules/no-invoke-before-start.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-invoke-before-start', rule, {
  valid: [
    // In onreconnecting: after a wait, in a timer, behind a state check, on another connection, with
    // stateful reconnect's buffer, or on a connection built elsewhere: none certainly fails.
    `import { HubConnectionBuilder, HubConnectionState } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
const audit = new HubConnectionBuilder().withUrl('/hubs/audit').withAutomaticReconnect().build();
connection.onreconnecting(async () => {
  void audit.invoke('Log', 'reconnecting');
  setTimeout(() => void connection.invoke('Ping'), 5000);
  if (connection.state === HubConnectionState.Connected) void connection.send('Status', 'away');
  await waitForNetwork();
  await connection.invoke('Hello');
});
connection.onreconnected(() => connection.invoke('Hello'));`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().withStatefulReconnect().build();
connection.onreconnecting(() => {
  void connection.send('Status', 'away');
});`,
    `import type { HubConnection } from '@microsoft/signalr';
export function watch(connection: HubConnection): void {
  connection.onreconnecting(() => {
    void connection.send('Status', 'away');
  });
}`,
    // Awaited first.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
await connection.start();
await connection.invoke('SendMessage', 'hi');`,
    // In the start's continuation.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.start().then(() => connection.invoke('SendMessage', 'hi')).catch(console.error);`,
    // The start promise stored and awaited before the call.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function send(text: string) {
  const started = connection.start();
  await started;
  await connection.send('SendMessage', text);
}`,
    // A state check around the call.
    `import { HubConnectionBuilder, HubConnectionState } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.start().catch(console.error);
if (connection.state === HubConnectionState.Connected) {
  connection.invoke('SendMessage', 'hi').catch(console.error);
}`,
    // ... or an early return on the state, in a later effect.
    `import { HubConnectionBuilder, HubConnectionState } from '@microsoft/signalr';
import { useEffect, useRef } from 'react';
export function Chat({ room }: { room: string }) {
  const connectionRef = useRef(new HubConnectionBuilder().withUrl('/hubs/chat').build());
  useEffect(() => {
    connectionRef.current.start().catch(console.error);
  }, []);
  useEffect(() => {
    if (connectionRef.current.state !== HubConnectionState.Connected) return;
    connectionRef.current.invoke('Watch', room).catch(console.error);
  }, [room]);
  return null;
}`,
    // A readiness flag set once started.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';
export function Chat({ room }: { room: string }) {
  const [connection] = useState(() => new HubConnectionBuilder().withUrl('/hubs/chat').build());
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    connection.start().then(() => setConnected(true)).catch(console.error);
  }, [connection]);
  useEffect(() => {
    if (connected) connection.invoke('Watch', room).catch(console.error);
  }, [connected, connection, room]);
  return null;
}`,
    // An earlier effect that does not start this connection.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';
export function Chat() {
  const [connection] = useState(() => new HubConnectionBuilder().withUrl('/hubs/chat').build());
  useEffect(() => {
    document.title = 'Chat';
  }, []);
  useEffect(() => {
    connection.start().then(() => connection.invoke('Hello')).catch(console.error);
  }, [connection]);
  return null;
}`,
    // After an await of something else the start may or may not be done: not certain, not reported.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function run(load: () => Promise<string>) {
  connection.start().catch(console.error);
  const text = await load();
  await connection.invoke('SendMessage', text);
}`,
    // In a callback: runs later, on an event.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.start().catch(console.error);
document.getElementById('send')!.addEventListener('click', () => {
  connection.invoke('SendMessage', 'hi').catch(console.error);
});`,
    // A later lifecycle method, but the start is awaited in the earlier one's async part.
    `import { Component, OnInit } from '@angular/core';
import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
@Component({ selector: 'app-chat', template: '' })
export class ChatComponent implements OnInit {
  private connection: HubConnection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  ngOnInit(): void {
    this.connection.on('message', console.log);
  }
  async connect(): Promise<void> {
    await this.connection.start();
    await this.connection.invoke('Hello');
  }
}`,
    // Another connection.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const chat = new HubConnectionBuilder().withUrl('/hubs/chat').build();
const news = new HubConnectionBuilder().withUrl('/hubs/news').build();
chat.start().catch(console.error);
news.invoke('Subscribe').catch(console.error);`,
    // A listener added right before the start, with no await between: the window is the handshake only.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
document.querySelector('form')!.addEventListener('submit', () => {
  connection.invoke('Send', 'hi').catch(console.error);
});
connection.start().catch(console.error);`,
    // Handed out after the start was awaited.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { queue } from './queue';
const connection = new HubConnectionBuilder().withUrl('/hubs/jobs').build();
await connection.start();
queue.process(async (job: string) => {
  await connection.invoke('Report', job);
});
await queue.resume();`,
    // The callback waits for the start itself before calling.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { queue } from './queue';
const connection = new HubConnectionBuilder().withUrl('/hubs/jobs').build();
let started: Promise<void> | undefined;
queue.process(async (job: string) => {
  await started;
  await connection.invoke('Report', job);
});
await queue.resume();
started = connection.start();`,
    // The callback checks the state first.
    `import { HubConnectionBuilder, HubConnectionState } from '@microsoft/signalr';
import { queue } from './queue';
const connection = new HubConnectionBuilder().withUrl('/hubs/jobs').build();
queue.process((job: string) => {
  if (connection.state !== HubConnectionState.Connected) return;
  connection.send('Report', job).catch(console.error);
});
await queue.resume();
await connection.start();`,
    // A hub message handler replies: it only runs while connected.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.on('ping', () => {
  connection.send('Pong').catch(console.error);
});
await loadSettings();
await connection.start();
declare function loadSettings(): Promise<void>;`,
    // Started (not awaited) before the callback is handed out: only the handshake window is left.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { queue } from './queue';
const connection = new HubConnectionBuilder().withUrl('/hubs/jobs').build();
const started = connection.start();
queue.process(async (job: string) => {
  await connection.invoke('Report', job);
});
await queue.resume();
await started;`,
    // Array callbacks run on the spot; nothing here runs before the start.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
await connection.start();
['a', 'b'].forEach((room) => {
  connection.invoke('Join', room).catch(console.error);
});
await Promise.resolve();`,
    // The await between belongs to another connection's start... and this connection is started first.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const chat = new HubConnectionBuilder().withUrl('/hubs/chat').build();
const news = new HubConnectionBuilder().withUrl('/hubs/news').build();
await chat.start();
window.addEventListener('focus', () => {
  chat.invoke('Seen').catch(console.error);
});
await news.start();`,
    // Listeners for the way out (a signal, the process's exit, the page unloading, the app quitting)
    // run when the program ends, not in the moments before its start.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/agents').build();
process.on('SIGINT', () => {
  void connection.send('Leaving');
});
process.once('SIGTERM', () => void connection.invoke('Leaving'));
process.on('exit', () => void connection.send('Gone'));
await loadConfig();
await connection.start();
declare function loadConfig(): Promise<void>;`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
async function main(): Promise<void> {
  window.addEventListener('beforeunload', () => {
    void connection.send('Leaving');
  });
  addEventListener('pagehide', () => void connection.send('Hidden'));
  await loadSettings();
  await connection.start();
}
main().catch(console.error);
declare function loadSettings(): Promise<void>;`,
    // The event named through a constant; an Electron app quitting.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { app } from 'electron';
const SHUTDOWN = 'SIGTERM';
const connection = new HubConnectionBuilder().withUrl('/hubs/desktop').build();
process.on(SHUTDOWN, () => void connection.send('Closing'));
app.on('before-quit', () => void connection.send('Quitting'));
await app.whenReady();
await connection.start();`,
  ],
  invalid: [
    // A send from onreconnecting, before the handler waits: the connection is reconnecting.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export class Presence {
  private readonly connection = new HubConnectionBuilder().withUrl('/hubs/presence').withAutomaticReconnect().build();
  constructor() {
    this.connection.onreconnecting((error) => {
      console.warn('reconnecting', error);
      this.connection.invoke('SetStatus', 'away').catch(console.error);
    });
  }
}`,
      errors: [{ messageId: 'invokeWhileReconnecting', line: 7, column: 7, data: { call: "this.connection.invoke('SetStatus')" } }],
    },
    // Job handlers go live before the start, and an await comes between.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { queue } from './queue';
const connection = new HubConnectionBuilder().withUrl('/hubs/jobs').withAutomaticReconnect().build();
queue.process(async (job: string) => {
  await connection.invoke('Report', job);
});
// A second handler before the same await: one report for both, since one fix serves them.
queue.on('failed', (job: string) => {
  connection.send('Failed', job).catch(console.error);
});
await queue.resume();
await connection.start();`,
      errors: [{ messageId: 'invokeInCallbackBeforeStart', line: 5, column: 9, data: { call: "connection.invoke('Report')" } }],
    },
    // In a main function whose start waits in a retry loop after the listener is added.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
async function main(): Promise<void> {
  window.addEventListener('message', (event: MessageEvent) => {
    void connection.send('Relay', event.data);
  });
  await loadSettings();
  for (;;) {
    try {
      await connection.start();
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000 + Math.random() * 4000));
    }
  }
}
main().catch(console.error);
declare function loadSettings(): Promise<void>;`,
      errors: [{ messageId: 'invokeInCallbackBeforeStart', line: 5, column: 10 }],
    },
    // A child process can exit at once: only the process's own exit is the way out.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { spawn } from 'node:child_process';
const connection = new HubConnectionBuilder().withUrl('/hubs/builds').build();
const child = spawn('make', ['all']);
child.on('exit', (code: number | null) => {
  void connection.send('BuildDone', code);
});
await loadConfig();
await connection.start();
declare function loadConfig(): Promise<void>;`,
      errors: [{ messageId: 'invokeInCallbackBeforeStart', line: 6, column: 8 }],
    },
    // A message from the parent process can come before the start.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/workers').build();
process.on('message', (message: unknown) => {
  connection.invoke('Forward', message).catch(console.error);
});
await loadConfig();
await connection.start();
declare function loadConfig(): Promise<void>;`,
      errors: [{ messageId: 'invokeInCallbackBeforeStart', line: 4, column: 3 }],
    },
    // Right after a floating start.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.start().catch(console.error);
connection.invoke('SendMessage', 'hi').catch(console.error);`,
      errors: [{ messageId: 'invokeBeforeStart', line: 4, column: 1, data: { call: "connection.invoke('SendMessage')" } }],
    },
    // After the chain, not inside it.
    {
      code: `import * as signalR from '@microsoft/signalr';
export function open() {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
  connection.start().then(() => console.log('started')).catch(console.error);
  connection.send('Hello');
  return connection;
}`,
      errors: [{ messageId: 'invokeBeforeStart', line: 5, column: 3, data: { call: "connection.send('Hello')" } }],
    },
    // After an async IIFE that starts: its await does not hold the code after it.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
(async () => {
  try {
    await connection.start();
  } catch (error) {
    console.error(error);
  }
})();
connection.invoke('Hello').catch(console.error);`,
      errors: [{ messageId: 'invokeBeforeStart', line: 10, column: 1 }],
    },
    // A later effect of the same component.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useRef } from 'react';
export function Chat({ room }: { room: string }) {
  const connectionRef = useRef(new HubConnectionBuilder().withUrl('/hubs/chat').build());
  useEffect(() => {
    connectionRef.current.start().catch(console.error);
  }, []);
  useEffect(() => {
    connectionRef.current.invoke('Watch', room).catch(console.error);
  }, [room]);
  return null;
}`,
      errors: [{ messageId: 'invokeInEffectBeforeStart', line: 9, column: 5, data: { call: "connectionRef.current.invoke('Watch')" } }],
    },
    // A later lifecycle method: the constructor starts, ngOnInit invokes.
    {
      code: `import { Component, OnInit } from '@angular/core';
import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
@Component({ selector: 'app-chat', template: '' })
export class ChatComponent implements OnInit {
  private connection: HubConnection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  constructor() {
    this.connection.start().catch(console.error);
  }
  ngOnInit(): void {
    this.connection.invoke('Hello').catch(console.error);
  }
}`,
      errors: [{ messageId: 'invokeInHookBeforeStart', line: 10, column: 5, data: { call: "this.connection.invoke('Hello')", hook: 'constructor' } }],
    },
    // Vue options: created starts, mounted streams.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { defineComponent } from 'vue';
export default defineComponent({
  created() {
    this.connection = new HubConnectionBuilder().withUrl('/hubs/ticks').build();
    this.connection.start().catch(console.error);
  },
  mounted() {
    this.connection.stream('Ticks').subscribe({ next: console.log, error: console.error, complete: () => undefined });
  },
});`,
      errors: [{ messageId: 'invokeInHookBeforeStart', line: 9, column: 5, data: { call: "this.connection.stream('Ticks')", hook: 'created' } }],
    },
  ],
});
