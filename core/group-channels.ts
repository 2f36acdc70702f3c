// What a group call goes through: the connection, the classic hub proxies' connection, or the Web
// PubSub client. Joins and sends on the same channel race each other.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from './ast.js';
import { calledMethod, skipWrappers, staticPropertyName } from './ast.js';
import type { SignalRModel } from './model.js';
import { CLASSIC_CONNECTION_NAMESPACE, CLASSIC_GENERATED_HUB, CLASSIC_PROXY_FACTORY, CLASSIC_PROXY_TYPE, WEB_PUBSUB_EXPORTS } from './signalr.js';

/** `@azure/web-pubsub`: `client.group(name)` gives a `WebPubSubGroup`, whose methods join and send. */
export const WEB_PUBSUB_GROUP = { factory: 'group', joins: ['addConnection', 'addUser'], sends: ['sendToAll'] } as const;


/** All generated proxies (`$.connection.chatHub`) share the one `$.connection.hub` connection. */
const GENERATED_PROXIES_CHANNEL = { classic: CLASSIC_GENERATED_HUB };

/** How far the analyses follow values from slot to slot (`a = b`, `this.x = a`). */
const MAX_HOPS = 4;

/** For an expression that is a classic hub proxy, the channel of its connection. */
export function classicProxyChannel(model: SignalRModel, node: Node, hops = 0): object | undefined {
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
export function webPubSubClientChannel(model: SignalRModel, node: Node, hops = 0): object | undefined {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.NewExpression) {
    return model.isWebPubSubExport(target.callee, WEB_PUBSUB_EXPORTS.serviceClient) ? target : undefined;
  }
  return heldWebPubSubValue(model, target, WEB_PUBSUB_EXPORTS.serviceClient, hops, webPubSubClientChannel);
}

/** For an expression that is a `WebPubSubGroup`: its client's channel (or, when only its type is known, its own). */
export function webPubSubGroupChannel(model: SignalRModel, node: Node, hops = 0): object | undefined {
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
