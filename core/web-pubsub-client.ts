// The Azure Web PubSub client SDK (`@azure/web-pubsub-client`) as code: a `WebPubSubClient` is a
// connection (flavour `web-pubsub`, see core/model/connections.ts) with `start()`/`stop()` and
// `on(event, …)`; what differs from a `HubConnection` is written here once.
//
// SDK facts (checked in `webPubSubClient.ts` of @azure/web-pubsub-client 1.x):
// - `start()` resolves when the WebSocket opens; the service's `connected` message, and whatever the
//   server sends on connect, arrive after it, as messages of their own. Handlers are plain
//   EventEmitter listeners: nothing is buffered for a handler registered later. A handler registered
//   in the same run as the code after `await client.start()` is in time; one registered after a
//   further `await` (or in a timer) can miss the first `connected` event and the server's first
//   messages. Group messages arrive only once a join has completed, so a `group-message` handler is
//   late only after a join and a further `await`.
// - `joinGroup(name)` resolves on the service's ack; `sendToGroup` before it is acked may reach a
//   group that does not have this client yet (the client's own echo, replies from other members).
// - `stop()` returns nothing to await.
// - Options `autoReconnect` and `autoRejoinGroups` default to true: the client reconnects after a drop
//   and joins again every group it joined through `joinGroup`. Either set to `false` leaves that
//   to the code: a restart from the `stopped`/`disconnected` event, joins in the `connected` handler.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { calledMethod, contains, enclosingFunction, isFunction, skipWrappers, walk } from './ast.js';
import type { ConnectionFlow } from './flow.js';
import { followConnection, isOnConnection } from './flow.js';
import { functionDenotedBy, localFunctionOf } from './functions.js';
import type { SignalRModel } from './model.js';
import { CONNECTION_METHODS } from './signalr.js';
import { findProperty, staticString } from './values.js';

/** `WebPubSubClient` methods that join a group, and that send (which a join not yet acked can miss). */
export const WEB_PUBSUB_CLIENT_GROUP_METHODS = {
  join: 'joinGroup',
  sends: ['sendToGroup', 'sendEvent', 'invokeEvent'],
} as const;

/** Events of `client.on(event, handler)`. */
export const WEB_PUBSUB_CLIENT_EVENTS = {
  connected: 'connected',
  disconnected: 'disconnected',
  stopped: 'stopped',
  serverMessage: 'server-message',
  groupMessage: 'group-message',
  rejoinGroupFailed: 'rejoin-group-failed',
} as const;

/** Options of `new WebPubSubClient(url, options)`; both default to true. */
export const WEB_PUBSUB_CLIENT_OPTIONS = {
  autoReconnect: 'autoReconnect',
  autoRejoinGroups: 'autoRejoinGroups',
} as const;

/**
 * When a handler for `event` comes too late: `on-connect` events arrive right after the socket opens
 * (the `connected` event, messages the server sends on connect); `after-join` ones only once a group
 * join has completed. Other events (`disconnected`, `stopped`, …) happen later, if at all.
 */
export function lateRegistrationRisk(event: string | undefined): 'after-join' | 'on-connect' | undefined {
  if (event === WEB_PUBSUB_CLIENT_EVENTS.connected || event === WEB_PUBSUB_CLIENT_EVENTS.serverMessage) return 'on-connect';
  return event === WEB_PUBSUB_CLIENT_EVENTS.groupMessage ? 'after-join' : undefined;
}

