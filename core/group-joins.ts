// Group joins, and whether the code waits for them: the one analysis behind the `await-group-join`
// rule and the `add-awaits` codemod, so that both agree on what a floating join is.
//
// A join is a hub invocation naming a join method (`connection.invoke('JoinGroup', g)`), a classic
// hub proxy call (`proxy.invoke('JoinGroup')`, `proxy.server.joinGroup()`), a Web PubSub membership
// call (`client.group(g).addConnection(id)`), a Web PubSub client SDK join (`client.joinGroup(g)`),
// or a `PUT` to the REST group-membership path. What
// happens to its promise is core/promises.ts's `promiseFate`; a join whose promise floats, or a
// `void`ed one that a send on the same channel (core/group-channels.ts) races, is reported.
// Joins through the app's own server (a serverless client posting its connection id with a group)
// are core/connection-ids.ts's: which send could race one, the file does not say.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from './ast.js';
import { calledMethod, enclosingFunction, isFunction, skipWrappers, staticPropertyName, walk } from './ast.js';
import { isGlobalFunction } from './globals.js';
import { classicProxyChannel, WEB_PUBSUB_GROUP, webPubSubClientChannel, webPubSubGroupChannel } from './group-channels.js';
import type { SignalRModel } from './model.js';
import type { JoinWrapperFact } from './project-facts.js';
import type { PromiseFate } from './promises.js';
import { callbackRole, promiseFate } from './promises.js';
import type { SignalRSettings } from './settings.js';
import { CLASSIC_PROXY_SERVER, CONNECTION_METHODS } from './signalr.js';
import { findProperty, staticString, staticText, UNKNOWN_TEXT } from './values.js';
import { WEB_PUBSUB_CLIENT_GROUP_METHODS } from './web-pubsub-client.js';

// ---- vocabulary ----

/**
 * Hub method names that join a group, unless `settings.signalr.replaceDefaultJoinMethods`. The server
 * matches hub method names case-insensitively and the classic client's generated proxies camelCase
 * them, so the first letter may be either case; what follows a verb must start a new word, so
 * `Joined…` or `AddMessageToGroupChat` are not joins. `SendToGroup`, `LeaveGroup` never match.
 * A bare `Join` (or `JoinGame`, `Rejoin`) is a join only with evidence from the call: see `VERB_ONLY_JOIN`.
 */
export const DEFAULT_JOIN_METHOD_PATTERNS: readonly RegExp[] = [
  // Join, JoinGroup, joinRoom, RejoinRoom, rejoin_groups
  /^(?:[Rr]e)?[Jj]oin(?![a-z])/,
  // AddToGroup, AddUserToGroup, addConnectionToRoom, AddToGroupsAsync
  /^[Aa]dd(?:User|Connection|Client|Me|Self)?(?:To|In|Into)(?:Group|Room|Channel)s?(?:Async)?$/,
  // SubscribeToGroup, subscribeGroup, listenGroup, ListenToGroup, EnterRoom
  /^(?:[Ss]ubscribe|[Ll]isten|[Ee]nter)(?:To|In|Into|On)?(?:Group|Room|Channel)s?(?:Async)?$/,
];

/**
 * A default join name that does not name a group (`Join`, `Rejoin`, `JoinGame`, `join_chat`): hubs use
 * such names as often for "I am online" (a user joins the chat) as for group membership, so the call
 * must show a group: see `showsGroup`. Names from `settings.signalr` need no such evidence.
 */
const VERB_ONLY_JOIN = /^(?:[Rr]e)?[Jj]oin(?!_?(?:[Gg]roup|[Rr]oom|[Cc]hannel|[Tt]opic)s?(?![a-z]))/;
/** Words in an argument that say it names a group: `room`, `groupName`, `this.channelId`, `chat.id`. */
export const GROUP_WORDS = /group|room|channel|topic|chat|lobby|game|match|session|team|conversation|board/i;
/** `Leave`, `LeaveGame`: the counterpart of a verb-only join name, by the same suffix. */
const LEAVE_PREFIX = /^[Ll]eave/;
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

