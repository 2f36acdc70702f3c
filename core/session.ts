// What a client must redo after a reconnect. A reconnected (or restarted) connection has a new
// connection id, and the server has forgotten everything it knew about the old one: the groups it
// was in, and whatever the app server was told about it (a connection id sent over REST). The
// socket comes back; the session does not, unless the code repeats those steps.
//
// For each connection this file creates and starts, the analysis lists the session steps (group
// joins on it, and calls that hand its `connectionId` to someone) and says whether each reconnect
// path repeats them: `onreconnected` handlers after an automatic reconnect, `onclose` restarts
// after a restart.
//
// Users: the rule `rejoin-groups-on-reconnect`; the codemods `add-reconnect` (which must restore the
// session it reconnects) and the rejoin codemod of `rejoin-groups-on-reconnect`.
//
// Facts: after an automatic reconnect the connection id is new and the old id's group memberships
// are gone; `onreconnected(connectionId)` receives the new id (FACTS.md). The classic jQuery client
// keeps its id and groups across its own reconnects, so only the ASP.NET Core client is analysed.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { calledMethod, contains, enclosingFunction, isFunction, outermostWrapper, skipWrappers, staticPropertyName, walk } from './ast.js';
import type { CallGraph } from './calls.js';
import { callGraphOf } from './calls.js';
import type { ConnectionFlow } from './flow.js';
import { functionDenotedBy } from './functions.js';
import { isGlobalTimer } from './globals.js';
import { groupJoins } from './group-joins.js';
import type { Connection, SignalRModel } from './model.js';
import { isPageStartCallback } from './owners/page-start.js';
import { isStateSetter } from './owners/react-hooks.js';
import { callbackRole, PROMISE_CHAIN_METHODS } from './promises.js';
import type { CloseRegistration, ReconnectSubject } from './reconnect/analysis.js';
import { reconnectAnalysis } from './reconnect/analysis.js';
import { isInertGlobal, restartKind } from './reconnect/restart-paths.js';
import type { SignalRSettings } from './settings.js';
import { CONNECTION_METHODS } from './signalr.js';

/** The property of a connection that holds its id (`HubConnection.connectionId`). */
export const CONNECTION_ID = 'connectionId';
/** Method names of loggers: calling them restores nothing. */
const LOGGING_METHODS: readonly string[] = ['log', 'info', 'warn', 'error', 'debug', 'trace'];
/** How many functions deep a reconnect handler is followed. */
const MAX_DEPTH = 4;

/**
 * Whether a reconnect path repeats a session step: `yes`; `no` (the path is all visible and does
 * not); `unknown` (it calls code this file cannot see, or the connection is handed to such code,
 * which may do it).
 */
export type Restoration = 'no' | 'unknown' | 'yes';

export interface SessionStep {
  /**
   * `group-join`: a group join on the connection (core/group-joins.ts); `connection-id`: a call
   * that is given the connection's `connectionId` (a REST call registering it, an `invoke`).
   */
  readonly kind: 'connection-id' | 'group-join';
  /** The call to repeat. */
  readonly call: TSESTree.CallExpression;
  /** For messages: the hub method (`JoinGroup`) or the callee's text (`fetch`). */
  readonly method: string;
  /** After an automatic reconnect (undefined: the connection does not reconnect automatically). */
  readonly afterReconnect: Restoration | undefined;
  /** After an `onclose` restart (undefined: no `onclose` handler restarts it). */
  readonly afterRestart: Restoration | undefined;
  /**
   * The event registration whose callback runs the step (`.addEventListener(…)`, `onclick`, a
   * server message's `.on(…)`): it runs when the user or the server acts, any number of times or
   * never, so a reconnect handler cannot simply repeat it. Undefined when it runs as part of starting.
   */
  readonly trigger: string | undefined;
}

