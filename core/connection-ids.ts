// Where a connection's id goes: the calls it is handed to, and which of those join a group.
//
// Apps on Azure SignalR Service in serverless mode cannot join groups through the hub: the client
// posts its own `connection.connectionId` with a group name to an app endpoint (an Azure Function
// with a `signalRGroupActions` output binding), which adds that id to the group. Such a request is
// a group join too, and like a hub join it belongs to the id it names: after a reconnect the
// membership stays with a dead id. A request counts as a join when its text says so: a join verb and
// a group noun among the words of its URL, callee, payload keys and names (`/api/addToGroup`,
// `joinGroup(id, g)`, `{ connectionId, groupName }` posted to `…/groups/join`). A request that only
// hands over the id (`/api/registerPushToken`), or names a group without joining it (a message to a
// room, sent with the sender's id to exclude it), is not a join.
//
// Users: core/session.ts (the session steps of `rejoin-groups-on-reconnect`, `add-reconnect`).
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from './ast.js';
import { calledMethod, isFunction, outermostWrapper, skipWrappers, staticPropertyName, walk } from './ast.js';
import { GROUP_WORDS, httpRequest } from './group-joins.js';
import type { SignalRModel } from './model.js';
import { isStateSetter } from './owners/react-hooks.js';
import { isInertGlobal } from './reconnect/restart-paths.js';
import { CONNECTION_ID } from './signalr.js';
import { staticText, UNKNOWN_TEXT } from './values.js';

/** Method names of loggers: calling them restores nothing. */
const LOGGING_METHODS: readonly string[] = ['log', 'info', 'warn', 'error', 'debug', 'trace'];
/** How many locals deep an id is followed (`const id = c.connectionId; const body = { id }; post(body)`). */
const MAX_LOCAL_HOPS = 2;

/** A call that is handed a connection's id. */
export interface IdHandOff {
  readonly call: TSESTree.CallExpression;
  /**
   * The local the id (or a value built from it) was kept in before the call (`const id =
   * connection.connectionId`): repeating the call elsewhere sends the id of that moment.
   */
  readonly local: string | undefined;
  /** The initialisers of those locals: the payload may be spelled out there. */
  readonly carriers: readonly Node[];
}

/**
 * What happens to an id: `handed` to a call (an HTTP request, a function); `logged`; `kept` (stored,
 * put in React state, tested, returned): code the analysis does not follow may use it.
 */
export type IdUse = { readonly kind: 'handed'; readonly handOff: IdHandOff } | { readonly kind: 'kept' } | { readonly kind: 'logged' };

/**
 * The uses of `value` (a read of an id): the call it is given to as an argument, or inside an object,
 * array, template or `+` argument, or through an inert call (`JSON.stringify`) or a local it is kept in.
 */
export function idUsesOf(model: SignalRModel, value: Node, hops = 0, local?: string, carriers: readonly Node[] = []): IdUse[] {
  let current = outermostWrapper(value);
  for (let parent = current.parent; parent; current = outermostWrapper(parent), parent = current.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.CallExpression:
        if (!parent.arguments.includes(current as TSESTree.CallExpressionArgument)) return [{ kind: 'kept' }];
        if (isLogCall(model, parent)) return [{ kind: 'logged' }];
        // `JSON.stringify({ id })`, `encodeURIComponent(id)`: the value goes on, encoded.
        if (isInertCall(model, parent) && !isStateSetter(model, parent.callee)) continue;
        if (isStateSetter(model, parent.callee)) return [{ kind: 'kept' }];
        return [{ kind: 'handed', handOff: { call: parent, local, carriers } }];
      case AST_NODE_TYPES.NewExpression:
        // `new URLSearchParams({ connectionId })`, `new Request(url)`: the value goes on with the object.
        continue;
      case AST_NODE_TYPES.Property:
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.TemplateLiteral:
        continue;
      case AST_NODE_TYPES.BinaryExpression:
        if (parent.operator !== '+') return [{ kind: 'kept' }];
        continue;
      // `id ?? ''`, `ok ? id : null`: the value goes on, or a fallback in its place.
      case AST_NODE_TYPES.LogicalExpression:
        continue;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === current) return [{ kind: 'kept' }];
        continue;
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === current && hops < MAX_LOCAL_HOPS ? localUses(model, parent, hops, local, carriers) : [{ kind: 'kept' }];
      default:
        return [{ kind: 'kept' }];
    }
  }
  return [{ kind: 'kept' }];
}

/** The uses of a local that keeps the id: those of each of its reads. */
function localUses(model: SignalRModel, declarator: TSESTree.VariableDeclarator, hops: number, local: string | undefined, carriers: readonly Node[]): IdUse[] {
  const name = declarator.id;
  if (name.type !== AST_NODE_TYPES.Identifier) return [{ kind: 'kept' }];
  const variable = model.variableOf(name);
  const reads = variable?.references.filter((reference) => reference.isRead()) ?? [];
  if (reads.length === 0) return [{ kind: 'kept' }];
  const kept = [...carriers, declarator.init!];
  return reads.flatMap((reference) => idUsesOf(model, reference.identifier, hops + 1, local ?? name.name, kept));
}

/** The calls among `uses`. */
export function handOffs(uses: readonly IdUse[]): IdHandOff[] {
  return uses.flatMap((use) => (use.kind === 'handed' ? [use.handOff] : []));
}

/** `console.log(…)`, `logger.info(…)`. */
function isLogCall(model: SignalRModel, call: TSESTree.CallExpression): boolean {
  const method = calledMethod(call);
  if (method && LOGGING_METHODS.includes(method.name)) return true;
  const object = method && skipWrappers(method.object);
  return object?.type === AST_NODE_TYPES.Identifier && object.name === 'console' && isInertGlobal(model, object);
}

