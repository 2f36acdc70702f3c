import { RuleTester } from '@typescript-eslint/rule-tester';
import { join } from 'node:path';

import rule from '../../rules/await-group-join.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('await-group-join', rule, {
  valid: [
    // Awaited, returned, yielded.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enter(room: string) {
  await connection.start();
  await connection.invoke('JoinGroup', room);
  await connection.invoke('SendToGroup', room, 'hello');
}`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export function enter(room: string) {
  return connection.invoke('JoinGroup', room);
}
export const enterToo = (room: string) => connection.invoke('JoinGroup', room);`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export function* enterSaga(room: string) {
  yield connection.invoke('JoinGroup', room);
}`,
    // A hub method merely named Join that says "I am online": no group in the call, no Leave taking one.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/presence').build();
export function online(userName: string) {
  connection.invoke('Join');
  connection.invoke('Join', userName);
  connection.invoke('JoinGame', userName);
}
export function offline() {
  connection.invoke('Leave');
}`,
    // Handled by the chain: a rejection handler, or a chain that ends in one.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.invoke('JoinGroup', 'lobby').catch(console.error);
connection.invoke('JoinGroup', 'news').then(() => console.log('in'), console.error);
connection.invoke('JoinGroup', 'sport').then(() => console.log('in')).catch(console.error);
connection.invoke('JoinGroup', 'music').finally(() => console.log('done')).catch(console.error);`,
    // The join is returned into the start chain, which ends in a rejection handler.
    `import * as signalR from '@microsoft/signalr';
const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.start()
  .then(() => connection.invoke('JoinGroup', 'lobby'))
  .catch((error: unknown) => console.error(error));`,
    // Returned from a callback: its caller's business, as for no-floating-promises.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.onreconnected(() => connection.invoke('JoinGroup', 'lobby'));`,
    // Passed to an awaited (or returned) Promise.all.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enterAll(rooms: string[]) {
  await Promise.all(rooms.map((room) => connection.invoke('JoinGroup', room)));
  await connection.invoke('SendToGroup', rooms[0], 'hello');
}
export function enterBoth() {
  return Promise.allSettled([connection.invoke('JoinGroup', 'a'), connection.invoke('JoinGroup', 'b')]);
}`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enterAll(rooms: string[]) {
  const joins = rooms.map((room) => connection.invoke('JoinGroup', room));
  await Promise.all(joins);
}`,
    // Stored, then awaited or returned later in the function (or handed to someone else).
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enter(room: string) {
  const joined = connection.invoke('JoinGroup', room);
  render(room);
  await joined;
}
export function enterLater(room: string) {
  const joined = connection.invoke('JoinGroup', room);
  render(room);
  return joined;
}
export function enterTracked(room: string) {
  const joined = connection.invoke('JoinGroup', room);
  joined.catch(report);
  track(connection.invoke('JoinGroup', 'audit'));
}
declare function render(room: string): void;
declare function report(error: unknown): void;
declare function track(promise: Promise<unknown>): void;`,
    `import { HubConnection } from '@microsoft/signalr';
