// React function components and hooks as owners: a connection the component keeps (state, a ref, a
// memo, what a custom hook of the file gives back, a context provider's value) belongs to the effect
// that starts it, and the effect's cleanup is its way out. A helper the effect declares and calls is
// part of the effect. Every rule that asks where a connection lives sees it there.
import requireReconnect from '../../rules/require-reconnect.js';
import requireStop from '../../rules/require-stop.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const IMPORTS = `import { HubConnectionBuilder } from '@microsoft/signalr';
import { createContext, useEffect, useMemo, useRef, useState } from 'react';`;

/** A custom hook that builds the connection once and hands it to the component that calls it. */
const HOOK = `function useHub(url: string) {
  const [hub] = useState(() => new HubConnectionBuilder().withUrl(url).withAutomaticReconnect().build());
  return hub;
}`;

// Components that several cases share, differing only in the part each case is about: the effect's
// cleanup (`cleanup`, empty for none) or the builder's `.withAutomaticReconnect()` (`reconnect`).
const RECONNECT = '.withAutomaticReconnect()';

/** Starts what the custom hook `useHub` builds. */
const ticker = (cleanup: string): string => `${IMPORTS}
${HOOK}
export function Ticker() {
  const hub = useHub('/hubs/ticker');
  useEffect(() => {
    hub.start().catch(console.error);${cleanup}
  }, [hub]);
  return null;
}`;

/** A named async helper of the effect builds and starts the connection, and keeps it in a ref. */
const chatKeptInRef = (reconnect: string, cleanup: string): string => `${IMPORTS}
export function Chat() {
  const hubRef = useRef(null);
  useEffect(() => {
    const connect = async () => {
      const created = new HubConnectionBuilder().withUrl('/hubs/chat')${reconnect}.build();
      await created.start();
      hubRef.current = created;
    };
    connect().catch(console.error);${cleanup}
  }, []);
  return null;
}`;
const REF_CLEANUP = '\n    return () => { hubRef.current?.stop(); };';

/** Through two hooks: one memoises what a factory builds, the next starts it and gives it on to a component here. */
const chatThroughTwoHooks = (cleanup: string): string => `${IMPORTS}
function createHub(url: string) {
  return new HubConnectionBuilder().withUrl(url).withAutomaticReconnect().build();
}
function useHubConnection(url: string) {
  return useMemo(() => createHub(url), [url]);
}
function useChat() {
  const hub = useHubConnection('/hubs/chat');
  useEffect(() => {
    hub.start().catch(console.error);${cleanup}
  }, [hub]);
  return hub;
}
export function Chat() {
  const hub = useChat();
  return <button onClick={() => hub.invoke('Ping')}>ping</button>;
}`;

/** Kept in state from the first render (useState is given the connection, not a function). */
const quizInState = (reconnect: string): string => `${IMPORTS}
export function Quiz() {
  const [hub] = useState(new HubConnectionBuilder().withUrl('/hubs/quiz')${reconnect}.build());
  useEffect(() => {
    hub.start().catch(console.error);
  }, []);
  return null;
}`;

/** Lent to a child as a prop; the parent's effect starts and stops it. */
const gameLentToChild = (reconnect: string): string => `${IMPORTS}
declare function Board(props: { hub: unknown }): null;
export function Game() {
  const [hub] = useState(() => new HubConnectionBuilder().withUrl('/hubs/game')${reconnect}.build());
  useEffect(() => {
    hub.start().catch(console.error);
    return () => { void hub.stop(); };
  }, [hub]);
  return <Board hub={hub} />;
}`;

ruleTester.run('require-stop', requireStop, {
  valid: [
    // Built in a custom hook, started and stopped by the component's effect.
    { code: ticker('\n    return () => {\n      void hub.stop();\n    };') },
    // A hook that starts and stops what it builds: the component only uses it.
    {
      code: `${IMPORTS}
function useLiveHub(url: string) {
  const hub = useMemo(() => new HubConnectionBuilder().withUrl(url).withAutomaticReconnect().build(), [url]);
  useEffect(() => {
    hub.start().catch(console.error);
    return () => void hub.stop();
  }, [hub]);
  return hub;
}
export function Board() {
  const hub = useLiveHub('/hubs/board');
  return <button onClick={() => hub.invoke('Refresh')}>refresh</button>;
}`,
    },
    // Kept by useState from the first render; the cleanup of the effect that starts it stops it.
    {
      code: `${IMPORTS}
export function Quiz() {
  const [hub] = useState(() => new HubConnectionBuilder().withUrl('/hubs/quiz').withAutomaticReconnect().build());
  useEffect(() => {
    hub.start().catch(console.error);
    return () => { hub.stop(); };
  }, [hub]);
  return null;
}`,
    },
    // A context provider whose effect stops what it started.
    {
      code: `${IMPORTS}
