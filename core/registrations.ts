// When a connection's message handlers are registered (`connection.on(name, handler)`), and what goes
// wrong: the analysis behind `register-handlers-before-start` and its codemod.
//
// - Too late: a handler registered only after `start()` has resolved misses what the server sends as
//   soon as the client connects (`OnConnectedAsync`, a reply to the first invoke). The client logs
//   "No client method with the name '…' found." and drops the message. A registration in the same
//   synchronous run as a `start()` that nobody waits for is in time (the handshake needs the event
//   loop), and is not a finding.
// - Again and again: a registration on the restart path (a function that starts the connection and
//   is retried, called from `onclose`, or an `onreconnected` handler) adds one more handler on every
//   run when the handler is a new function each time (`HubConnection.on` skips only the very same
//   function object), so each message is handled twice, three times…
// - A Web PubSub client SDK `WebPubSubClient` delivers its first events after `start()` resolves, so
//   only a registration after a further `await` (or in a timer) is late (core/web-pubsub-client.ts).
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { calledMethod, contains, enclosingFunction, isFunction, outermostWrapper, skipWrappers, walk } from './ast.js';
import { callGraphOf } from './calls.js';
import type { Connection, SignalRModel } from './model.js';
import type { AfterStart } from './ordering.js';
import { startCalls } from './flow.js';
import type { LinkedLateRegistration } from './linked-registrations.js';
import { linkedLateRegistrations } from './linked-registrations.js';
import { isSameConnection, isSequentiallyBefore, runsAfterStart, startsIn, TIMER_CONSUMER } from './ordering.js';
import { callbackRole } from './promises.js';
import { reconnectAnalysis } from './reconnect/analysis.js';
import { isStartRetried } from './reconnect/restart-paths.js';
import { CONNECTION_METHODS } from './signalr.js';
import { staticString } from './values.js';
import { lateRegistrationRisk, WEB_PUBSUB_CLIENT_GROUP_METHODS, yieldsBetween } from './web-pubsub-client.js';

/** A `connection.on(…)` call and what it registers. */
export interface Registration {
  readonly call: TSESTree.CallExpression;
  readonly connection: Connection;
  /** The hub method name, when static. */
  readonly event: string | undefined;
}

export type RegistrationProblem =
  /**
   * `node` (the registration, or a call of a function of this file that registers) runs after a
   * start. `together` lists every call that runs at that point after the same start, `node` first:
   * the registrations of one function after one start (reported once), or `node` alone.
   */
  | {
      readonly kind: 'after-start';
      readonly node: TSESTree.CallExpression;
      readonly registration: Registration;
      readonly after: AfterStart;
      readonly together: readonly TSESTree.CallExpression[];
    }
  /**
   * The registration waits for a timer set by a function that neither builds nor starts the
   * connection, while another function starts it: nothing makes it come before the start.
   */
  | { readonly kind: 'deferred'; readonly node: TSESTree.CallExpression; readonly registration: Registration; readonly timer: TSESTree.CallExpression; readonly start: TSESTree.CallExpression }
  /** The registration runs on every (re)start, adding another handler each time. */
  | { readonly kind: 'every-start'; readonly node: TSESTree.CallExpression; readonly registration: Registration; readonly restart: Node }
  /** Another module's service registers the handlers, called after the same service started the connection. */
  | LinkedLateRegistration;

const analyses = new WeakMap<SignalRModel, readonly RegistrationProblem[]>();

/** Every late or repeated handler registration of the file, in source order. Computed once per file. */
export function registrationProblems(model: SignalRModel, filename: string): readonly RegistrationProblem[] {
  let problems = analyses.get(model);
  if (!problems) {
    problems = findProblems(model, filename);
    analyses.set(model, problems);
  }
  return problems;
}

