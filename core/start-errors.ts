// Where the rejection of a `start()` goes: the analysis behind `handle-start-errors` and its codemod. `start()` rejects when negotiation or the transport fails (server down, 401, CORS, a
// network without WebSockets); unless something handles that rejection, the browser logs
// "Uncaught (in promise)", Node stops the process, and the client never connects.
//
// The promise is followed as `promiseFate` (core/promises.ts) follows a group join, with one
// extension: a promise that is awaited or returned has not been handled yet. Its rejection moves on
// to the enclosing function's promise (unless a `try … catch` around the `await` takes it), and from
// there to whatever the function's callers do with it: a call of a function of this file is followed
// to its call sites, an async callback to the code that calls it, also when the function is handed
// over by name (`addEventListener('click', connect)`, `onClick={join}`). React effects, DOM events, timers,
// immediately invoked functions and lifecycle methods of React class components and Angular ignore
// the promise their callback returns, so the rejection escapes there.
//
// Facts (@microsoft/signalr 10): `start()` rejects on failure; `withAutomaticReconnect` only acts on
// a connection that was connected; `onclose` does not fire when the first `start()` fails.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { calledMethod, enclosingFunction, isFunction, outermostWrapper, parentSkippingWrappers, skipWrappers, staticPropertyName, walk } from './ast.js';
import { callGraphOf } from './calls.js';
import { startCalls } from './flow.js';
import type { Connection, SignalRModel } from './model.js';
import { ANGULAR_INIT_METHODS } from './owners/angular.js';
import { effectCallOf } from './owners/react-effect.js';
import { isFunctionHook } from './owners/react-hooks.js';
import { VUE_INIT_OPTIONS } from './owners/vue-component.js';
import { callbackRole, PROMISE_METHODS, promiseFate, receiverRole } from './promises.js';
import type { ReconnectSubject } from './reconnect/analysis.js';
import { reconnectAnalysis } from './reconnect/analysis.js';
import { isStartRetried, restartKind } from './reconnect/restart-paths.js';
import { CONNECTION_METHODS } from './signalr.js';

/** Methods of React class components whose returned promise React ignores. */
const REACT_CLASS_LIFECYCLE_METHODS: readonly string[] = ['componentDidMount', 'componentDidUpdate'];
/** Promise methods whose callbacks settle the chain they are on. */
/** How many functions (callee to caller) a rejection is followed through. */
const MAX_DEPTH = 5;

/**
 * Where a rejection ends up:
 * - `handled`: a `.catch(…)`, a rejection callback of `.then`, or a `try … catch` takes it (`handler`);
 * - `escapes`: nobody takes it (see `EscapedRejection`);
 * - `out-of-sight`: it goes where this file cannot follow (a caller in another file, a function that
 *   takes the promise, a variable), or is deliberately dropped with `void`, or ends a module's
 *   top-level `await` (a loud failure, not a silent one).
 */
export type RejectionOutcome =
  | { readonly kind: 'handled'; readonly handler: Node; readonly through: readonly FunctionNode[] }
  | EscapedRejection
  | { readonly kind: 'out-of-sight' };

export interface EscapedRejection {
  readonly kind: 'escapes';
  /**
   * `floating`: the promise is dropped (an expression statement, `.then(f)` with no rejection
   * handler whose result is dropped); `callback`: it is returned from an async callback whose caller
   * ignores what it returns (`consumer` names it).
   */
  readonly how: 'callback' | 'floating';
  /** The call to fix: the `start()` itself, or the call of a function of this file that passes its rejection on. */
  readonly call: TSESTree.CallExpression;
  /** For `callback`: the callback, and who calls it (`useEffect`, `a timer`, `.on(…)`, `React`, `Angular`). */
  readonly callback?: FunctionNode;
  readonly consumer?: string;
  /** For a `callback` handed over by name: where (`connect` in `addEventListener('click', connect)`). */
  readonly passedAt?: Node;
  /** The functions of this file the rejection left on its way, innermost first. */
  readonly through: readonly FunctionNode[];
}

export interface UnhandledStart {
  readonly start: TSESTree.CallExpression;
  readonly connection: Connection;
  readonly escape: EscapedRejection;
  /**
   * The connection's reconnect facts when it otherwise reconnects (`withAutomaticReconnect`, an
   * `onclose` restart): there a failed start is better retried than only reported.
   */
  readonly reconnecting: ReconnectSubject | undefined;
}