/**
 * With type information, connections and Web PubSub clients can come from files whose text never
 * names SignalR (`import { connection } from './hub'`). Such files are worth modelling only if they
 * call a method that could join.
 */
export const JOIN_CALL_HINT = /\.\s*(?:invoke|send|addConnection|addUser|add(?:Connection|User)s?ToGroups?)\s*\(/;

/** The matcher for hub method names that join a group, from the defaults and `settings.signalr`. */
export function joinMethodMatcher(settings: SignalRSettings): (name: string) => boolean {
  const classify = joinNameClassifier(settings);
  return (name) => classify(name) !== undefined;
}

/**
 * How sure a hub method name is to join a group: `named` (the name says so, or settings list it),
 * `verb-only` (a default name with no group in it: the call must show one), or undefined.
 */
type JoinNameKind = 'named' | 'verb-only';

function joinNameClassifier(settings: SignalRSettings): (name: string) => JoinNameKind | undefined {
  let classifier = classifiers.get(settings);
  if (!classifier) {
    // Hub method names are case-insensitive on the server, so the listed names are too.
    const names = new Set(settings.joinMethods.map((name) => name.toLowerCase()));
    const patterns = settings.joinMethodPatterns.map((source) => new RegExp(source, 'u'));
    const defaults = settings.replaceDefaultJoinMethods ? [] : DEFAULT_JOIN_METHOD_PATTERNS;
    classifier = (name) => {
      if (names.has(name.toLowerCase()) || patterns.some((pattern) => pattern.test(name))) return 'named';
      if (!defaults.some((pattern) => pattern.test(name))) return undefined;
      return VERB_ONLY_JOIN.test(name) ? 'verb-only' : 'named';
    };
    classifiers.set(settings, classifier);
  }
  return classifier;
}

const classifiers = new WeakMap<SignalRSettings, (name: string) => JoinNameKind | undefined>();

// ---- joins and sends ----

/**
 * `hub`: the ASP.NET Core client; `classic`: a jQuery hub proxy; `web-pubsub`: the server SDK;
 * `web-pubsub-client`: the client SDK's `WebPubSubClient`; `rest`: an HTTP request; `wrapper`: a
 * function or method of another module of the project that joins.
 */
export type JoinKind = 'classic' | 'hub' | 'rest' | 'web-pubsub' | 'web-pubsub-client' | 'wrapper';

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
  /** For kind `wrapper`: the function called, and whether the promise it returns waits for the join. */
  readonly wrapper?: JoinWrapperFact & { readonly callee: string };
}

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
  const isJoin = joinJudge(model, settings);
  const calls: GroupCall[] = [];
  walk(model.program, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const found = classifyCall(model, node, isJoin);
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

/** Does a call of hub method `name` with these arguments (after the name) join a group? */
type JoinJudge = (name: string, args: readonly TSESTree.CallExpressionArgument[]) => boolean;

/**
 * Names decide, except for verb-only names (`Join`, `JoinGame`): those join when an argument shows a
 * group, or when the file also calls the matching `Leave…` with an argument, as group membership does
 * and presence ("I am online") does not need to.
 */
function joinJudge(model: SignalRModel, settings: SignalRSettings): JoinJudge {
  const classify = joinNameClassifier(settings);
  let leaves: ReadonlySet<string> | undefined;
  return (name, args) => {
    const kind = classify(name);
    if (kind !== 'verb-only') return kind === 'named';
    if (args.some((argument) => showsGroup(argument))) return true;
    if (args.length === 0) return false;
    leaves ??= leaveSuffixes(model);
    return leaves.has(name.replace(/^(?:[Rr]e)?[Jj]oin_?/, '').toLowerCase());
  };
}

/** A constant name (`'lobby'`), or an expression whose names speak of a group (`room`, `this.groupId`). */
function showsGroup(argument: Node): boolean {
  const target = skipWrappers(argument);
  if (target.type === AST_NODE_TYPES.Literal) return typeof target.value === 'string';
  if (target.type === AST_NODE_TYPES.TemplateLiteral && target.expressions.length === 0) return true;
  let shows = false;
  walk(target, (node) => {
    if (shows || isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.Identifier && GROUP_WORDS.test(node.name)) shows = true;
    return undefined;
  });
  return shows;
}

/** The suffixes (`''` for `Leave`, `game` for `LeaveGame`) of `Leave…` hub methods the file calls with an argument. */
function leaveSuffixes(model: SignalRModel): ReadonlySet<string> {
  const suffixes = new Set<string>();
  walk(model.program, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const method = calledMethod(node);
    if (!method) return;
    const hubCall = method.name === CONNECTION_METHODS.invoke || method.name === CONNECTION_METHODS.send;
    const name = hubCall ? (node.arguments[0] && hubMethodName(model, node.arguments[0])) : method.name;
    const argumentCount = hubCall ? node.arguments.length - 1 : node.arguments.length;
    if (name !== undefined && LEAVE_PREFIX.test(name) && argumentCount > 0) suffixes.add(name.replace(/^[Ll]eave_?/, '').toLowerCase());
  });
  return suffixes;
}

