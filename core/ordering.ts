// What runs before what on a connection, as far as one file shows it: which code provably runs after
// a `start()` has settled (after an `await` of it, in a `.then` continuation, in a timer set after
// it), and which code runs while a `start()` is still pending (the synchronous code right after a
// start that nobody waits for).
//
// Users: `register-handlers-before-start` (handlers registered after start miss what the server sends
// on connect) and `no-invoke-before-start` (calls made while the start is pending fail).
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { calledMethod, enclosingFunction, isFunction, outermostWrapper, skipWrappers, walk } from './ast.js';
import { callGraphOf } from './calls.js';
import type { Connection, SignalRModel } from './model.js';
import { isImmediatelyInvoked } from './owners/function.js';
import { callbackRole } from './promises.js';
import { CONNECTION_METHODS } from './signalr.js';

/** Promise methods whose continuations run after the promise they are called on settles. */
const CONTINUATIONS = { then: 'then', catch: 'catch', finally: 'finally' } as const;
/** How `callbackRole` names the caller of a timer callback (`setTimeout`, `setInterval`, …). */
const TIMER_CONSUMER = 'a timer';
/** How many functions deep a promise is followed to the `start()` it waits for. */
const MAX_DEPTH = 4;

/** A `start()` call and the connection it starts. */
export interface StartRef {
  readonly start: TSESTree.CallExpression;
  readonly connection: Connection;
}

/**
 * How code comes to run after a start:
 * - `awaited`: an `await` of the start (or of a function of this file that waits for it) comes first
 *   in the same function;
 * - `continuation`: it is in a `.then(…)`/`.finally(…)` callback on the start's promise;
 * - `timer`: it is in a timer callback set after `start()` was called.
 * `via` is the `await`, the `.then(…)` call or the timer call.
 */
export interface AfterStart extends StartRef {
  readonly how: 'awaited' | 'continuation' | 'timer';
  readonly via: Node;
}

/** The same connection: the same slot, or slots that hold the same creations. */
export function isSameConnection(a: Connection, b: Connection): boolean {
  if (a === b) return true;
  if (a.variable && a.variable === b.variable && a.property === b.property) return true;
  return a.creations.some((creation) => b.creations.includes(creation));
}

/**
 * The start whose settling the promise `expression` waits for: `connection.start()`, a chain on it,
 * or a call of a function of this file whose promise waits for one.
 */
export function awaitedStart(model: SignalRModel, expression: Node): StartRef | undefined {
  return startOfPromise(model, expression, 0);
}

/** When `node` provably runs after a start of `connection` has settled (or, for timers, was called), how. */
export function runsAfterStart(model: SignalRModel, node: Node, connection: Connection): AfterStart | undefined {
  let current = node;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const fn = enclosingFunction(current);
    const awaited = precedingAwait(model, current, fn ?? model.program, connection);
    if (awaited) return awaited;
    if (!fn) return undefined;
    const holder = outermostWrapper(fn);
    const role = callbackRole(model, fn);
    if (role.kind === 'chained') return continuationOf(model, role.call, holder, connection);
    if (role.kind === 'ignored' && role.consumer === TIMER_CONSUMER && holder.parent?.type === AST_NODE_TYPES.CallExpression) {
      const timer = holder.parent;
      const started = precedingStartCall(model, timer, connection) ?? runsAfterStart(model, timer, connection);
      return started && { start: started.start, connection: started.connection, how: 'timer', via: timer };
    }
    if (!isImmediatelyInvoked(fn) || holder.parent?.type !== AST_NODE_TYPES.CallExpression) return undefined;
    current = holder.parent;
  }
  return undefined;
}

/** A `start()` of `connection` called before `node` in the same function (or module body), whether or not it is awaited. */
export function precedingStartCall(model: SignalRModel, node: Node, connection: Connection): StartRef | undefined {
  const scope = enclosingFunction(node) ?? model.program;
  for (const start of startsIn(model, scope)) {
    if (isSameConnection(start.connection, connection) && isSequentiallyBefore(start.start, node)) return start;
  }
  return undefined;
}

/**
 * True when `earlier` finishes before `later` starts on every path that runs both: `earlier` comes
 * first in source order and the two are not in different branches of an `if`, `?:`, `switch` or
 * `try` (a `catch` runs because the `try` failed).
 */
