import rule from '../../rules/rejoin-groups-on-reconnect.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('rejoin-groups-on-reconnect', rule, {
  valid: [
    // The join is repeated in a timer's callback, whichever global timer it is.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.onreconnected(() => {
  window.setTimeout(() => connection.invoke('JoinGroup', 'lobby'), 250);
});
await connection.start();
await connection.invoke('JoinGroup', 'lobby');`,
    // The join is repeated in onreconnected.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.onreconnected(() => connection.invoke('JoinGroup', 'lobby'));
await connection.start();
await connection.invoke('JoinGroup', 'lobby');`,
    // ... through a function that both paths call.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
const rooms = new Set<string>();
async function joinRooms(): Promise<void> {
  for (const room of rooms) await connection.invoke('JoinRoom', room);
}
connection.onreconnected(joinRooms);
export async function enter(room: string): Promise<void> {
  rooms.add(room);
  await connection.invoke('JoinRoom', room);
}
await connection.start();`,
    // ... as a class method, through \`this\`.
    `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export class Board {
  private connection: HubConnection = new HubConnectionBuilder().withUrl('/hubs/board').withAutomaticReconnect().build();
  constructor(private readonly boardId: string) {
    this.connection.onreconnected(() => {
      console.log('back');
      void this.join();
    });
  }
  async open(): Promise<void> {
    await this.connection.start();
    await this.join();
  }
  private async join(): Promise<void> {
    await this.connection.invoke('JoinBoard', this.boardId);
  }
}`,
    // No reconnect at all: require-reconnect's business.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
await connection.start();
await connection.invoke('JoinGroup', 'lobby');`,
    // The server joins on connect (OnConnectedAsync): the client joins nothing.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.on('message', console.log);
await connection.start();
await connection.invoke('SendMessage', 'hello');`,
    // The onreconnected handler calls code the file cannot see: it may rejoin.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { restoreSubscriptions } from './subscriptions';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.onreconnected(() => restoreSubscriptions(connection));
await connection.start();
await connection.invoke('JoinGroup', 'lobby');`,
    // ... or an imported handler.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { onReconnected } from './handlers';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.onreconnected(onReconnected);
await connection.start();
await connection.invoke('JoinGroup', 'lobby');`,
    // The connection is passed to code that may register its own onreconnected.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { installSession } from './session';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
installSession(connection);
await connection.start();
await connection.invoke('JoinGroup', 'lobby');`,
    // An onclose restart through a function that joins again after starting.
    `import { HubConnectionBuilder } from '@aspnet/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
async function start(): Promise<void> {
  try {
    await connection.start();
    await connection.invoke('JoinGroup', 'lobby');
  } catch {
    setTimeout(start, 2000 + Math.random() * 3000);
  }
}
connection.onclose(() => setTimeout(start, 1000 + Math.random() * 4000));
start();`,
    // A reconnecting connection that joins no group.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.onreconnected(() => console.log('reconnected'));
await connection.start();`,
    // The join inside onreconnected is the rejoin itself.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.onreconnected(async () => {
  await connection.invoke('JoinGroup', 'lobby');
});
connection.start().then(() => connection.invoke('JoinGroup', 'lobby')).catch(console.error);`,
    // Not a join: a method merely named like a send.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
