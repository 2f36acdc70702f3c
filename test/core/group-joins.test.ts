import { describe, expect, it } from 'vitest';

import type { FunctionNode } from '../../core/ast.js';
import { asyncVerdict, awaitFixOf } from '../../core/async-safety.js';
import { DEFAULT_JOIN_METHOD_PATTERNS, floatingGroupJoins, groupJoins, hubMethodName, joinMethodMatcher } from '../../core/group-joins.js';
import type { PromiseFate } from '../../core/promises.js';
import { callbackRole, promiseFate } from '../../core/promises.js';
import { DEFAULT_SETTINGS, readSettings } from '../../core/settings.js';
import { parseSnippet } from './parse.js';

const CONNECTION = `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
`;

describe('joinMethodMatcher', () => {
  const isJoin = joinMethodMatcher(DEFAULT_SETTINGS);

  it.each(['JoinGroup', 'joinGroup', 'Join', 'JoinRoom', 'RejoinRoom', 'rejoin_groups', 'AddToGroup', 'AddUserToGroup', 'addConnectionToRoom', 'SubscribeToGroup', 'subscribeGroup', 'listenGroup', 'EnterRoom', 'AddToGroupsAsync'])(
    'joins: %s',
    (name) => expect(isJoin(name)).toBe(true),
  );

  it.each(['SendToGroup', 'LeaveGroup', 'RemoveFromGroup', 'GetJoinedGroups', 'Joined', 'JoinedRooms', 'AddMessageToGroupChat', 'AddGroup', 'Subscribe', 'SendMessage', 'RejoinedAt'])(
    'does not join: %s',
    (name) => expect(isJoin(name)).toBe(false),
  );

  it('adds names (case-insensitively, like the server) and patterns from settings', () => {
    const matcher = joinMethodMatcher(readSettings({ signalr: { joinMethods: ['EnterLobby'], joinMethodPatterns: ['^Enlist'] } }));
    expect(matcher('enterLobby')).toBe(true);
    expect(matcher('EnlistInChannel')).toBe(true);
    expect(matcher('JoinGroup')).toBe(true);
    expect(matcher('LeaveLobby')).toBe(false);
  });

  it('replaces the defaults when asked', () => {
    const matcher = joinMethodMatcher(readSettings({ signalr: { joinMethods: ['EnterLobby'], replaceDefaultJoinMethods: true } }));
    expect(matcher('EnterLobby')).toBe(true);
    expect(matcher('JoinGroup')).toBe(false);
    expect(DEFAULT_JOIN_METHOD_PATTERNS.length).toBeGreaterThan(0);
  });
});

describe('groupJoins: a verb-only name joins only with a group in the call', () => {
  const joinedMethods = (code: string): string[] => {
    const { model } = parseSnippet(`${CONNECTION}${code}`);
    return groupJoins(model, DEFAULT_SETTINGS).map((join) => code.slice(join.call.range[0] - CONNECTION.length, join.call.range[1] - CONNECTION.length));
  };

  it('takes a group-like argument, a constant name or a matching Leave with an argument as evidence', () => {
    const code = `connection.invoke('Join', room);
connection.invoke('Join', this.state.groupId);
connection.invoke('JoinGame', 'weekly-quiz');
connection.invoke('Rejoin', \`\${chatId}\`);
connection.invoke('JoinMatch', id);
function leave(id: string) { return connection.invoke('LeaveMatch', id); }`;
    expect(joinedMethods(code)).toEqual([
      `connection.invoke('Join', room)`,
      `connection.invoke('Join', this.state.groupId)`,
      `connection.invoke('JoinGame', 'weekly-quiz')`,
      `connection.invoke('Rejoin', \`\${chatId}\`)`,
      `connection.invoke('JoinMatch', id)`,
    ]);
  });

  it('does not take presence for a group join', () => {
    // "I am online": no argument, a user's name, or a Join/Leave pair that takes no group.
    const code = `connection.invoke('Join');
connection.invoke('Join', userName);
connection.invoke('JoinGame', player.name);
connection.send('Rejoin', () => room);
connection.invoke('Leave');
connection.invoke('LeaveGame');`;
    expect(joinedMethods(code)).toEqual([]);
  });

  it('needs no evidence for names that say group, nor for names from settings', () => {
    expect(joinedMethods(`connection.invoke('JoinGroup');\nconnection.invoke('joinRooms', a);\nconnection.invoke('AddToGroup');`)).toHaveLength(3);
    const settings = readSettings({ signalr: { joinMethods: ['Join'] } });
    const { model } = parseSnippet(`${CONNECTION}connection.invoke('Join');`, settings);
    expect(groupJoins(model, settings)).toHaveLength(1);
  });
});