export function isSequentiallyBefore(earlier: Node, later: Node): boolean {
  if (earlier.range[1] > later.range[0]) return false;
  const ancestors = new Set<Node>();
  for (let current: Node | undefined = earlier; current; current = current.parent) ancestors.add(current);
  let child: Node = later;
  let common: Node | undefined = later.parent;
  while (common && !ancestors.has(common)) {
    child = common;
    common = common.parent;
  }
  if (!common) return false;
  const earlierChild = [...ancestors].find((node) => node.parent === common);
  switch (common.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return earlierChild === common.test;
    case AST_NODE_TYPES.SwitchStatement:
      return earlierChild === common.discriminant;
    case AST_NODE_TYPES.TryStatement:
      return earlierChild === common.block && child !== common.handler;
    default:
      return true;
  }
}

// ---- internals ----

const startsByScope = new WeakMap<Node, StartRef[]>();

/** The `start()` calls directly in `scope` (not in functions inside it). */
function startsIn(model: SignalRModel, scope: Node): StartRef[] {
  let starts = startsByScope.get(scope);
  if (!starts) {
    starts = [];
    for (const node of ownNodes(scope)) {
      if (node.type !== AST_NODE_TYPES.CallExpression) continue;
      const connection = model.connectionCall(node, CONNECTION_METHODS.start);
      if (connection) starts.push({ start: node, connection });
    }
    startsByScope.set(scope, starts);
  }
  return starts;
}

const awaitsByScope = new WeakMap<Node, { await: TSESTree.AwaitExpression; start: StartRef }[]>();

/** An `await` of a start of `connection` before `node`, in `scope` (a function or the Program). */
function precedingAwait(model: SignalRModel, node: Node, scope: Node, connection: Connection): AfterStart | undefined {
  let awaits = awaitsByScope.get(scope);
  if (!awaits) {
    awaits = [];
    for (const candidate of ownNodes(scope)) {
      if (candidate.type !== AST_NODE_TYPES.AwaitExpression) continue;
      const start = awaitedStart(model, candidate.argument);
      if (start) awaits.push({ await: candidate, start });
    }
    awaitsByScope.set(scope, awaits);
  }
  const found = awaits.find((entry) => isSameConnection(entry.start.connection, connection) && isSequentiallyBefore(entry.await, node));
  return found && { ...found.start, how: 'awaited', via: found.await };
}

/** The nodes of `scope`'s own body: not those of functions defined inside it. */
function ownNodes(scope: Node): Node[] {
  const nodes: Node[] = [];
  const root = isFunction(scope) ? scope.body : scope;
  walk(root, (node) => {
    if (node !== root && isFunction(node)) return false;
    nodes.push(node);
    return undefined;
  });
  return nodes;
}

/** `callback` is the fulfilment callback of `.then(…)` or the callback of `.finally(…)` on a start's promise. */
function continuationOf(model: SignalRModel, call: TSESTree.CallExpression, callback: Node, connection: Connection): AfterStart | undefined {
  const method = calledMethod(call);
  if (!method) return undefined;
  const runsOnSuccess = (method.name === CONTINUATIONS.then && call.arguments[0] === callback) || method.name === CONTINUATIONS.finally;
  if (!runsOnSuccess) return undefined;
  const start = awaitedStart(model, method.object);
  return start && isSameConnection(start.connection, connection) ? { ...start, how: 'continuation', via: call } : undefined;
}

function startOfPromise(model: SignalRModel, expression: Node, depth: number): StartRef | undefined {
  const target = skipWrappers(expression);
  if (target.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const connection = model.connectionCall(target, CONNECTION_METHODS.start);
  if (connection) return { start: target, connection };
  const method = calledMethod(target);
  if (method && Object.values(CONTINUATIONS).includes(method.name as never)) return startOfPromise(model, method.object, depth);
  const callee = callGraphOf(model).calleeOf(target);
  return callee && depth < MAX_DEPTH ? startOfFunction(model, callee, depth + 1) : undefined;
}

const functionStarts = new WeakMap<FunctionNode, StartRef | null>();

/** The start a function's promise waits for: one it awaits (async functions) or returns. */
function startOfFunction(model: SignalRModel, fn: FunctionNode, depth: number): StartRef | undefined {
  const known = functionStarts.get(fn);
  if (known !== undefined) return known ?? undefined;
  functionStarts.set(fn, null);
  let found: StartRef | undefined;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) found = startOfPromise(model, fn.body, depth);
  for (const node of fn.body.type === AST_NODE_TYPES.BlockStatement ? ownNodes(fn) : []) {
    if (found) break;
    if (node.type === AST_NODE_TYPES.AwaitExpression && fn.async) found = startOfPromise(model, node.argument, depth);
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) found = startOfPromise(model, node.argument, depth);
  }
  functionStarts.set(fn, found ?? null);
  return found;
}