await connection.start();
await connection.invoke('SendToGroup', 'lobby', 'hi');`,
  ],
  invalid: [
    // A timer's callback is walked too: this one only logs.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.onreconnected(() => {
  window.setTimeout(() => console.info('back online'), 250);
});
await connection.start();
await connection.invoke('JoinGroup', 'lobby');`,
      errors: [{ messageId: 'notRejoinedAfterReconnect', line: 7, data: { method: 'JoinGroup' } }],
    },
    // Automatic reconnect, and the join after start is never repeated.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection
  .start()
  .then(() => connection.invoke('JoinGroup', 'lobby'))
  .catch(console.error);`,
      errors: [{ messageId: 'notRejoinedAfterReconnect', line: 5, column: 15, data: { method: 'JoinGroup' } }],
    },
    // An onreconnected handler that only logs and updates state.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';
export function Room({ room }: { room: string }) {
  const [online, setOnline] = useState(false);
  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl('/hubs/rooms').withAutomaticReconnect().build();
    connection.onreconnected(() => {
      console.info('reconnected');
      setOnline(true);
    });
    connection.start().then(async () => {
      await connection.invoke('JoinRoom', room);
      setOnline(true);
    }).catch(console.error);
    return () => void connection.stop();
  }, [room]);
  return online ? null : 'offline';
}`,
      errors: [{ messageId: 'notRejoinedAfterReconnect', line: 12, column: 13, data: { method: 'JoinRoom' } }],
    },
    // A join on user action, in a class.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export class Rooms {
  private hub: HubConnection = new HubConnectionBuilder().withUrl('/hubs/rooms').withAutomaticReconnect().build();
  async connect(): Promise<void> {
    await this.hub.start();
  }
  async enter(room: string): Promise<void> {
    await this.hub.invoke('AddToGroup', room);
  }
}`,
      errors: [{ messageId: 'notRejoinedAfterReconnect', line: 8, column: 11, data: { method: 'AddToGroup' } }],
    },
    // An onclose restart that starts again without joining.
    {
      code: `import * as signalR from '@microsoft/signalr';
const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/feature').build();
async function start() {
  try {
    await connection.start();
  } catch (err) {
    setTimeout(start, 5000);
  }
}
connection.onclose(start);
export function enterGroup(group: string) {
  connection.start().then(() => connection.invoke('JoinGroup', group)).catch(console.error);
}`,
      errors: [{ messageId: 'notRejoinedAfterRestart', line: 12, column: 33, data: { method: 'JoinGroup' } }],
    },
  ],
});

// The Web PubSub client SDK rejoins by itself unless `autoRejoinGroups: false`.
ruleTester.run('rejoin-groups-on-reconnect (Web PubSub client)', rule, {
  valid: [
    // The default: the SDK joins its groups again after a reconnect.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
export async function enter(room: string) {
  await client.start();
  await client.joinGroup(room);
}`,
    // Off, but every connect joins again.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat', { autoRejoinGroups: false });
const rooms = new Set<string>();
client.on('connected', () => {
  for (const room of rooms) client.joinGroup(room).catch(console.error);
});
export async function enter(room: string) {
  rooms.add(room);
  await client.joinGroup(room);
}
client.start().catch(console.error);`,
    // Off, with joins only in the connected handler.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat', { autoRejoinGroups: false });
client.on('connected', async () => {
  await client.joinGroup('lobby');
});
client.start().catch(console.error);`,
    // autoRejoinGroups: true.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat', { autoRejoinGroups: true });
client.start().then(() => client.joinGroup('lobby')).catch(console.error);`,
  ],
  invalid: [
    {
      code: `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat', { autoRejoinGroups: false });
export async function enter(room: string) {
  await client.start();
  await client.joinGroup(room);
}`,
      errors: [{ messageId: 'notRejoinedWebPubSub', line: 5, column: 9 }],
    },
  ],
});

// Serverless mode (Azure SignalR Service with Azure Functions): the client hands its own connection
// id with a group to an app endpoint, whose `signalRGroupActions` binding adds it to the group.
ruleTester.run('rejoin-groups-on-reconnect (joins through the connection id)', rule, {
  valid: [
    // The handler posts its argument, the new id, to the same endpoint.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/api').withAutomaticReconnect().build();
const groupName = 'orders';
connection.onreconnected(async (connectionId) => {
  await fetch('/api/addToGroup', { method: 'POST', body: JSON.stringify({ connectionId, groupName }) });
});
await connection.start();
await fetch('/api/addToGroup', { method: 'POST', body: JSON.stringify({ connectionId: connection.connectionId, groupName }) });`,
    // ... or calls the function that joins, which reads the connection's id again.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import axios from 'axios';