describe('hubMethodName', () => {
  const nameOf = (declarations: string, argument: string): string | undefined => {
    const { model, node } = parseSnippet(`${declarations}\nconnection.invoke(${argument}, 'room');`);
    return hubMethodName(model, node(argument));
  };

  it('reads strings, consts, enum members and const objects', () => {
    expect(nameOf('', `'JoinGroup'`)).toBe('JoinGroup');
    expect(nameOf('', '`JoinGroup`')).toBe('JoinGroup');
    expect(nameOf(`const JOIN = 'JoinRoom';`, 'JOIN')).toBe('JoinRoom');
    expect(nameOf(`enum Hub { Join = 'AddToGroup', Leave = 'LeaveGroup' }`, 'Hub.Join')).toBe('AddToGroup');
    expect(nameOf(`const Methods = { join: 'SubscribeToGroup' } as const;`, 'Methods.join')).toBe('SubscribeToGroup');
  });

  it('gives up on what the file does not fix', () => {
    expect(nameOf('declare const method: string;', 'method')).toBeUndefined();
    expect(nameOf(`enum Hub { Join }`, 'Hub.Join')).toBeUndefined();
    expect(nameOf(`let name = 'JoinGroup'; name = 'SendToGroup';`, 'name')).toBeUndefined();
  });
});

describe('groupJoins: the join shapes', () => {
  const joinsIn = (code: string, jsx = false): { kind: string; method: string; fate: PromiseFate['kind'] }[] => {
    const { model } = parseSnippet(code, DEFAULT_SETTINGS, jsx);
    return groupJoins(model, DEFAULT_SETTINGS).map((join) => ({ kind: join.kind, method: join.method, fate: join.fate.kind }));
  };

  it('finds hub invocations and sends on core connections', () => {
    expect(joinsIn(`${CONNECTION}connection.invoke('JoinGroup', 'a');\nconnection.send('JoinRoom', 'b').catch(report);`)).toEqual([
      { kind: 'hub', method: 'JoinGroup', fate: 'floating' },
      { kind: 'hub', method: 'JoinRoom', fate: 'handled' },
    ]);
  });

  it('finds classic proxies: created, generated, held in a variable or field typed SignalR.Hub.Proxy', () => {
    const code = `var connection = $.hubConnection('/signalr');
var chat = connection.createHubProxy('chatHub');
chat.invoke('JoinGroup', 'a');
$.connection.newsHub.server.joinGroup('b').done(ok);
class Page { proxy!: SignalR.Hub.Proxy; open() { return this.proxy.invoke('AddToGroup', 'c'); } }
$.connection.hub.server.joinGroup('not a proxy');`;
    expect(joinsIn(code)).toEqual([
      { kind: 'classic', method: 'JoinGroup', fate: 'floating' },
      { kind: 'classic', method: 'server.joinGroup', fate: 'handled' },
      { kind: 'classic', method: 'AddToGroup', fate: 'handled' },
    ]);
  });

  it('finds Web PubSub group and client joins, not look-alikes', () => {
    const code = `import { WebPubSubServiceClient, WebPubSubGroup } from '@azure/web-pubsub';
const client = new WebPubSubServiceClient(process.env.WPS!, 'chat');
client.group('a').addConnection('c1');
const group = client.group('b');
group.addUser('u1');
client.addConnectionsToGroups(['a'], 'filter');
function invite(g: WebPubSubGroup) { return g.addUser('u2'); }
const other = { group: (name: string) => ({ addUser: (id: string) => Promise.resolve() }) };
other.group('x').addUser('u3');`;
    expect(joinsIn(code)).toEqual([
      { kind: 'web-pubsub', method: 'addConnection', fate: 'floating' },
      { kind: 'web-pubsub', method: 'addUser', fate: 'floating' },
      { kind: 'web-pubsub', method: 'addConnectionsToGroups', fate: 'floating' },
      { kind: 'web-pubsub', method: 'addUser', fate: 'handled' },
    ]);
  });

  it('finds REST membership PUTs whose path is visible: fetch, put(), request()', () => {
    const code = `// signalr REST
const base = process.env.ENDPOINT + '/api/v1/hubs/chat';
fetch(\`\${base}/groups/\${g}/connections/\${id}\`, { method: 'put' });
http.put(\`\${base}/groups/\${g}/users/\${id}\`).then(ok, fail);
axios.request({ method: 'PUT', url: \`\${base}/groups/\${g}/users/\${id}\` });
fetch(\`\${base}/groups/\${g}/connections/\${id}\`, { method: 'DELETE' });
fetch(\`\${base}/groups/\${g}/connections/\${id}\`, { method });
fetch(somewhere, { method: 'PUT' });`;
    expect(joinsIn(code)).toEqual([
      { kind: 'rest', method: 'PUT /api/v1/hubs/chat/groups/…/connections/…', fate: 'floating' },
      { kind: 'rest', method: 'PUT /api/v1/hubs/chat/groups/…/users/…', fate: 'handled' },
      { kind: 'rest', method: 'PUT /api/v1/hubs/chat/groups/…/users/…', fate: 'floating' },
    ]);
  });
});