/** The options object of `new WebPubSubClient(url, options)`, when the creation is in sight. */
function optionsOf(creation: Node): Node | undefined {
  const target = skipWrappers(creation);
  if (target.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const options = target.arguments[1];
  return options && options.type !== AST_NODE_TYPES.SpreadElement ? options : undefined;
}

/**
 * The `autoReconnect: false` or `autoRejoinGroups: false` property a creation sets, or undefined when
 * it keeps the default (true), or the file cannot see the value.
 */
export function disabledOption(model: SignalRModel, creation: Node, option: string): TSESTree.Property | undefined {
  const options = optionsOf(creation);
  const found = options && findProperty(model, options, option);
  if (!found || found === 'unknown') return undefined;
  return found.value.type === AST_NODE_TYPES.Literal && found.value.value === false ? found.property : undefined;
}

/**
 * An `await` (or `yield`) that runs after `after` and before `node` in `node`'s function: a point where
 * the event loop delivers the client's messages before the code goes on.
 */
export function yieldsBetween(after: Node, node: Node): boolean {
  const fn = enclosingFunction(node);
  const root = fn ? fn.body : undefined;
  if (!root) return false;
  let found = false;
  walk(root, (candidate) => {
    if (found || (candidate !== root && isFunction(candidate))) return false;
    const isYield = candidate.type === AST_NODE_TYPES.AwaitExpression || candidate.type === AST_NODE_TYPES.YieldExpression;
    if (isYield && candidate.range[0] >= after.range[1] && candidate.range[1] <= node.range[0] && !contains(candidate, node)) found = true;
    return undefined;
  });
  return found;
}

// ---- reconnect and group memberships ----

/** A `WebPubSubClient` created in this file with `autoReconnect: false` that nothing restarts. */
export interface UnrestartedClient {
  readonly creation: TSESTree.NewExpression;
  /** The `autoReconnect: false` property: where the report goes. */
  readonly option: TSESTree.Property;
}

/** A group join on a client with `autoRejoinGroups: false` that no `connected` handler repeats. */
export interface UnrejoinedJoin {
  readonly call: TSESTree.CallExpression;
  readonly option: TSESTree.Property;
}

interface ClientSession {
  readonly unrestarted: readonly UnrestartedClient[];
  readonly unrejoined: readonly UnrejoinedJoin[];
}

const sessions = new WeakMap<SignalRModel, ClientSession>();

/**
 * The reconnect and rejoin problems of the file's `WebPubSubClient`s: options that switch the SDK's
 * own recovery off, with no code that takes it over. Computed once per file.
 */
export function webPubSubClientSession(model: SignalRModel): ClientSession {
  let session = sessions.get(model);
  if (!session) {
    session = findSessionProblems(model);
    sessions.set(model, session);
  }
  return session;
}

function findSessionProblems(model: SignalRModel): ClientSession {
  const unrestarted: UnrestartedClient[] = [];
  const unrejoined: UnrejoinedJoin[] = [];
  if (!model.usesWebPubSubClient) return { unrestarted, unrejoined };
  const creations: TSESTree.NewExpression[] = [];
  const calls: TSESTree.CallExpression[] = [];
  walk(model.program, (node) => {
    if (node.type === AST_NODE_TYPES.NewExpression && model.creationFlavour(node) === 'web-pubsub') creations.push(node);
    if (node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
  });
  for (const creation of creations) {
    const reconnectOff = disabledOption(model, creation, WEB_PUBSUB_CLIENT_OPTIONS.autoReconnect);
    const rejoinOff = disabledOption(model, creation, WEB_PUBSUB_CLIENT_OPTIONS.autoRejoinGroups);
    if (!reconnectOff && !rejoinOff) continue;
    const flow = followConnection(model, [creation]);
    // Passed where the file cannot see, the client may get its recovery there.
    if (flow.handOffs.some((handOff) => handOff.how === 'passed')) continue;
    const own = calls.filter((call) => {
      const method = calledMethod(call);
      return method !== undefined && isOnConnection(model, method.object, flow);
    });
    const named = (name: string): TSESTree.CallExpression[] => own.filter((call) => calledMethod(call)?.name === name);
    const starts = named(CONNECTION_METHODS.start);
    if (starts.length === 0 || endsWithItsRun(starts, named(CONNECTION_METHODS.stop))) continue;
    const handlers = named(CONNECTION_METHODS.on).map((call) => ({ event: call.arguments[0] && staticString(model, call.arguments[0]), handler: call.arguments[1] }));
    const handlersOf = (...events: string[]): Node[] => handlers.flatMap(({ event, handler }) => (event !== undefined && events.includes(event) && handler ? [handler] : []));
    const restartHandlers = handlersOf(WEB_PUBSUB_CLIENT_EVENTS.stopped, WEB_PUBSUB_CLIENT_EVENTS.disconnected);
    if (reconnectOff) {
      const restarts = restartHandlers.some((handler) => handlerCallsOn(model, handler, flow, CONNECTION_METHODS.start));
      if (!restarts) unrestarted.push({ creation, option: reconnectOff });
      continue;
    }
    // `autoRejoinGroups: false` on a client that reconnects: joins made once are gone after a drop.
    const connectedHandlers = handlersOf(WEB_PUBSUB_CLIENT_EVENTS.connected);
    const rejoins = connectedHandlers.some((handler) => handlerCallsOn(model, handler, flow, WEB_PUBSUB_CLIENT_GROUP_METHODS.join));
    if (rejoins || !rejoinOff) continue;
    for (const join of named(WEB_PUBSUB_CLIENT_GROUP_METHODS.join)) unrejoined.push({ call: join, option: rejoinOff });
  }
  return { unrestarted, unrejoined };
}

/** A `stop()` after a `start()` in the same function: a script or a one-off send, not a long-lived client. */
function endsWithItsRun(starts: readonly TSESTree.CallExpression[], stops: readonly TSESTree.CallExpression[]): boolean {
  return starts.some((start) => stops.some((stop) => stop.range[0] > start.range[0] && enclosingFunction(stop) === enclosingFunction(start)));
}

/**
 * The handler calls `method` on the client of `flow`: in its body, or in functions of this file it
 * calls (a few levels deep), or in a timer it sets.
 */
function handlerCallsOn(model: SignalRModel, handler: Node, flow: ConnectionFlow, method: string): boolean {
  const fn = functionDenotedBy(model, handler);
  return fn !== undefined && reaches(model, fn, flow, method, new Set());
}

function reaches(model: SignalRModel, root: FunctionNode, flow: ConnectionFlow, method: string, seen: Set<FunctionNode>): boolean {
  if (seen.has(root) || seen.size > 8) return false;
  seen.add(root);
  let found = false;
  walk(root.body, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const called = calledMethod(node);
    if (called?.name === method && isOnConnection(model, called.object, flow)) {
      found = true;
      return false;
    }
    const callee = localFunctionOf(model, node.callee);
    if (callee && reaches(model, callee, flow, method, seen)) found = true;
    return undefined;
  });
  return found;
}
