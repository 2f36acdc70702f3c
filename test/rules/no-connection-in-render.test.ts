import rule from '../../rules/no-connection-in-render.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-connection-in-render', rule, {
  valid: [
    // Handlers registered in an effect (and removed in its cleanup), a module-level handler the client
    // skips when it has it already, a registration behind a ref check, and in an event handler.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useRef, useState } from 'react';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
function logMessage(text: string): void {
  console.log(text);
}
export function Chat() {
  const [messages, setMessages] = useState<string[]>([]);
  const registered = useRef(false);
  useEffect(() => {
    const receive = (text: string) => setMessages((all) => [...all, text]);
    connection.on('ReceiveMessage', receive);
    return () => connection.off('ReceiveMessage', receive);
  }, []);
  connection.on('Log', logMessage);
  if (!registered.current) {
    registered.current = true;
    connection.onclose(() => console.warn('closed'));
  }
  const subscribe = () => connection.on('Typing', (name: string) => console.log(name));
  return <button onClick={subscribe}>{messages.length}</button>;
}`,
    // Not a component: a plain function that registers once per call.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export function listen(onText: (text: string) => void) {
  connection.on('ReceiveMessage', (text: string) => onText(text));
}`,
    // Built in an effect.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect } from 'react';
export function Chat() {
  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
    connection.start().catch(console.error);
    return () => void connection.stop();
  }, []);
  return <div />;
}`,
    // A lazy useState initializer.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useState } from 'react';
export function Chat() {
  const [connection] = useState(() => new HubConnectionBuilder().withUrl('/hubs/chat').build());
  return <div>{connection.state}</div>;
}`,
    // useMemo.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useMemo } from 'react';
export function Chat({ url }: { url: string }) {
  const connection = useMemo(() => new HubConnectionBuilder().withUrl(url).build(), [url]);
  return <div>{connection.state}</div>;
}`,
    // A ref filled lazily.
    `import type { HubConnection } from '@microsoft/signalr';
import { HubConnectionBuilder } from '@microsoft/signalr';
import { useRef } from 'react';
export function Chat() {
  const connectionRef = useRef<HubConnection | null>(null);
  if (!connectionRef.current) connectionRef.current = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  return <div />;
}`,
    // ... or with ??=.
    `import type { HubConnection } from '@microsoft/signalr';
import { HubConnectionBuilder } from '@microsoft/signalr';
import { useRef } from 'react';
export function useHub() {
  const ref = useRef<HubConnection>();
  ref.current ??= new HubConnectionBuilder().withUrl('/hubs/chat').build();
  return ref.current;
}`,
    // Module level: once per page.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export function Chat() {
  return <div>{connection.state}</div>;
}`,
    // A getter of a module-level singleton, called in render, builds nothing new.
    `import type { HubConnection } from '@microsoft/signalr';
import { HubConnectionBuilder } from '@microsoft/signalr';
let shared: HubConnection | undefined;
function getConnection(): HubConnection {
  if (!shared) shared = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  return shared;
}
export function Chat() {
  const connection = getConnection();
  return <div>{connection.state}</div>;
}`,
    // A getter whose local starts from a module-level one: it builds only when none is kept yet.
    `import type { HubConnection } from '@microsoft/signalr';
import { HubConnectionBuilder } from '@microsoft/signalr';
import { useState } from 'react';
let shared: HubConnection | undefined;
function getConnection(url: string): HubConnection {
  let connection = shared;
  if (!connection) {
    connection = new HubConnectionBuilder().withUrl(url).build();
    shared = connection;
  }
  return connection;
}
export function useHub(url: string) {
  const [connection] = useState(getConnection(url));
  return connection;
}`,
    // A getter that returns the kept one on one path, even if it returns a local it built on another.
    `import type { HubConnection } from '@microsoft/signalr';
import { HubConnectionBuilder } from '@microsoft/signalr';
import { useRef } from 'react';
let shared: HubConnection | undefined;
function getConnection(url: string): HubConnection {
  if (shared) return shared;
  const connection = new HubConnectionBuilder().withUrl(url).build();
  shared = connection;
  return connection;
}
export function useHub(url: string) {
  const ref = useRef(getConnection(url));
  return ref.current;
}`,
    // A per-URL cache: the local holds the cached entry unless none is there yet.
    `import type { HubConnection } from '@microsoft/signalr';
import { HubConnectionBuilder } from '@microsoft/signalr';
import { useState } from 'react';
const connections = new Map<string, HubConnection>();
function connectionFor(url: string): HubConnection {
  let connection = connections.get(url);
  if (!connection) {
    connection = new HubConnectionBuilder().withUrl(url).build();
    connections.set(url, connection);
  }
  return connection;
}
export function useHub(url: string) {
  const [connection] = useState(connectionFor(url));
  return connection;
}`,
    // A local that only names the module-level connection.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useState } from 'react';
