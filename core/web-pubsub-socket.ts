// Raw WebSocket clients that speak the Azure Web PubSub subprotocol (`json.webpubsub.azure.v1` and its
// protobuf and reliable variants): no SDK, so the app frames group joins itself and owns reconnecting.
// A socket counts as Web PubSub only when the code shows it: the subprotocol it asks for, or a Web
// PubSub client URL (`wss://<name>.webpubsub.azure.com/client/hubs/<hub>`). A plain WebSocket app,
// whatever its frames look like, is none of these analyses' business.
//
// Protocol facts (Web PubSub's JSON subprotocol): `{ type: 'joinGroup', group, ackId }` joins; the
// service answers `{ type: 'ack', ackId, success }` only when the frame carries an `ackId`, and the
// join is effective from then on. A frame without `ackId`, or whose ack nobody reads, leaves the app
// guessing (often with a `setTimeout`) when group messages start to flow, and a refused join unseen.
// The socket does not reconnect by itself: a `close` handler that does not open a new socket leaves
// the client offline after the first drop.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { calledMethod, contains, outermostWrapper, skipWrappers, staticPropertyName, walk } from './ast.js';
import { functionDenotedBy, localFunctionOf } from './functions.js';
import { isGlobalName, isUnboundGlobal } from './globals.js';
import type { SignalRModel } from './model.js';
import { isImportedFrom } from './model/imports.js';
import { effectCallbacks } from './owners/react-effect.js';
import { textMatches } from './prefilter.js';
import type { SignalRSettings } from './settings.js';
import { findProperty, resolveObject, staticString, staticText } from './values.js';

/** The subprotocols of Web PubSub's client protocol: JSON or protobuf, plain or reliable. */
export const WEB_PUBSUB_SUBPROTOCOL = /^(?:json|protobuf)(?:\.reliable)?\.webpubsub\.azure\.v1$/;
/** A Web PubSub client endpoint: the service's host, or the `/client/hubs/<hub>` path on a custom domain. */
export const WEB_PUBSUB_CLIENT_URL = /^wss?:\/\/[^/?#]+\.webpubsub\.azure\.(?:com|cn|us)(?:[:/?#]|$)|\/client\/hubs\/[^/?#]+/i;
/** `WebSocket`: the browser global, or the Node packages that export one. */
const WEBSOCKET_GLOBAL = 'WebSocket';
const WEBSOCKET_MODULES: readonly string[] = ['ws', 'isomorphic-ws'];
/** Frame types and fields of the JSON subprotocol. */
export const FRAME = { type: 'type', join: 'joinGroup', group: 'group', ackId: 'ackId' } as const;
/** How handlers for a socket's close are set: `ws.onclose = fn`, `ws.addEventListener('close', fn)`, `ws.on('close', fn)`. */
const CLOSE_PROPERTY = 'onclose';
const CLOSE_EVENT = 'close';
const LISTEN_METHODS: readonly string[] = ['addEventListener', 'on', 'once'];
/** Calls a close handler may make without doing anything about the connection. */
const INERT_OBJECTS: readonly string[] = ['console', 'Math', 'JSON', 'Date', 'Object', 'Array'];
const INERT_FUNCTIONS: readonly string[] = ['clearTimeout', 'clearInterval', 'alert'];
const INERT_CLASSES: readonly string[] = ['Date', 'Error', 'Map', 'Set', 'URL'];

/**
 * A Web PubSub socket needs its subprotocol or URL spelled out in the file, and both contain this
 * (case-insensitive): files without it need no walk.
 */
const SOCKET_HINT = /webpubsub/i;

/** Cheap text check before `webPubSubSockets` (one shared search, core/prefilter.ts): false means no Web PubSub socket. */
export function mayOpenWebPubSubSocket(text: string, settings: SignalRSettings): boolean {
  return textMatches(text, settings, SOCKET_HINT);
}

export interface WebPubSubSocket {
  /** `new WebSocket(url, 'json.webpubsub.azure.v1')`. */
  readonly creation: TSESTree.NewExpression;
}

/** A `joinGroup` frame the app sends without a way to learn when (or whether) the join took effect. */
export interface UnacknowledgedJoinFrame {
  /** The `send(…)` call. */
  readonly call: TSESTree.CallExpression;
  /** `no-ack-id`: the frame asks for no ack; `ack-ignored`: it does, but nothing reads acks. */
  readonly why: 'ack-ignored' | 'no-ack-id';
}

/** A close handler of a Web PubSub socket that opens no new socket: the client stays offline after a drop. */
export interface UnrecoveredClose {
  /** The handler's registration: the `onclose` assignment or the listener call. */
  readonly registration: Node;
}

interface Analysis {
  readonly sockets: readonly WebPubSubSocket[];
  readonly unacknowledgedJoins: readonly UnacknowledgedJoinFrame[];
  readonly unrecoveredCloses: readonly UnrecoveredClose[];
  /** Sockets a React effect opens that nothing in the file closes: one more connection per re-run and mount. */
  readonly unclosedInEffects: readonly WebPubSubSocket[];
}

const analyses = new WeakMap<SignalRModel, Analysis>();

/** The file's Web PubSub sockets and what their code gets wrong. Computed once per file. */
export function webPubSubSockets(model: SignalRModel): Analysis {
  let analysis = analyses.get(model);
  if (!analysis) {
    analysis = analyse(model);
    analyses.set(model, analysis);
  }
  return analysis;
}

function analyse(model: SignalRModel): Analysis {
  const creations: TSESTree.NewExpression[] = [];
  const sends: TSESTree.CallExpression[] = [];
  const closeRegistrations: { registration: Node; handler: Node; target: Node }[] = [];
  const closes: TSESTree.CallExpression[] = [];
  let readsAcks = false;
  walk(model.program, (node) => {
    if (node.type === AST_NODE_TYPES.NewExpression && isWebSocketConstructor(model, node.callee)) creations.push(node);
    else if (node.type === AST_NODE_TYPES.CallExpression) {
      const method = calledMethod(node);
      if (method?.name === 'send') sends.push(node);
      if (method?.name === 'close') closes.push(node);
      const [event, handler] = node.arguments;
      if (method && LISTEN_METHODS.includes(method.name) && event && handler && staticString(model, event) === CLOSE_EVENT) {
        closeRegistrations.push({ registration: node, handler, target: method.object });
      }
    } else if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(node.left) === CLOSE_PROPERTY) {
      closeRegistrations.push({ registration: node, handler: node.right, target: node.left.object });
    } else if (node.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(node) === FRAME.ackId && readsReceivedAck(model, node)) {
      readsAcks = true;
    }
  });
  const sockets = creations.filter((creation) => speaksWebPubSub(model, creation)).map((creation) => ({ creation }));
  if (sockets.length === 0) return { sockets, unacknowledgedJoins: [], unrecoveredCloses: [], unclosedInEffects: [] };
  const unacknowledgedJoins: UnacknowledgedJoinFrame[] = [];
  for (const call of sends) {
    const frame = joinFrame(model, call);
    if (!frame) continue;
    const hasAckId = findProperty(model, frame, FRAME.ackId) !== undefined;
    if (!hasAckId) unacknowledgedJoins.push({ call, why: 'no-ack-id' });
    else if (!readsAcks) unacknowledgedJoins.push({ call, why: 'ack-ignored' });
  }
  const unrecoveredCloses: UnrecoveredClose[] = [];
  for (const { registration, handler, target } of closeRegistrations) {
    if (!holdsWebPubSubSocket(model, target, sockets)) continue;
    const fn = functionDenotedBy(model, handler);
    if (fn && isInert(model, fn, new Set())) unrecoveredCloses.push({ registration });
  }
  const effects = effectCallbacks(model);
  const unclosedInEffects = sockets.filter(
    (socket) => effects.some((effect) => contains(effect, socket.creation)) && !isClosedOrHandedOff(model, socket, closes),
  );
  return { sockets, unacknowledgedJoins, unrecoveredCloses, unclosedInEffects };
}