export const HubContext = createContext(null);
export function HubProvider({ children }) {
  const [hub, setHub] = useState(null);
  useEffect(() => {
    const created = new HubConnectionBuilder().withUrl('/hubs/app').withAutomaticReconnect().build();
    created.start().then(() => setHub(created), console.error);
    return () => {
      void created.stop();
    };
  }, []);
  return <HubContext.Provider value={hub}>{children}</HubContext.Provider>;
}`,
    },
    // The state's connection is stopped by an effect that depends on it: each cleanup sees the current one.
    {
      code: `${IMPORTS}
export function Feed() {
  const [hub, setHub] = useState(null);
  useEffect(() => {
    const created = new HubConnectionBuilder().withUrl('/hubs/feed').withAutomaticReconnect().build();
    created.start().then(() => setHub(created), console.error);
  }, []);
  useEffect(() => () => { hub?.stop(); }, [hub]);
  return null;
}`,
    },
    // A named async helper of the effect keeps the connection in a ref; the cleanup stops the ref.
    { code: chatKeptInRef(RECONNECT, REF_CLEANUP) },
    // A helper that restarts itself from onclose and a timer is still the effect's; the cleanup stops the local.
    {
      code: `${IMPORTS}
export function Lobby() {
  useEffect(() => {
    const hub = new HubConnectionBuilder().withUrl('/hubs/lobby').build();
    async function begin() {
      try {
        await hub.start();
      } catch {
        setTimeout(() => begin(), 3000 + Math.random() * 2000);
      }
    }
    hub.onclose(begin);
    begin();
    return () => { void hub.stop(); };
  }, []);
  return null;
}`,
    },
    // Lent to a child as a prop; the parent's effect stops it.
    {
      code: `${IMPORTS}
declare function Messages(props: { hub: unknown }): null;
export function Room() {
  const hub = useMemo(() => new HubConnectionBuilder().withUrl('/hubs/room').withAutomaticReconnect().build(), []);
  useEffect(() => {
    hub.start().catch(console.error);
    return () => void hub.stop();
  }, [hub]);
  return <Messages hub={hub} />;
}`,
    },
    // State that holds the connection from the first render: a cleanup with no dependencies sees it.
    {
      code: `${IMPORTS}
export function Scores() {
  const [hub] = useState(() => new HubConnectionBuilder().withUrl('/hubs/scores').withAutomaticReconnect().build());
  useEffect(() => {
    hub.start().catch(console.error);
  }, []);
  useEffect(() => () => { void hub.stop(); }, []);
  return null;
}`,
    },
    // A helper (or IIFE) of an effect that stops its own connection on every path uses it once.
    {
      code: `${IMPORTS}
export function Snapshot({ id }: { id: string }) {
  useEffect(() => {
    const load = async () => {
      const once = new HubConnectionBuilder().withUrl('/hubs/snapshots').build();
      try {
        await once.start();
        await once.invoke('Load', id);
      } finally {
        await once.stop();
      }
    };
    load().catch(console.error);
    (async () => {
      const ping = new HubConnectionBuilder().withUrl('/hubs/ping').build();
      await ping.start();
      await ping.stop();
    })().catch(console.error);
  }, [id]);
  return null;
}`,
    },
    // Through two hooks, with the cleanup in the hook that starts it.
    { code: chatThroughTwoHooks('\n    return () => { void hub.stop(); };') },
    // A hook from a library hides the connection: the library owns it.
    {
      code: `import { useEffect } from 'react';
import { useSignalR } from 'some-signalr-hooks';
export function Status() {
  const connection = useSignalR('/hubs/status');
  useEffect(() => {
    connection.start();
  }, [connection]);
  return null;
}`,
    },
    // A hook exported for other files: its callers, which this file does not show, own what it returns.
    {
      code: `${IMPORTS}
export function useRawHub(url: string) {
  const [hub] = useState(() => new HubConnectionBuilder().withUrl(url).withAutomaticReconnect().build());
  useEffect(() => {
    hub.start().catch(console.error);
  }, [hub]);
  return hub;
}`,
    },
  ],
  invalid: [
    // The hook boundary does not hide it: built in the hook, started by the component, never stopped.
    { code: ticker(''), errors: [{ messageId: 'effectNotStopped', line: 10, column: 5 }] },
    // Kept in state from the first render and started by an effect with no cleanup.
    {
      code: `${IMPORTS}
