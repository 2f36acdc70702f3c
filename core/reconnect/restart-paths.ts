// What a close handler does about a lost connection: the restarts it reaches (through local functions
// and timers), how long it waits first, and whether it mistakes `onclose`'s error for the connection.
// - `onclose` gets `undefined` both after `stop()` and after automatic reconnect gives up; it does not
//   fire when the first `start()` fails.
// - The classic client fires `disconnected` (with no argument) after its own reconnect window, after
//   `stop()`, and when a `start()` fails.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from '../ast.js';
import { calledMethod, contains, enclosingFunction, isFunction, skipWrappers, staticPropertyName, walk } from '../ast.js';
import { exits, isLoop } from '../control-flow.js';
import { functionDenotedBy, functionVariable } from '../functions.js';
import { DELAY_TIMERS, isGlobalFunction, isUnboundGlobal } from '../globals.js';
import type { SignalRModel } from '../model.js';
import { CONNECTION_METHODS } from '../signalr.js';
import { PROMISE_CHAIN_METHODS, PROMISE_METHODS } from '../promises.js';
import { numericValue } from './policies.js';

/** The promise version of `setTimeout`, whose delay is its first argument. */
const PROMISE_TIMER_MODULES: readonly string[] = ['timers/promises', 'node:timers/promises'];
/** Globals whose calls neither restart nor wait: a handler that only calls these is fully visible. */
const INERT_GLOBALS: readonly string[] = [
  'console', 'Math', 'JSON', 'Date', 'Number', 'String', 'Boolean', 'Object', 'Array', 'Error', 'Symbol', 'Map', 'Set',
  'clearTimeout', 'clearInterval', 'parseInt', 'parseFloat', 'isNaN', 'encodeURIComponent', 'decodeURIComponent',
];
/** A function the file cannot see that is named like this may well (re)start a connection. */
const RESTART_LIKE_NAME = /^(?:re)?(?:start|connect)|reconnect|restart|retry/i;
/** Methods of a connection that only a connection has: using the `onclose` argument like this mistakes the error for it. */
const CONNECTION_ONLY_METHODS: readonly string[] = [
  CONNECTION_METHODS.start,
  CONNECTION_METHODS.stop,
  CONNECTION_METHODS.invoke,
  CONNECTION_METHODS.send,
  CONNECTION_METHODS.stream,
  CONNECTION_METHODS.on,
  CONNECTION_METHODS.off,
  CONNECTION_METHODS.onclose,
];
/** Connection methods that register a handler for a later event. */
const CONNECTION_EVENTS: readonly string[] = [CONNECTION_METHODS.on, CONNECTION_METHODS.onclose, CONNECTION_METHODS.onreconnecting, CONNECTION_METHODS.onreconnected];
/** How deep the analysis follows local functions from a handler. */
const MAX_FUNCTION_DEPTH = 4;

export interface Timer {
  /** `setTimeout(callback, delay)`, or a promise timer `sleep(delay)`. */
  readonly call: TSESTree.CallExpression;
  /** The delay argument (undefined: none given, so 0). */
  readonly delay: Node | undefined;
  /** The timer leads to a restart: its callback starts the connection, or it is a sleep before one. */
  readonly schedulesRestart: boolean;
  /**
   * Its callback argument is a call that starts the connection (`setTimeout(start(), 5000)`): the
   * restart runs now, and the timer only gets what it returns.
   */
  readonly restartCalledNow: boolean;
}

/** What a close handler does, following the local functions it calls or passes on. */
export interface RestartPath {
  /** The handler is code in this file (not an imported function or a parameter). */
  readonly visible: boolean;
  /** `.start()` calls reached (on anything but the handler's error argument). */
  readonly startCalls: readonly TSESTree.CallExpression[];
  /** `error.start()`-style uses of `onclose`'s argument, which is the error, not the connection. */
  readonly errorArgumentMisuses: readonly TSESTree.MemberExpression[];
  /** It calls a function the file cannot see whose name says it (re)connects. */
  readonly opaqueRestart: boolean;
  /** It calls other functions the file cannot see (they might wait before anything restarts). */
  readonly opaqueCalls: boolean;
  readonly timers: readonly Timer[];
  /** Every restart sits behind a check that `onclose`'s error is set (`if (error) …`). */
  readonly restartsOnlyOnError: boolean;
}