function findProblems(model: SignalRModel, filename: string): RegistrationProblem[] {
  const registrations = collectRegistrations(model);
  const problems: RegistrationProblem[] = [];
  // One report per group of registrations that run together (same function, same start).
  const groups = new Map<string, TSESTree.CallExpression[]>();
  const lateFunctions = new Set<FunctionNode | undefined>();
  for (const registration of registrations) {
    const after = runsAfterStart(model, registration.call, registration.connection);
    const fn = enclosingFunction(registration.call);
    if (!after) {
      const deferred = registration.connection.flavour === 'core' ? deferredRegistration(model, registration) : undefined;
      if (deferred) {
        lateFunctions.add(fn);
        problems.push(deferred);
      }
      continue;
    }
    if (!missesMessages(model, registration, after)) continue;
    lateFunctions.add(fn);
    const key = `${fn?.range[0] ?? -1}:${after.via.range[0]}`;
    const together = groups.get(key);
    if (together) {
      together.push(registration.call);
      continue;
    }
    const group = [registration.call];
    groups.set(key, group);
    problems.push({ kind: 'after-start', node: registration.call, registration, after, together: group });
  }
  problems.push(...lateRegisteringCalls(model, registrations, lateFunctions));
  problems.push(...repeatedRegistrations(model, filename, registrations));
  problems.push(...linkedLateRegistrations(model));
  return problems.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

function collectRegistrations(model: SignalRModel): Registration[] {
  const registrations: Registration[] = [];
  walk(model.program, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const connection = model.connectionCall(node, CONNECTION_METHODS.on);
    if (connection?.flavour !== 'core' && connection?.flavour !== 'web-pubsub') return;
    const [name] = node.arguments;
    registrations.push({ call: node, connection, event: name ? staticString(model, name) : undefined });
  });
  return registrations;
}

/**
 * A `HubConnection` handler registered after start misses what the server sends on connect. A
 * `WebPubSubClient` delivers its first events as messages of their own after `start()` resolves
 * (core/web-pubsub-client.ts), so its handler misses them only when the code yields first: a timer,
 * or another `await` after the start (for `group-message`, after a join).
 */
function missesMessages(model: SignalRModel, registration: Registration, after: AfterStart): boolean {
  if (registration.connection.flavour !== 'web-pubsub') return true;
  const risk = lateRegistrationRisk(registration.event);
  if (!risk) return false;
  if (risk === 'after-join') {
    const join = precedingJoin(model, registration);
    return join !== undefined && yieldsBetween(join, registration.call);
  }
  return after.how === 'timer' || yieldsBetween(after.via, registration.call);
}

/** A `joinGroup` on the registration's client that runs before it in the same function. */
function precedingJoin(model: SignalRModel, registration: Registration): Node | undefined {
  const fn = enclosingFunction(registration.call);
  let found: Node | undefined;
  walk(fn?.body ?? model.program, (node) => {
    if (found || (fn && node !== fn.body && isFunction(node))) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const client = model.connectionCall(node, WEB_PUBSUB_CLIENT_GROUP_METHODS.join);
    if (client && isSameConnection(client, registration.connection) && isSequentiallyBefore(node, registration.call)) found = node;
    return undefined;
  });
  return found;
}

/**
 * A registration in a timer callback (`setTimeout(() => connection.on(…))`) set by a function that
 * neither builds nor starts the connection, while another function of this file starts it. A timer
 * defers the registration on purpose, and nothing orders it before the start: the usual reason for
 * the delay is that the connection must be up first. Not when the function that sets the timer is a
 * constructor, or is called before a start in the same run: then the start comes after the timer is set.
 */
