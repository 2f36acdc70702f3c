// Which transports an `IHttpConnectionOptions.transport` value allows, as `HttpTransportType` bits.
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from './ast.js';
import { skipWrappers, staticPropertyName } from './ast.js';
import type { SignalRModel } from './model.js';
import { EXPORTS, TRANSPORTS } from './signalr.js';

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