export type RestartKind = 'misuses-error-argument' | 'none' | 'restarts' | 'unknown';

/** Where a trace starts: a handler function, or the `catch` clause that takes a failed start. */
export type TraceRoot = FunctionNode | TSESTree.CatchClause;

/** How a close handler restarts the connection, if it does. */
export function restartKind(path: RestartPath): RestartKind {
  if (path.startCalls.length > 0) return 'restarts';
  if (path.errorArgumentMisuses.length > 0) return 'misuses-error-argument';
  if (!path.visible || path.opaqueRestart) return 'unknown';
  return 'none';
}

/** A `start()` call that is already retried: in a loop, or in a function that calls or schedules itself again. */
export function isStartRetried(model: SignalRModel, start: TSESTree.CallExpression): boolean {
  let inFunction = false;
  for (let current: Node | undefined = start.parent; current; current = current.parent) {
    if (isLoop(current) && !inFunction) return true;
    if (isFunction(current)) {
      inFunction = true;
      const self = functionVariable(model, current);
      if (self?.references.some((ref) => contains(current, ref.identifier))) return true;
    }
  }
  return false;
}

/**
 * `setTimeout` delays on a restart path that are fixed: a number the code spells out, with nothing
 * random in it. `undefined` delays (none given) are fixed at 0.
 */
export function isFixedDelay(model: SignalRModel, timer: Timer): boolean {
  if (!timer.delay) return true;
  return numericValue(model, timer.delay) !== undefined;
}

/**
 * Follows close handlers through the local functions they call or hand on (up to `MAX_FUNCTION_DEPTH`)
 * to the restarts, timers and calls it cannot see that they lead to. Each function is traced once.
 */
export class RestartTracer {
  private readonly paths = new Map<Node, RestartPath>();
  private readonly tracing = new Set<TraceRoot>();

  constructor(private readonly model: SignalRModel) {}

  /** What `handler` does; `hasErrorArgument` for `onclose`, whose argument is the error. */
  pathOf(handler: TraceRoot, hasErrorArgument: boolean): RestartPath {
    let path = this.paths.get(handler);
    if (!path) {
      path = this.trace(handler, hasErrorArgument);
      this.paths.set(handler, path);
    }
    return path;
  }

  private trace(root: TraceRoot, hasErrorArgument: boolean): RestartPath {
    this.tracing.add(root);
    try {
      return this.traceFrom(root, hasErrorArgument);
    } finally {
      this.tracing.delete(root);
    }
  }