const connection = new HubConnectionBuilder().withUrl('/api').withAutomaticReconnect().build();
async function joinGroup(group: string): Promise<void> {
  await axios.post('/api/joinGroup', { connectionId: connection.connectionId, group });
}
connection.onreconnected(() => joinGroup('orders'));
await connection.start();
await joinGroup('orders');`,
    // ... or hands the connection's new id to a function of this file.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/api').withAutomaticReconnect().build();
function subscribeToTopic(id: string | null, topic: string) {
  return fetch(\`/api/topics/\${topic}/subscribe\`, { method: 'POST', body: JSON.stringify({ id }) });
}
connection.onreconnected(() => subscribeToTopic(connection.connectionId, 'prices'));
await connection.start();
await subscribeToTopic(connection.connectionId, 'prices');`,
    // Nothing reconnects: no automatic reconnect, no restart (require-reconnect's business).
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/api').build();
await connection.start();
await fetch('/api/addToGroup', { method: 'POST', body: JSON.stringify({ connectionId: connection.connectionId, groupName: 'orders' }) });`,
    // Stateful reconnect alone resumes the same connection, id and groups included: nothing reconnects with a new id.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/api').withStatefulReconnect().build();
await connection.start();
await fetch('/api/addToGroup', { method: 'POST', body: JSON.stringify({ connectionId: connection.connectionId, groupName: 'orders' }) });`,
    // The id goes to an endpoint that is about no group: not a join (this rule reports only lost groups).
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/api').withAutomaticReconnect().build();
await connection.start();
await fetch('/api/registerPushToken', { method: 'POST', body: JSON.stringify({ connectionId: connection.connectionId, token: 'abc' }) });`,
    // A message to a room, with the sender's id so the server can leave the sender out: a group, but no join.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/api').withAutomaticReconnect().build();
await connection.start();
export function say(room: string, text: string) {
  return fetch(\`/api/rooms/\${room}/messages\`, { method: 'POST', body: JSON.stringify({ connectionId: connection.connectionId, text }) });
}`,
    // A bare "join" with no group in sight: presence ("I am online"), not group membership.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/api').withAutomaticReconnect().build();
await connection.start();
await fetch('/api/join', { method: 'POST', body: JSON.stringify({ connectionId: connection.connectionId, userName: 'ada' }) });`,
    // The id goes to the app's own log and to a notice whose prose mentions a join: they request nothing.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
declare function addLog(text: string, details: object): void;
declare function notify(text: string, id: string | null): void;
const connection = new HubConnectionBuilder().withUrl('/api').withAutomaticReconnect().build();
export async function open(group: string) {
  await connection.start();
  addLog('joinGroup', { connectionId: connection.connectionId, group });
  notify(\`Join group \${group} requested\`, connection.connectionId);
}`,
    // The handler keeps the new id in React state: an effect this rule does not follow may join with it.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';
export function Orders() {
  const [, setConnectionId] = useState<string | null>(null);
  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl('/api').withAutomaticReconnect().build();
    connection.onreconnected((id) => setConnectionId(id ?? null));
    connection.start().then(() => fetch('/api/addToGroup', { method: 'POST', body: JSON.stringify({ connectionId: connection.connectionId, groupName: 'orders' }) }));
    return () => void connection.stop();
  }, []);
  return null;
}`,
    // The handler calls code the file cannot see: it may join again.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { resync } from './sync';
const connection = new HubConnectionBuilder().withUrl('/api').withAutomaticReconnect().build();
connection.onreconnected(() => resync());
await connection.start();
await fetch('/api/addToGroup', { method: 'POST', body: JSON.stringify({ connectionId: connection.connectionId, groupName: 'orders' }) });`,
    // An onclose restart through the function that starts and joins.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/api').build();
