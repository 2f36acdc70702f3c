// Group joins, and whether the code waits for them: the one analysis behind the `await-group-join`
// rule and the `add-awaits` codemod, so that both agree on what a floating join is.
//
// A join is a hub invocation naming a join method (`connection.invoke('JoinGroup', g)`), a classic
// hub proxy call (`proxy.invoke('JoinGroup')`, `proxy.server.joinGroup()`), a Web PubSub membership
// call (`client.group(g).addConnection(id)`), or a `PUT` to the REST group-membership path. What
// happens to its promise follows typescript-eslint's `no-floating-promises`: awaited, returned,
// yielded, chained into something handled or passed to a handled `Promise.all` is handled; `void` is
// a deliberate choice; anything else floats. The one extension: a promise returned to `.forEach` or
// collected by `.map` into an array nobody awaits is dropped there, and is reported too.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { calledMethod, enclosingFunction, outermostWrapper, parentSkippingWrappers, skipWrappers, staticPropertyName, walk } from './ast.js';
import type { SignalRModel } from './model.js';
import type { SignalRSettings } from './settings.js';
import {
  CLASSIC_CONNECTION_EVENTS,
  CLASSIC_CONNECTION_NAMESPACE,
  CLASSIC_GENERATED_HUB,
  CLASSIC_PROXY_FACTORY,
  CLASSIC_PROXY_SERVER,
  CLASSIC_PROXY_TYPE,
  CONNECTION_METHODS,
  WEB_PUBSUB_EXPORTS,
} from './signalr.js';
import { findProperty, staticString, staticText, UNKNOWN_TEXT } from './values.js';

// ---- vocabulary ----

/**
 * Hub method names that join a group, unless `settings.signalr.replaceDefaultJoinMethods`. The server
 * matches hub method names case-insensitively and the classic client's generated proxies camelCase
 * them, so the first letter may be either case; what follows a verb must start a new word, so
 * `Joined…` or `AddMessageToGroupChat` are not joins. `SendToGroup`, `LeaveGroup` never match.
 */
export const DEFAULT_JOIN_METHOD_PATTERNS: readonly RegExp[] = [
  // Join, JoinGroup, joinRoom, RejoinRoom, rejoin_groups
  /^(?:[Rr]e)?[Jj]oin(?![a-z])/,
  // AddToGroup, AddUserToGroup, addConnectionToRoom, AddToGroupsAsync
  /^[Aa]dd(?:User|Connection|Client|Me|Self)?(?:To|In|Into)(?:Group|Room|Channel)s?(?:Async)?$/,
  // SubscribeToGroup, subscribeGroup, listenGroup, ListenToGroup, EnterRoom
  /^(?:[Ss]ubscribe|[Ll]isten|[Ee]nter)(?:To|In|Into|On)?(?:Group|Room|Channel)s?(?:Async)?$/,
];

/** `@azure/web-pubsub`: `client.group(name)` gives a `WebPubSubGroup`, whose methods join and send. */
const WEB_PUBSUB_GROUP = { factory: 'group', joins: ['addConnection', 'addUser'], sends: ['sendToAll'] } as const;
/** `WebPubSubServiceClient` methods (and its generated REST operations) that put connections or users in groups. */
const WEB_PUBSUB_CLIENT_JOIN = /^add(?:Connection|User)s?ToGroups?$/;
const WEB_PUBSUB_CLIENT_SENDS: readonly string[] = ['sendToAll', 'sendToUser', 'sendToConnection'];

/**
 * The REST group-membership path of Azure SignalR Service (`/api/v1/hubs/{hub}/groups/{group}/
 * connections/{id}` or `…/users/{id}`) and of Web PubSub (the same under `/api/hubs/`): a `PUT` joins.
 */