  private traceFrom(root: TraceRoot, hasErrorArgument: boolean): RestartPath {
    const errorParameter = hasErrorArgument ? parameterVariable(this.model, root.type === AST_NODE_TYPES.CatchClause ? root.param ?? undefined : root.params[0]) : undefined;
    const startCalls = new Set<TSESTree.CallExpression>();
    const misuses = new Set<TSESTree.MemberExpression>();
    const timerCalls: { call: TSESTree.CallExpression; delay: Node | undefined; callback: Node | undefined; sleep: boolean }[] = [];
    let opaqueRestart = false;
    let opaqueCalls = false;
    const seen = new Set<TraceRoot>([root]);
    let frontier: TraceRoot[] = [root];
    for (let depth = 0; depth <= MAX_FUNCTION_DEPTH && frontier.length > 0; depth++) {
      const next: TraceRoot[] = [];
      const follow = (fn: FunctionNode | undefined): void => {
        if (fn && !seen.has(fn)) {
          seen.add(fn);
          next.push(fn);
        }
      };
      for (const fn of frontier) {
        walk(fn.body, (node) => {
          if (runsOnlyLater(this.model, node)) return false;
          if (isFunction(node)) seen.add(node);
          if (node.type === AST_NODE_TYPES.MemberExpression && errorParameter) {
            const object = skipWrappers(node.object);
            const name = staticPropertyName(node);
            if (object.type === AST_NODE_TYPES.Identifier && this.model.variableOf(object) === errorParameter && name && CONNECTION_ONLY_METHODS.includes(name)) {
              misuses.add(node);
            }
          }
          const isCallee = node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node;
          if (node.type === AST_NODE_TYPES.Identifier && !isCallee) follow(this.referencedFunction(node));
          if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
          const timer = this.timerOf(node);
          if (timer) {
            if (!timerCalls.some((known) => known.call === node)) timerCalls.push({ call: node, ...timer });
            return undefined;
          }
          const method = calledMethod(node);
          if (method?.name === CONNECTION_METHODS.start && !startsSomethingElse(this.model, method.object)) {
            const object = skipWrappers(method.object);
            const onErrorArgument = object.type === AST_NODE_TYPES.Identifier && errorParameter !== undefined && this.model.variableOf(object) === errorParameter;
            if (!onErrorArgument) startCalls.add(node);
            return undefined;
          }
          const local = functionDenotedBy(this.model, node.callee);
          if (local) {
            follow(local);
            return undefined;
          }
          const visibility = this.calleeVisibility(node);
          if (visibility === 'restart-like') opaqueRestart = true;
          else if (visibility === 'opaque') opaqueCalls = true;
          return undefined;
        });
      }
      frontier = next;
    }
    const restarts = startCalls.size > 0 || opaqueRestart;
    const timers = timerCalls.map(({ call, delay, callback, sleep }): Timer => ({
      call,
      delay,
      schedulesRestart:
        sleep || this.isSleepResolve(callback) || (callback !== undefined && functionDenotedBy(this.model, callback) === root)
          ? restarts
          : this.callbackRestarts(callback),
      restartCalledNow: callback !== undefined && this.startsWhenCalled(callback, startCalls),
    }));
    const path: RestartPath = {
      visible: true,
      startCalls: [...startCalls],
      errorArgumentMisuses: [...misuses],
      opaqueRestart,
      opaqueCalls,
      timers,
      restartsOnlyOnError: false,
    };
    return errorParameter ? { ...path, restartsOnlyOnError: this.restartsOnlyOnError(root, errorParameter) } : path;
  }

  /** An identifier (not a callee) naming a local function: `setTimeout(start, 5000)`, `.then(start)`. */
  private referencedFunction(identifier: TSESTree.Identifier): FunctionNode | undefined {
    const variable = this.model.variableOf(identifier);
    if (!variable || variable.identifiers.includes(identifier)) return undefined;
    return functionDenotedBy(this.model, identifier);
  }

  private timerOf(call: TSESTree.CallExpression): { delay: Node | undefined; callback: Node | undefined; sleep: boolean } | undefined {
    const callee = skipWrappers(call.callee);
    const binding = this.model.moduleBindingOf(callee);
    if (binding && PROMISE_TIMER_MODULES.includes(binding.module) && binding.name === 'setTimeout') {
      return { delay: call.arguments[0], callback: undefined, sleep: true };
    }
    if (!DELAY_TIMERS.some((timer) => isGlobalFunction(this.model, callee, timer))) return undefined;
    return { delay: call.arguments[1], callback: call.arguments[0], sleep: false };
  }