export interface ConnectionSession {
  /** The reconnect facts of the connection (core/reconnect/analysis.ts). */
  readonly subject: ReconnectSubject;
  /** Its `onreconnected(…)` registrations, where repeated steps go. */
  readonly reconnectedHandlers: readonly TSESTree.CallExpression[];
  /** Its `onclose` registrations that restart it. */
  readonly restarts: readonly CloseRegistration[];
  /** Session steps outside the reconnect paths, in source order. */
  readonly steps: readonly SessionStep[];
}

const sessions = new WeakMap<SignalRModel, readonly ConnectionSession[]>();

/** The session of every ASP.NET Core connection this file creates and starts. Computed once per file. */
export function connectionSessions(model: SignalRModel, filename: string, settings: SignalRSettings): readonly ConnectionSession[] {
  let found = sessions.get(model);
  if (!found) {
    found = findSessions(model, filename, settings);
    sessions.set(model, found);
  }
  return found;
}

/** `node` denotes the connection that `flow` follows: a variable holding it, or a slot the model knows holds it. */
export function isHeldIn(model: SignalRModel, node: Node, flow: ConnectionFlow): boolean {
  const object = skipWrappers(node);
  if (object.type === AST_NODE_TYPES.Identifier) {
    const variable = model.variableOf(object);
    if (variable && flow.variables.has(variable)) return true;
  }
  return isConnectionIn(model.connectionOf(object), flow);
}

function isConnectionIn(connection: Connection | undefined, flow: ConnectionFlow): boolean {
  if (!connection) return false;
  if (connection.variable && flow.variables.has(connection.variable)) return true;
  return connection.creations.some((creation) => flow.creations.has(creation));
}

function findSessions(model: SignalRModel, filename: string, settings: SignalRSettings): ConnectionSession[] {
  const joins = groupJoins(model, settings).filter((join) => join.kind === 'hub');
  const registrations: TSESTree.CallExpression[] = [];
  const idReads: TSESTree.MemberExpression[] = [];
  walk(model.program, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && calledMethod(node)?.name === CONNECTION_METHODS.onreconnected) registrations.push(node);
    if (node.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(node) === CONNECTION_ID) idReads.push(node);
  });
  const result: ConnectionSession[] = [];
  for (const subject of reconnectAnalysis(model, filename).subjects) {
    if (subject.flavour !== 'core' || subject.starts.length === 0) continue;
    const { flow } = subject;
    const reconnectedHandlers = registrations.filter((call) => isHeldIn(model, calledMethod(call)!.object, flow));
    const handlerFunctions = reconnectedHandlers.map((call) => (call.arguments[0] ? skipWrappers(call.arguments[0]) : call));
    const insideHandler = (node: Node): boolean => handlerFunctions.some((handler) => isFunction(handler) && contains(handler, node));
    const restarts = subject.closeHandlers.filter((registration) => restartKind(registration.path) === 'restarts');
    const ownJoins = joins.filter((join) => isConnectionIn(join.channel as Connection, flow));
    const reach = new Reach(model, flow, new Set(ownJoins.map((join) => join.call)));
    // Code that receives the connection may register its own `onreconnected`.
    const handedOff = subject.outOfSight || subject.handOffs.some((handOff) => handOff.how === 'returned' || handOff.how === 'stored');
    const restoration = (paths: readonly (Node | undefined)[], kind: SessionStep['kind']): Restoration => {
      if (handedOff) return 'unknown';
      const found = paths.map((path) => reach.of(path));
      if (found.some((facts) => (kind === 'group-join' ? facts.joins : facts.connectionId))) return 'yes';
      return found.some((facts) => facts.opaque) ? 'unknown' : 'no';
    };
    const stepOf = (kind: SessionStep['kind'], call: TSESTree.CallExpression, method: string): SessionStep => ({
      kind,
      call,
      method,
      afterReconnect: subject.automaticReconnect ? restoration(reconnectedHandlers.map((registration) => registration.arguments[0]), kind) : undefined,
      afterRestart: restarts.length > 0 ? restoration(restarts.map((registration) => registration.call.arguments[0]), kind) : undefined,
      trigger: eventTriggerOf(model, call),
    });
    const steps: SessionStep[] = [];
    for (const join of ownJoins) if (!insideHandler(join.call)) steps.push(stepOf('group-join', join.call, join.method));
    for (const read of idReads) {
      const call = !insideHandler(read) && isHeldIn(model, read.object, flow) ? callGivenValue(model, read) : undefined;
      if (call && !steps.some((step) => step.call === call)) steps.push(stepOf('connection-id', call, calleeName(call)));
    }
    steps.sort((a, b) => a.call.range[0] - b.call.range[0]);
    result.push({ subject, reconnectedHandlers, restarts, steps });
  }
  return result;
}

