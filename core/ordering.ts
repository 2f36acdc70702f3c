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
import { calledMethod, enclosingFunction, isFunction, outermostWrapper, skipWrappers, staticPropertyName, walk } from './ast.js';
import { callGraphOf } from './calls.js';
import type { Connection, SignalRModel } from './model.js';
import { isImmediatelyInvoked } from './owners/function.js';
import { effectCallOf } from './owners/react-effect.js';
import { callbackRole, PROMISE_CHAIN_METHODS, PROMISE_METHODS } from './promises.js';
import { numericValue } from './reconnect/policies.js';
import { registersShutdownListener } from './shutdown-events.js';
import { CONNECTION_METHODS } from './signalr.js';

/** Promise methods whose continuations run after the promise they are called on settles. */
/** How `callbackRole` names the caller of a timer callback (`setTimeout`, `setInterval`, …). */
export const TIMER_CONSUMER = 'a timer';
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
      // A timer with no delay fires long before a handshake that started in the same run completes:
      // only a start that has settled by then counts.
      const called = isImmediateTimer(model, timer) ? undefined : precedingStartCall(model, timer, connection);
      const started = called ?? runsAfterStart(model, timer, connection);
      return started && { start: started.start, connection: started.connection, how: 'timer', via: timer };
    }
    if (!isImmediatelyInvoked(fn) || holder.parent?.type !== AST_NODE_TYPES.CallExpression) return undefined;
    current = holder.parent;
  }
  return undefined;
}

/**
 * The start of `connection` that `node` provably runs after on its success path, in the run that made
 * the start: after an `await` of it, in a `.then(…)`/`.finally(…)` continuation of its promise, or in a
 * continuation of a promise made in such a continuation (`start().then(() => invoke().then(() => …))`).
 * Not a timer callback, a `.catch(…)` (the failure path) or a handler registered there (it runs when
 * something else happens).
 */
export function continuesStart(model: SignalRModel, node: Node, connection: Connection): StartRef | undefined {
  let current = node;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const after = runsAfterStart(model, current, connection);
    if (after) return after.how === 'timer' ? undefined : after;
    const fn = enclosingFunction(current);
    const chained = fn && successContinuationCall(model, fn);
    if (!chained) return undefined;
    current = chained;
  }
  return undefined;
}

/** The `.then(fn)` or `.finally(fn)` call when `fn` is a callback a promise runs on success. */
function successContinuationCall(model: SignalRModel, fn: FunctionNode): TSESTree.CallExpression | undefined {
  const role = callbackRole(model, fn);
  return role.kind === 'chained' && runsOnSuccess(role.call, outermostWrapper(fn)) ? role.call : undefined;
}

function runsOnSuccess(call: TSESTree.CallExpression, callback: Node): boolean {
  const method = calledMethod(call);
  return (method?.name === PROMISE_METHODS.then && call.arguments[0] === callback) || method?.name === PROMISE_METHODS.finally;
}

/**
 * A `start()` of `connection` called before `node` in the same function (or module body), whether or
 * not it is awaited: directly, or through a function of this file that calls it before its first
 * `await` (`this.startConnection(); setTimeout(() => this.listen(), 2000)`).
 */
export function precedingStartCall(model: SignalRModel, node: Node, connection: Connection): StartRef | undefined {
  const scope = enclosingFunction(node) ?? model.program;
  for (const candidate of ownNodes(scope)) {
    if (candidate.type !== AST_NODE_TYPES.CallExpression || !isSequentiallyBefore(candidate, node)) continue;
    const start = synchronousStartOf(model, candidate, connection, 0);
    if (start) return start;
  }
  return undefined;
}

