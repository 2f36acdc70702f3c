// Hub calls (`invoke`, `send`, `stream`) that run while their connection is still starting: the
// analysis behind `no-invoke-before-start`. Until `start()` resolves, each of them rejects with
// "Cannot send data if the connection is not in the 'Connected' State." (@microsoft/signalr 10,
// `HttpConnection.send`). Only calls that certainly run in that window are found (core/ordering.ts,
// `pendingStartAt`): no `await` between the start and the call, and no check of the connection's
// state (or of a flag that looks like one) around the call. Also calls in callbacks handed to other
// code (listeners, route or tool handlers, timers) before an `await` that comes before the start
// (`startNotCalledAt`): they can run while the start has not even been called. Listeners for the way
// out (signals, exit, unload: core/shutdown-events.ts) are not among them.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from './ast.js';
import { enclosingFunction, isFunction, staticPropertyName, walk } from './ast.js';
import type { Connection, SignalRModel } from './model.js';
import type { PendingStart, StartNotCalled } from './ordering.js';
import { pendingStartAt, startNotCalledAt } from './ordering.js';
import { CONNECTION_METHODS, EXPORTS } from './signalr.js';

/** `HubConnection.state`, whose values come from `HubConnectionState`. */
const STATE_PROPERTY = 'state';
/** Names of flags code keeps to know the connection is up (`isConnected`, `online`, `hubReady`, `started`). */
const READINESS_FLAG = /connected|online|ready|started|isopen|connectionid/i;
const HUB_CALLS: readonly string[] = [CONNECTION_METHODS.invoke, CONNECTION_METHODS.send, CONNECTION_METHODS.stream];

export interface EarlyInvocation {
  readonly call: TSESTree.CallExpression;
  readonly connection: Connection;
  /** `invoke`, `send` or `stream`. */
  readonly method: string;
  /** Why the call can run before the connection is up: its start is pending, or not even called yet. */
  readonly pending: PendingStart | (StartNotCalled & { readonly how: 'not-called' });
}

const analyses = new WeakMap<SignalRModel, readonly EarlyInvocation[]>();

/** Every hub call of the file that runs while its connection's start is pending. Computed once per file. */
export function earlyInvocations(model: SignalRModel): readonly EarlyInvocation[] {
  let found = analyses.get(model);
  if (!found) {
    found = findEarlyInvocations(model);
    analyses.set(model, found);
  }
  return found;
}

function findEarlyInvocations(model: SignalRModel): EarlyInvocation[] {
  const found: EarlyInvocation[] = [];
  // Callbacks handed out before the same `await` share one fix (start first): one report, on the first.
  const reportedGaps = new Set<Node>();
  walk(model.program, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    for (const method of HUB_CALLS) {
      const connection = model.connectionCall(node, method);
      if (connection?.flavour !== 'core') continue;
      const notCalled = startNotCalledAt(model, node, connection);
      if (notCalled && reportedGaps.has(notCalled.gap)) continue;
      const pending = pendingStartAt(model, node, connection) ?? (notCalled && { ...notCalled, how: 'not-called' as const });
      if (!pending || isGuarded(model, node)) continue;
      if (pending.how === 'not-called') reportedGaps.add(pending.gap);
      found.push({ call: node, connection, method, pending });
    }
  });
  return found;
}

/**
 * A condition around the call, or an early exit before it in its function, reads the connection's
 * state, `HubConnectionState`, or a flag named like a readiness flag.
 */
function isGuarded(model: SignalRModel, call: Node): boolean {
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