/** Calls that restore nothing and cannot hide code that does: logs, globals such as `Math`, React state setters. */
export function isInertCall(model: SignalRModel, call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  if (isStateSetter(model, callee)) return true;
  let root: Node = callee;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = skipWrappers(root.object);
  if (root.type === AST_NODE_TYPES.Identifier && isInertGlobal(model, root)) return true;
  const method = calledMethod(call);
  return method !== undefined && LOGGING_METHODS.includes(method.name);
}

// ---- is the hand-off a group join? ----

/** A word of a name that is a group noun: `group`, `rooms`, `chat`, `lobby` (core/group-joins.ts's words, whole). */
const GROUP_NOUN = new RegExp(`^(?:${GROUP_WORDS.source})s?$`, 'i');
/** Words that join, when a group noun is among the request's words too: `/api/groups/join`, `joinGame`. */
const JOIN_VERBS: readonly string[] = ['join', 'rejoin', 'subscribe', 'enter'];
/**
 * Joined-up names that join a group by themselves, in the lowercase that Azure Functions routes often
 * have: `joingroup`, `addtogroup`, `addconnectiontoroom`, `subscribetotopic`.
 */
const JOINED_UP_JOIN = new RegExp(`^(?:(?:re)?join|subscribe(?:to)?|enter|add(?:user|connection|client|me|self)?(?:to|in|into))(?:${GROUP_WORDS.source})`, 'i');
/** Words of a callee that writes a log of its own (`addLog`, `logEvent`): its text describes, it does not request. */
const LOG_WORDS: readonly string[] = ['log', 'logs', 'logger', 'logging'];
/** Request options whose values say nothing about what the request does. */
const IGNORED_OPTIONS: readonly string[] = ['headers', 'credentials', 'mode', 'cache', 'signal'];

/**
 * How messages name `handOff` as a group join (`POST /api/addToGroup`, `joinGroup`), or undefined
 * when its words do not show a join. Calls on `isConnection` objects are hub invocations, which
 * core/group-joins.ts classifies by the hub method.
 */
export function idGroupJoinName(model: SignalRModel, handOff: IdHandOff, isConnection: (node: Node) => boolean): string | undefined {
  const { call } = handOff;
  const method = calledMethod(call);
  if (method && isConnection(method.object)) return undefined;
  if (calleeWords(call)?.some((word) => LOG_WORDS.includes(word))) return undefined;
  const words = [...requestWords(model, call), ...handOff.carriers.flatMap((carrier) => wordsIn(model, carrier))];
  return showsJoin(words) ? requestName(model, call) : undefined;
}

/** A joined-up join name, or a join verb and a group noun among `words` (each a name split into its words). */
function showsJoin(words: readonly (readonly string[])[]): boolean {
  if (words.some((name) => name.some((_, start) => JOINED_UP_JOIN.test(name.slice(start).join(''))))) return true;
  const flat = words.flat();
  return flat.some((word) => JOIN_VERBS.includes(word)) && flat.some((word) => GROUP_NOUN.test(word));
}

/** The words of the callee's name and of every argument. */
function requestWords(model: SignalRModel, call: TSESTree.CallExpression): string[][] {
  const name = calleeWords(call);
  return [...(name ? [name] : []), ...call.arguments.flatMap((argument) => wordsIn(model, argument))];
}

/** The words of the called function's or method's name. */
function calleeWords(call: TSESTree.CallExpression): string[] | undefined {
  const callee = skipWrappers(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : calledMethod(call)?.name;
  return name === undefined ? undefined : splitWords(name);
}

/**
 * The words of the names and strings in `root`: identifiers, property keys, string literals and
 * template text without spaces, the strings that `const`s hold. Not inside callbacks, request headers, or the id's
 * own read (`this.chatHub.connectionId` says nothing about the request).
 */
function wordsIn(model: SignalRModel, root: Node): string[][] {
  const words: string[][] = [];
  walk(root, (node) => {
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(node) === CONNECTION_ID) return false;
    if (node.type === AST_NODE_TYPES.Property && IGNORED_OPTIONS.includes(staticPropertyName(node) ?? '')) return false;
    if (node.type === AST_NODE_TYPES.Identifier) {
      words.push(splitWords(node.name));
      if (model.resolveConst(node)) words.push(...textWords(staticText(model, node)));
    } else if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') {
      words.push(...textWords(node.value));
    } else if (node.type === AST_NODE_TYPES.TemplateElement) {
      words.push(...textWords(node.value.cooked ?? ''));
    }
    return undefined;
  });
  return words;
}

/**
 * `/api/add-to-group?x=1` gives `api`, `add to group`, `x`, `1`: each path segment or parameter a
 * name. Text with spaces is prose (`'Joining group'`, a message), which requests nothing.
 */
function textWords(text: string): string[][] {
  if (/\s/.test(text)) return [];
  return text
    .split(/[/?&=#:.\s\0]+/)
    .filter((part) => part.length > 0)
    .map(splitWords);
}

/** `addToGroupURL`, `add_to_group`, `add-to-group` give `add`, `to`, `group`(, `url`). */
function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** `POST /api/addToGroup` for a request whose path the file spells out, else the callee (`fetch`, `joinGroup`). */
function requestName(model: SignalRModel, call: TSESTree.CallExpression): string {
  const request = httpRequest(model, call);
  const path = request ? staticText(model, request.url) : UNKNOWN_TEXT;
  const shown = path.replaceAll(UNKNOWN_TEXT, '…');
  if (path.replaceAll(UNKNOWN_TEXT, '').length > 0) return request?.method ? `${request.method} ${shown}` : shown;
  const method = calledMethod(call);
  if (method) return method.name;
  const callee = skipWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier ? callee.name : 'a call';
}