describe('promiseFate', () => {
  const fateOf = (code: string, text = `connection.invoke('JoinGroup', room)`): PromiseFate => {
    const { model, node } = parseSnippet(`${CONNECTION}${code}`);
    return promiseFate(model, node(text, 'CallExpression'));
  };
  const kindOf = (code: string): string => {
    const fate = fateOf(code);
    return fate.kind === 'floating' ? `floating:${fate.how}` : fate.kind;
  };

  it.each([
    ['awaited', `async function f(room) { await connection.invoke('JoinGroup', room); }`],
    ['returned', `function f(room) { return connection.invoke('JoinGroup', room); }`],
    ['an arrow body', `const f = (room) => connection.invoke('JoinGroup', room);`],
    ['yielded', `function* f(room) { yield connection.invoke('JoinGroup', room); }`],
    ['caught', `connection.invoke('JoinGroup', room).catch(report);`],
    ['then with a rejection handler', `connection.invoke('JoinGroup', room).then(ok, fail);`],
    ['then, then caught', `connection.invoke('JoinGroup', room).then(ok).finally(done).catch(report);`],
    ['in an awaited Promise.all', `async function f(room) { await Promise.all([connection.invoke('JoinGroup', room), other()]); }`],
    ['mapped into a returned Promise.race', `function f(rooms) { return Promise.race(rooms.map((room) => connection.invoke('JoinGroup', room))); }`],
    ['stored then awaited', `async function f(room) { const p = connection.invoke('JoinGroup', room); work(); await p; }`],
    ['assigned then returned', `function f(room) { let p; p = connection.invoke('JoinGroup', room); return p; }`],
    ['passed on', `track(connection.invoke('JoinGroup', room));`],
    ['stored in a field', `class A { f(room) { this.ready = connection.invoke('JoinGroup', room); } }`],
    // Not the global combinator, so an unknown function that may keep the promises.
    ['in the Promise.all of a local Promise', `const Promise = lib; Promise.all([connection.invoke('JoinGroup', room)]);`],
  ])('handled when %s', (_name, code) => {
    expect(kindOf(code)).toBe('handled');
  });

  it.each([
    ['voided', `void connection.invoke('JoinGroup', room);`, 'voided'],
    ['voided through a variable', `const p = connection.invoke('JoinGroup', room); void p;`, 'voided'],
    ['a statement', `connection.invoke('JoinGroup', room);`, 'floating:discarded'],
    ['then without rejection handler', `connection.invoke('JoinGroup', room).then(ok);`, 'floating:discarded'],
    ['finally', `connection.invoke('JoinGroup', room).finally(done);`, 'floating:discarded'],
    ['in a comma expression', `connection.invoke('JoinGroup', room), other();`, 'floating:discarded'],
    ['in a Promise.all statement', `Promise.all([connection.invoke('JoinGroup', room)]);`, 'floating:discarded'],
    ['returned to forEach', `rooms.forEach((room) => connection.invoke('JoinGroup', room));`, 'floating:for-each'],
    ['mapped and dropped', `rooms.map((room) => connection.invoke('JoinGroup', room));`, 'floating:array'],
    ['mapped and awaited as an array', `async function f() { await rooms.map((room) => connection.invoke('JoinGroup', room)); }`, 'floating:array'],
    ['stored and never read', `const p = connection.invoke('JoinGroup', room);`, 'floating:unused-variable'],
    ['stored and only chained without a handler', `const p = connection.invoke('JoinGroup', room); p.then(ok);`, 'floating:discarded'],
  ])('%s', (_name, code, expected) => {
    expect(kindOf(code)).toBe(expected);
  });

  it('points at where the value is dropped and what to await', () => {
    const { model, node } = parseSnippet(`${CONNECTION}async function f(room) { ok() && connection.invoke('JoinGroup', room).then(done); }`);
    const fate = promiseFate(model, node(`connection.invoke('JoinGroup', room)`, 'CallExpression'));
    expect(fate.kind).toBe('floating');
    if (fate.kind !== 'floating') return;
    expect(fate.dropped.type).toBe('ExpressionStatement');
    expect(fate.promise).toBe(node(`connection.invoke('JoinGroup', room).then(done)`, 'CallExpression'));
  });

  it('counts jQuery deferred callbacks as handling', () => {
    const { model, node } = parseSnippet(`proxy.invoke('JoinGroup', room).then(ok);`);
    const call = node(`proxy.invoke('JoinGroup', room)`, 'CallExpression');
    expect(promiseFate(model, call, true).kind).toBe('handled');
    expect(promiseFate(model, call, false).kind).toBe('floating');
  });
});