class Room {
  ready: Promise<void>;
  constructor(private readonly connection: HubConnection, room: string) {
    this.ready = this.connection.invoke('JoinGroup', room);
  }
}`,
    // \`void\` says "no need to wait", and no send follows.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export function prefetch(room: string) {
  void connection.invoke('JoinGroup', room);
  showSpinner();
}
declare function showSpinner(): void;`,
    // Not joins: sends, leaves, names that only look alike, names the rule cannot read.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export function chat(room: string, method: string) {
  connection.invoke('SendToGroup', room, 'hi');
  connection.invoke('LeaveGroup', room);
  connection.send('RemoveFromGroup', room);
  connection.invoke('GetJoinedGroups');
  connection.invoke('AddMessageToGroupChat', room, 'hi');
  connection.invoke(method, room);
}`,
    // Not a SignalR connection: Electron IPC, an untyped parameter, a local look-alike.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { ipcRenderer } from 'electron';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
ipcRenderer.invoke('JoinGroup', 'lobby');
export function enter(hub: { invoke(name: string, room: string): Promise<void> }, room: string) {
  hub.invoke('JoinGroup', room);
}`,
    `class Connection { invoke(name: string, room: string) { return Promise.resolve(); } }
const connection = new Connection();
connection.invoke('JoinGroup', 'lobby'); // no SignalR anywhere in this file`,
    // Replaced vocabulary: only the configured names join.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.invoke('JoinGroup', 'lobby');`,
      settings: { signalr: { joinMethods: ['EnterLobby'], replaceDefaultJoinMethods: true } },
    },
    // Classic client: deferred callbacks handle the join.
    `var connection = $.hubConnection('/signalr');
var chat = connection.createHubProxy('chatHub');
connection.start().done(function () {
  chat.invoke('JoinGroup', 'lobby').done(function () {
    chat.invoke('SendToGroup', 'lobby', 'hi');
  });
  chat.server.joinGroup('news').fail(function (error) { console.error(error); });
});`,
    // Classic client: a look-alike proxy that is not one.
    `var connection = $.hubConnection('/signalr');
var chat = { server: { joinGroup: function (room) { return room; } }, invoke: function () {} };
chat.server.joinGroup('lobby');
chat.invoke('JoinGroup', 'lobby');`,
    // Web PubSub: awaited; not joins; and \`addConnection\` / \`group()\` of unrelated objects.
    `import { WebPubSubServiceClient } from '@azure/web-pubsub';
const serviceClient = new WebPubSubServiceClient(process.env.WPS!, 'chat');
export async function enter(room: string, connectionId: string) {
  await serviceClient.group(room).addConnection(connectionId);
  serviceClient.group(room).removeConnection(connectionId);
  await serviceClient.group(room).sendToAll('hello');
}`,
    `import { WebPubSubServiceClient } from '@azure/web-pubsub';
const serviceClient = new WebPubSubServiceClient(process.env.WPS!, 'chat');
class Pool { addConnection(id: string) { return Promise.resolve(id); } }
const pool = new Pool();
pool.addConnection('abc');
declare const db: { group(name: string): { addUser(id: string): Promise<void> } };
db.group('admins').addUser('abc');`,
    // REST: awaited; a DELETE (leave) and a PUT elsewhere are not joins.
    `// Azure SignalR Service REST API
export async function enter(endpoint: string, group: string, id: string) {
  await fetch(\`\${endpoint}/api/v1/hubs/chat/groups/\${group}/connections/\${id}\`, { method: 'PUT' });
  fetch(\`\${endpoint}/api/v1/hubs/chat/groups/\${group}/connections/\${id}\`, { method: 'DELETE' });
  fetch(\`\${endpoint}/api/v1/profiles/\${id}\`, { method: 'PUT' });
  fetch(\`\${endpoint}/api/v1/hubs/chat/groups/\${group}/connections/\${id}\`);
}`,
    // A join through the app's own endpoint (serverless mode) is left to rejoin-groups-on-reconnect:
    // which message could miss it, sent through which server, the file does not say.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/api').build();
await connection.start();
fetch('/api/addToGroup', { method: 'POST', body: JSON.stringify({ connectionId: connection.connectionId, groupName: 'orders' }) });
await fetch('/api/sendToGroup', { method: 'POST', body: JSON.stringify({ groupName: 'orders', text: 'hi' }) });`,
    // A send on another connection, or before the join, does not race a \`void\`ed join.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const chat = new HubConnectionBuilder().withUrl('/hubs/chat').build();
const news = new HubConnectionBuilder().withUrl('/hubs/news').build();
export async function enter(room: string) {
  await chat.invoke('SendToGroup', room, 'arriving');
  void chat.invoke('JoinGroup', room);
  await news.invoke('Publish', room);
}`,
    // Awaited in a loop, in an async IIFE inside an effect, through a conditional.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect } from 'react';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enterAll(rooms: string[], again: boolean) {
  for (const room of rooms) await connection.send('JoinGroup', room);
  const joined = again ? connection.invoke('RejoinRoom', rooms[0]) : Promise.resolve();
  await joined;
}
export function useRoom(room: string) {
  useEffect(() => {
    (async () => {
      await connection.invoke('JoinGroup', room);
    })().catch(console.error);
  }, [room]);
}`,
    // The global \`signalR\` shadowed by a parameter is not the client.
    `function connect(signalR: any) {
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
  connection.invoke('JoinGroup', 'lobby');
}`,
    // Web PubSub client join methods, awaited or handled.
    `import { WebPubSubServiceClient, type WebPubSubGroup } from '@azure/web-pubsub';