function deferredRegistration(model: SignalRModel, registration: Registration): RegistrationProblem | undefined {
  const callback = enclosingFunction(registration.call);
  const timer = callback && outermostWrapper(callback).parent;
  if (!callback || timer?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const role = callbackRole(model, callback);
  if (role.kind !== 'ignored' || role.consumer !== TIMER_CONSUMER) return undefined;
  const setter = enclosingFunction(timer);
  const { connection } = registration;
  if (!setter || callbackRole(model, setter).kind === 'constructor' || buildsConnection(setter, connection)) return undefined;
  const starts = startCalls(model).filter((call) => isSameConnection(model.connectionCall(call, CONNECTION_METHODS.start)!, connection));
  if (starts.some((start) => contains(setter, start)) || callsStartingFunction(model, setter, connection)) return undefined;
  const start = starts[0];
  if (!start) return undefined;
  const graph = callGraphOf(model);
  const calledBeforeStart = graph.callsOf(setter).some((call) => {
    const scope = enclosingFunction(call) ?? model.program;
    return starts.some((candidate) => (enclosingFunction(candidate) ?? model.program) === scope && isSequentiallyBefore(call, candidate));
  });
  return calledBeforeStart ? undefined : { kind: 'deferred', node: registration.call, registration, timer, start };
}

/** `fn` calls a function of this file that starts `connection` (`this.connect()`). */
function callsStartingFunction(model: SignalRModel, fn: FunctionNode, connection: Connection): boolean {
  const graph = callGraphOf(model);
  let found = false;
  walk(fn.body, (node) => {
    if (found || node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = graph.calleeOf(node);
    if (callee && callee !== fn && startsIn(model, callee).some((start) => isSameConnection(start.connection, connection))) found = true;
    return undefined;
  });
  return found;
}

/**
 * Calls of functions of this file that register handlers in their own body (`this.registerHandlers()`),
 * made after a start: the call is what to move. Functions whose registrations are late by themselves
 * are reported there instead.
 */
function lateRegisteringCalls(model: SignalRModel, registrations: readonly Registration[], lateFunctions: ReadonlySet<FunctionNode | undefined>): RegistrationProblem[] {
  const graph = callGraphOf(model);
  const byFunction = new Map<FunctionNode, Registration>();
  for (const registration of registrations) {
    const fn = enclosingFunction(registration.call);
    if (registration.connection.flavour !== 'core') continue;
    if (fn && !lateFunctions.has(fn) && !byFunction.has(fn)) byFunction.set(fn, registration);
  }
  const problems: RegistrationProblem[] = [];
  for (const [fn, registration] of byFunction) {
    for (const call of graph.callsOf(fn)) {
      const after = runsAfterStart(model, call, registration.connection);
      if (after) problems.push({ kind: 'after-start', node: call, registration, after, together: [call] });
    }
  }
  return problems;
}

/**
 * Registrations of a new function on each run of a restart path: in a function that starts the
 * connection and runs again (it retries itself, or an `onclose` handler reaches its start), or in an
 * `onreconnected`/`onclose` handler itself. A path that builds a new connection first, or removes
 * the handler with `off` first, is fine.
 */
function repeatedRegistrations(model: SignalRModel, filename: string, registrations: readonly Registration[]): RegistrationProblem[] {
  const reconnect = reconnectAnalysis(model, filename);
  const restartStarts = new Set(reconnect.closeRegistrations.flatMap((registration) => registration.path.startCalls));
  const handlers = reconnectHandlers(model);
  const problems: RegistrationProblem[] = [];
  for (const registration of registrations) {
    if (registration.connection.flavour !== 'core' || !isNewFunctionEachTime(registration.call.arguments[1])) continue;
    const fn = enclosingFunction(registration.call);
    if (!fn || buildsConnection(fn, registration.connection) || removesFirst(model, fn, registration)) continue;
    const handler = handlers.find((candidate) => contains(candidate.fn, registration.call) && isSameConnection(candidate.connection, registration.connection));
    if (handler) {
      problems.push({ kind: 'every-start', node: registration.call, registration, restart: handler.registration });
      continue;
    }
    const start = startsIn(model, fn).find(
      (candidate) => isSameConnection(candidate.connection, registration.connection) && (restartStarts.has(candidate.start) || isStartRetried(model, candidate.start)),
    );
    if (start) problems.push({ kind: 'every-start', node: registration.call, registration, restart: start.start });
  }
  return problems;
}

/** Inline handlers and `fn.bind(…)` make a new function object on every run; a named function does not. */
function isNewFunctionEachTime(handler: Node | undefined): boolean {
  if (!handler) return false;
  const target = skipWrappers(handler);
  if (isFunction(target)) return true;
  return target.type === AST_NODE_TYPES.CallExpression && calledMethod(target)?.name === 'bind';
}

function buildsConnection(fn: FunctionNode, connection: Connection): boolean {
  return connection.creations.some((creation) => contains(fn, creation));
}

/** `connection.off('event')` before the registration in the same function. */
function removesFirst(model: SignalRModel, fn: FunctionNode, registration: Registration): boolean {
  let found = false;
  walk(fn.body, (node) => {
    if (found || node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const connection = model.connectionCall(node, CONNECTION_METHODS.off);
    if (connection && isSameConnection(connection, registration.connection) && isSequentiallyBefore(node, registration.call)) {
      const [name] = node.arguments;
      if (!name || registration.event === undefined || staticString(model, name) === registration.event) found = true;
    }
    return undefined;
  });
  return found;
}

/** Inline `onreconnected`/`onclose` handlers: they run on every reconnect (or drop). */
function reconnectHandlers(model: SignalRModel): { fn: FunctionNode; connection: Connection; registration: TSESTree.CallExpression }[] {
  const handlers: { fn: FunctionNode; connection: Connection; registration: TSESTree.CallExpression }[] = [];
  walk(model.program, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const connection = model.connectionCall(node, CONNECTION_METHODS.onreconnected) ?? model.connectionCall(node, CONNECTION_METHODS.onclose);
    const fn = node.arguments[0] && skipWrappers(node.arguments[0]);
    if (connection && fn && isFunction(fn)) handlers.push({ fn, connection, registration: node });
  });
  return handlers;
}