export interface UnretriedStart {
  readonly start: TSESTree.CallExpression;
  readonly connection: Connection;
  /** The handlers that take its rejection, none of which starts the connection again. */
  readonly handlers: readonly Node[];
}

interface Analysis {
  readonly unhandled: readonly UnhandledStart[];
  readonly unretried: readonly UnretriedStart[];
}
const analyses = new WeakMap<SignalRModel, Analysis>();

/** Every escape of a core client's `start()` rejection, once per call to fix. Computed once per file. */
export function unhandledStarts(model: SignalRModel, filename: string): readonly UnhandledStart[] {
  return analysisOf(model, filename).unhandled;
}

/**
 * First starts whose failure is handled but never retried, on connections that otherwise reconnect
 * (`withAutomaticReconnect`, an `onclose` restart): neither covers a first start that fails, so the
 * client stays disconnected until the page reloads.
 */
export function unretriedFirstStarts(model: SignalRModel, filename: string): readonly UnretriedStart[] {
  return analysisOf(model, filename).unretried;
}

/** Where the rejection of the promise `expression` evaluates to ends up; one outcome per path. */
export function rejectionOutcomes(model: SignalRModel, expression: Node): readonly RejectionOutcome[] {
  return outcomesOf(model, expression, [], 0);
}

function analysisOf(model: SignalRModel, filename: string): Analysis {
  let analysis = analyses.get(model);
  if (analysis) return analysis;
  const unhandled: UnhandledStart[] = [];
  const unretried: UnretriedStart[] = [];
  const reported = new Set<Node>();
  const reconnect = reconnectAnalysis(model, filename);
  const restartStarts = new Set(reconnect.closeRegistrations.flatMap((registration) => registration.path.startCalls));
  for (const start of startCalls(model)) {
    const connection = model.connectionCall(start, CONNECTION_METHODS.start)!;
    // The classic client's `start()` returns a jQuery deferred, which never rejects unhandled.
    if (connection.flavour === 'classic') continue;
    const outcomes = rejectionOutcomes(model, start);
    // A restart's own start (in an `onclose` handler) belongs to the connection it restarts.
    const subject = reconnect.subjects.find((candidate) => candidate.starts.includes(start) || restartStartsOf(candidate).includes(start));
    const reconnects = subject !== undefined && (subject.automaticReconnect !== undefined || subject.closeHandlers.some((handler) => restartKind(handler.path) === 'restarts'));
    for (const outcome of outcomes) {
      if (outcome.kind !== 'escapes' || reported.has(outcome.call)) continue;
      reported.add(outcome.call);
      unhandled.push({ start, connection, escape: outcome, reconnecting: reconnects ? subject : undefined });
    }
    if (!reconnects || restartStarts.has(start) || isStartRetried(model, start)) continue;
    const handled = outcomes.filter((outcome): outcome is Extract<RejectionOutcome, { kind: 'handled' }> => outcome.kind === 'handled');
    if (handled.length === 0 || handled.length !== outcomes.length) continue;
    if (handled.some((outcome) => handlerRestarts(model, outcome.handler, start, connection, outcome.through))) continue;
    unretried.push({ start, connection, handlers: handled.map((outcome) => outcome.handler) });
  }
  analysis = { unhandled, unretried };
  analyses.set(model, analysis);
  return analysis;
}

function restartStartsOf(subject: ReconnectSubject): readonly TSESTree.CallExpression[] {
  return subject.closeHandlers.flatMap((registration) => registration.path.startCalls);
}

// ---- following a rejection ----

function outcomesOf(model: SignalRModel, expression: Node, through: readonly FunctionNode[], depth: number): RejectionOutcome[] {
  const fate = promiseFate(model, expression);
  if (fate.kind === 'voided') return [OUT_OF_SIGHT];
  if (fate.kind === 'floating') return [{ kind: 'escapes', how: 'floating', call: callToFix(expression), through }];
  const end = chainEnd(expression);
  if (end.handler) return [{ kind: 'handled', handler: end.handler, through }];
  const parent = end.node.parent;
  if (parent?.type === AST_NODE_TYPES.AwaitExpression) {
    const catchClause = catchAround(parent);
    if (catchClause) return [{ kind: 'handled', handler: catchClause, through }];
    const fn = enclosingFunction(parent);
    return fn ? functionOutcomes(model, fn, expression, through, depth) : [OUT_OF_SIGHT];
  }
  if (parent?.type === AST_NODE_TYPES.ReturnStatement || (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === end.node)) {
    const fn = parent.type === AST_NODE_TYPES.ReturnStatement ? enclosingFunction(parent) : parent;
    return fn ? functionOutcomes(model, fn, expression, through, depth) : [OUT_OF_SIGHT];
  }
  return [OUT_OF_SIGHT];
}

