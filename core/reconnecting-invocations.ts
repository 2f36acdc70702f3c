// Hub calls (`invoke`, `send`, `stream`) a connection's own `onreconnecting` handler makes before it
// first waits: the handler runs when the connection has entered the Reconnecting state, and until a
// reconnect succeeds every send rejects with "Cannot send data if the connection is not in the
// 'Connected' State." (@microsoft/signalr, `HttpConnection.send`). A connection built with
// `withStatefulReconnect()` keeps messages in its buffer instead, so it is left out, as is one whose
// builder this file does not show. Calls behind a check of the connection's state, in nested
// functions (timers, promise callbacks) or after an `await` are not taken: they may run later.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { calledMethod, isFunction, walk } from './ast.js';
import { functionOf } from './functions.js';
import type { Connection, SignalRModel } from './model.js';
import { isReadinessGuarded } from './readiness.js';
import { BUILDER_METHODS, CONNECTION_METHODS, HUB_CALL_METHODS } from './signalr.js';


export interface ReconnectingInvocation {
  readonly call: TSESTree.CallExpression;
  readonly connection: Connection;
  /** `invoke`, `send` or `stream`. */
  readonly method: string;
}

/** Every hub call of the file made on a connection by its own `onreconnecting` handler, at once. */
export function reconnectingInvocations(model: SignalRModel): ReconnectingInvocation[] {
  const found: ReconnectingInvocation[] = [];
  walk(model.program, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const connection = model.connectionCall(node, CONNECTION_METHODS.onreconnecting);
    const handler = connection && node.arguments[0] && functionOf(model, node.arguments[0]);
    if (handler && rejectsSendsWhileReconnecting(model, connection)) found.push(...immediateHubCalls(model, handler, connection));
    return undefined;
  });
  return found;
}

/** Built in this file, with automatic reconnect and without stateful reconnect's buffer. */
function rejectsSendsWhileReconnecting(model: SignalRModel, connection: Connection): boolean {
  const chains = connection.creations.map((creation) => (creation.type === AST_NODE_TYPES.CallExpression ? model.builderChainOfBuild(creation) : undefined));
  return chains.length > 0 && chains.every((chain) => chain !== undefined && model.chainCalls(chain, BUILDER_METHODS.withStatefulReconnect).length === 0);
}

/** Hub calls on `connection` that `handler` makes before its first `await`, outside nested functions and state checks. */
function immediateHubCalls(model: SignalRModel, handler: TSESTree.Node, connection: Connection): ReconnectingInvocation[] {
  const calls: ReconnectingInvocation[] = [];
  let waited = false;
  walk(handler, (node) => {
    if (waited || (node !== handler && isFunction(node))) return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression) {
      waited = true;
      return false;
    }
    const method = node.type === AST_NODE_TYPES.CallExpression ? calledMethod(node) : undefined;
    if (!method || !HUB_CALL_METHODS.includes(method.name) || model.connectionOf(method.object) !== connection) return undefined;
    if (!isReadinessGuarded(model, node)) calls.push({ call: node as TSESTree.CallExpression, connection, method: method.name });
    return undefined;
  });
  return calls;
}