export const REST_GROUP_MEMBERSHIP_PATH = /\/api(?:\/v1)?\/hubs\/[^/?#]+\/groups\/[^/?#]+\/(?:connections|users)\/[^/?#]+\/?(?:[?#]|$)/i;
/** A `POST` here sends: to the hub, a group, a user or a connection (`/:send` in newer API versions). */
export const REST_SEND_PATH = /\/api(?:\/v1)?\/hubs\/[^/?#]+(?:\/(?:groups|users|connections)\/[^/?#]+)?(?:\/:send)?\/?(?:[?#]|$)/i;
const HTTP = { fetch: 'fetch', request: 'request', urlOption: 'url', methodOption: 'method', join: 'PUT', send: 'POST' } as const;
/** HTTP clients' shortcut methods (axios, got, ky, Angular's HttpClient): `http.put(url, …)`. */
const HTTP_VERB_METHODS: Readonly<Record<string, string>> = { put: HTTP.join, post: HTTP.send };
/** Globals such as `fetch` and `setTimeout` are also reached through these objects. */
const GLOBAL_OBJECTS: readonly string[] = ['window', 'globalThis', 'self'];

const PROMISE = 'Promise';
const PROMISE_COMBINATORS: readonly string[] = ['all', 'allSettled', 'any', 'race'];
const PROMISE_METHODS = { then: 'then', catch: 'catch', finally: 'finally' } as const;
const CHAIN_METHODS: readonly string[] = Object.values(PROMISE_METHODS);
/** jQuery deferreds (the classic client's `invoke`) report failures to these callbacks, never as unhandled rejections. */
const DEFERRED_HANDLERS: readonly string[] = ['done', 'fail', 'then', 'always', 'catch'];

/** Array methods that call their callback at once: `forEach` drops each result, `map` collects them. */
const FOR_EACH = 'forEach';
const MAP_METHODS: readonly string[] = ['map', 'flatMap'];
/** Global functions that call their callback later and ignore what it returns. */
const TIMERS: readonly string[] = ['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'requestAnimationFrame', 'requestIdleCallback'];
/**
 * Methods that register a callback whose result nobody uses: DOM and Node events, SignalR handlers,
 * RxJS subscriptions, jQuery's ready and deferred callbacks.
 */
const IGNORING_REGISTRATIONS: readonly string[] = [
  'addEventListener', CONNECTION_METHODS.on, 'once', 'addListener', 'prependListener', 'prependOnceListener',
  CONNECTION_METHODS.onclose, CONNECTION_METHODS.onreconnecting, CONNECTION_METHODS.onreconnected,
  'subscribe', 'ready', 'done', 'fail', 'always',
];
/** `button.onclick = fn`, `<button onClick={fn}>`: handler properties whose results are ignored. */
const HANDLER_PROPERTY = /^on(?:[A-Z]|[a-z]+$)/;
/** React effects must return nothing or a cleanup function: never a promise. */
const REACT_EFFECTS: readonly string[] = ['useEffect', 'useLayoutEffect', 'useInsertionEffect'];

/**
 * With type information, connections and Web PubSub clients can come from files whose text never
 * names SignalR (`import { connection } from './hub'`). Such files are worth modelling only if they
 * call a method that could join.
 */
export const JOIN_CALL_HINT = /\.\s*(?:invoke|send|addConnection|addUser|add(?:Connection|User)s?ToGroups?)\s*\(/;

/** The matcher for hub method names that join a group, from the defaults and `settings.signalr`. */
export function joinMethodMatcher(settings: SignalRSettings): (name: string) => boolean {
  let matcher = matchers.get(settings);
  if (!matcher) {
    // Hub method names are case-insensitive on the server, so the listed names are too.
    const names = new Set(settings.joinMethods.map((name) => name.toLowerCase()));
    const patterns = [
      ...settings.joinMethodPatterns.map((source) => new RegExp(source, 'u')),
      ...(settings.replaceDefaultJoinMethods ? [] : DEFAULT_JOIN_METHOD_PATTERNS),
    ];
    matcher = (name) => names.has(name.toLowerCase()) || patterns.some((pattern) => pattern.test(name));
    matchers.set(settings, matcher);
  }
  return matcher;
}
const matchers = new WeakMap<SignalRSettings, (name: string) => boolean>();

// ---- joins and sends ----

/** `hub`: the ASP.NET Core client; `classic`: a jQuery hub proxy; `web-pubsub`: the server SDK; `rest`: an HTTP request. */
export type JoinKind = 'classic' | 'hub' | 'rest' | 'web-pubsub';

/** A call that joins a group, or that sends a message (which a join not yet completed can miss). */
export interface GroupCall {
  readonly call: TSESTree.CallExpression;
  readonly role: 'join' | 'send';
  readonly kind: JoinKind;
  /** How messages name it: `JoinGroup`, `server.joinGroup`, `addConnection`, `PUT …/groups/…/connections/…`. */
  readonly method: string;
  /**
   * What joins and sends that race each other share: the connection, the Web PubSub client, the
   * classic proxies' connection, or the REST API. Compare with `===`.
   */
  readonly channel: object;
  /** The call returns a jQuery deferred (classic client), which has no unhandled rejections. */
  readonly deferred: boolean;
}

/** What happens to a promise, in `no-floating-promises` terms. */
export type PromiseFate =
  | { readonly kind: 'handled' }
  | { readonly kind: 'voided'; readonly voidExpression: TSESTree.UnaryExpression }
  | {
      readonly kind: 'floating';
      readonly how: FloatingHow;
      /** Where the value is dropped: the statement, comma expression, `.forEach(…)` call, or unused declarator. */
      readonly dropped: Node;
      /** The promise-valued expression that an `await` would go in front of (the join, or a `.then` chain on it). */
      readonly promise: Node;
    };

/**
 * `discarded`: an expression statement (or comma expression, loop clause) drops it; `for-each`: it is
 * returned to `.forEach`; `array`: `.map` or an array literal collects it and nothing awaits the
 * array; `unused-variable`: stored in a variable that nothing reads.
 */
export type FloatingHow = 'array' | 'discarded' | 'for-each' | 'unused-variable';

export interface GroupJoin extends GroupCall {
  readonly role: 'join';
  readonly fate: PromiseFate;
}

/** A join the rule reports and the codemod fixes. */
export interface FloatingJoin extends GroupJoin {
  readonly fate: Exclude<PromiseFate, { kind: 'handled' }>;
  /** A send on the same channel that follows the join in the same function, racing it. */
  readonly racingSend: GroupCall | undefined;
}

interface Analysis {
  readonly settings: SignalRSettings;
  readonly joins: readonly GroupJoin[];
  readonly floating: readonly FloatingJoin[];
}
const analyses = new WeakMap<SignalRModel, Analysis>();

/** Every group join of the file, with its promise's fate. Computed once per file. */
export function groupJoins(model: SignalRModel, settings: SignalRSettings): readonly GroupJoin[] {
  return analysisOf(model, settings).joins;
}

/**
 * The joins whose promise floats, and the `void`ed ones that a send races: what the rule reports
 * and the codemod awaits.
 */
export function floatingGroupJoins(model: SignalRModel, settings: SignalRSettings): readonly FloatingJoin[] {
  return analysisOf(model, settings).floating;
}

function analysisOf(model: SignalRModel, settings: SignalRSettings): Analysis {
  const cached = analyses.get(model);
  if (cached?.settings === settings) return cached;
  const isJoinName = joinMethodMatcher(settings);
  const calls: GroupCall[] = [];
  walk(model.program, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const found = classifyCall(model, node, isJoinName);
    if (found) calls.push(found);
  });
  const sends = calls.filter((call) => call.role === 'send');
  const joins = calls
    .filter((call): call is GroupCall & { role: 'join' } => call.role === 'join')
    .map((join): GroupJoin => ({ ...join, fate: promiseFate(model, join.call, join.deferred) }));
  const floating: FloatingJoin[] = [];
  for (const join of joins) {
    if (join.fate.kind === 'handled') continue;
    const dropped = join.fate.kind === 'voided' ? join.fate.voidExpression : join.fate.dropped;
    const racingSend = findRacingSend(model, join, dropped, sends);
    // `void join()` says "I do not need to wait"; only a send that follows makes that wrong.
    if (join.fate.kind === 'voided' && !racingSend) continue;
    floating.push({ ...join, fate: join.fate, racingSend });
  }
  const analysis = { settings, joins, floating };
  analyses.set(model, analysis);
  return analysis;
}

function classifyCall(model: SignalRModel, call: TSESTree.CallExpression, isJoinName: (name: string) => boolean): GroupCall | undefined {
  const method = calledMethod(call);
  if (!method) return restCall(model, call);
  return (
    hubInvocation(model, call, method, isJoinName) ??
    classicServerCall(model, call, method, isJoinName) ??
    webPubSubCall(model, call, method) ??
    restCall(model, call)
  );
}

/** `connection.invoke/send/stream(name, …)` on a core connection, or `proxy.invoke(name, …)` on a classic proxy. */
function hubInvocation(
  model: SignalRModel,
  call: TSESTree.CallExpression,
  method: { object: Node; name: string },
  isJoinName: (name: string) => boolean,
): GroupCall | undefined {
  const { invoke, send, stream } = CONNECTION_METHODS;
  if (method.name !== invoke && method.name !== send && method.name !== stream) return undefined;
  const [nameArgument] = call.arguments;
  const hubMethod = nameArgument && hubMethodName(model, nameArgument);
  const joins = hubMethod !== undefined && method.name !== stream && isJoinName(hubMethod);
  const role = joins ? 'join' : 'send';
  const connection = model.connectionOf(method.object);
  if (connection?.flavour === 'core') {
    return { call, role, kind: 'hub', method: hubMethod ?? method.name, channel: connection, deferred: false };
  }
  const proxyChannel = method.name === invoke ? classicProxyChannel(model, method.object) : undefined;
  return proxyChannel && { call, role, kind: 'classic', method: hubMethod ?? method.name, channel: proxyChannel, deferred: true };
}

/** `proxy.server.joinGroup(…)`: a method of the classic client's generated proxy. */
function classicServerCall(
  model: SignalRModel,
  call: TSESTree.CallExpression,
  method: { object: Node; name: string },
  isJoinName: (name: string) => boolean,
): GroupCall | undefined {
  const server = skipWrappers(method.object);
  if (server.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(server) !== CLASSIC_PROXY_SERVER) return undefined;
  const channel = classicProxyChannel(model, server.object);
  if (!channel) return undefined;
  const role = isJoinName(method.name) ? 'join' : 'send';
  return { call, role, kind: 'classic', method: `${CLASSIC_PROXY_SERVER}.${method.name}`, channel, deferred: true };
}

function webPubSubCall(model: SignalRModel, call: TSESTree.CallExpression, method: { object: Node; name: string }): GroupCall | undefined {
  const groupJoin = (WEB_PUBSUB_GROUP.joins as readonly string[]).includes(method.name);
  if (groupJoin || (WEB_PUBSUB_GROUP.sends as readonly string[]).includes(method.name)) {
    const channel = webPubSubGroupChannel(model, method.object);
    if (channel) return { call, role: groupJoin ? 'join' : 'send', kind: 'web-pubsub', method: method.name, channel, deferred: false };
  }
  const clientJoin = WEB_PUBSUB_CLIENT_JOIN.test(method.name);
  if (clientJoin || WEB_PUBSUB_CLIENT_SENDS.includes(method.name)) {
    const channel = webPubSubClientChannel(model, method.object);
    if (channel) return { call, role: clientJoin ? 'join' : 'send', kind: 'web-pubsub', method: method.name, channel, deferred: false };
  }
  return undefined;
}

/** Every REST join and send races every other: they share this channel. */
const REST_CHANNEL = { rest: true };

/** `fetch`/HTTP-client requests to the REST API whose path the file spells out. */
function restCall(model: SignalRModel, call: TSESTree.CallExpression): GroupCall | undefined {
  const request = httpRequest(model, call);
  if (!request) return undefined;
  const path = staticText(model, request.url);
  if (request.method === HTTP.join) {
    const match = REST_GROUP_MEMBERSHIP_PATH.exec(path);
    const shown = match?.[0].replace(/[?#]$/, '').replaceAll(UNKNOWN_TEXT, '…');
    return shown === undefined ? undefined : { call, role: 'join', kind: 'rest', method: `PUT ${shown}`, channel: REST_CHANNEL, deferred: false };
  }
  if (request.method === HTTP.send && REST_SEND_PATH.test(path)) {
    return { call, role: 'send', kind: 'rest', method: 'POST', channel: REST_CHANNEL, deferred: false };
  }
  return undefined;
}

/** `fetch(url, { method })`, `http.put(url, …)`/`.post(url, …)`, `http.request({ method, url })`. */
function httpRequest(model: SignalRModel, call: TSESTree.CallExpression): { url: Node; method: string | undefined } | undefined {
  const [first, second] = call.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const callee = skipWrappers(call.callee);
  // `fetch` may be the global or an import (`node-fetch`, `undici`); the path decides anyway.
  const isFetch = callee.type === AST_NODE_TYPES.Identifier ? callee.name === HTTP.fetch : isGlobalFunction(model, callee, HTTP.fetch);
  if (isFetch) {
    return { url: first, method: second && second.type !== AST_NODE_TYPES.SpreadElement ? requestMethod(model, second) : 'GET' };
  }
  const name = calledMethod(call)?.name;
  const verb = name !== undefined && Object.hasOwn(HTTP_VERB_METHODS, name) ? HTTP_VERB_METHODS[name] : undefined;
  if (verb) return { url: first, method: verb };
  if (name === HTTP.request) {
    const url = findProperty(model, first, HTTP.urlOption);
    return url && url !== 'unknown' ? { url: url.value, method: requestMethod(model, first) } : undefined;
  }
  return undefined;
}

/** The HTTP method an options object sets (`GET` when it sets none); undefined when computed. */
function requestMethod(model: SignalRModel, options: Node): string | undefined {
  const found = findProperty(model, options, HTTP.methodOption);
  if (found === 'unknown') return undefined;
  if (!found) return 'GET';
  return staticString(model, found.value)?.toUpperCase();
}

/**
 * The hub method an `invoke`/`send` names: a string, a `const`, a member of an enum or of a `const`
 * object (`HubMethods.JoinGroup`).
 */
export function hubMethodName(model: SignalRModel, node: Node): string | undefined {
  const text = staticString(model, node);
  if (text !== undefined) return text;
  const target = skipWrappers(node);
  if (target.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const property = staticPropertyName(target);
  if (property === undefined) return undefined;
  const enumMember = enumMemberValue(model, target.object, property);
  if (enumMember) return staticString(model, enumMember);
  const found = findProperty(model, target.object, property);
  return found && found !== 'unknown' ? staticString(model, found.value) : undefined;
}

function enumMemberValue(model: SignalRModel, object: Node, memberName: string): Node | undefined {
  const target = skipWrappers(object);
  const variable = target.type === AST_NODE_TYPES.Identifier ? model.variableOf(target) : undefined;
  for (const def of variable?.defs ?? []) {
    if (def.node.type !== AST_NODE_TYPES.TSEnumDeclaration) continue;
    for (const member of def.node.body.members) {
      const name = member.id.type === AST_NODE_TYPES.Identifier ? member.id.name : String(member.id.value);
      if (name === memberName) return member.initializer;
    }
  }
  return undefined;
}

// ---- what holds a proxy or a Web PubSub client ----

/** All generated proxies (`$.connection.chatHub`) share the one `$.connection.hub` connection. */
const GENERATED_PROXIES_CHANNEL = { classic: CLASSIC_GENERATED_HUB };
/** How far the analyses follow values from slot to slot (`a = b`, `this.x = a`). */
const MAX_HOPS = 4;

/** For an expression that is a classic hub proxy, the channel of its connection. */
function classicProxyChannel(model: SignalRModel, node: Node, hops = 0): object | undefined {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.CallExpression) {
    const method = calledMethod(target);
    const connection = method?.name === CLASSIC_PROXY_FACTORY ? model.connectionOf(method.object) : undefined;
    return connection?.flavour === 'classic' ? connection : undefined;
  }
  if (target.type === AST_NODE_TYPES.MemberExpression && isGeneratedProxy(model, target)) return GENERATED_PROXIES_CHANNEL;
  const slot = hops < MAX_HOPS ? model.slotOf(target) : undefined;
  if (!slot) return undefined;
  for (const value of slot.values) {
    const channel = classicProxyChannel(model, value, hops + 1);
    if (channel) return channel;
  }
  return slot.annotations.some((type) => typeReferenceText(type) === CLASSIC_PROXY_TYPE) ? slot.key : undefined;
}

/** `$.connection.<hub>` other than `$.connection.hub` (the connection itself). */
function isGeneratedProxy(model: SignalRModel, member: TSESTree.MemberExpression): boolean {
  const name = staticPropertyName(member);
  const namespace = skipWrappers(member.object);
  return (
    name !== undefined &&
    name !== CLASSIC_GENERATED_HUB &&
    namespace.type === AST_NODE_TYPES.MemberExpression &&
    staticPropertyName(namespace) === CLASSIC_CONNECTION_NAMESPACE &&
    model.isJQuery(namespace.object)
  );
}

/** For an expression that is a `WebPubSubServiceClient`, a channel that is the same for the same client. */
function webPubSubClientChannel(model: SignalRModel, node: Node, hops = 0): object | undefined {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.NewExpression) {
    return model.isWebPubSubExport(target.callee, WEB_PUBSUB_EXPORTS.serviceClient) ? target : undefined;
  }
  return heldWebPubSubValue(model, target, WEB_PUBSUB_EXPORTS.serviceClient, hops, webPubSubClientChannel);
}

/** For an expression that is a `WebPubSubGroup`: its client's channel (or, when only its type is known, its own). */
function webPubSubGroupChannel(model: SignalRModel, node: Node, hops = 0): object | undefined {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.CallExpression) {
    const method = calledMethod(target);
    const channel = method?.name === WEB_PUBSUB_GROUP.factory ? webPubSubClientChannel(model, method.object, hops + 1) : undefined;
    if (channel) return channel;
  }
  return heldWebPubSubValue(model, target, WEB_PUBSUB_EXPORTS.group, hops, webPubSubGroupChannel);
}

/** A variable, field or property that holds a Web PubSub value (by what is stored, its declared type, or with types). */
function heldWebPubSubValue(
  model: SignalRModel,
  target: Node,
  exportName: string,
  hops: number,
  channelOf: (model: SignalRModel, node: Node, hops: number) => object | undefined,
): object | undefined {
  const slot = hops < MAX_HOPS ? model.slotOf(target) : undefined;
  for (const value of slot?.values ?? []) {
    const channel = channelOf(model, value, hops + 1);
    if (channel) return channel;
  }
  if (slot?.annotations.some((type) => isTypeOf(model, type, exportName))) return slot.key;
  return model.hasWebPubSubType(target, exportName) ? (slot?.key ?? target) : undefined;
}

function isTypeOf(model: SignalRModel, type: TSESTree.TypeNode, exportName: string): boolean {
  if (type.type === AST_NODE_TYPES.TSUnionType) return type.types.some((member) => isTypeOf(model, member, exportName));
  return type.type === AST_NODE_TYPES.TSTypeReference && model.isWebPubSubExport(type.typeName, exportName);
}

function typeReferenceText(type: TSESTree.TypeNode): string | undefined {
  if (type.type === AST_NODE_TYPES.TSUnionType) return type.types.map(typeReferenceText).find((text) => text !== undefined);
  if (type.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const parts: string[] = [];
  let name: TSESTree.EntityName = type.typeName;
  while (name.type === AST_NODE_TYPES.TSQualifiedName) {
    parts.unshift(name.right.name);
    name = name.left;
  }
  if (name.type !== AST_NODE_TYPES.Identifier) return undefined;
  parts.unshift(name.name);
  return parts.join('.');
}

// ---- what happens to a promise ----

const HANDLED: PromiseFate = { kind: 'handled' };
/** Beyond this many steps (variable to use to variable…) the analysis stops guessing and calls it handled. */
const MAX_FLOW_STEPS = 12;

/** What happens to the promise `expression` evaluates to; `deferred` for jQuery deferreds. */
export function promiseFate(model: SignalRModel, expression: Node, deferred = false): PromiseFate {
  return fateOf(model, expression, deferred, undefined, 0, new Set());
}

function fateOf(model: SignalRModel, value: Node, deferred: boolean, promise: Node | undefined, steps: number, seen: Set<Variable>): PromiseFate {
  if (steps > MAX_FLOW_STEPS) return HANDLED;
  const node = outermostWrapper(value);
  const carrier = promise ?? node;
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.ExpressionStatement:
      return floating('discarded', parent, carrier);
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'void' ? { kind: 'voided', voidExpression: parent } : HANDLED;
    case AST_NODE_TYPES.ReturnStatement: {
      const fn = enclosingFunction(parent);
      return fn ? returnedFate(model, fn, steps, seen) : HANDLED;
    }
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === node ? returnedFate(model, parent, steps, seen) : HANDLED;
    case AST_NODE_TYPES.SequenceExpression:
      return parent.expressions.at(-1) === node
        ? fateOf(model, parent, deferred, carrier, steps + 1, seen)
        : floating('discarded', parent, node);
    case AST_NODE_TYPES.LogicalExpression:
      return fateOf(model, parent, deferred, carrier, steps + 1, seen);
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === node ? HANDLED : fateOf(model, parent, deferred, carrier, steps + 1, seen);
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node ? chainedFate(model, parent, deferred, steps, seen) : HANDLED;
    case AST_NODE_TYPES.ArrayExpression:
      return arrayFate(model, parent, steps + 1, seen);
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier
        ? storedFate(model, parent.id, parent, carrier, steps, seen, (use) => fateOf(model, use, deferred, undefined, steps + 1, seen))
        : HANDLED;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === node && parent.operator === '=' && parent.left.type === AST_NODE_TYPES.Identifier
        ? storedFate(model, parent.left, parent, carrier, steps, seen, (use) => fateOf(model, use, deferred, undefined, steps + 1, seen))
        : HANDLED;
    case AST_NODE_TYPES.ForStatement:
      return parent.test === node ? HANDLED : floating('discarded', parent, carrier);
    default:
      // Awaited, yielded, passed to a function, stored in an object: handled, or out of sight.
      return HANDLED;
  }
}

function floating(how: FloatingHow, dropped: Node, promise: Node): PromiseFate {
  return { kind: 'floating', how, dropped, promise };
}

/** `p.then(…)`, `p.catch(…)`, `p.finally(…)`, `deferred.done(…)`: the promise as the receiver of a method call. */
function chainedFate(model: SignalRModel, member: TSESTree.MemberExpression, deferred: boolean, steps: number, seen: Set<Variable>): PromiseFate {
  const call = parentSkippingWrappers(member);
  if (call?.type !== AST_NODE_TYPES.CallExpression || skipWrappers(call.callee) !== member) return HANDLED;
  const name = staticPropertyName(member);
  const argumentCount = call.arguments.length;
  if (deferred && name !== undefined && DEFERRED_HANDLERS.includes(name)) return HANDLED;
  if (name === PROMISE_METHODS.catch && argumentCount > 0) return HANDLED;
  if (name === PROMISE_METHODS.then && argumentCount > 1) return HANDLED;
  if (name === PROMISE_METHODS.then || name === PROMISE_METHODS.finally) return fateOf(model, call, deferred, undefined, steps + 1, seen);
  return HANDLED;
}

/** A promise returned from `fn` goes wherever `fn`'s result goes. */
function returnedFate(model: SignalRModel, fn: FunctionNode, steps: number, seen: Set<Variable>): PromiseFate {
  const role = callbackRole(model, fn);
  if (role.kind === 'for-each') return floating('for-each', role.call, role.call);
  if (role.kind === 'mapped') return arrayFate(model, role.call, steps + 1, seen);
  // Returned to a caller: the caller's business, as for `no-floating-promises`.
  return HANDLED;
}

/** An array of promises (a literal, or `.map(…)`): handled only through a handled `Promise.all`-style call. */
function arrayFate(model: SignalRModel, array: Node, steps: number, seen: Set<Variable>): PromiseFate {
  if (steps > MAX_FLOW_STEPS) return HANDLED;
  const node = outermostWrapper(array);
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.CallExpression:
      return parent.arguments.includes(node as TSESTree.CallExpressionArgument) && isPromiseCombinator(model, parent)
        ? fateOf(model, parent, false, undefined, steps + 1, seen)
        : HANDLED;
    case AST_NODE_TYPES.ExpressionStatement:
      return floating('array', parent, node);
    case AST_NODE_TYPES.AwaitExpression:
      // `await [a, b]` waits for nothing.
      return floating('array', parent, node);
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier
        ? storedFate(model, parent.id, parent, node, steps, seen, (use) => arrayFate(model, use, steps + 1, seen))
        : HANDLED;
    default:
      return HANDLED;
  }
}

/** A value stored in a variable: handled when any read of it handles it; floating when nothing reads it. */
function storedFate(
  model: SignalRModel,
  name: TSESTree.Identifier,
  holder: Node,
  value: Node,
  steps: number,
  seen: Set<Variable>,
  fateOfUse: (use: Node) => PromiseFate,
): PromiseFate {
  const variable = model.variableOf(name);
  if (!variable || seen.has(variable)) return HANDLED;
  seen.add(variable);
  const reads = variable.references.filter((reference) => reference.isRead());
  if (reads.length === 0) return floating('unused-variable', holder, value);
  let voided: PromiseFate | undefined;
  let dropped: PromiseFate | undefined;
  for (const read of reads) {
    const fate = fateOfUse(read.identifier);
    if (fate.kind === 'handled') return HANDLED;
    if (fate.kind === 'voided') voided ??= fate;
    else dropped ??= fate;
  }
  return voided ?? dropped ?? HANDLED;
}

/** `Promise.all(…)`, `Promise.allSettled(…)`, `Promise.any(…)`, `Promise.race(…)` on the global `Promise`. */
function isPromiseCombinator(model: SignalRModel, call: TSESTree.CallExpression): boolean {
  const method = calledMethod(call);
  return method !== undefined && PROMISE_COMBINATORS.includes(method.name) && isGlobalName(model, method.object, PROMISE);
}

// ---- who calls a function, and what it does with the result ----

/**
 * What a function is to its caller, which decides both where a promise it returns goes and whether
 * it may become `async`:
 * - `for-each`: a `.forEach` callback, called at once, its result dropped;
 * - `mapped`: a `.map`/`.flatMap` callback, its results collected into an array;
 * - `chained`: a `.then`/`.catch`/`.finally` callback, its result adopted by the chain;
 * - `ignored`: called later by something that ignores its result (events, timers, JSX handlers,
 *   an IIFE statement);
 * - `argument`: passed to a function that may use its result (`consumer` names it);
 * - `named`: declared, assigned to a name, or a method: its callers decide (`name` is where);
 * - `constructor`, `accessor` (cannot be async), `other` (none of the above).
 */
export type CallbackRole =
  | { readonly kind: 'accessor' | 'constructor' | 'other' }
  | { readonly kind: 'argument'; readonly consumer: string }
  | { readonly kind: 'chained' | 'for-each' | 'mapped'; readonly call: TSESTree.CallExpression }
  | { readonly kind: 'ignored'; readonly consumer: string }
  | { readonly kind: 'named'; readonly name: Node };

export function callbackRole(model: SignalRModel, fn: FunctionNode): CallbackRole {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id ? { kind: 'named', name: fn.id } : { kind: 'other' };
  const holder = outermostWrapper(fn);
  const parent = holder.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.TSAbstractMethodDefinition:
      if (parent.kind === 'constructor') return { kind: 'constructor' };
      if (parent.kind === 'get' || parent.kind === 'set') return { kind: 'accessor' };
      return { kind: 'named', name: parent.key };
    case AST_NODE_TYPES.Property:
      if (parent.value !== holder) return { kind: 'other' };
      if (parent.kind === 'get' || parent.kind === 'set') return { kind: 'accessor' };
      return { kind: 'named', name: parent.key };
    case AST_NODE_TYPES.PropertyDefinition:
      return parent.value === holder ? { kind: 'named', name: parent.key } : { kind: 'other' };
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === holder && parent.id.type === AST_NODE_TYPES.Identifier ? { kind: 'named', name: parent.id } : { kind: 'other' };
    case AST_NODE_TYPES.AssignmentExpression: {
      const target = skipWrappers(parent.left);
      const property = target.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(target) : undefined;
      return parent.right === holder && property !== undefined && HANDLER_PROPERTY.test(property)
        ? { kind: 'ignored', consumer: property }
        : { kind: 'other' };
    }
    case AST_NODE_TYPES.JSXExpressionContainer: {
      const attribute = parent.parent;
      return attribute?.type === AST_NODE_TYPES.JSXAttribute &&
        attribute.name.type === AST_NODE_TYPES.JSXIdentifier &&
        HANDLER_PROPERTY.test(attribute.name.name)
        ? { kind: 'ignored', consumer: attribute.name.name }
        : { kind: 'other' };
    }
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === holder ? immediateRole(parent) : argumentRole(model, parent, holder);
    default:
      return { kind: 'other' };
  }
}

/** `(function () { … })();` as a statement: nobody uses its result. */
function immediateRole(call: TSESTree.CallExpression | TSESTree.NewExpression): CallbackRole {
  const user = parentSkippingWrappers(call);
  const ignored = user?.type === AST_NODE_TYPES.ExpressionStatement || (user?.type === AST_NODE_TYPES.UnaryExpression && user.operator === 'void');
  return ignored ? { kind: 'ignored', consumer: 'an immediately invoked function' } : { kind: 'other' };
}

function argumentRole(model: SignalRModel, call: TSESTree.CallExpression | TSESTree.NewExpression, argument: Node): CallbackRole {
  if (!call.arguments.includes(argument as TSESTree.CallExpressionArgument)) return { kind: 'other' };
  const method = call.type === AST_NODE_TYPES.CallExpression ? calledMethod(call) : undefined;
  if (call.type === AST_NODE_TYPES.CallExpression && method) {
    if (method.name === FOR_EACH) return { kind: 'for-each', call };
    if (MAP_METHODS.includes(method.name)) return { kind: 'mapped', call };
    if (CHAIN_METHODS.includes(method.name)) return { kind: 'chained', call };
    if (IGNORING_REGISTRATIONS.includes(method.name)) return { kind: 'ignored', consumer: `.${method.name}(…)` };
    if (CLASSIC_CONNECTION_EVENTS.includes(method.name) && model.connectionOf(method.object)?.flavour === 'classic') {
      return { kind: 'ignored', consumer: `.${method.name}(…)` };
    }
  }
  const callee = skipWrappers(call.callee);
  if (TIMERS.some((timer) => isGlobalFunction(model, callee, timer))) return { kind: 'ignored', consumer: 'a timer' };
  // `$(function () { … })`: jQuery's document-ready callback.
  if (call.type === AST_NODE_TYPES.CallExpression && model.isJQuery(callee)) return { kind: 'ignored', consumer: '$(…)' };
  const consumer = method?.name ?? (callee.type === AST_NODE_TYPES.Identifier ? callee.name : 'a function');
  return { kind: 'argument', consumer };
}

/** `name` as a global (not declared in the file): `Promise`, `setTimeout`. */
function isGlobalName(model: SignalRModel, node: Node, name: string): boolean {
  const target = skipWrappers(node);
  if (target.type !== AST_NODE_TYPES.Identifier || target.name !== name) return false;
  const variable = model.variableOf(target);
  return !variable || variable.defs.length === 0;
}

/** `fetch`, `setTimeout`: the global function, or the same through `window.`/`globalThis.`/`self.`. */
function isGlobalFunction(model: SignalRModel, node: Node, name: string): boolean {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipWrappers(target.object);
    return staticPropertyName(target) === name && object.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.some((global) => isGlobalName(model, object, global));
  }
  return isGlobalName(model, target, name);
}