const serviceClient = new WebPubSubServiceClient(process.env.WPS!, 'chat');
export async function enter(rooms: string[], userId: string, group: WebPubSubGroup) {
  await serviceClient.addConnectionsToGroups(rooms, \`userId eq '\${userId}'\`);
  group.addUser(userId).catch(console.error);
  return serviceClient.group(rooms[0]).addUser(userId);
}`,
    // Classic client: joins returned into a deferred chain that reports failures.
    `$(function () {
  var chat = $.connection.chatHub;
  $.connection.hub.start()
    .then(function () { return chat.server.joinGroup('lobby'); })
    .fail(function (error) { console.error(error); });
});`,
    // REST through an HTTP client: awaited, or handled by then(ok, fail).
    `import axios from 'axios';
const base = process.env.AZURE_SIGNALR_ENDPOINT + '/api/v1/hubs/chat';
export async function enter(group: string, userId: string) {
  await axios.put(\`\${base}/groups/\${group}/users/\${userId}\`);
  axios.request({ method: 'PUT', url: \`\${base}/groups/\${group}/users/\${userId}\` }).then(() => {}, console.error);
}`,
    // Awaiting inside an async forEach callback handles the join itself (forEach not waiting is out of sight).
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
['a', 'b'].forEach(async (room) => {
  await connection.invoke('JoinGroup', room);
});`,
  ],
  invalid: [
    // The plain case, in an async function: a suggestion adds the await.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enter(room: string) {
  await connection.start();
  connection.invoke('JoinGroup', room);
  render(room);
}
declare function render(room: string): void;`,
      errors: [
        {
          messageId: 'floatingJoin',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enter(room: string) {
  await connection.start();
  await connection.invoke('JoinGroup', room);
  render(room);
}
declare function render(room: string): void;`,
            },
          ],
        },
      ],
    },
    // A send on the same connection follows: the stronger message.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enter(room: string) {
  connection.invoke('JoinGroup', room);
  await connection.invoke('SendToGroup', room, 'hello');
}`,
      errors: [
        {
          messageId: 'floatingJoinBeforeSend',
          line: 4,
          column: 3,
          data: { method: 'JoinGroup', send: 'SendToGroup', line: 5 },
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enter(room: string) {
  await connection.invoke('JoinGroup', room);
  await connection.invoke('SendToGroup', room, 'hello');
}`,
            },
          ],
        },
      ],
    },
    // Not async, last statement: the suggestion returns the promise to the caller.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export function enter(room: string) {
  console.log('joining', room);
  connection.invoke('JoinGroup', room);
}`,
      errors: [
        {
          messageId: 'floatingJoin',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'returnJoin',
              output: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export function enter(room: string) {
  console.log('joining', room);
  return connection.invoke('JoinGroup', room);
}`,
            },
          ],
        },
      ],
    },
    // Not async and declared \`void\`: returning would not type-check, awaiting needs async: no suggestion.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export function enter(room: string): void {
  connection.invoke('JoinGroup', room);
}`,
      errors: [{ messageId: 'floatingJoin', line: 4, column: 3, suggestions: [] }],
    },
    // \`.then\` without a rejection handler, \`.finally\`: still floating; the await goes before the chain.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enter(room: string) {
  connection.invoke('JoinGroup', room).then(() => console.log('joined'));
  connection.invoke('JoinGroup', 'news').finally(() => console.log('done'));
}`,
      errors: [
        {
          messageId: 'floatingJoin',
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enter(room: string) {
  await connection.invoke('JoinGroup', room).then(() => console.log('joined'));
  connection.invoke('JoinGroup', 'news').finally(() => console.log('done'));
}`,
            },
          ],
        },
        {
          messageId: 'floatingJoin',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enter(room: string) {
  connection.invoke('JoinGroup', room).then(() => console.log('joined'));
  await connection.invoke('JoinGroup', 'news').finally(() => console.log('done'));
}`,
            },
          ],
        },
      ],
    },
    // An async listener that cancels the event after the join: \`await\` would make the cancel too late,
    // so no \`await\` is suggested (the join is still reported).
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
document.querySelector('form')!.addEventListener('submit', async (event) => {
  connection.invoke('JoinGroup', 'lobby');
  event.preventDefault();
});`,
      errors: [{ messageId: 'floatingJoin', line: 4, column: 3, suggestions: [] }],
    },
    // Cancelled before the join: the \`await\` is offered.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
document.querySelector('form')!.addEventListener('submit', async (event) => {
  event.preventDefault();
  connection.invoke('JoinGroup', 'lobby');
});`,
      errors: [
        {
          messageId: 'floatingJoin',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
document.querySelector('form')!.addEventListener('submit', async (event) => {
  event.preventDefault();
  await connection.invoke('JoinGroup', 'lobby');
});`,
            },
          ],
        },
      ],
    },
    // \`void\` is fine on its own, not when a send follows.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enter(room: string) {
  void connection.invoke('JoinGroup', room);
  connection.send('SendToGroup', room, 'hello');
}`,
      errors: [
        {
          messageId: 'floatingJoinBeforeSend',
          line: 4,
          column: 8,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enter(room: string) {
  await connection.invoke('JoinGroup', room);
  connection.send('SendToGroup', room, 'hello');
}`,
            },
          ],
        },
      ],
    },
    // Promise.all that nothing awaits: each join is reported, and the await goes before Promise.all.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enter() {
  Promise.all([connection.invoke('JoinGroup', 'a'), connection.invoke('JoinGroup', 'b')]);
}`,
      errors: [
        {
          messageId: 'floatingJoin',
          line: 4,
          column: 16,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enter() {
  await Promise.all([connection.invoke('JoinGroup', 'a'), connection.invoke('JoinGroup', 'b')]);
}`,
            },
          ],
        },
        {
          messageId: 'floatingJoin',
          line: 4,
          column: 53,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enter() {
  await Promise.all([connection.invoke('JoinGroup', 'a'), connection.invoke('JoinGroup', 'b')]);
}`,
            },
          ],
        },
      ],
    },
    // Returned to forEach, which drops it; the send after the loop races it.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enterAll(rooms: string[]) {
  rooms.forEach((room) => connection.invoke('JoinGroup', room));
  await connection.invoke('SendToGroup', rooms[0], 'hello');
}`,
      errors: [{ messageId: 'floatingJoinBeforeSend', line: 4, column: 27, suggestions: [] }],
    },
    // A statement in a forEach callback: the send after the forEach call races it too.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enterAll(rooms: string[]) {
  rooms.forEach((room) => {
    connection.invoke('JoinGroup', room);
  });
  await connection.invoke('SendToGroup', rooms[0], 'hello');
}`,
      errors: [{ messageId: 'floatingJoinBeforeSend', line: 5, column: 5, suggestions: [] }],
    },
    // Collected by map into an array that nothing awaits.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enterAll(rooms: string[]) {
  rooms.map((room) => connection.invoke('JoinGroup', room));
}`,
      errors: [{ messageId: 'floatingJoin', line: 4, column: 23, suggestions: [] }],
    },
    // Stored and never used, or used only by a chain without a rejection handler.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enter(room: string) {
  const joining = connection.invoke('JoinGroup', room);
  const entering = connection.invoke('JoinRoom', room);
  entering.then(() => console.log('in'));
}`,
      errors: [
        {
          messageId: 'floatingJoin',
          line: 4,
          column: 19,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enter(room: string) {
  const joining = await connection.invoke('JoinGroup', room);
  const entering = connection.invoke('JoinRoom', room);
  entering.then(() => console.log('in'));
}`,
            },
          ],
        },
        {
          messageId: 'floatingJoin',
          line: 5,
          column: 20,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enter(room: string) {
  const joining = connection.invoke('JoinGroup', room);
  const entering = connection.invoke('JoinRoom', room);
  await entering.then(() => console.log('in'));
}`,
            },
          ],
        },
      ],
    },
    // Names from a const, an enum member and a const object; \`send\` joins too; the default vocabulary.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
const JOIN = 'JoinGroup';
enum Hub { Join = 'AddToGroup' }
const Methods = { enter: 'SubscribeToGroup' } as const;
connection.invoke(JOIN, 'a');
connection.invoke(Hub.Join, 'b');
connection.invoke(Methods.enter, 'c');
connection.send('Join', 'd');
connection.send('RejoinRoom', 'e');
connection.send('listenGroup', 'f');`,
      errors: [
        { messageId: 'floatingJoin', line: 6, column: 1, suggestions: [] },
        { messageId: 'floatingJoin', line: 7, column: 1, suggestions: [] },
        { messageId: 'floatingJoin', line: 8, column: 1, suggestions: [] },
        { messageId: 'floatingJoin', line: 9, column: 1, suggestions: [] },
        { messageId: 'floatingJoin', line: 10, column: 1, suggestions: [] },
        { messageId: 'floatingJoin', line: 11, column: 1, suggestions: [] },
      ],
    },
    // A verb-only name joins when the call shows a group: a room argument, or a Leave… taking the same kind of argument.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/quiz').build();