const shared = new HubConnectionBuilder().withUrl('/hubs/chat').build();
function getConnection() {
  const connection = shared;
  return connection;
}
export function useHub() {
  const [connection] = useState(getConnection());
  return connection;
}`,
    // An event handler: runs on click, not on render.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
export function Connect() {
  const onClick = () => {
    const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
    connection.start().catch(console.error);
  };
  return <button onClick={onClick}>Connect</button>;
}`,
    // A plain function with a capitalised name that is no component (no JSX, no hooks).
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import React from 'react';
export function CreateConnection(url: string) {
  return new HubConnectionBuilder().withUrl(url).build();
}
export const App = () => React.createElement('div');`,
    // A file without React.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
export function Worker() {
  const connection = new HubConnectionBuilder().withUrl('/hubs/jobs').build();
  return connection.start();
}`,
  ],
  invalid: [
    // In the body of a component: a new handler every render, and the onclose callbacks pile up.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useState } from 'react';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
export function Chat() {
  const [messages, setMessages] = useState<string[]>([]);
  connection.on('ReceiveMessage', (text: string) => setMessages([...messages, text]));
  connection.onclose(() => setMessages([]));
  return <ul>{messages.map((text) => <li key={text}>{text}</li>)}</ul>;
}`,
      filename: 'chat.tsx',
      errors: [
        { messageId: 'handlerAddedInRender', line: 6, column: 3, data: { call: "connection.on('ReceiveMessage', …)", component: 'Chat' } },
        { messageId: 'handlerAddedInRender', line: 7, column: 3, data: { call: 'connection.onclose(…)', component: 'Chat' } },
      ],
    },
    // A connection built anew by each render: reported once, where it is built.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export function Ticker() {
  const connection = new HubConnectionBuilder().withUrl('/hubs/ticker').build();
  connection.on('Tick', (price: number) => console.log(price));
  return <span />;
}`,
      filename: 'ticker.tsx',
      errors: [{ messageId: 'builtInRender', line: 3 }],
    },
    // ... also a connection kept in a ref, with a handler declared in the render.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useRef } from 'react';