// ---- sends that race a join ----

/**
 * A send on the join's channel after the point where the join's promise is dropped, in the same
 * function; through `.forEach` callbacks, in the function that called `forEach` too.
 */
function findRacingSend(model: SignalRModel, join: GroupCall, dropped: Node, sends: readonly GroupCall[]): GroupCall | undefined {
  let point = dropped;
  for (;;) {
    const fn = enclosingFunction(point);
    const after = point.range[1];
    const send = sends.find((candidate) => candidate.channel === join.channel && candidate.call.range[0] >= after && enclosingFunction(candidate.call) === fn);
    if (send) return send;
    const role = fn && callbackRole(model, fn);
    if (role?.kind !== 'for-each') return undefined;
    point = role.call;
  }
}

// ---- how to await a floating join ----

/**
 * Where an `await` fixes a floating join: in front of `insertBefore` (parenthesised when it is an
 * `as`/`satisfies` expression), or in place of the `void` operator, inside `fn`.
 */
export type AwaitFix =
  | { readonly kind: 'insert'; readonly fn: FunctionNode; readonly insertBefore: Node; readonly parenthesize: boolean }
  | { readonly kind: 'replace-void'; readonly fn: FunctionNode; readonly voidExpression: TSESTree.UnaryExpression }
  | { readonly kind: 'none'; readonly reason: string };