export function enter(room: string, id: string) {
  connection.invoke('Join', room);
  connection.invoke('JoinMatch', id);
  console.log('entered', room);
}
export const leave = (id: string) => connection.invoke('LeaveMatch', id);`,
      errors: [
        { messageId: 'floatingJoin', line: 4, column: 3, suggestions: [] },
        { messageId: 'floatingJoin', line: 5, column: 3, suggestions: [] },
      ],
    },
    // Settings add names and patterns to the vocabulary.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.invoke('EnterLobby');
connection.invoke('EnlistInChannel', 'ops');
connection.invoke('JoinGroup', 'still a join');`,
      settings: { signalr: { joinMethods: ['enterlobby'], joinMethodPatterns: ['^Enlist'] } },
      errors: [
        { messageId: 'floatingJoin', line: 3, column: 1 },
        { messageId: 'floatingJoin', line: 4, column: 1 },
        { messageId: 'floatingJoin', line: 5, column: 1 },
      ],
    },
    // Connections in a class field and a React ref, in callbacks.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
export class ChatService {
  private connection: HubConnection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  open(room: string) {
    this.connection.start().then(() => {
      this.connection.invoke('JoinGroup', room);
      this.connection.invoke('SendToGroup', room, 'hi');
    });
  }
}`,
      errors: [{ messageId: 'floatingJoinBeforeSend', line: 6, column: 7, suggestions: [] }],
    },
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useRef } from 'react';
export function Room({ room }: { room: string }) {
  const connectionRef = useRef<HubConnection | null>(null);
  useEffect(() => {
    connectionRef.current = new HubConnectionBuilder().withUrl('/hubs/chat').build();
    connectionRef.current.start().then(() => {
      connectionRef.current?.invoke('JoinGroup', room);
    });
  }, [room]);
  return null;
}`,
      errors: [
        {
          messageId: 'floatingJoin',
          line: 8,
          column: 7,
          suggestions: [
            {
              messageId: 'returnJoin',
              output: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { useEffect, useRef } from 'react';
export function Room({ room }: { room: string }) {
  const connectionRef = useRef<HubConnection | null>(null);
  useEffect(() => {
    connectionRef.current = new HubConnectionBuilder().withUrl('/hubs/chat').build();
    connectionRef.current.start().then(() => {
      return connectionRef.current?.invoke('JoinGroup', room);
    });
  }, [room]);
  return null;
}`,
            },
          ],
        },
      ],
    },
    // A JSX event handler; a parameter typed HubConnection.
    {
      code: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
const hub = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export function JoinButton({ room }: { room: string }) {
  return <button onClick={async () => { hub.invoke('JoinGroup', room); }}>Join</button>;
}
export function enter(connection: HubConnection, room: string) {
  connection.invoke('JoinGroup', room);
  connection.invoke('SendToGroup', room, 'hi');
}`,
      errors: [
        {
          messageId: 'floatingJoin',
          line: 4,
          column: 41,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
const hub = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export function JoinButton({ room }: { room: string }) {
  return <button onClick={async () => { await hub.invoke('JoinGroup', room); }}>Join</button>;
}
export function enter(connection: HubConnection, room: string) {
  connection.invoke('JoinGroup', room);
  connection.invoke('SendToGroup', room, 'hi');
}`,
            },
          ],
        },
        { messageId: 'floatingJoinBeforeSend', line: 7, column: 3, suggestions: [] },
      ],
    },
    // The browser global, require, @aspnet/signalr.
    {
      code: `const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.start().then(function () {
  connection.invoke('JoinGroup', 'lobby');
});`,
      errors: [{ messageId: 'floatingJoin', line: 3, column: 3, suggestions: [{ messageId: 'returnJoin', output: `const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.start().then(function () {
  return connection.invoke('JoinGroup', 'lobby');
});` }] }],
    },
    {
      code: `const { HubConnectionBuilder } = require('@microsoft/signalr');
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
setTimeout(() => { connection.invoke('JoinGroup', 'lobby'); }, 1000);`,
      errors: [{ messageId: 'floatingJoin', line: 3, column: 20, suggestions: [] }],
    },
    {
      code: `import * as signalR from '@aspnet/signalr';
const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enter() {
  isMember() || connection.invoke('JoinGroup', 'lobby');
  connection.invoke('JoinGroup', 'news') as Promise<void>;
}
declare function isMember(): boolean;`,
      errors: [
        {
          messageId: 'floatingJoin',
          line: 4,
          column: 17,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import * as signalR from '@aspnet/signalr';
const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enter() {
  isMember() || await connection.invoke('JoinGroup', 'lobby');
  connection.invoke('JoinGroup', 'news') as Promise<void>;
}
declare function isMember(): boolean;`,
            },
          ],
        },
        {
          messageId: 'floatingJoin',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import * as signalR from '@aspnet/signalr';
const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').build();
export async function enter() {
  isMember() || connection.invoke('JoinGroup', 'lobby');
  await (connection.invoke('JoinGroup', 'news') as Promise<void>);
}
declare function isMember(): boolean;`,
            },
          ],
        },
      ],
    },
    // Classic client: a created proxy and a generated one.
    {
      code: `var connection = $.hubConnection('/signalr');
var chat = connection.createHubProxy('chatHub');
connection.start().done(function () {
  chat.invoke('JoinGroup', 'lobby');
  chat.invoke('SendToGroup', 'lobby', 'hi');
});`,
      errors: [{ messageId: 'floatingJoinBeforeSend', line: 4, column: 3, suggestions: [] }],
    },
    {
      code: `var chat = $.connection.chatHub;
$.connection.hub.start().done(function () {
  chat.server.joinGroup('lobby');
  $.connection.chatHub.server.send('lobby', 'hi');
});`,
      errors: [{ messageId: 'floatingJoinBeforeSend', line: 3, column: 3, data: { method: 'server.joinGroup', send: 'server.send', line: 4 } }],
    },
    // Web PubSub: a group in a variable, then a send to it.
    {
      code: `import { WebPubSubServiceClient } from '@azure/web-pubsub';
const serviceClient = new WebPubSubServiceClient(process.env.WPS!, 'chat');
export async function enter(room: string, connectionId: string) {
  const group = serviceClient.group(room);
  group.addConnection(connectionId);
  await group.sendToAll({ text: 'someone joined' });
}`,
      errors: [
        {
          messageId: 'floatingJoinBeforeSend',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { WebPubSubServiceClient } from '@azure/web-pubsub';
const serviceClient = new WebPubSubServiceClient(process.env.WPS!, 'chat');
export async function enter(room: string, connectionId: string) {
  const group = serviceClient.group(room);
  await group.addConnection(connectionId);
  await group.sendToAll({ text: 'someone joined' });
}`,
            },
          ],
        },
      ],
    },
    // Web PubSub: the client's own join method, a client held in a constructor parameter property,
    // a group parameter typed WebPubSubGroup.
    {
      code: `import { WebPubSubServiceClient, type WebPubSubGroup } from '@azure/web-pubsub';
export class Rooms {
  constructor(private readonly client: WebPubSubServiceClient) {}
  enter(room: string, userId: string) {
    this.client.group(room).addUser(userId);
    this.client.addConnectionsToGroups([room], \`userId eq '\${userId}'\`);
    return this.client.sendToAll('someone joined');
  }
}
export function invite(group: WebPubSubGroup, userId: string) {
  group.addUser(userId);
}`,
      errors: [
        { messageId: 'floatingJoinBeforeSend', line: 5, column: 5, data: { method: 'addUser', send: 'sendToAll', line: 7 }, suggestions: [] },
        { messageId: 'floatingJoinBeforeSend', line: 6, column: 5, data: { method: 'addConnectionsToGroups', send: 'sendToAll', line: 7 }, suggestions: [] },
        {
          messageId: 'floatingJoin',
          line: 11,
          column: 3,
          suggestions: [
            {
              messageId: 'returnJoin',
              output: `import { WebPubSubServiceClient, type WebPubSubGroup } from '@azure/web-pubsub';
export class Rooms {
  constructor(private readonly client: WebPubSubServiceClient) {}
  enter(room: string, userId: string) {
    this.client.group(room).addUser(userId);
    this.client.addConnectionsToGroups([room], \`userId eq '\${userId}'\`);
    return this.client.sendToAll('someone joined');
  }
}
export function invite(group: WebPubSubGroup, userId: string) {
  return group.addUser(userId);
}`,
            },
          ],
        },
      ],
    },
    // REST: fetch PUT followed by a POST send; an HTTP client's put() to the users path.
    {
      code: `const hubUrl = \`\${process.env.AZURE_SIGNALR_ENDPOINT}/api/v1/hubs/chat\`;
export async function enter(group: string, connectionId: string, token: string) {
  fetch(\`\${hubUrl}/groups/\${group}/connections/\${connectionId}\`, { method: 'PUT', headers: { Authorization: \`Bearer \${token}\` } });
  await fetch(\`\${hubUrl}/groups/\${group}/:send\`, { method: 'POST', body: '{}' });
}
export async function enroll(group: string, userId: string) {
  http.put(\`\${hubUrl}/groups/\${group}/users/\${userId}\`);
}
declare const http: { put(url: string): Promise<unknown> };`,
      errors: [
        {
          messageId: 'floatingJoinBeforeSend',
          line: 3,
          column: 3,
          data: { method: 'PUT /api/v1/hubs/chat/groups/…/connections/…', send: 'POST', line: 4 },
          suggestions: [{ messageId: 'addAwait', output: `const hubUrl = \`\${process.env.AZURE_SIGNALR_ENDPOINT}/api/v1/hubs/chat\`;
export async function enter(group: string, connectionId: string, token: string) {
  await fetch(\`\${hubUrl}/groups/\${group}/connections/\${connectionId}\`, { method: 'PUT', headers: { Authorization: \`Bearer \${token}\` } });
  await fetch(\`\${hubUrl}/groups/\${group}/:send\`, { method: 'POST', body: '{}' });
}
export async function enroll(group: string, userId: string) {
  http.put(\`\${hubUrl}/groups/\${group}/users/\${userId}\`);
}
declare const http: { put(url: string): Promise<unknown> };` }],
        },
        { messageId: 'floatingJoin', line: 7, column: 3, suggestions: [{ messageId: 'addAwait', output: `const hubUrl = \`\${process.env.AZURE_SIGNALR_ENDPOINT}/api/v1/hubs/chat\`;
export async function enter(group: string, connectionId: string, token: string) {
  fetch(\`\${hubUrl}/groups/\${group}/connections/\${connectionId}\`, { method: 'PUT', headers: { Authorization: \`Bearer \${token}\` } });
  await fetch(\`\${hubUrl}/groups/\${group}/:send\`, { method: 'POST', body: '{}' });
}
export async function enroll(group: string, userId: string) {
  await http.put(\`\${hubUrl}/groups/\${group}/users/\${userId}\`);
}
declare const http: { put(url: string): Promise<unknown> };` }] },
      ],
    },
  ],
});