  /** `new Promise((resolve) => setTimeout(resolve, ms))`: the callback is the promise's `resolve`. */
  private isSleepResolve(callback: Node | undefined): boolean {
    const target = callback && skipWrappers(callback);
    if (target?.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = this.model.variableOf(target);
    const def = variable?.defs[0];
    if (def?.type !== 'Parameter' || !isFunction(def.node)) return false;
    const executor = def.node;
    const promise = executor.parent;
    return (
      executor.params[0] === def.name &&
      promise?.type === AST_NODE_TYPES.NewExpression &&
      skipWrappers(promise.callee).type === AST_NODE_TYPES.Identifier &&
      (skipWrappers(promise.callee) as TSESTree.Identifier).name === 'Promise'
    );
  }

  /**
   * A timer's callback argument that is itself a call starting the connection: `connection.start()`,
   * or `start()` of a local function whose own body (not a callback in it) calls `.start()`.
   */
  private startsWhenCalled(argument: Node, startCalls: ReadonlySet<TSESTree.CallExpression>): boolean {
    const call = skipWrappers(argument);
    if (call.type !== AST_NODE_TYPES.CallExpression) return false;
    if (startCalls.has(call)) return true;
    const fn = functionDenotedBy(this.model, call.callee);
    return fn !== undefined && [...startCalls].some((start) => enclosingFunction(start) === fn);
  }

  private callbackRestarts(callback: Node | undefined): boolean {
    const fn = callback && functionDenotedBy(this.model, callback);
    // A function that schedules itself (`setTimeout(start, …)` inside `start`) is being traced already:
    // whether it restarts comes out of that trace.
    if (!fn || this.tracing.has(fn)) return false;
    let path = this.paths.get(fn);
    if (!path) {
      path = this.trace(fn, false);
      this.paths.set(fn, path);
    }
    return path.startCalls.length > 0 || path.opaqueRestart;
  }

  /** `restart-like` / `opaque` for a call of something the file cannot see; `inert` for the rest. */
  private calleeVisibility(call: TSESTree.CallExpression): 'inert' | 'opaque' | 'restart-like' {
    const callee = skipWrappers(call.callee);
    let name: string | undefined;
    if (callee.type === AST_NODE_TYPES.Identifier) {
      // Local functions were followed before this; any other callee (an import, a parameter, a value
      // from a hook) is code the file cannot see.
      if (isInertGlobal(this.model, callee)) return 'inert';
      name = callee.name;
    } else if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const object = skipWrappers(callee.object);
      if (object.type === AST_NODE_TYPES.Identifier && isInertGlobal(this.model, object)) return 'inert';
      if (this.model.connectionOf(object)) return 'inert';
      // `new HubConnectionBuilder().withUrl(…).build()`: building a connection neither waits nor restarts.
      if (this.model.builderChainOf(object)) return 'inert';
      name = staticPropertyName(callee);
      // `.then(…)`, `.catch(…)` wait for nothing themselves, and their callbacks are traced with the rest.
      if (name !== undefined && PROMISE_CHAIN_METHODS.includes(name)) return 'inert';
    }
    if (name !== undefined && RESTART_LIKE_NAME.test(name)) return 'restart-like';
    return 'opaque';
  }

  /** Every restart in the handler sits behind a check that the error is set (`if (error)`, `if (!error) return;`). */
  private restartsOnlyOnError(root: TraceRoot, errorParameter: Variable): boolean {
    const isError = (node: Node): boolean => {
      const target = skipWrappers(node);
      return target.type === AST_NODE_TYPES.Identifier && this.model.variableOf(target) === errorParameter;
    };
    const truthy = (test: Node): boolean => {
      const target = skipWrappers(test);
      if (isError(target)) return true;
      if (target.type === AST_NODE_TYPES.BinaryExpression && (target.operator === '!=' || target.operator === '!==')) {
        return (isError(target.left) && isNullish(target.right)) || (isError(target.right) && isNullish(target.left));
      }
      if (target.type === AST_NODE_TYPES.BinaryExpression && target.operator === 'instanceof') return isError(target.left);
      return false;
    };
    const falsy = (test: Node): boolean => {
      const target = skipWrappers(test);
      if (target.type === AST_NODE_TYPES.UnaryExpression && target.operator === '!') return truthy(target.argument);
      if (target.type === AST_NODE_TYPES.BinaryExpression && (target.operator === '==' || target.operator === '===')) {
        return (isError(target.left) && isNullish(target.right)) || (isError(target.right) && isNullish(target.left));
      }
      return false;
    };
    const guarded: Node[] = [];
    const restartNodes: Node[] = [];
    walk(root.body, (node) => {
      if (node.type === AST_NODE_TYPES.IfStatement) {
        if (truthy(node.test)) guarded.push(node.consequent);
        else if (falsy(node.test) && node.alternate) guarded.push(node.alternate);
        if (falsy(node.test) && exits(node.consequent) && node.parent?.type === AST_NODE_TYPES.BlockStatement) {
          const siblings = node.parent.body;
          guarded.push(...siblings.slice(siblings.indexOf(node) + 1));
        }
      } else if (node.type === AST_NODE_TYPES.LogicalExpression) {
        if ((node.operator === '&&' && truthy(node.left)) || (node.operator === '||' && falsy(node.left))) guarded.push(node.right);
      } else if (node.type === AST_NODE_TYPES.ConditionalExpression && truthy(node.test)) {
        guarded.push(node.consequent);
      }
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const fn = functionDenotedBy(this.model, node.callee);
        if (calledMethod(node)?.name === CONNECTION_METHODS.start || (fn && this.callbackRestarts(fn))) restartNodes.push(node);
        else if (node.arguments.some((argument) => functionDenotedBy(this.model, argument) && this.callbackRestarts(argument))) restartNodes.push(node);
      }
      return undefined;
    });
    return restartNodes.length > 0 && restartNodes.every((node) => guarded.some((region) => contains(region, node)));
  }
}