export function awaitFixOf(model: SignalRModel, join: FloatingJoin): AwaitFix {
  const { fate } = join;
  if (fate.kind === 'voided') {
    const fn = enclosingFunction(fate.voidExpression);
    return fn ? { kind: 'replace-void', fn, voidExpression: fate.voidExpression } : none(TOP_LEVEL);
  }
  switch (fate.how) {
    case 'for-each':
      return none('its promise is returned to `.forEach`, which does not wait for it: use `for…of` with `await`, or `await Promise.all(….map(…))`');
    case 'array':
      return none('its promise is collected into an array that nothing awaits: wrap the array in `await Promise.all(…)`');
    case 'unused-variable': {
      const declarator = fate.dropped;
      const annotated = declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.typeAnnotation !== undefined;
      if (annotated) return none('its promise is stored in a variable whose declared type would change; await the variable');
      break;
    }
    case 'discarded':
      if (fate.dropped.type !== AST_NODE_TYPES.ExpressionStatement) return none('it is inside a comma expression or a loop clause; move it into a statement of its own');
      break;
  }
  const fn = enclosingFunction(fate.promise);
  if (!fn) return none(TOP_LEVEL);
  const promise = fate.promise;
  const parenthesize = promise.type === AST_NODE_TYPES.TSAsExpression || promise.type === AST_NODE_TYPES.TSSatisfiesExpression;
  return { kind: 'insert', fn, insertBefore: promise, parenthesize };
}