export function useFeed(onItem: (item: string) => void) {
  const connection = useRef(new HubConnectionBuilder().withUrl('/hubs/feed').build());
  function receive(item: string) {
    onItem(item);
  }
  connection.current.on('Item', receive);
  return connection;
}`,
      errors: [
        { messageId: 'builtInRefInitializer', line: 4 },
        { messageId: 'handlerAddedInRender', line: 8, column: 3, data: { call: "connection.current.on('Item', …)", component: 'useFeed' } },
      ],
    },
    // A non-lazy useState initializer.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useState } from 'react';
export function Quiz() {
  const [connection] = useState(new HubConnectionBuilder().withUrl('/hubs/quiz').build());
  return <div>{connection.state}</div>;
}`,
      errors: [
        {
          messageId: 'builtInStateInitializer',
          line: 4,
          column: 33,
          suggestions: [
            {
              messageId: 'useLazyInitializer',
              output: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useState } from 'react';
export function Quiz() {
  const [connection] = useState(() => new HubConnectionBuilder().withUrl('/hubs/quiz').build());
  return <div>{connection.state}</div>;
}`,
            },
          ],
        },
      ],
    },
    // In the component body, started by an effect that depends on it: a connection per render.
    {
      code: `import * as signalR from '@microsoft/signalr';
import { useEffect } from 'react';
export const Ticker = ({ symbol }: { symbol: string }) => {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/ticker').build();
  useEffect(() => {
    connection.start().then(() => connection.invoke('Watch', symbol)).catch(console.error);
    return () => void connection.stop();
  }, [connection, symbol]);
  return <span>{symbol}</span>;
};`,
      errors: [{ messageId: 'builtInRender', line: 4, column: 22, data: { component: 'Ticker' } }],
    },
    // In a custom hook's body: every render of every component that uses it.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect } from 'react';
export function useChat(url: string) {
  const connection = new HubConnectionBuilder().withUrl(url).build();
  useEffect(() => {
    connection.start().catch(console.error);
    return () => void connection.stop();
  });
  return connection;
}`,
      errors: [{ messageId: 'builtInRender', line: 4, column: 22, data: { component: 'useChat' } }],
    },
    // Through a local factory that builds a new one.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useRef } from 'react';
function createConnection(url: string) {
  return new HubConnectionBuilder().withUrl(url).build();
}
export function Chat() {
  const connectionRef = useRef(createConnection('/hubs/chat'));
  return <div>{connectionRef.current.state}</div>;
}`,
      errors: [{ messageId: 'builtInRefInitializer', line: 7, column: 32 }],
    },
    // A factory that keeps what it builds in a local, starts it, and returns the local.
    {
      code: `import * as signalR from '@microsoft/signalr';
import { useState } from 'react';
function createConnection(url: string) {
  const hub = new signalR.HubConnectionBuilder().withUrl(url).build();
  hub.start().catch(console.error);
  return hub;
}
export const useTicker = (url: string) => {
  const [hub] = useState(createConnection(url));
  return hub;
};`,
      errors: [
        {
          messageId: 'builtInStateInitializer',
          line: 9,
          column: 26,
          suggestions: [
            {
              messageId: 'useLazyInitializer',
              output: `import * as signalR from '@microsoft/signalr';
import { useState } from 'react';
function createConnection(url: string) {
  const hub = new signalR.HubConnectionBuilder().withUrl(url).build();
  hub.start().catch(console.error);
  return hub;
}
export const useTicker = (url: string) => {
  const [hub] = useState(() => createConnection(url));
  return hub;
};`,
            },
          ],
        },
      ],
    },
    // A local assigned after its declaration and configured before it is returned; no URL, no connection.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { useRef } from 'react';
function createConnection(url?: string) {
  if (!url) return null;
  let connection: HubConnection | null = null;
  connection = new HubConnectionBuilder().withUrl(url).build();
  connection.on('message', console.log);
  return connection;
}
function connectTo(url: string) {
  const connection = createConnection(url);
  return connection;
}
export function Chat({ url }: { url: string }) {
  const connectionRef = useRef(connectTo(url));
  return <div>{connectionRef.current?.state}</div>;
}`,
      errors: [{ messageId: 'builtInRefInitializer', line: 15, column: 32 }],
    },
    // A default prop value, in a memo-wrapped component.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { memo } from 'react';
export const Feed = memo(function Feed({ connection = new HubConnectionBuilder().withUrl('/hubs/feed').build() }: { connection?: HubConnection }) {
  return <div>{connection.state}</div>;
});`,
      errors: [{ messageId: 'builtInDefaultProp', line: 3, column: 55, data: { component: 'Feed' } }],
    },
  ],
});