/**
 * Something in the file closes the socket (`close()` on a variable, field or ref that holds it), or
 * the socket goes where the file cannot follow it (passed to a function, returned, stored in an
 * object literal or state), so closing it is someone else's business.
 */
function isClosedOrHandedOff(model: SignalRModel, socket: WebPubSubSocket, closes: readonly TSESTree.CallExpression[]): boolean {
  const holds = (node: Node): boolean => {
    const target = skipWrappers(node);
    if (target === socket.creation) return true;
    return model.slotOf(target)?.values.some((value) => skipWrappers(value) === socket.creation) ?? false;
  };
  if (closes.some((call) => holds(calledMethod(call)!.object))) return true;
  const holder = outermostWrapper(socket.creation).parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator) {
    const variable = holder.id.type === AST_NODE_TYPES.Identifier ? model.variableOf(holder.id) : undefined;
    if (!variable) return true;
    // Passed on (`setSocket(ws)`, `register(ws)`), returned, or put in an object: out of sight.
    return variable.references.some((ref) => {
      const parent = outermostWrapper(ref.identifier).parent;
      return parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.ReturnStatement || parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.ArrayExpression;
    });
  }
  // Assigned to a field or ref (`socketRef.current = …`): followed through `closes` above only.
  return holder?.type !== AST_NODE_TYPES.AssignmentExpression;
}

