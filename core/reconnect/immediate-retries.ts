// First starts whose failure handler starts the connection again at once. While the service is down,
// or answers 429, such a start fails within milliseconds, and its handler starts it again: every
// client retries in a tight loop, a storm of negotiate requests that keeps the service down.
//
// Reported only where it is certain: the handler (a `.catch` callback, the rejection callback of
// `.then`, or the `catch` clause around an `await`) restarts on every path, with nothing before the
// restart that could end the handler or wait (no condition, no `return`, no timer or sleep on the way
// to the new `start()`, no call of code the file cannot see).
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from '../ast.js';
import { calledMethod, isFunction, skipWrappers } from '../ast.js';
import { startCalls } from '../flow.js';
import { functionDenotedBy } from '../functions.js';
import type { SignalRModel } from '../model.js';
import { CONNECTION_METHODS } from '../signalr.js';
import { rejectionOutcomes } from '../start-errors.js';
import type { TraceRoot } from './restart-paths.js';
import { RestartTracer } from './restart-paths.js';

export interface ImmediateRetry {
  /** The start whose failure is retried. */
  readonly start: TSESTree.CallExpression;
  /** The call in its failure handler that starts the connection again. */
  readonly retry: TSESTree.CallExpression;
  /** The retry is handed to a timer as a call (`setTimeout(start(), 5000)`): it runs now all the same. */
  readonly timer?: TSESTree.CallExpression;
}

const analyses = new WeakMap<SignalRModel, readonly ImmediateRetry[]>();

/** Every start of a core client (`@microsoft/signalr`, `@aspnet/signalr`) retried at once on failure. */
export function startsRetriedAtOnce(model: SignalRModel): readonly ImmediateRetry[] {
  let found = analyses.get(model);
  if (!found) {
    found = findImmediateRetries(model);
    analyses.set(model, found);
  }
  return found;
}

function findImmediateRetries(model: SignalRModel): ImmediateRetry[] {
  const tracer = new RestartTracer(model);
  const handlers = new Set<Node>();
  const found: ImmediateRetry[] = [];
  for (const start of startCalls(model)) {
    // The classic client's `start()` returns a jQuery deferred, and reconnects by itself.
    if (model.connectionCall(start, CONNECTION_METHODS.start)?.flavour === 'classic') continue;
    for (const outcome of rejectionOutcomes(model, start)) {
      if (outcome.kind !== 'handled' || handlers.has(outcome.handler)) continue;
      handlers.add(outcome.handler);
      const root = handlerRoot(model, outcome.handler);
      const retry = root && firstStatementRetry(model, tracer, root);
      if (retry) found.push({ start, ...retry });
    }
  }
  return found;
}

/** The code that runs on failure: the callback (inline or a local function), or the `catch` clause. */
function handlerRoot(model: SignalRModel, handler: Node): TraceRoot | undefined {
  if (handler.type === AST_NODE_TYPES.CatchClause) return handler;
  return isFunction(handler) ? handler : functionDenotedBy(model, handler);
}

/**
 * The restarting call of a handler that restarts on every path at once: its trace reaches a start and
 * no wait, and one of its own statements, with only plain statements before it, is that restart.
 */
function firstStatementRetry(model: SignalRModel, tracer: RestartTracer, root: TraceRoot): Omit<ImmediateRetry, 'start'> | undefined {
  const path = tracer.pathOf(root, false);
  // A timer handed the restart as a call does not wait for it.
  const waits = path.timers.filter((timer) => !timer.restartCalledNow);
  if (path.startCalls.length === 0 || waits.length > 0 || path.opaqueCalls || path.opaqueRestart) return undefined;
  const retryOf = (call: TSESTree.CallExpression): Omit<ImmediateRetry, 'start'> | undefined => {
    const timer = path.timers.find((candidate) => candidate.call === call);
    const argument = timer?.restartCalledNow ? skipWrappers(call.arguments[0]!) : undefined;
    if (argument?.type === AST_NODE_TYPES.CallExpression) return { retry: argument, timer: call };
    if (calledMethod(call)?.name === CONNECTION_METHODS.start) return path.startCalls.includes(call) ? { retry: call } : undefined;
    const fn = functionDenotedBy(model, call.callee);
    return fn !== undefined && tracer.pathOf(fn, false).startCalls.length > 0 ? { retry: call } : undefined;
  };
  if (root.body.type !== AST_NODE_TYPES.BlockStatement) {
    const call = restartingCall(root.body);
    return call && retryOf(call);
  }
  for (const statement of root.body.body) {
    const expression =
      statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : statement.type === AST_NODE_TYPES.ReturnStatement ? statement.argument : undefined;
    const call = expression && restartingCall(expression);
    const retry = call && retryOf(call);
    if (retry) return retry;
    // Anything that could end the handler or branch before the restart makes it conditional.
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement && statement.type !== AST_NODE_TYPES.VariableDeclaration) return undefined;
  }
  return undefined;
}

/** `start()`, `await start()`, `void start()`, `start().catch(…)`: the call a statement makes first. */
function restartingCall(expression: Node): TSESTree.CallExpression | undefined {
  let current = skipWrappers(expression);
  for (;;) {
    if (current.type === AST_NODE_TYPES.AwaitExpression) current = skipWrappers(current.argument);
    else if (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === 'void') current = skipWrappers(current.argument);
    else if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression && skipWrappers(current.callee.object).type === AST_NODE_TYPES.CallExpression && calledMethod(current)?.name !== CONNECTION_METHODS.start) {
      current = skipWrappers(current.callee.object);
    } else break;
  }
  return current.type === AST_NODE_TYPES.CallExpression ? current : undefined;
}