// With typed linting, connections and Web PubSub clients imported from other modules are seen too.
const typedFixtures = join(import.meta.dirname, '__fixtures__/await-group-join');
const typedRuleTester = new RuleTester({
  languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: typedFixtures } },
});
// RuleTester resolves the file name against `tsconfigRootDir`.
const typedFile = 'file.ts';

typedRuleTester.run('await-group-join (typed)', rule, {
  valid: [
    {
      filename: typedFile,
      code: `import { connection, ipc } from './hub.js';
export async function enter(room: string) {
  await connection.invoke('JoinGroup', room);
  ipc.invoke('JoinGroup', room);
}`,
    },
  ],
  invalid: [
    {
      filename: typedFile,
      code: `import { connection, roomGroup } from './hub.js';
export async function enter(room: string, userId: string) {
  connection.invoke('JoinGroup', room);
  roomGroup(room).addUser(userId);
}`,
      errors: [
        { messageId: 'floatingJoin', line: 3, column: 3, endLine: 3, endColumn: 39, suggestions: [{ messageId: 'addAwait', output: `import { connection, roomGroup } from './hub.js';
export async function enter(room: string, userId: string) {
  await connection.invoke('JoinGroup', room);
  roomGroup(room).addUser(userId);
}` }] },
        { messageId: 'floatingJoin', line: 4, column: 3, endLine: 4, endColumn: 34, suggestions: [{ messageId: 'addAwait', output: `import { connection, roomGroup } from './hub.js';
export async function enter(room: string, userId: string) {
  connection.invoke('JoinGroup', room);
  await roomGroup(room).addUser(userId);
}` }] },
      ],
    },
  ],
});