const OUT_OF_SIGHT: RejectionOutcome = { kind: 'out-of-sight' };

/**
 * A rejection that leaves `fn` (through an `await` or a `return` of `expression`) goes where `fn`'s
 * own promise goes.
 */
function functionOutcomes(model: SignalRModel, fn: FunctionNode, expression: Node, through: readonly FunctionNode[], depth: number): RejectionOutcome[] {
  if (depth >= MAX_DEPTH || through.includes(fn)) return [OUT_OF_SIGHT];
  const passed = [...through, fn];
  const escape = (consumer: string): RejectionOutcome[] => [{ kind: 'escapes', how: 'callback', call: callToFix(expression), callback: fn, consumer, through }];
  const role = callbackRole(model, fn);
  switch (role.kind) {
    case 'ignored':
      return escape(role.consumer);
    case 'for-each':
      return escape('`.forEach`');
    case 'chained':
      return outcomesOf(model, role.call, passed, depth + 1);
    case 'argument':
      if (effectCallOf(model, fn)) return escape(`\`${role.consumer}\``);
      // `const join = useCallback(async () => …, [])`: `join`'s callers call this function.
      return (isHookWrapped(model, fn) && nonEmpty(namedOutcomes(model, fn, expression, through, depth))) || [OUT_OF_SIGHT];
    case 'named': {
      const outcomes = namedOutcomes(model, fn, expression, through, depth);
      if (outcomes.length > 0) return outcomes;
      const framework = frameworkIgnoringResult(fn);
      return framework ? escape(framework) : [OUT_OF_SIGHT];
    }
    default:
      return [OUT_OF_SIGHT];
  }
}

/** Where a rejection that leaves `fn` goes at each call of it in this file, and at each place it is handed over by name. */
function namedOutcomes(model: SignalRModel, fn: FunctionNode, expression: Node, through: readonly FunctionNode[], depth: number): RejectionOutcome[] {
  const graph = callGraphOf(model);
  return [
    ...graph.callsOf(fn).flatMap((call) => outcomesOf(model, call, [...through, fn], depth + 1)),
    ...graph.passesOf(fn).flatMap((pass) => passOutcomes(model, fn, pass, expression, through, depth)),
  ];
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}

/** `fn` is what a `useCallback(fn, …)` gives back. */
function isHookWrapped(model: SignalRModel, fn: FunctionNode): boolean {
  const holder = outermostWrapper(fn);
  const call = holder.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === holder && isFunctionHook(model, call.callee);
}

/**
 * `fn`, handed over by name at `pass`, is called by whoever receives it: a caller that ignores its
 * promise (`addEventListener('click', connect)`, `setTimeout(connect, 5000)`, `onClick={join}`) lets
 * the rejection escape, as it does for a callback written in place; `.then(connect)` passes it on
 * along the chain. Receivers that may use the promise are left out, as for a caller in another file.
 */
function passOutcomes(model: SignalRModel, fn: FunctionNode, pass: Node, expression: Node, through: readonly FunctionNode[], depth: number): RejectionOutcome[] {
  const role = receiverRole(model, pass);
  const escape = (consumer: string): RejectionOutcome[] => [{ kind: 'escapes', how: 'callback', call: callToFix(expression), callback: fn, consumer, passedAt: pass, through }];
  switch (role.kind) {
    case 'ignored':
      return escape(role.consumer);
    case 'for-each':
      return escape('`.forEach`');
    case 'chained':
      return outcomesOf(model, role.call, [...through, fn], depth + 1);
    default:
      return [];
  }
}

/**
 * The end of the promise chain that starts at `expression` (`p.then(f).finally(g)`), and the
 * rejection handler on it, if any: `.catch(h)` or the second callback of `.then`.
 */
