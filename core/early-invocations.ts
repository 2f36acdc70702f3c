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
import { enclosingFunction, isFunction, outermostWrapper, walk } from './ast.js';
import type { Connection, SignalRModel } from './model.js';
import type { PendingStart, StartNotCalled } from './ordering.js';
import { isSequentiallyBefore, pendingStartAt, startNotCalledAt } from './ordering.js';
import { isReadinessGuarded } from './readiness.js';
import { HUB_CALL_METHODS } from './signalr.js';


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
    for (const method of HUB_CALL_METHODS) {
      const connection = model.connectionCall(node, method);
      if (connection?.flavour !== 'core') continue;
      const notCalled = startNotCalledAt(model, node, connection);
      if (notCalled && reportedGaps.has(notCalled.gap)) continue;
      const pending = pendingStartAt(model, node, connection) ?? (notCalled && { ...notCalled, how: 'not-called' as const });
      if (!pending || isReadinessGuarded(model, node)) continue;
      if (pending.how === 'not-called') reportedGaps.add(pending.gap);
      found.push({ call: node, connection, method, pending });
    }
  });
  return found;
}

// ---- through another module's service ----

/**
 * A call of another module's method that sends on the connection a field of its object holds (`invoke`,
 * `send` or `stream` before any `await` of its own and behind no readiness check), made in the same
 * run right after a call of a method of the same object that starts that connection without waiting
 * for it: `this.hub.connect(); this.hub.sendHello();`.
 */
export interface LinkedEarlyInvocation {
  /** The call of the sending method. */
  readonly call: TSESTree.CallExpression;
  /** The call of the starting method. */
  readonly start: TSESTree.CallExpression;
}

const linkedAnalyses = new WeakMap<SignalRModel, readonly LinkedEarlyInvocation[]>();

/** Every call of a sending service method made while the same service's start is pending. Computed once per file. */
export function linkedEarlyInvocations(model: SignalRModel): readonly LinkedEarlyInvocation[] {
  let found = linkedAnalyses.get(model);
  if (!found) {
    found = findLinkedEarlyInvocations(model);
    linkedAnalyses.set(model, found);
  }
  return found;
}

function findLinkedEarlyInvocations(model: SignalRModel): LinkedEarlyInvocation[] {
  const found: LinkedEarlyInvocation[] = [];
  walk(model.program, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const linked = model.linkedMethodOf(node);
    const field = linked?.fact.invokesOnField;
    // A method that starts and sends by itself is its own module's to judge.
    if (!linked || field === undefined || linked.fact.startsField || isReadinessGuarded(model, node)) return;
    const nodes = ownNodesOf(enclosingFunction(node) ?? model.program);
    // The last start of the same object before the call decides.
    const start = nodes.findLast((candidate): candidate is TSESTree.CallExpression => {
      if (candidate.type !== AST_NODE_TYPES.CallExpression || candidate.range[1] > node.range[0]) return false;
      const started = model.linkedMethodOf(candidate);
      return started?.holder === linked.holder && started.fact.startsField?.field === field && isSequentiallyBefore(candidate, node);
    });
    if (!start) return;
    // Anything awaited in between may be the start, or give it time: only the same run is certain.
    const suspends = nodes.some((other) => isSuspension(other) && other.range[1] > start.range[0] && other.range[0] < node.range[0]);
    if (!suspends && outermostWrapper(start).parent?.type !== AST_NODE_TYPES.AwaitExpression) found.push({ call: node, start });
  });
  return found;
}

/** The nodes of a function's (or the module's) own body, not of the functions inside it. */
function ownNodesOf(scope: Node): Node[] {
  const nodes: Node[] = [];
  const root = isFunction(scope) ? scope.body : scope;
  walk(root, (node) => {
    if (node !== root && isFunction(node)) return false;
    nodes.push(node);
    return undefined;
  });
  return nodes;
}

function isSuspension(node: Node): boolean {
  return node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await);
}
