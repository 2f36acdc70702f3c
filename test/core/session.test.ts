import { describe, expect, it } from 'vitest';

import { connectionSessions } from '../../core/session.js';
import { DEFAULT_SETTINGS } from '../../core/settings.js';
import { parseSnippet } from './parse.js';

function sessionsOf(code: string) {
  const snippet = parseSnippet(code);
  const sessions = connectionSessions(snippet.model, 'client.ts', DEFAULT_SETTINGS);
  const text = (node: { range: [number, number] }): string => code.slice(node.range[0], node.range[1]);
  return { snippet, sessions, text };
}

describe('connectionSessions', () => {
  it('lists joins and connection-id hand-outs after start, with what each reconnect path repeats', () => {
    const { sessions, text } = sessionsOf(`import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.onreconnected((id) => fetch('/api/presence', { method: 'POST', body: JSON.stringify({ id }) }));
await connection.start();
await connection.invoke('JoinGroup', 'lobby');
await fetch('/api/presence', { method: 'POST', body: JSON.stringify({ id: connection.connectionId }) });
console.log('connected as', connection.connectionId);`);
    expect(sessions).toHaveLength(1);
    const [session] = sessions;
    expect(session!.reconnectedHandlers.map(text)).toEqual([expect.stringContaining('connection.onreconnected(')]);
    expect(session!.restarts).toEqual([]);
    expect(session!.steps.map((step) => [step.kind, step.method, text(step.call).slice(0, 25), step.afterReconnect, step.afterRestart])).toEqual([
      // The handler's REST call might make the server rejoin the new id: unknown.
      ['group-join', 'JoinGroup', "connection.invoke('JoinGr", 'unknown', undefined],
      // The handler sends its new id (its argument) again: that step is restored; the log is no step.
      ['connection-id', 'fetch', "fetch('/api/presence', { ", 'yes', undefined],
    ]);
  });

  it('follows an onclose restart into the function it schedules', () => {
    const { sessions } = sessionsOf(`import { HubConnectionBuilder } from '@aspnet/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
async function start() {
  await connection.start();
  await connection.invoke('JoinGroup', 'lobby');
}
connection.onclose(() => setTimeout(start, 1000 + Math.random() * 4000));
start().catch(console.error);`);
    expect(sessions[0]!.restarts).toHaveLength(1);
    expect(sessions[0]!.steps.map((step) => [step.afterReconnect, step.afterRestart])).toEqual([[undefined, 'yes']]);
  });

  it('says unknown when a reconnect handler calls code the file cannot see, or the connection is handed off', () => {
    const opaque = sessionsOf(`import { HubConnectionBuilder } from '@microsoft/signalr';
import { resubscribe } from './subscriptions';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.onreconnected(() => resubscribe());
await connection.start();
await connection.invoke('JoinGroup', 'lobby');`);
    expect(opaque.sessions[0]!.steps.map((step) => step.afterReconnect)).toEqual(['unknown']);

    const handedOff = sessionsOf(`import { HubConnectionBuilder } from '@microsoft/signalr';
import { register } from './registry';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
register(connection);
await connection.start();
await connection.invoke('JoinGroup', 'lobby');`);
    expect(handedOff.sessions[0]!.steps.map((step) => step.afterReconnect)).toEqual(['unknown']);
  });

  it('does not count the rejoin inside onreconnected as a step', () => {
    const { sessions } = sessionsOf(`import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.onreconnected(() => connection.invoke('JoinGroup', 'lobby'));
await connection.start();
await connection.invoke('JoinGroup', 'lobby');`);
    expect(sessions[0]!.steps.map((step) => [step.kind, step.afterReconnect])).toEqual([['group-join', 'yes']]);
  });

  it('analyses only connections this file starts, of the ASP.NET Core client', () => {
    expect(
      sessionsOf(`import { HubConnectionBuilder } from '@microsoft/signalr';
export const connection = new HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();`).sessions,
    ).toEqual([]);
    expect(
      sessionsOf(`const connection = $.hubConnection('/signalr');
const chat = connection.createHubProxy('chat');
connection.start().done(() => chat.invoke('JoinGroup', 'lobby'));`).sessions,
    ).toEqual([]);
  });

  it('counts a request that hands the server the connection id with a group as a group join', () => {
    const { sessions, text } = sessionsOf(`import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/api').withAutomaticReconnect().build();
connection.onreconnected((id) => console.log('back as', id));
await connection.start();
await fetch('/api/addToGroup', { method: 'POST', body: JSON.stringify({ connectionId: connection.connectionId, groupName: 'orders' }) });
const id = connection.connectionId;
const body = { connectionId: id, room: 'lobby' };
await fetch('/api/rooms/join', { method: 'POST', body: JSON.stringify(body) });
await fetch('/api/registerPushToken', { method: 'POST', body: JSON.stringify({ connectionId: connection.connectionId }) });
await fetch('/api/presence', { method: 'POST', body: JSON.stringify({ connectionId: id }) });`);
    expect(sessions[0]!.steps.map((step) => [step.kind, step.method, step.joinsThrough, step.idLocal, step.afterReconnect, text(step.call).slice(0, 22)])).toEqual([
      ['group-join', 'POST /api/addToGroup', 'request', undefined, 'no', "fetch('/api/addToGroup"],
      // Through two locals: the id, then the body built from it.
      ['group-join', 'POST /api/rooms/join', 'request', 'id', 'no', "fetch('/api/rooms/join"],
      // The id alone, to an endpoint about no group: a connection-id step, which the rule leaves alone.
      ['connection-id', 'fetch', undefined, undefined, 'yes', "fetch('/api/registerPu"],
      // Kept in a local and about no group: not a step (the analysis follows locals only for joins).
    ]);
  });

  it('says a request join is repeated when a reconnect handler hands the new id on, unknown when it keeps it', () => {
    const rejoin = (handler: string) =>
      sessionsOf(`import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/api').withAutomaticReconnect().build();
let current: string | undefined;
const post = (url: string, data: object) => fetch(url, { method: 'POST', body: JSON.stringify(data) });
connection.onreconnected(${handler});
await connection.start();
await post('/api/joinGroup', { connectionId: connection.connectionId, group: 'orders' });`).sessions[0]!.steps.map((step) => step.afterReconnect);
    expect(rejoin(`(id) => post('/api/joinGroup', { connectionId: id, group: 'orders' })`)).toEqual(['yes']);
    expect(rejoin(`() => post('/api/joinGroup', { connectionId: connection.connectionId, group: 'orders' })`)).toEqual(['yes']);
    expect(rejoin(`(id) => post('/api/joinGroup', { connectionId: id ?? '', group: 'orders' })`)).toEqual(['yes']);
    expect(rejoin(`(id) => { current = id; }`)).toEqual(['unknown']);
    expect(rejoin(`(id) => console.warn('reconnected', id)`)).toEqual(['no']);
    expect(rejoin(`() => { current = undefined; }`)).toEqual(['no']);
  });
});