async function start(): Promise<void> {
  try {
    await connection.start();
    await fetch('/api/groups/join', { method: 'POST', body: JSON.stringify({ connectionId: connection.connectionId, group: 'orders' }) });
  } catch {
    setTimeout(start, 2000 + Math.random() * 3000);
  }
}
connection.onclose(() => setTimeout(start, 1000 + Math.random() * 4000));
start();`,
  ],
  invalid: [
    // fetch with the connection's id in a JSON body; the handler only logs the new id and sets state.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useState } from 'react';
const apiBase = import.meta.env.VITE_API;
export function Orders({ groupName }: { groupName: string }) {
  const [status, setStatus] = useState('offline');
  useEffect(() => {
    const connection = new HubConnectionBuilder().withUrl(apiBase).withAutomaticReconnect().build();
    connection.onreconnected((connectionId) => {
      console.log('reconnected as', connectionId);
      setStatus('online');
    });
    connection.start().then(() =>
      fetch(\`\${apiBase}/api/addToGroup\`, { method: 'POST', body: JSON.stringify({ connectionId: connection.connectionId, groupName }) }),
    );
    return () => void connection.stop();
  }, [groupName]);
  return status;
}`,
      errors: [{ messageId: 'notRejoinedAfterReconnect', line: 13, column: 7, data: { method: 'POST …/api/addToGroup' } }],
    },
    // axios, with the id read into a local first.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import axios from 'axios';
const connection = new HubConnectionBuilder().withUrl('/api').withAutomaticReconnect().build();
connection.onreconnected(() => console.info('back'));
export async function watch(room: string) {
  await connection.start();
  const connectionId = connection.connectionId;
  await axios.post('/api/joinRoom', { connectionId, room });
}`,
      errors: [{ messageId: 'notRejoinedAfterReconnect', line: 8, column: 9, data: { method: 'POST /api/joinRoom' } }],
    },
    // The connection in a React ref; the request's URL is a variable whose name says what it does.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useRef } from 'react';
export function useGroup(addToGroupUrl: string, group: string) {
  const connectionRef = useRef<HubConnection | null>(null);
  useEffect(() => {
    connectionRef.current = new HubConnectionBuilder().withUrl('/api').withAutomaticReconnect().build();
    connectionRef.current.start().then(() =>
      fetch(addToGroupUrl, { method: 'POST', body: JSON.stringify({ connectionId: connectionRef.current?.connectionId, group }) }),
    );
    return () => void connectionRef.current?.stop();
  }, [addToGroupUrl, group]);
}`,
      errors: [{ messageId: 'notRejoinedAfterReconnect', line: 8, column: 7, data: { method: 'fetch' } }],
    },
    // A class holding the connection in a field; an Azure Functions route in lowercase.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import axios from 'axios';
export class Notifications {
  private connection: HubConnection = new HubConnectionBuilder().withUrl('/api').withAutomaticReconnect().build();
  async open(team: string): Promise<void> {
    await this.connection.start();
    await axios.post('/api/addtogroup', { connectionId: this.connection.connectionId, team });
  }
}`,
      errors: [{ messageId: 'notRejoinedAfterReconnect', line: 7, column: 11, data: { method: 'POST /api/addtogroup' } }],
    },
    // A function of this file that joins, given the id; an onclose restart that does not call it again.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/api').build();
async function addToGroup(connectionId: string | null, groupName: string) {
  await fetch('/api/negotiate/groups', { method: 'POST', body: JSON.stringify({ connectionId, groupName }) });
}
connection.onclose(() => setTimeout(() => connection.start(), 1000 + Math.random() * 4000));
await connection.start();
await addToGroup(connection.connectionId, 'orders');`,
      errors: [{ messageId: 'notRejoinedAfterRestart', line: 8, column: 7, data: { method: 'addToGroup' } }],
    },
  ],
});