// The same code without types: the rule does not guess.
ruleTester.run('await-group-join (untyped imports)', rule, {
  valid: [
    `import { connection, roomGroup } from './hub.js';
export async function enter(room: string, userId: string) {
  connection.invoke('JoinGroup', room);
  roomGroup(room).addUser(userId);
}`,
  ],
  invalid: [],
});

// The Web PubSub client SDK: `joinGroup` resolves on the service's ack; a send before it may miss the group.
ruleTester.run('await-group-join (Web PubSub client)', rule, {
  valid: [
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
export async function enter(room: string) {
  await client.start();
  await client.joinGroup(room);
  await client.sendToGroup(room, 'hello', 'text');
}`,
    // Handled with .catch and no send after it.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
client.on('connected', () => {
  client.joinGroup('lobby').catch((error) => console.error(error));
});`,
    // Joins collected and awaited together.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
export async function enterAll(rooms: string[]) {
  await Promise.all(rooms.map((room) => client.joinGroup(room)));
  await client.sendToGroup(rooms[0]!, 'hello', 'text');
}`,
    // Sends with no join, and a leave that floats: not joins.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
export function leave(room: string) {
  void client.leaveGroup(room);
  void client.sendEvent('left', room, 'text');
}`,
    // A joinGroup method of some other object.
    `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
const rooms = { joinGroup: (name: string) => Promise.resolve(name) };
export function enter(room: string) {
  rooms.joinGroup(room);
  void client.sendToGroup(room, 'hello', 'text');
}`,
  ],
  invalid: [
    {
      code: `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
export async function enter(room: string) {
  client.joinGroup(room);
  await client.sendToGroup(room, 'hello', 'text');
}`,
      errors: [
        {
          messageId: 'floatingJoinBeforeSend',
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { WebPubSubClient } from '@azure/web-pubsub-client';
const client = new WebPubSubClient('wss://example.webpubsub.azure.com/client/hubs/chat');
export async function enter(room: string) {
  await client.joinGroup(room);
  await client.sendToGroup(room, 'hello', 'text');
}`,
            },
          ],
        },
      ],
    },
  ],
});

// A raw WebSocket speaking the Web PubSub subprotocol: a join takes effect when its ack comes back.
ruleTester.run('await-group-join (Web PubSub socket)', rule, {
  valid: [
    // The frame has an ackId and the app reads acks.
    `const socket = new WebSocket(getUrl(), 'json.webpubsub.azure.v1');
const pending = new Map<number, () => void>();
let nextAckId = 1;
export function join(group: string): Promise<void> {
  const ackId = nextAckId++;
  socket.send(JSON.stringify({ type: 'joinGroup', group, ackId }));
  return new Promise((resolve) => pending.set(ackId, resolve));
}
socket.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.type === 'ack') pending.get(message.ackId)?.();
};
declare function getUrl(): string;`,
    // A plain WebSocket app with its own protocol: no Web PubSub evidence.
    `const socket = new WebSocket('wss://example.com/rooms');
socket.onopen = () => socket.send(JSON.stringify({ type: 'joinGroup', group: 'lobby' }));`,
    // Web PubSub, but frames that do not join.
    `const socket = new WebSocket(getUrl(), 'json.webpubsub.azure.v1');
socket.onopen = () => {
  socket.send(JSON.stringify({ type: 'sendToGroup', group: 'lobby', dataType: 'text', data: 'hi' }));
  socket.send(JSON.stringify({ type: 'leaveGroup', group: 'lobby' }));
};
declare function getUrl(): string;`,
    // A protobuf socket sends binary frames: nothing to read here.
    `const socket = new WebSocket(getUrl(), 'protobuf.webpubsub.azure.v1');
socket.binaryType = 'arraybuffer';
declare function getUrl(): string;`,
  ],
  invalid: [
    {
      // No ackId: the app cannot know when the join took effect.
      code: `export class Room {
  private socket: WebSocket | null = null;
  open(url: string, room: string) {
    this.socket = new WebSocket(url, 'json.webpubsub.azure.v1');
    this.socket.onopen = () => {
      this.socket!.send(JSON.stringify({ type: 'joinGroup', group: room }));
      setTimeout(() => this.socket!.send(JSON.stringify({ type: 'sendToGroup', group: room, data: 'hello' })), 200);
    };
  }
}`,
      errors: [{ messageId: 'unacknowledgedJoinFrame', line: 6, column: 7 }],
    },
    {
      // An ackId, but acks are never read (only the app's own counter).
      code: `export class Scores {
  private ackId = 1;
  private socket = new WebSocket(location.origin.replace('http', 'ws') + '/client/hubs/scores', 'json.webpubsub.azure.v1');
  follow(match: string) {
    this.socket.send(JSON.stringify({ type: 'joinGroup', group: match, ackId: this.ackId++ }));
  }
}`,
      errors: [{ messageId: 'ignoredJoinAck', line: 5, column: 5 }],
    },
  ],
});