const TOP_LEVEL = 'it is at the top level of the module, where `await` needs an ES module and a recent target; move it into an async function';

function none(reason: string): AwaitFix {
  return { kind: 'none', reason };
}

/**
 * Whether `fn` may become `async` so that an `await` can go inside it:
 * - `async`: it already is;
 * - `safe`: nobody uses its result, or a promise chain adopts it;
 * - `ask-callers`: a named function or method, safe when every caller ignores or awaits its result
 *   (a whole-program question: see `codemods/utils/callers.ts`);
 * - `unsafe`, with the reason.
 * `returnType` says what its declared return type needs: nothing, `void` → `Promise<void>`, or it
 * does not allow a promise at all (then the verdict is `unsafe`).
 */
export type AsyncVerdict =
  | { readonly kind: 'async' }
  | { readonly kind: 'ask-callers'; readonly name: Node; readonly returnType: ReturnTypeChange }
  | { readonly kind: 'safe'; readonly returnType: ReturnTypeChange }
  | { readonly kind: 'unsafe'; readonly reason: string };

/** `keep`: no annotation, or one a promise fits; `void`: the `void` annotation to turn into `Promise<void>`. */
export type ReturnTypeChange = { readonly kind: 'keep' } | { readonly kind: 'void'; readonly annotation: TSESTree.TSVoidKeyword };

