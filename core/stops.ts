// Where a connection is stopped: its own `stop()` calls, and calls of this file's functions that stop it.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { calledMethod, walk } from './ast.js';
import type { ConnectionFlow } from './flow.js';
import { isOnConnection } from './flow.js';
import { localFunctionOf } from './functions.js';
import type { SignalRModel } from './model.js';
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