/** `WebSocket` as the unshadowed global (also `window.WebSocket`), or the export of `ws`/`isomorphic-ws`. */
function isWebSocketConstructor(model: SignalRModel, callee: Node): boolean {
  const target = skipWrappers(callee);
  if (isGlobalName(model, target, WEBSOCKET_GLOBAL)) return true;
  if (target.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(target) === WEBSOCKET_GLOBAL) {
    const object = skipWrappers(target.object);
    if (object.type === AST_NODE_TYPES.Identifier && isUnboundGlobal(model, object)) return true;
  }
  return isImportedFrom(model, target, WEBSOCKET_MODULES, ['default', '*', WEBSOCKET_GLOBAL]);
}

/** The creation asks for a Web PubSub subprotocol, or connects to a Web PubSub client URL. */
function speaksWebPubSub(model: SignalRModel, creation: TSESTree.NewExpression): boolean {
  const [url, protocols] = creation.arguments;
  if (url && url.type !== AST_NODE_TYPES.SpreadElement && WEB_PUBSUB_CLIENT_URL.test(staticText(model, url))) return true;
  if (!protocols || protocols.type === AST_NODE_TYPES.SpreadElement) return false;
  const list = skipWrappers(protocols);
  const candidates = list.type === AST_NODE_TYPES.ArrayExpression ? list.elements : [list];
  return candidates.some((candidate) => {
    if (!candidate || candidate.type === AST_NODE_TYPES.SpreadElement) return false;
    const text = staticString(model, candidate);
    return text !== undefined && WEB_PUBSUB_SUBPROTOCOL.test(text);
  });
}

/** `socket.send(JSON.stringify({ type: 'joinGroup', group, … }))`: the frame object. */
function joinFrame(model: SignalRModel, call: TSESTree.CallExpression): TSESTree.ObjectExpression | undefined {
  const [argument] = call.arguments;
  const serialised = argument && skipWrappers(argument);
  if (serialised?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const stringify = calledMethod(serialised);
  const json = stringify && skipWrappers(stringify.object);
  if (stringify?.name !== 'stringify' || json?.type !== AST_NODE_TYPES.Identifier || !isGlobalName(model, json, 'JSON')) return undefined;
  const frame = serialised.arguments[0] && resolveObject(model, serialised.arguments[0]);
  if (!frame) return undefined;
  const type = findProperty(model, frame, FRAME.type);
  if (!type || type === 'unknown' || staticString(model, type.value) !== FRAME.join) return undefined;
  return findProperty(model, frame, FRAME.group) === undefined ? undefined : frame;
}

/** `message.ackId` read from something other than `this` (the app's own counter): the app looks at acks. */
function readsReceivedAck(model: SignalRModel, member: TSESTree.MemberExpression): boolean {
  if (model.thisOf(member.object)) return false;
  const parent = member.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) return false;
  if (parent?.type === AST_NODE_TYPES.UpdateExpression) return false;
  return !(parent?.type === AST_NODE_TYPES.Property && parent.value === member && parent.key === member);
}

/** The close handler's target holds one of the file's Web PubSub sockets (a variable or field assigned one). */
function holdsWebPubSubSocket(model: SignalRModel, target: Node, sockets: readonly WebPubSubSocket[]): boolean {
  const object = skipWrappers(target);
  if (object.type === AST_NODE_TYPES.NewExpression) return sockets.some((socket) => socket.creation === object);
  const slot = model.slotOf(object);
  return slot !== undefined && slot.values.some((value) => sockets.some((socket) => socket.creation === skipWrappers(value)));
}

/**
 * The handler, through the functions of this file it calls, does nothing that could bring the
 * connection back: it creates no socket and calls nothing the file cannot see (a callback, another
 * module's function), only logs and updates fields.
 */
function isInert(model: SignalRModel, fn: FunctionNode, seen: Set<FunctionNode>): boolean {
  if (seen.has(fn) || seen.size > 8) return false;
  seen.add(fn);
  let inert = true;
  walk(fn.body, (node) => {
    if (!inert) return false;
    if (node.type === AST_NODE_TYPES.NewExpression && !isInertValue(model, node)) {
      inert = false;
      return false;
    }
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = localFunctionOf(model, node.callee);
    if (callee) {
      if (!isInert(model, callee, seen)) inert = false;
      return undefined;
    }
    if (!isInertCall(model, node)) inert = false;
    return undefined;
  });
  return inert;
}

/** `new Date()`, `new Error(…)`: values, not connections. */
function isInertValue(model: SignalRModel, creation: TSESTree.NewExpression): boolean {
  const callee = skipWrappers(creation.callee);
  return INERT_CLASSES.some((name) => isGlobalName(model, callee, name));
}

function isInertCall(model: SignalRModel, call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return INERT_FUNCTIONS.some((name) => isGlobalName(model, callee, name));
  const method = calledMethod(call);
  const object = method && skipWrappers(method.object);
  if (object?.type === AST_NODE_TYPES.NewExpression) return isInertValue(model, object);
  return object?.type === AST_NODE_TYPES.Identifier && INERT_OBJECTS.some((name) => isGlobalName(model, object, name));
}
