// Where a connection is stopped: its own `stop()` calls, and calls of this file's functions that stop it.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { calledMethod, skipWrappers, staticPropertyName, walk } from './ast.js';
import type { ConnectionFlow } from './flow.js';
import { isOnConnection } from './flow.js';
import { localFunctionOf } from './functions.js';
import type { Connection, SignalRModel } from './model.js';
import { CONNECTION_METHODS } from './signalr.js';

/** True when `call` is `<this connection>.stop()`. `connection.stop` without the call is not a stop. */
export function isStopOf(model: SignalRModel, call: Node, flow: ConnectionFlow): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const method = calledMethod(call);
  return method?.name === CONNECTION_METHODS.stop && isOnConnection(model, method.object, flow);
}

/**
 * The calls in `root` that stop the connection: its `stop()` calls, and calls of functions of this file
 * (local helpers, `this` methods, `useCallback`s) that stop it.
 */
export function stopSites(model: SignalRModel, root: Node, flow: ConnectionFlow): TSESTree.CallExpression[] {
  const sites: TSESTree.CallExpression[] = [];
  const stoppingFunctions = new Map<FunctionNode, boolean>();
  walk(root, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && stopsThroughCall(model, node, flow, stoppingFunctions)) sites.push(node);
    return undefined;
  });
  return sites;
}

/** `call` stops the connection, itself or through a function of this file (each function judged once). */
function stopsThroughCall(model: SignalRModel, call: TSESTree.CallExpression, flow: ConnectionFlow, stoppingFunctions: Map<FunctionNode, boolean>): boolean {
  if (isStopOf(model, call, flow)) return true;
  const fn = localFunctionOf(model, call.callee);
  if (!fn) return false;
  const known = stoppingFunctions.get(fn);
  if (known !== undefined) return known;
  // Recursion meets `false` while the function is being judged.
  stoppingFunctions.set(fn, false);
  let stops = false;
  walk(fn.body, (node) => {
    if (stops) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && stopsThroughCall(model, node, flow, stoppingFunctions)) stops = true;
    return undefined;
  });
  stoppingFunctions.set(fn, stops);
  return stops;
}

/** `connection.stop;` read and thrown away: the author meant to stop it, and nothing does. */
export interface UncalledStop {
  readonly member: TSESTree.MemberExpression;
  readonly connection: Connection;
}

const uncalled = new WeakMap<SignalRModel, readonly UncalledStop[]>();

/**
 * Every `<connection>.stop` whose value is thrown away (`connection.stop;`, `void connection.stop;`):
 * the method is read, never called, so the connection stays open. Computed once per file.
 */
export function uncalledStops(model: SignalRModel): readonly UncalledStop[] {
  let found = uncalled.get(model);
  if (!found) {
    const stops: UncalledStop[] = [];
    walk(model.program, (node) => {
      if (node.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
      let value = skipWrappers(node.expression);
      if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void') value = skipWrappers(value.argument);
      if (value.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(value) !== CONNECTION_METHODS.stop) return undefined;
      const connection = model.connectionOf(value.object);
      if (connection) stops.push({ member: value, connection });
      return undefined;
    });
    found = stops;
    uncalled.set(model, found);
  }
  return found;
}