describe('floatingGroupJoins: racing sends', () => {
  const racing = (code: string): (string | undefined)[] => {
    const { model } = parseSnippet(code);
    return floatingGroupJoins(model, DEFAULT_SETTINGS).map((join) => join.racingSend?.method);
  };

  it('finds a later send on the same connection in the same function', () => {
    expect(racing(`${CONNECTION}async function f(room) { connection.invoke('JoinGroup', room); await connection.invoke('SendToGroup', room, 'x'); }`)).toEqual(['SendToGroup']);
  });

  it('ignores sends on another connection, before the join, or in another function', () => {
    const code = `${CONNECTION}const other = new HubConnectionBuilder().withUrl('/other').build();
async function f(room) {
  await connection.invoke('Hello');
  connection.invoke('JoinGroup', room);
  await other.invoke('SendToGroup', room, 'x');
  connection.on('Message', () => connection.invoke('Ack'));
}`;
    expect(racing(code)).toEqual([undefined]);
  });

  it('keeps a voided join only when a send races it', () => {
    const code = `${CONNECTION}function quiet(room) { void connection.invoke('JoinGroup', room); }
function loud(room) { void connection.invoke('JoinRoom', room); connection.send('SendToGroup', room); }`;
    const { model } = parseSnippet(code);
    expect(floatingGroupJoins(model, DEFAULT_SETTINGS).map((join) => join.method)).toEqual(['JoinRoom']);
  });

  it('follows a forEach callback out to the function that called forEach', () => {
    expect(racing(`${CONNECTION}async function f(rooms) { rooms.forEach((room) => { connection.invoke('JoinGroup', room); }); await connection.invoke('SendToGroup', rooms[0], 'x'); }`)).toEqual(['SendToGroup']);
  });
});

