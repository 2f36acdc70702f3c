// Is a hub call guarded by a check that its connection is up: a condition around it, or an early
// exit before it in its function, that reads the connection's `state`, `HubConnectionState`, or a flag
// named like a readiness flag (`isConnected`, `online`, `hubReady`, `started`). Any such condition
// counts: whether it really covers the call is not checked.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from './ast.js';
import { enclosingFunction, isFunction, staticPropertyName, walk } from './ast.js';
import type { SignalRModel } from './model.js';
import { EXPORTS } from './signalr.js';

/** `HubConnection.state`, whose values come from `HubConnectionState`. */
const STATE_PROPERTY = 'state';
/** Names of flags code keeps to know the connection is up (`isConnected`, `online`, `hubReady`, `started`). */
const READINESS_FLAG = /connected|online|ready|started|isopen|connectionid/i;

/**
 * A condition around the call, or an early exit before it in its function, reads the connection's
 * state, `HubConnectionState`, or a flag named like a readiness flag.
 */
export function isReadinessGuarded(model: SignalRModel, call: Node): boolean {
  const fn = enclosingFunction(call);
  for (let child: Node = call, current = call.parent; current && current !== fn; child = current, current = current.parent) {
    const test = conditionOf(current, child);
    if (test && readsReadiness(model, test)) return true;
  }
  const body = fn?.body ?? model.program;
  let guarded = false;
  walk(body, (node) => {
    if (guarded || (node !== body && isFunction(node)) || node.range[0] >= call.range[0]) return false;
    if (node.type === AST_NODE_TYPES.IfStatement && exits(node.consequent) && readsReadiness(model, node.test)) guarded = true;
    return undefined;
  });
  return guarded;
}

/** The test that decides whether `child` of `node` runs. */
function conditionOf(node: Node, child: Node): Node | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return node.test === child ? undefined : node.test;
    case AST_NODE_TYPES.LogicalExpression:
      return node.right === child ? node.left : undefined;
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return node.test;
    default:
      return undefined;
  }
}

function exits(statement: TSESTree.Statement): boolean {
  const last = statement.type === AST_NODE_TYPES.BlockStatement ? statement.body.at(-1) : statement;
  return last?.type === AST_NODE_TYPES.ReturnStatement || last?.type === AST_NODE_TYPES.ThrowStatement;
}

function readsReadiness(model: SignalRModel, test: Node): boolean {
  let reads = false;
  walk(test, (node) => {
    if (reads) return false;
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const name = staticPropertyName(node);
      if (name === STATE_PROPERTY || (name !== undefined && READINESS_FLAG.test(name))) reads = true;
      if (model.isClientExport(node, EXPORTS.connectionState)) reads = true;
    }
    if (node.type === AST_NODE_TYPES.Identifier && (READINESS_FLAG.test(node.name) || model.isClientExport(node, EXPORTS.connectionState))) reads = true;
    return undefined;
  });
  return reads;
}
