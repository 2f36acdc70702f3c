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
import type { IdUse } from './connection-ids.js';
import { handOffs, idGroupJoinName, idUsesOf, isInertCall } from './connection-ids.js';
import type { ConnectionFlow } from './flow.js';
import { functionDenotedBy } from './functions.js';
import { isGlobalTimer } from './globals.js';
import { groupJoins } from './group-joins.js';
import type { Connection, SignalRModel } from './model.js';
import { isPageStartCallback } from './owners/page-start.js';
import { callbackRole, PROMISE_CHAIN_METHODS } from './promises.js';
import type { CloseRegistration, ReconnectSubject } from './reconnect/analysis.js';
import { reconnectAnalysis } from './reconnect/analysis.js';
import { restartKind } from './reconnect/restart-paths.js';
import type { SignalRSettings } from './settings.js';
import { CONNECTION_ID, CONNECTION_METHODS } from './signalr.js';

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
  /** For messages: the hub method (`JoinGroup`), the request (`POST /api/addToGroup`) or the callee's text (`fetch`). */
  readonly method: string;
  /**
   * How a `group-join` joins: `hub`, on the connection (core/group-joins.ts); `request`, by handing
   * the connection's id with a group to the app's server (a serverless join, core/connection-ids.ts).
   * Undefined for a `connection-id` step.
   */
  readonly joinsThrough: 'hub' | 'request' | undefined;
  /**
   * The local the call reads the connection id through (`const id = connection.connectionId`),
   * filled before the call: the same call repeated in a handler would send the old id.
   */
  readonly idLocal: string | undefined;
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
    const found: FoundStep[] = ownJoins
      .filter((join) => !insideHandler(join.call))
      .map((join) => ({ kind: 'group-join', call: join.call, method: join.method, joinsThrough: 'hub', idLocal: undefined }));
    for (const read of idReads) {
      if (!insideHandler(read) && isHeldIn(model, read.object, flow)) found.push(...idSteps(model, read, flow, found, insideHandler));
    }
    const joinCalls = [...ownJoins.map((join) => join.call), ...found.filter((step) => step.kind === 'group-join').map((step) => step.call)];
    const reach = new Reach(model, flow, new Set(joinCalls));
    // Code that receives the connection may register its own `onreconnected`.
    const handedOff = subject.outOfSight || subject.handOffs.some((handOff) => handOff.how === 'returned' || handOff.how === 'stored');
    const restoration = (paths: readonly (Node | undefined)[], step: FoundStep, idArgument: boolean): Restoration => {
      if (handedOff) return 'unknown';
      const facts = paths.map((path) => reach.of(path, idArgument));
      if (facts.some((fact) => restores(fact, step))) return 'yes';
      // A request join is repeated by handing the new id on: where the handler keeps it, code the file does not follow may.
      return facts.some((fact) => fact.opaque || (step.joinsThrough === 'request' && fact.idKept)) ? 'unknown' : 'no';
    };
    const steps = found.map((step): SessionStep => ({
      ...step,
      afterReconnect: subject.automaticReconnect ? restoration(reconnectedHandlers.map((registration) => registration.arguments[0]), step, true) : undefined,
      afterRestart: restarts.length > 0 ? restoration(restarts.map((registration) => registration.call.arguments[0]), step, false) : undefined,
      trigger: eventTriggerOf(model, step.call),
    }));
    steps.sort((a, b) => a.call.range[0] - b.call.range[0]);
    result.push({ subject, reconnectedHandlers, restarts, steps });
  }
  return result;
}

/** A session step before its reconnect paths are judged. */
type FoundStep = Pick<SessionStep, 'call' | 'idLocal' | 'joinsThrough' | 'kind' | 'method'>;

/**
 * The steps a read of the connection's id starts: each call it is handed to, a group join when the
 * request shows one (core/connection-ids.ts). An id kept in a local counts only for group joins.
 */
function idSteps(model: SignalRModel, read: TSESTree.MemberExpression, flow: ConnectionFlow, found: readonly FoundStep[], insideHandler: (node: Node) => boolean): FoundStep[] {
  const steps: FoundStep[] = [];
  for (const handOff of handOffs(idUsesOf(model, read))) {
    const { call, local } = handOff;
    if (insideHandler(call) || [...found, ...steps].some((step) => step.call === call)) continue;
    const joinName = idGroupJoinName(model, handOff, (node) => isHeldIn(model, node, flow));
    if (joinName) steps.push({ kind: 'group-join', call, method: joinName, joinsThrough: 'request', idLocal: local });
    else if (local === undefined) steps.push({ kind: 'connection-id', call, method: calleeName(call), joinsThrough: undefined, idLocal: undefined });
  }
  return steps;
}

/** Does a reconnect path with these facts repeat `step`? A request join: also when it hands the new id to a call. */
function restores(facts: ReachFacts, step: FoundStep): boolean {
  if (step.kind === 'connection-id') return facts.connectionId;
  return facts.joins || (step.joinsThrough === 'request' && facts.idHanded);
}

function calleeName(call: TSESTree.CallExpression): string {
  const method = calledMethod(call);
  if (method) return method.name;
  const callee = skipWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier ? callee.name : 'a call';
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

interface ReachFacts {
  /** A group join on the connection runs. */
  readonly joins: boolean;
  /** The connection id is read (the connection's `connectionId`, or the handler's own argument). */
  readonly connectionId: boolean;
  /** The new connection id is handed to a call (not a log): a request may repeat a join with it. */
  readonly idHanded: boolean;
  /** The new connection id is kept (React state, a field, a test): code the analysis does not follow may use it. */
  readonly idKept: boolean;
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

  /** `idArgument`: the handler's first parameter is the new connection id (`onreconnected`'s, not `onclose`'s error). */
  of(handler: Node | undefined, idArgument: boolean): ReachFacts {
    const fn = handler && functionDenotedBy(this.model, handler);
    if (!fn) return { joins: false, connectionId: false, idHanded: false, idKept: false, opaque: true };
    const facts = { joins: false, connectionId: fn.params.length > 0 && this.usesFirstParameter(fn), idHanded: false, idKept: false, opaque: false };
    if (idArgument) for (const read of this.firstParameterReads(fn)) this.noteIdUses(idUsesOf(this.model, read), facts);
    this.visit(fn, facts, new Set(), 0);
    return facts;
  }

  private visit(fn: FunctionNode, facts: MutableFacts, seen: Set<FunctionNode>, depth: number): void {
    if (seen.has(fn)) return;
    seen.add(fn);
    walk(fn.body, (node) => {
      if (node.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(node) === CONNECTION_ID && isHeldIn(this.model, node.object, this.flow)) {
        facts.connectionId = true;
        this.noteIdUses(idUsesOf(this.model, node), facts);
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

  private noteIdUses(uses: readonly IdUse[], facts: MutableFacts): void {
    if (uses.some((use) => use.kind === 'handed')) facts.idHanded = true;
    if (uses.some((use) => use.kind === 'kept')) facts.idKept = true;
  }

  private usesFirstParameter(fn: FunctionNode): boolean {
    return this.firstParameterReads(fn).length > 0;
  }

  /** Where the handler reads its first parameter: `onreconnected`'s new connection id. */
  private firstParameterReads(fn: FunctionNode): TSESTree.Identifier[] {
    const parameter = fn.params[0];
    const variable = parameter?.type === AST_NODE_TYPES.Identifier ? this.model.variableOf(parameter) : undefined;
    return variable?.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier as TSESTree.Identifier) ?? [];
  }
}

type MutableFacts = { -readonly [K in keyof ReachFacts]: ReachFacts[K] };
