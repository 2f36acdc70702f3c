// A plain function owns what it starts and keeps to itself: its way out is every `return` and `throw`,
// so the stop belongs in `finally` (or after the last thing that can fail). An immediately invoked
// function runs as part of the scope around it and owns nothing of its own.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from '../ast.js';
import { enclosingFunction, isFunction, outermostWrapper, staticPropertyName, walk } from '../ast.js';
import type { ConnectionFlow } from '../flow.js';
import { isConsoleCall, isRootedInConnection } from '../flow.js';
import type { SignalRModel } from '../model.js';
import { stopSites } from '../stops.js';
import type { StopProblem } from '../unstopped.js';

/** A function body: the connection must be stopped before it returns (or throws). */
export interface FunctionOwner {
  readonly kind: 'function';
  readonly node: FunctionNode;
}

export function isImmediatelyInvoked(fn: FunctionNode): boolean {
  const wrapper = outermostWrapper(fn);
  const parent = wrapper.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === wrapper) return true;
  // `fn.call(this)`, `fn.apply(this)`
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== wrapper) return false;
  const name = staticPropertyName(parent);
  const call = parent.parent;
  return (name === 'call' || name === 'apply') && call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent;
}

/**
 * A function owner stops the connection on every path when a stop runs in `finally`, or when nothing
 * between `start()` and the first stop after it can throw or return. Stops in callbacks and helpers the
 * function hands the connection to are taken on trust: they may run on any path.
 */
export function functionStopProblem(
  model: SignalRModel,
  fn: FunctionNode,
  start: TSESTree.CallExpression,
  flow: ConnectionFlow,
): { problem: StopProblem; successPathStops: TSESTree.CallExpression[] } | undefined {
  const sites = stopSites(model, fn, flow);
  if (sites.length === 0) return { problem: 'not-stopped', successPathStops: [] };
  const direct = sites.filter((site) => enclosingFunction(site) === fn);
  if (direct.length < sites.length || enclosingFunction(start) !== fn) return undefined;
  if (direct.some((site) => isInFinally(site, fn))) return undefined;
  const after = direct.filter((site) => site.range[0] >= start.range[1]);
  const firstStop = after[0];
  if (!firstStop) return undefined;
  return mayLeaveBetween(model, fn, start, firstStop, flow) ? { problem: 'stopped-only-on-success', successPathStops: after } : undefined;
}

function isInFinally(node: Node, fn: FunctionNode): boolean {
  for (let current: Node = node; current.parent && current !== fn; current = current.parent) {
    if (current.parent.type === AST_NODE_TYPES.TryStatement && current.parent.finalizer === current) return true;
  }
  return false;
}

/**
 * True when code of `fn` between `start` and `stop` may leave the function: an `await` (a rejection
 * throws), a call (it may throw), `throw`, `return` or `yield`, unless a `try` whose `catch` swallows
 * the failure before the stop, or stops the connection itself, covers it.
 */
function mayLeaveBetween(model: SignalRModel, fn: FunctionNode, start: Node, stop: Node, flow: ConnectionFlow): boolean {
  let leaves = false;
  walk(fn.body, (node) => {
    if (leaves || (node !== fn.body && isFunction(node))) return false;
    // Only a node that overlaps the gap between `start()` and `stop()` can hold something inside it.
    if (node.range[1] <= start.range[1] || node.range[0] >= stop.range[0]) return false;
    const inGap = node.range[0] >= start.range[1] && node.range[1] <= stop.range[0];
    if (inGap && mayLeave(model, node) && !isCovered(model, node, fn, stop, flow)) leaves = true;
    return undefined;
  });
  return leaves;
}

function mayLeave(model: SignalRModel, node: Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.YieldExpression:
      return true;
    case AST_NODE_TYPES.CallExpression:
      // The connection's own methods report failures through their promises, not by throwing.
      return !isConsoleCall(model, node) && !isRootedInConnection(model, node);
    default:
      return false;
  }
}

function isCovered(model: SignalRModel, node: Node, fn: FunctionNode, stop: Node, flow: ConnectionFlow): boolean {
  for (let current: Node = node; current.parent && current !== fn; current = current.parent) {
    const parent = current.parent;
    if (parent.type !== AST_NODE_TYPES.TryStatement || parent.block !== current) continue;
    if (parent.finalizer && stopSites(model, parent.finalizer, flow).length > 0) return true;
    if (parent.handler && (parent.range[1] <= stop.range[0] || stopSites(model, parent.handler, flow).length > 0)) return true;
  }
  return false;
}