/** `setTimeout(fn)` or `setTimeout(fn, 0)`: runs in the next task. */
function isImmediateTimer(model: SignalRModel, timer: TSESTree.CallExpression): boolean {
  const delay = timer.arguments[1];
  return delay === undefined || numericValue(model, delay) === 0;
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

/** The `start()` calls directly in `scope` (a function or the Program; not in functions inside it). */
export function startsIn(model: SignalRModel, scope: Node): StartRef[] {
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

const nodesByScope = new WeakMap<Node, readonly Node[]>();

/**
 * The nodes of `scope`'s own body: not those of functions defined inside it. Cached: every hub call
 * and registration of a scope asks for them, often several times.
 */
function ownNodes(scope: Node): readonly Node[] {
  let nodes = nodesByScope.get(scope);
  if (!nodes) {
    const found: Node[] = [];
    const root = isFunction(scope) ? scope.body : scope;
    walk(root, (node) => {
      if (node !== root && isFunction(node)) return false;
      found.push(node);
      return undefined;
    });
    nodes = found;
    nodesByScope.set(scope, nodes);
  }
  return nodes;
}

/** `callback` is the fulfilment callback of `.then(…)` or the callback of `.finally(…)` on a start's promise. */
function continuationOf(model: SignalRModel, call: TSESTree.CallExpression, callback: Node, connection: Connection): AfterStart | undefined {
  const method = calledMethod(call);
  if (!method || !runsOnSuccess(call, callback)) return undefined;
  const start = awaitedStart(model, method.object);
  return start && isSameConnection(start.connection, connection) ? { ...start, how: 'continuation', via: call } : undefined;
}

function startOfPromise(model: SignalRModel, expression: Node, depth: number): StartRef | undefined {
  const target = skipWrappers(expression);
  if (target.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const connection = model.connectionCall(target, CONNECTION_METHODS.start);
  if (connection) return { start: target, connection };
  const method = calledMethod(target);
  if (method && PROMISE_CHAIN_METHODS.includes(method.name)) return startOfPromise(model, method.object, depth);
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

// ---- code that runs while a start is pending ----

/**
 * Lifecycle methods in the order a framework calls them while a component starts, all in one
 * synchronous run: what an earlier one starts is still connecting when a later one runs.
 */
const LIFECYCLE_ORDERS: readonly (readonly string[])[] = [
  // Angular
  ['constructor', 'ngOnChanges', 'ngOnInit', 'ngDoCheck', 'ngAfterContentInit', 'ngAfterContentChecked', 'ngAfterViewInit', 'ngAfterViewChecked'],
  // React class components
  ['constructor', 'UNSAFE_componentWillMount', 'componentWillMount', 'componentDidMount'],
  // Vue options API (also vue-class-component methods)
  ['beforeCreate', 'created', 'beforeMount', 'mounted'],
];
const REACT_LAYOUT_EFFECT = 'useLayoutEffect';

/**
 * How code comes to run while a start is pending:
 * - `same-run`: a start (or a call of a function of this file that starts synchronously) comes
 *   before it in the same function, with no `await` in between;
 * - `earlier-effect`: an earlier effect of the same React component starts the connection, and this
 *   effect runs right after it in the same commit;
 * - `earlier-hook`: an earlier lifecycle method of the same component starts it (`created` before
 *   `mounted`, `constructor` before `ngOnInit`).
 * `via` is the call that starts it.
 */
export interface PendingStart extends StartRef {
  readonly how: 'earlier-effect' | 'earlier-hook' | 'same-run';
  readonly via: TSESTree.CallExpression;
  /** For `earlier-hook`: the method that starts it. */
  readonly hook?: string;
}

/** When `node` runs, in the first synchronous run of its function, while a start of `connection` is still pending. */
export function pendingStartAt(model: SignalRModel, node: Node, connection: Connection): PendingStart | undefined {
  let current = node;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const fn = enclosingFunction(current);
    const scope = fn ?? model.program;
    const sameRun = startCallBefore(model, scope, current, connection);
    if (sameRun) return { ...sameRun, how: 'same-run' };
    if (!fn || awaitsBefore(scope, current)) return undefined;
    const earlier = startedByEarlierEffect(model, fn, connection) ?? startedByEarlierHook(model, fn, connection);
    if (earlier) return earlier;
    const holder = outermostWrapper(fn);
    if (!isImmediatelyInvoked(fn) || holder.parent?.type !== AST_NODE_TYPES.CallExpression) return undefined;
    current = holder.parent;
  }
  return undefined;
}

/** A call before `node` in `scope` that starts `connection` synchronously, with no `await` between the two. */
function startCallBefore(model: SignalRModel, scope: Node, node: Node, connection: Connection): (StartRef & { via: TSESTree.CallExpression }) | undefined {
  for (const candidate of ownNodes(scope)) {
    if (candidate.type !== AST_NODE_TYPES.CallExpression || !isSequentiallyBefore(candidate, node)) continue;
    const start = synchronousStartOf(model, candidate, connection, 0);
    if (start && !awaitsBetween(scope, candidate, node)) return { ...start, via: candidate };
  }
  return undefined;
}

/** `call` starts `connection` before it returns: it is `start()`, or calls a function of this file (or an IIFE) that does before its first `await`. */
function synchronousStartOf(model: SignalRModel, call: TSESTree.CallExpression, connection: Connection, depth: number): StartRef | undefined {
  const started = model.connectionCall(call, CONNECTION_METHODS.start);
  if (started) return isSameConnection(started, connection) ? { start: call, connection: started } : undefined;
  if (depth >= 2) return undefined;
  const callee = skipWrappers(call.callee);
  const fn = isFunction(callee) ? callee : callGraphOf(model).calleeOf(call);
  return fn ? synchronousStartIn(model, fn, connection, depth + 1) : undefined;
}

/** A start of `connection` in `fn`'s first synchronous run (before its first `await`). */
function synchronousStartIn(model: SignalRModel, fn: Node, connection: Connection, depth: number): StartRef | undefined {
  const nodes = ownNodes(fn);
  const firstAwait = nodes.find((node) => node.type === AST_NODE_TYPES.AwaitExpression);
  for (const node of nodes) {
    // What an \`await\` waits for runs before it suspends: \`await connection.start()\` starts synchronously.
    if (node.type !== AST_NODE_TYPES.CallExpression || (firstAwait && node.range[0] >= firstAwait.range[1])) continue;
    const start = synchronousStartOf(model, node, connection, depth);
    if (start) return start;
  }
  return undefined;
}

function awaitsBefore(scope: Node, node: Node): boolean {
  return ownNodes(scope).some((candidate) => isSuspension(candidate) && candidate.range[1] <= node.range[0]);
}

function awaitsBetween(scope: Node, from: Node, to: Node): boolean {
  // \`await connection.start()\` ends where the start ends: it waits for it.
  return ownNodes(scope).some((candidate) => isSuspension(candidate) && candidate.range[1] >= from.range[1] && candidate.range[1] <= to.range[0]);
}

function isSuspension(node: Node): boolean {
  return node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await);
}

/** `fn` is an effect callback, and an effect that runs before it in the same component starts the connection. */
function startedByEarlierEffect(model: SignalRModel, fn: FunctionNode, connection: Connection): PendingStart | undefined {
  const effect = effectCallOf(model, fn);
  const component = effect && enclosingFunction(effect);
  if (!effect || !component) return undefined;
  const rank = (call: TSESTree.CallExpression): number => (model.moduleBindingOf(call.callee)?.name === REACT_LAYOUT_EFFECT ? 0 : 1);
  for (const node of ownNodes(component)) {
    if (node === effect || node.type !== AST_NODE_TYPES.CallExpression) continue;
    const callback = node.arguments[0] && skipWrappers(node.arguments[0]);
    if (!callback || !isFunction(callback) || effectCallOf(model, callback) !== node) continue;
    const earlier = rank(node) < rank(effect) || (rank(node) === rank(effect) && node.range[0] < effect.range[0]);
    const start = earlier ? synchronousStartIn(model, callback, connection, 0) : undefined;
    if (start) return { ...start, how: 'earlier-effect', via: node };
  }
  return undefined;
}

/** `fn` is a lifecycle method, and one that runs before it on the same component starts the connection. */
function startedByEarlierHook(model: SignalRModel, fn: FunctionNode, connection: Connection): PendingStart | undefined {
  const member = fn.parent;
  const isMember =
    (member?.type === AST_NODE_TYPES.MethodDefinition && !member.static) || (member?.type === AST_NODE_TYPES.Property && member.parent.type === AST_NODE_TYPES.ObjectExpression);
  if (!isMember || member.value !== fn) return undefined;
  const name = member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor' ? 'constructor' : staticPropertyName(member);
  const order = name === undefined ? undefined : LIFECYCLE_ORDERS.find((candidate) => candidate.includes(name));
  if (!order || name === undefined) return undefined;
  const siblings = member.type === AST_NODE_TYPES.MethodDefinition ? member.parent.body : member.parent.properties;
  for (const sibling of siblings) {
    if (sibling.type !== AST_NODE_TYPES.MethodDefinition && sibling.type !== AST_NODE_TYPES.Property) continue;
    const siblingName = sibling.type === AST_NODE_TYPES.MethodDefinition && sibling.kind === 'constructor' ? 'constructor' : staticPropertyName(sibling);
    const value = sibling.value && skipWrappers(sibling.value);
    if (siblingName === undefined || !value || !isFunction(value) || order.indexOf(siblingName) < 0 || order.indexOf(siblingName) >= order.indexOf(name)) continue;
    const start = synchronousStartIn(model, value, connection, 0);
    if (start) return { ...start, how: 'earlier-hook', via: start.start, hook: siblingName };
  }
  return undefined;
}

// ---- code handed out before a start is even called ----

/**
 * A callback given to other code (an event listener, a route or tool handler, a timer) before the
 * function or module body that gives it starts `connection`, with an `await` in between: while that
 * `await` waits, the callback can run, and `start()` has not been called yet. `handOff` is the call
 * that receives the callback, `gap` the `await`.
 */
export interface StartNotCalled extends StartRef {
  readonly handOff: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly gap: Node;
}

/** When `node`, in the first synchronous run of a callback, can run before the start of `connection` is called. */
export function startNotCalledAt(model: SignalRModel, node: Node, connection: Connection): StartNotCalled | undefined {
  const callback = enclosingFunction(node);
  // A callback that waits for something first may be waiting for the start.
  if (!callback || awaitsBefore(callback, node)) return undefined;
  const role = callbackRole(model, callback);
  const handOff = outermostWrapper(callback).parent;
  const handedOut = role.kind === 'argument' || (role.kind === 'ignored' && handOff?.type === AST_NODE_TYPES.CallExpression && handOff.callee !== outermostWrapper(callback));
  if (!handedOut || (handOff?.type !== AST_NODE_TYPES.CallExpression && handOff?.type !== AST_NODE_TYPES.NewExpression)) return undefined;
  // Handlers registered on a connection run while it is connected (or after it closed).
  const receiver = handOff.type === AST_NODE_TYPES.CallExpression ? calledMethod(handOff)?.object : undefined;
  if (receiver && model.connectionOf(receiver)) return undefined;
  // Listeners for a signal, the process's exit or the page's unload run on the way out, not in the gap.
  if (registersShutdownListener(model, handOff)) return undefined;
  if (precedingStartCall(model, handOff, connection) || runsAfterStart(model, handOff, connection)) return undefined;
  const scope = enclosingFunction(handOff) ?? model.program;
  const nodes = ownNodes(scope);
  for (const candidate of nodes) {
    if (candidate.type !== AST_NODE_TYPES.CallExpression || !isSequentiallyBefore(handOff, candidate)) continue;
    const start = synchronousStartOf(model, candidate, connection, 0);
    if (!start) continue;
    // The first start after the hand-off decides: with no `await` before it, the window is the handshake only.
    const gap = nodes.find((other) => isSuspension(other) && other.range[0] >= handOff.range[1] && other.range[1] <= candidate.range[0]);
    return gap && { ...start, handOff, gap };
  }
  return undefined;
}