/**
 * The event registration (as `callbackRole` names its consumer) of the innermost listener callback
 * that `node` runs in: a DOM or jQuery event, an `on…` handler, a server message. Callbacks that run
 * once as the app starts (page start, timers, IIFEs, promise chains) and the connection's own
 * lifecycle handlers are not events here.
 */
function eventTriggerOf(model: SignalRModel, node: Node): string | undefined {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    if (isPageStartCallback(model, fn)) return undefined;
    const role = callbackRole(model, fn);
    if (role.kind === 'ignored') return NOT_EVENTS.includes(role.consumer) ? undefined : role.consumer;
    if (role.kind === 'argument' && isJQueryEventShorthand(model, fn)) return `.${role.consumer}(…)`;
  }
  return undefined;
}

/** Consumers (`callbackRole`) whose callbacks run once as part of starting, or on the connection's own lifecycle. */
const NOT_EVENTS: readonly string[] = [
  'an immediately invoked function', 'a timer', '$(…)', '.ready(…)', '.done(…)', '.fail(…)', '.always(…)',
  `.${CONNECTION_METHODS.onclose}(…)`, `.${CONNECTION_METHODS.onreconnecting}(…)`, `.${CONNECTION_METHODS.onreconnected}(…)`,
];
/** jQuery's event shorthands (`$('#join').click(fn)`), whose callbacks run on each event. */
const JQUERY_EVENT_SHORTHANDS: readonly string[] = ['click', 'dblclick', 'submit', 'change', 'input', 'keydown', 'keyup', 'keypress', 'select'];

function isJQueryEventShorthand(model: SignalRModel, fn: FunctionNode): boolean {
  const call = outermostWrapper(fn).parent;
  const method = call?.type === AST_NODE_TYPES.CallExpression ? calledMethod(call) : undefined;
  if (!method || !JQUERY_EVENT_SHORTHANDS.includes(method.name)) return false;
  const object = skipWrappers(method.object);
  return object.type === AST_NODE_TYPES.CallExpression && model.isJQuery(object.callee);
}

/** The call that `value` is handed to: as an argument, or inside an object, array or template literal argument. Not a log. */
function callGivenValue(model: SignalRModel, value: Node): TSESTree.CallExpression | undefined {
  let current = outermostWrapper(value);
  for (let parent = current.parent; parent; current = outermostWrapper(parent), parent = current.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.CallExpression:
        if (!parent.arguments.includes(current as TSESTree.CallExpressionArgument) || isLogCall(model, parent)) return undefined;
        // \`JSON.stringify({ id })\`, \`encodeURIComponent(id)\`: the value goes on, encoded.
        if (isInertCall(model, parent)) continue;
        return parent;
      case AST_NODE_TYPES.NewExpression:
        // `new URLSearchParams({ connectionId })`, `new Request(url)`: the value goes on with the object.
        continue;
      case AST_NODE_TYPES.Property:
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.TemplateLiteral:
        continue;
      case AST_NODE_TYPES.BinaryExpression:
        if (parent.operator !== '+') return undefined;
        continue;
      default:
        return undefined;
    }
  }
  return undefined;
}

function calleeName(call: TSESTree.CallExpression): string {
  const method = calledMethod(call);
  if (method) return method.name;
  const callee = skipWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier ? callee.name : 'a call';
}