/**
 * Code a trace leaves out: it runs only once a start has succeeded (a `.then` callback on the start, the
 * statements after `await connection.start()`) or when the connection fires an event later (handlers
 * given to `on`, `onclose`, …). Nothing there can delay, prevent or repeat the restart being traced, so
 * what it calls (often code the file cannot see: an emitter, a store) leaves the path as certain as it was.
 */
function runsOnlyLater(model: SignalRModel, node: Node): boolean {
  return isStartSuccessCallback(model, node) || followsAwaitedStart(model, node) || isConnectionEventHandler(model, node);
}

/** `connection.start().then(callback)`, also further down a chain of `.then` calls. */
function isStartSuccessCallback(model: SignalRModel, node: Node): boolean {
  const call = node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== node) return false;
  const thenOf = (candidate: Node): Node | undefined => {
    const method = candidate.type === AST_NODE_TYPES.CallExpression ? calledMethod(candidate) : undefined;
    return method?.name === PROMISE_METHODS.then ? skipWrappers(method.object) : undefined;
  };
  let promise = thenOf(call);
  if (!promise) return false;
  for (let earlier = thenOf(promise); earlier; earlier = thenOf(promise)) promise = earlier;
  return model.connectionCall(promise, CONNECTION_METHODS.start) !== undefined;
}

/**
 * A statement after `await connection.start();` in the same block. Not inside a loop: there the code
 * after the start runs before the next one.
 */
function followsAwaitedStart(model: SignalRModel, node: Node): boolean {
  const block = node.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement) return false;
  const index = block.body.indexOf(node as TSESTree.Statement);
  const awaitsStart = block.body.slice(0, index).some((statement) => {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    const expression = skipWrappers(statement.expression);
    return expression.type === AST_NODE_TYPES.AwaitExpression && model.connectionCall(skipWrappers(expression.argument), CONNECTION_METHODS.start) !== undefined;
  });
  return awaitsStart && !inLoop(block);
}

function inLoop(node: Node): boolean {
  for (let current = node.parent; current && !isFunction(current); current = current.parent) {
    if (isLoop(current)) return true;
  }
  return false;
}

/** A handler given to `connection.on(…)`, `onclose`, `onreconnecting` or `onreconnected`. */
function isConnectionEventHandler(model: SignalRModel, node: Node): boolean {
  const call = node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(node as TSESTree.CallExpressionArgument)) return false;
  const method = calledMethod(call);
  return method !== undefined && CONNECTION_EVENTS.includes(method.name) && model.connectionOf(method.object) !== undefined;
}

export function invisiblePath(): RestartPath {
  return { visible: false, startCalls: [], errorArgumentMisuses: [], opaqueRestart: false, opaqueCalls: true, timers: [], restartsOnlyOnError: false };
}

function parameterVariable(model: SignalRModel, param: TSESTree.Parameter | undefined): Variable | undefined {
  if (!param) return undefined;
  const name = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  return name.type === AST_NODE_TYPES.Identifier ? model.variableOf(name) : undefined;
}

function isNullish(node: Node): boolean {
  const target = skipWrappers(node);
  return (target.type === AST_NODE_TYPES.Literal && target.value === null) || (target.type === AST_NODE_TYPES.Identifier && target.name === 'undefined');
}

export function isInertGlobal(model: SignalRModel, identifier: TSESTree.Identifier): boolean {
  return INERT_GLOBALS.includes(identifier.name) && isUnboundGlobal(model, identifier);
}

/**
 * `watch.start()` on `const watch = new Stopwatch()`: the start of an object the file shows is no
 * connection. Other objects' starts (a field, a parameter, an import) may be a connection's.
 */
function startsSomethingElse(model: SignalRModel, object: Node): boolean {
  const init = model.resolveConst(object);
  return init?.type === AST_NODE_TYPES.NewExpression && model.creationFlavour(init) === undefined;
}
