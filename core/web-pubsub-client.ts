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

import type { Node } from './ast.js';
import { contains, enclosingFunction, isFunction, skipWrappers, walk } from './ast.js';
import { functionDenotedBy, localFunctionOf } from './functions.js';
import type { Connection, SignalRModel } from './model.js';
import { isSameConnection } from './ordering.js';
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

/** `client.on(event, handler)` calls on `connection` (through any slot that holds it), with their static event names. */
export function eventRegistrations(model: SignalRModel, connection: Connection): { call: TSESTree.CallExpression; event: string | undefined; handler: Node | undefined }[] {
  const found: { call: TSESTree.CallExpression; event: string | undefined; handler: Node | undefined }[] = [];
  walk(model.program, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const on = model.connectionCall(node, CONNECTION_METHODS.on);
    if (!on || !isSameConnection(on, connection)) return;
    const [event, handler] = node.arguments;
    found.push({ call: node, event: event ? staticString(model, event) : undefined, handler: handler && skipWrappers(handler) });
  });
  return found;
}

/**
 * A handler that calls `method` on the client (directly, or through functions of this file it calls
 * by name, a few levels deep): a `stopped` handler that starts it again, a `connected` one that joins.
 */
export function handlerCalls(model: SignalRModel, handler: Node | undefined, connection: Connection, method: string): boolean {
  const fn = handler && functionDenotedBy(model, handler);
  return fn !== undefined && callsMethod(model, fn, connection, method, new Set());
}

function callsMethod(model: SignalRModel, root: Node, connection: Connection, method: string, seen: Set<Node>): boolean {
  if (seen.has(root) || seen.size > 8) return false;
  seen.add(root);
  let found = false;
  walk(root, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const target = model.connectionCall(node, method);
    if (target && isSameConnection(target, connection)) {
      found = true;
      return false;
    }
    const callee = localFunctionOf(model, node.callee);
    if (callee && callsMethod(model, callee, connection, method, seen)) found = true;
    return undefined;
  });
  return found;
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