function chainEnd(expression: Node): { node: Node; handler?: Node } {
  let node = outermostWrapper(expression);
  for (;;) {
    const member = node.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node) return { node };
    const call = parentSkippingWrappers(member);
    if (call?.type !== AST_NODE_TYPES.CallExpression || skipWrappers(call.callee) !== member) return { node };
    const name = staticPropertyName(member);
    if (name === PROMISE_METHODS.catch && call.arguments[0]) return { node: call, handler: call.arguments[0] };
    if (name === PROMISE_METHODS.then && call.arguments[1]) return { node: call, handler: call.arguments[1] };
    if (name !== PROMISE_METHODS.then && name !== PROMISE_METHODS.finally) return { node };
    node = outermostWrapper(call);
  }
}

/** The `catch` clause of a `try` whose block holds `node`, within `node`'s function. */
function catchAround(node: Node): TSESTree.CatchClause | undefined {
  let child: Node = node;
  for (let current = node.parent; current && !isFunction(current); child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.TryStatement && current.block === child && current.handler) return current.handler;
  }
  return undefined;
}

/** The call a user would fix: the innermost call of the chain (`start()` in `start().then(f)`, `connect()` in `connect().then(f)`). */
function callToFix(expression: Node): TSESTree.CallExpression {
  let node = skipWrappers(expression);
  for (;;) {
    if (node.type !== AST_NODE_TYPES.CallExpression) break;
    const method = calledMethod(node);
    const inner = method && skipWrappers(method.object);
    if (!method || (method.name !== PROMISE_METHODS.then && method.name !== PROMISE_METHODS.finally) || inner?.type !== AST_NODE_TYPES.CallExpression) break;
    node = inner;
  }
  return node as TSESTree.CallExpression;
}

/**
 * Lifecycle methods whose returned promise the framework drops: React class components'
 * `componentDidMount`, Angular's `ngOnInit` and the other start-up hooks. Vue's `mounted` and other
 * options are not among them: Vue passes a rejection of an async hook to its error handler.
 */
function frameworkIgnoringResult(fn: FunctionNode): string | undefined {
  const member = fn.parent;
  if (member?.type !== AST_NODE_TYPES.MethodDefinition || member.value !== fn || member.static) return undefined;
  const name = staticPropertyName(member);
  if (name === undefined || VUE_INIT_OPTIONS.includes(name)) return undefined;
  if (REACT_CLASS_LIFECYCLE_METHODS.includes(name)) return 'React';
  return ANGULAR_INIT_METHODS.includes(name) && name !== 'constructor' ? 'Angular' : undefined;
}

// ---- retries ----

/**
 * The handler (a callback, or a `catch` clause) starts the connection again: it calls `start()` on
 * it, or one of the functions the rejection left (`setTimeout(connect, 5000)` in `connect`'s own
 * `.catch`), directly, in a callback it schedules, or through functions of this file.
 */
function handlerRestarts(model: SignalRModel, handler: Node, start: TSESTree.CallExpression, connection: Connection, through: readonly FunctionNode[]): boolean {
  const graph = callGraphOf(model);
  const restartFunctions = new Set<FunctionNode>(through);
  const own = enclosingFunction(start);
  if (own) restartFunctions.add(own);
  const visited = new Set<Node>();
  const reaches = (root: Node, depth: number): boolean => {
    if (visited.has(root) || depth > MAX_DEPTH) return false;
    visited.add(root);
    let found = false;
    walk(root, (node) => {
      if (found) return false;
      if (node.type === AST_NODE_TYPES.Identifier && referencesFunction(model, node, restartFunctions)) found = true;
      if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
      if (model.connectionCall(node, CONNECTION_METHODS.start) === connection) found = true;
      const callee = graph.calleeOf(node);
      if (callee && (restartFunctions.has(callee) || reaches(callee.body, depth + 1))) found = true;
      return undefined;
    });
    return found;
  };
  const target = isFunction(skipWrappers(handler)) ? skipWrappers(handler) : handler;
  return reaches(target, 0);
}

/** `connect` in `setTimeout(connect, 5000)`: a reference (not only a call) to one of `functions`. */
function referencesFunction(model: SignalRModel, identifier: TSESTree.Identifier, functions: ReadonlySet<FunctionNode>): boolean {
  const variable = model.variableOf(identifier);
  const def = variable?.defs[0];
  if (!def) return false;
  if (def.type === 'FunctionName') return functions.has(def.node as FunctionNode);
  if (def.type !== 'Variable') return false;
  const init = (def.node as TSESTree.VariableDeclarator).init;
  const fn = init ? skipWrappers(init) : undefined;
  return fn !== undefined && isFunction(fn) && functions.has(fn);
}