export function Quiz() {
  const [hub] = useState(new HubConnectionBuilder().withUrl('/hubs/quiz').withAutomaticReconnect().build());
  useEffect(() => {
    hub.start().then(() => hub.invoke('Ready'));
  }, []);
  return null;
}`,
      errors: [{ messageId: 'effectNotStopped', line: 6, column: 5 }],
    },
    // A context provider that keeps the app's connection in its state: it leaks when the provider unmounts.
    {
      code: `${IMPORTS}
export const HubContext = createContext(null);
export function HubProvider({ children }) {
  const [hub, setHub] = useState(null);
  useEffect(() => {
    const created = new HubConnectionBuilder().withUrl('/hubs/app').withAutomaticReconnect().build();
    async function begin() {
      await created.start();
      setHub(created);
    }
    begin().catch(console.error);
  }, []);
  return <HubContext.Provider value={hub}>{children}</HubContext.Provider>;
}`,
      errors: [{ messageId: 'effectNotStopped', line: 9, column: 13 }],
    },
    // A named async helper is part of the effect: the advice is a cleanup, not a `finally` block.
    { code: chatKeptInRef(RECONNECT, ''), errors: [{ messageId: 'effectNotStopped', line: 8, column: 13 }] },
    {
      code: `${IMPORTS}
export function Room() {
  const hub = useMemo(() => new HubConnectionBuilder().withUrl('/hubs/room').withAutomaticReconnect().build(), []);
  useEffect(() => {
    hub.start().catch(console.error);
  }, [hub]);
  return null;
}`,
      errors: [{ messageId: 'effectNotStopped', line: 6, column: 5 }],
    },
    // A one-off helper of the effect stops only when nothing fails: its advice is `finally`.
    {
      code: `${IMPORTS}
export function Snapshot({ id }: { id: string }) {
  useEffect(() => {
    const load = async () => {
      const once = new HubConnectionBuilder().withUrl('/hubs/snapshots').build();
      await once.start();
      await once.invoke('Load', id);
      await once.stop();
    };
    load().catch(console.error);
  }, [id]);
  return null;
}`,
      errors: [{ messageId: 'stoppedOnlyOnSuccess', line: 7, column: 13 }],
    },
    // Through two hooks, and no cleanup in either.
    { code: chatThroughTwoHooks(''), errors: [{ messageId: 'effectNotStopped', line: 12, column: 5 }] },
    // The cleanup closes over the state of the render the effect ran in: `hub` is still null there.
    {
      code: `${IMPORTS}
export function HubProvider({ children }) {
  const [hub, setHub] = useState(null);
  useEffect(() => {
    const created = new HubConnectionBuilder().withUrl('/hubs/app').withAutomaticReconnect().build();
    created.start().then(() => setHub(created), console.error);
    return () => {
      hub?.stop();
    };
  }, []);
  return <p>{hub ? 'online' : 'connecting'}</p>;
}`,
      errors: [{ messageId: 'staleCleanup', line: 7, column: 5, data: { name: 'created', state: 'hub' } }],
    },
    // Another effect's cleanup, with no dependencies, sees only the first render's empty state.
    {
      code: `${IMPORTS}
export function Feed() {
  const [hub, setHub] = useState(undefined);
  useEffect(() => {
    const created = new HubConnectionBuilder().withUrl('/hubs/feed').withAutomaticReconnect().build();
    setHub(created);
    created.start().catch(console.error);
  }, []);
  useEffect(() => () => { hub?.stop(); }, []);
  return null;
}`,
      errors: [{ messageId: 'staleCleanup', line: 8, column: 5 }],
    },
  ],
});

ruleTester.run('require-reconnect', requireReconnect, {
  valid: [
    { code: quizInState(RECONNECT) },
    { code: chatKeptInRef(RECONNECT, REF_CLEANUP) },
    // Lent to children as a prop, with automatic reconnect where it is built.
    { code: gameLentToChild(RECONNECT) },
    // A one-off helper that stops what it starts: reconnecting would mean nothing.
    {
      code: `${IMPORTS}
export function Export() {
  const run = async () => {
    const once = new HubConnectionBuilder().withUrl('/hubs/export').build();
    try {
      await once.start();
      await once.invoke('Export');
    } finally {
      await once.stop();
    }
  };
  return <button onClick={run}>export</button>;
}`,
    },
  ],
  invalid: [
    // Kept in state from the first render: the rule sees it although useState is a call.
    { code: quizInState(''), errors: [{ messageId: 'missingReconnect', line: 4, column: 75 }] },
    // Lent to a child as a prop: the child gets a built connection, and the builder is here.
    { code: gameLentToChild(''), errors: [{ messageId: 'missingReconnect', line: 5, column: 81 }] },
    // Built in a named helper of the effect: the effect's connection, not a one-off function's.
    { code: chatKeptInRef('', REF_CLEANUP), errors: [{ messageId: 'missingReconnect', line: 7, column: 72 }] },
  ],
});