function classifyCall(model: SignalRModel, call: TSESTree.CallExpression, isJoin: JoinJudge): GroupCall | undefined {
  const method = calledMethod(call);
  const direct = method
    ? (hubInvocation(model, call, method, isJoin) ?? classicServerCall(model, call, method, isJoin) ?? webPubSubCall(model, call, method) ?? restCall(model, call))
    : restCall(model, call);
  return direct ?? wrapperCall(model, call);
}

/**
 * `joinRoom(room)`, `this.hub.joinGroup(group)`: a function or method of another module of the
 * project that joins a group. Its own channel: the analysis cannot tell which sends race it.
 */
function wrapperCall(model: SignalRModel, call: TSESTree.CallExpression): GroupCall | undefined {
  const wrapper = model.joinWrapperOf(call);
  if (!wrapper) return undefined;
  // A wrapper that returns the join reads as the join itself; one that drops it is named apart.
  const method = wrapper.waits === 'returns' ? wrapper.callee : wrapper.method;
  return { call, role: 'join', kind: 'wrapper', method, channel: wrapper, deferred: false, wrapper };
}

/** `connection.invoke/send/stream(name, …)` on a core connection, or `proxy.invoke(name, …)` on a classic proxy. */
function hubInvocation(
  model: SignalRModel,
  call: TSESTree.CallExpression,
  method: { object: Node; name: string },
  isJoin: JoinJudge,
): GroupCall | undefined {
  const { invoke, send, stream } = CONNECTION_METHODS;
  if (method.name !== invoke && method.name !== send && method.name !== stream) return undefined;
  const [nameArgument, ...args] = call.arguments;
  const hubMethod = nameArgument && hubMethodName(model, nameArgument);
  const joins = hubMethod !== undefined && method.name !== stream && isJoin(hubMethod, args);
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
  isJoin: JoinJudge,
): GroupCall | undefined {
  const server = skipWrappers(method.object);
  if (server.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(server) !== CLASSIC_PROXY_SERVER) return undefined;
  const channel = classicProxyChannel(model, server.object);
  if (!channel) return undefined;
  const role = isJoin(method.name, call.arguments) ? 'join' : 'send';
  return { call, role, kind: 'classic', method: `${CLASSIC_PROXY_SERVER}.${method.name}`, channel, deferred: true };
}

function webPubSubCall(model: SignalRModel, call: TSESTree.CallExpression, method: { object: Node; name: string }): GroupCall | undefined {
  const clientJoinGroup = method.name === WEB_PUBSUB_CLIENT_GROUP_METHODS.join;
  if (clientJoinGroup || (WEB_PUBSUB_CLIENT_GROUP_METHODS.sends as readonly string[]).includes(method.name)) {
    const connection = model.connectionOf(method.object);
    if (connection?.flavour === 'web-pubsub') {
      return { call, role: clientJoinGroup ? 'join' : 'send', kind: 'web-pubsub-client', method: method.name, channel: connection, deferred: false };
    }
  }
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
export function httpRequest(model: SignalRModel, call: TSESTree.CallExpression): { url: Node; method: string | undefined } | undefined {
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