/** `console.log(…)`, `logger.info(…)`. */
function isLogCall(model: SignalRModel, call: TSESTree.CallExpression): boolean {
  const method = calledMethod(call);
  if (method && LOGGING_METHODS.includes(method.name)) return true;
  const object = method && skipWrappers(method.object);
  return object?.type === AST_NODE_TYPES.Identifier && object.name === 'console' && isInertGlobal(model, object);
}

/** Calls that restore nothing and cannot hide code that does: logs, globals such as `Math`, React state setters. */
function isInertCall(model: SignalRModel, call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  if (isStateSetter(model, callee)) return true;
  let root: Node = callee;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = skipWrappers(root.object);
  if (root.type === AST_NODE_TYPES.Identifier && isInertGlobal(model, root)) return true;
  const method = calledMethod(call);
  return method !== undefined && LOGGING_METHODS.includes(method.name);
}

interface ReachFacts {
  /** A group join on the connection runs. */
  readonly joins: boolean;
  /** The connection id is read (the connection's `connectionId`, or the handler's own argument). */
  readonly connectionId: boolean;
  /** It calls code the file cannot see, or the handler itself is not visible. */
  readonly opaque: boolean;
}

/** What a reconnect handler runs: followed into the functions of this file it calls, and the callbacks it sets. */
class Reach {
  private readonly graph: CallGraph;

  constructor(
    private readonly model: SignalRModel,
    private readonly flow: ConnectionFlow,
    private readonly joins: ReadonlySet<TSESTree.CallExpression>,
  ) {
    this.graph = callGraphOf(model);
  }

  of(handler: Node | undefined): ReachFacts {
    const fn = handler && functionDenotedBy(this.model, handler);
    if (!fn) return { joins: false, connectionId: false, opaque: true };
    const facts = { joins: false, connectionId: fn.params.length > 0 && this.usesFirstParameter(fn), opaque: false };
    this.visit(fn, facts, new Set(), 0);
    return facts;
  }

  private visit(fn: FunctionNode, facts: { joins: boolean; connectionId: boolean; opaque: boolean }, seen: Set<FunctionNode>, depth: number): void {
    if (seen.has(fn)) return;
    seen.add(fn);
    walk(fn.body, (node) => {
      if (node.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(node) === CONNECTION_ID && isHeldIn(this.model, node.object, this.flow)) {
        facts.connectionId = true;
      }
      if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
      if (this.joins.has(node)) facts.joins = true;
      // \`setTimeout(start, 1000)\`: a function of this file handed on as a callback runs too.
      for (const argument of node.arguments) {
        const target = skipWrappers(argument);
        const callback = isFunction(target) ? undefined : functionDenotedBy(this.model, target);
        if (callback && depth < MAX_DEPTH) this.visit(callback, facts, seen, depth + 1);
      }
      const callee = this.graph.calleeOf(node);
      if (callee) {
        if (depth < MAX_DEPTH) this.visit(callee, facts, seen, depth + 1);
        else facts.opaque = true;
      } else if (!this.isVisibleCall(node)) {
        facts.opaque = true;
      }
      return undefined;
    });
  }

  /** Calls whose effect the analysis knows: on the connection itself, promise chains, timers (their callbacks are walked), inert calls. */
  private isVisibleCall(call: TSESTree.CallExpression): boolean {
    const method = calledMethod(call);
    if (method && isHeldIn(this.model, method.object, this.flow)) return true;
    if (method && PROMISE_CHAIN_METHODS.includes(method.name)) return true;
    // A timer's callback is walked as part of the handler.
    if (isGlobalTimer(this.model, call.callee)) return true;
    return isInertCall(this.model, call);
  }

  private usesFirstParameter(fn: FunctionNode): boolean {
    const parameter = fn.params[0];
    const variable = parameter?.type === AST_NODE_TYPES.Identifier ? this.model.variableOf(parameter) : undefined;
    return variable !== undefined && variable.references.some((reference) => reference.isRead());
  }
}