describe('callbackRole and asyncVerdict', () => {
  const fnAt = (code: string, marker: string): { model: ReturnType<typeof parseSnippet>['model']; fn: FunctionNode } => {
    const parsed = parseSnippet(code, DEFAULT_SETTINGS, true);
    const call = parsed.node(marker, 'CallExpression');
    let current = call.parent;
    while (current && !['ArrowFunctionExpression', 'FunctionExpression', 'FunctionDeclaration'].includes(current.type)) current = current.parent;
    return { model: parsed.model, fn: current as FunctionNode };
  };
  const verdictAt = (code: string): string => {
    const { model, fn } = fnAt(code, 'join()');
    const verdict = asyncVerdict(model, fn);
    return verdict.kind === 'unsafe' ? `unsafe: ${verdict.reason}` : verdict.kind === 'async' ? 'async' : `${verdict.kind} (${verdict.returnType.kind})`;
  };

  it.each([
    ['an event handler', `button.addEventListener('click', () => { join(); });`, 'safe (keep)'],
    ['a SignalR handler', `connection.onreconnected(function () { join(); });`, 'safe (keep)'],
    ['a timer', `setTimeout(() => { join(); }, 10);`, 'safe (keep)'],
    ['a JSX handler', `const b = <button onClick={(): void => { join(); }} />;`, 'safe (void)'],
    ['a DOM handler property', `socket.onopen = () => { join(); };`, 'safe (keep)'],
    ['an IIFE statement', `(function () { join(); })();`, 'safe (keep)'],
    ['jQuery ready', `$(function () { join(); });`, 'safe (keep)'],
    ['a then callback', `start().then(() => { join(); });`, 'safe (keep)'],
    ['an async function', `async function f() { join(); }`, 'async'],
    ['a named function', `function enter() { join(); }`, 'ask-callers (keep)'],
    ['a method', `class A { enter(): void { join(); } }`, 'ask-callers (void)'],
    ['a const arrow', `const enter = (): Promise<void> => { join(); return done; };`, 'ask-callers (keep)'],
  ])('%s', (_name, code, expected) => {
    expect(verdictAt(code)).toBe(expected);
  });

  it.each([
    ['a constructor', `class A { constructor() { join(); } }`, /constructor/],
    ['a getter', `const o = { get x() { join(); return 1; } };`, /getter or setter/],
    ['a forEach callback', `rooms.forEach((room) => { join(); });`, /forEach/],
    ['a map callback', `rooms.map((room) => { join(); });`, /map/],
    ['a React effect', `useEffect(() => { join(); }, []);`, /React effect/],
    ['an unknown consumer', `retry(() => { join(); });`, /passed to `retry`/],
    ['a generator', `function* g() { join(); }`, /generator/],
    ['a return type that excludes promises', `function count(): number { join(); return 1; }`, /return type/],
  ])('unsafe in %s', (_name, code, reason) => {
    expect(verdictAt(code)).toMatch(reason);
  });

  it('names the consumer of an argument', () => {
    const { model, fn } = fnAt(`retry(() => { join(); });`, 'join()');
    expect(callbackRole(model, fn)).toEqual({ kind: 'argument', consumer: 'retry' });
  });
});

describe('awaitFixOf', () => {
  const fixIn = (code: string): string => {
    const { model } = parseSnippet(`${CONNECTION}${code}`);
    const [join] = floatingGroupJoins(model, DEFAULT_SETTINGS);
    const fix = awaitFixOf(model, join!);
    if (fix.kind === 'none') return `none: ${fix.reason}`;
    if (fix.kind === 'replace-void') return 'replace-void';
    return `insert before ${fix.insertBefore.type}${fix.parenthesize ? ' (parenthesized)' : ''}`;
  };

  it('inserts before the promise, parenthesising casts, or replaces void', () => {
    expect(fixIn(`async function f() { connection.invoke('JoinGroup', 'a'); }`)).toBe('insert before CallExpression');
    expect(fixIn(`async function f() { connection.invoke('JoinGroup', 'a') as Promise<void>; }`)).toBe('insert before TSAsExpression (parenthesized)');
    expect(fixIn(`async function f() { void connection.invoke('JoinGroup', 'a'); await connection.invoke('Send'); }`)).toBe('replace-void');
    expect(fixIn(`async function f() { const p = connection.invoke('JoinGroup', 'a'); }`)).toBe('insert before CallExpression');
  });

  it('gives reasons where an await cannot go', () => {
    expect(fixIn(`connection.invoke('JoinGroup', 'a');`)).toMatch(/top level/);
    expect(fixIn(`function f(rooms) { rooms.forEach((r) => connection.invoke('JoinGroup', r)); }`)).toMatch(/forEach/);
    expect(fixIn(`function f(rooms) { rooms.map((r) => connection.invoke('JoinGroup', r)); }`)).toMatch(/Promise\.all/);
    expect(fixIn(`async function f() { const p: Promise<void> = connection.invoke('JoinGroup', 'a'); }`)).toMatch(/declared type/);
    expect(fixIn(`async function f() { connection.invoke('JoinGroup', 'a'), other(); }`)).toMatch(/comma expression/);
  });
});