export function asyncVerdict(model: SignalRModel, fn: FunctionNode): AsyncVerdict {
  if (fn.async) return { kind: 'async' };
  if (fn.generator) return unsafe('it is in a generator function, which cannot simply become async');
  const role = callbackRole(model, fn);
  let verdict: AsyncVerdict;
  switch (role.kind) {
    case 'constructor':
      return unsafe('it is in a constructor, which cannot be async: move the join into an async method that the owner awaits');
    case 'accessor':
      return unsafe('it is in a getter or setter, which cannot be async');
    case 'for-each':
      return unsafe('it is in a `.forEach` callback, and `forEach` does not wait for async callbacks: use `for…of` with `await`');
    case 'mapped':
      return unsafe('it is in a `.map` callback; making it async would produce an array of promises that nothing awaits');
    case 'argument':
      return unsafe(
        REACT_EFFECTS.includes(role.consumer)
          ? `it is in a React effect, which cannot be async (\`${role.consumer}\` takes only a cleanup function as result): move the join into an async function that the effect calls`
          : `it is in a function passed to \`${role.consumer}\`, which may use its result`,
      );
    case 'other':
      return unsafe('nothing shows who calls the enclosing function and what it does with its result');
    case 'ignored':
    case 'chained':
      verdict = { kind: 'safe', returnType: { kind: 'keep' } };
      break;
    case 'named':
      verdict = { kind: 'ask-callers', name: role.name, returnType: { kind: 'keep' } };
      break;
  }
  const returnType = returnTypeChange(fn);
  if (!returnType) return unsafe('the declared return type of the enclosing function does not allow a promise');
  return { ...verdict, returnType };
}

function unsafe(reason: string): AsyncVerdict {
  return { kind: 'unsafe', reason };
}

/** What `fn`'s return type annotation needs if `fn` becomes async; undefined when a promise cannot fit it. */
function returnTypeChange(fn: FunctionNode): ReturnTypeChange | undefined {
  const annotation = fn.returnType?.typeAnnotation;
  if (!annotation) return { kind: 'keep' };
  switch (annotation.type) {
    case AST_NODE_TYPES.TSVoidKeyword:
      return { kind: 'void', annotation };
    case AST_NODE_TYPES.TSAnyKeyword:
    case AST_NODE_TYPES.TSUnknownKeyword:
      return { kind: 'keep' };
    case AST_NODE_TYPES.TSTypeReference:
      return annotation.typeName.type === AST_NODE_TYPES.Identifier && annotation.typeName.name === PROMISE ? { kind: 'keep' } : undefined;
    default:
      return undefined;
  }
}
