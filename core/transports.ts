// Which transports an `IHttpConnectionOptions.transport` value allows, as `HttpTransportType` bits, and
// how messages name the transports a connection is limited to when WebSockets is not among them.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from './ast.js';
import { skipWrappers, staticPropertyName } from './ast.js';
import type { BuilderChain, SignalRModel } from './model.js';
import { BUILDER_METHODS, EXPORTS, HTTP_OPTIONS, TRANSPORTS } from './signalr.js';
import { findProperty, resolveObject, staticString } from './values.js';

/** The classic client's `start({ transport })` names, and how messages call them. */
export const CLASSIC_TRANSPORTS: Readonly<Record<string, string>> = {
  webSockets: 'WebSockets',
  serverSentEvents: 'Server-Sent Events',
  foreverFrame: 'forever frame',
  longPolling: 'long polling',
};
const TRANSPORT_LABELS: Readonly<Record<Exclude<keyof typeof TRANSPORTS, 'WebSockets'>, string>> = {
  ServerSentEvents: 'Server-Sent Events',
  LongPolling: 'long polling',
};

/** `HttpTransportType.X`, its number, `a | b`, through consts. */
export function transportBits(model: SignalRModel, node: Node, depth = 0): number | undefined {
  const target = skipWrappers(node);
  if (depth > 8) return undefined;
  if (target.type === AST_NODE_TYPES.Literal) return typeof target.value === 'number' ? target.value : undefined;
  if (target.type === AST_NODE_TYPES.MemberExpression && model.isClientExport(target.object, EXPORTS.transportType)) {
    const name = staticPropertyName(target);
    return name !== undefined && name in TRANSPORTS ? TRANSPORTS[name as keyof typeof TRANSPORTS] : undefined;
  }
  if (target.type === AST_NODE_TYPES.BinaryExpression && target.operator === '|') {
    const left = transportBits(model, target.left, depth + 1);
    const right = transportBits(model, target.right, depth + 1);
    return left === undefined || right === undefined ? undefined : left | right;
  }
  if (target.type === AST_NODE_TYPES.Identifier) {
    const init = model.resolveConst(target);
    return init ? transportBits(model, init, depth + 1) : undefined;
  }
  return undefined;
}

/** How messages name what the builder's `withUrl` options limit the transport to, when that excludes WebSockets. */
export function coreTransportWithoutWebSockets(model: SignalRModel, chain: BuilderChain): string | undefined {
  const withUrls = model.chainCalls(chain, BUILDER_METHODS.withUrl);
  const last = withUrls[withUrls.length - 1];
  const second = last?.arguments[1];
  if (!second) return undefined;
  let value: Node | undefined = second;
  if (resolveObject(model, second)) {
    const found = findProperty(model, second, HTTP_OPTIONS.transport);
    value = found && found !== 'unknown' ? found.value : undefined;
  }
  const bits = value && transportBits(model, value);
  if (bits === undefined || bits === 0 || (bits & TRANSPORTS.WebSockets) !== 0) return undefined;
  const labels = (Object.keys(TRANSPORT_LABELS) as (keyof typeof TRANSPORT_LABELS)[])
    .filter((name) => (bits & TRANSPORTS[name]) !== 0)
    .map((name) => TRANSPORT_LABELS[name]);
  return labels.length > 0 ? labels.join(' or ') : undefined;
}

/** Classic `start({ transport: 'longPolling' })` or `['serverSentEvents', 'longPolling']`, when every start says so. */
export function classicTransportWithoutWebSockets(model: SignalRModel, starts: readonly TSESTree.CallExpression[]): string | undefined {
  if (starts.length === 0) return undefined;
  const labels = new Set<string>();
  for (const start of starts) {
    const options = start.arguments[0];
    const found = options && resolveObject(model, options) ? findProperty(model, options, HTTP_OPTIONS.transport) : undefined;
    if (!found || found === 'unknown') return undefined;
    const value = found.value.type === AST_NODE_TYPES.Identifier ? model.resolveConst(found.value) ?? found.value : found.value;
    const elements = value.type === AST_NODE_TYPES.ArrayExpression ? value.elements : [value];
    for (const element of elements) {
      const name = element && element.type !== AST_NODE_TYPES.SpreadElement ? staticString(model, element) : undefined;
      if (name === undefined || !(name in CLASSIC_TRANSPORTS) || name === 'webSockets') return undefined;
      labels.add(CLASSIC_TRANSPORTS[name]!);
    }
  }
  return labels.size > 0 ? [...labels].join(' or ') : undefined;
}
