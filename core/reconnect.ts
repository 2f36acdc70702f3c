// Reconnect logic: how the clients reconnect, and how code gets it wrong. One analysis for the rules
// `require-reconnect` and `valid-reconnect-policy` and the codemod `add-reconnect`, so that they agree
// on which connections lack reconnect logic, which transport they use, and which policies are broken.
//
// Client facts behind it (checked in @microsoft/signalr 10's `HubConnection.js`,
// `DefaultReconnectPolicy.js`, `HubConnectionBuilder.js`, @aspnet/signalr 1.1 and jquery.signalR 2.x):
// - `withAutomaticReconnect()` retries after 0, 2, 10 and 30 s, then gives up and fires `onclose`;
//   `withAutomaticReconnect(delays)` takes milliseconds and gives up after the last one; `[]` never retries.
// - A policy's `nextRetryDelayInMilliseconds` returning `null` stops retrying; returning `undefined`
//   passes the client's `!== null` check and becomes `setTimeout(…, undefined)`: an immediate retry,
//   again and again.
// - `onclose` gets `undefined` both after `stop()` and after automatic reconnect gives up; it does not
//   fire when the first `start()` fails. @aspnet/signalr 1.x has no `withAutomaticReconnect`.
// - The classic client fires `disconnected` (with no argument) after its own reconnect window, after
//   `stop()`, and when a `start()` fails.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { calledMethod, contains, enclosingFunction, isFunction, outermostWrapper, skipWrappers, staticPropertyName, walk } from './ast.js';
import type { ConnectionFlow, HandOff } from './lifetimes.js';
import { followConnection, localFunctionOf, ownerOfConnection } from './lifetimes.js';
import type { BuilderChain, ClientFlavour, SignalRModel } from './model.js';
import { BUILDER_METHODS, CONNECTION_METHODS, HTTP_OPTIONS, TRANSPORTS } from './signalr.js';
import { findProperty, resolveObject, returnedExpressions, staticString } from './values.js';
import { transportBits } from './transports.js';

// ---- facts ----

/** What `withAutomaticReconnect()` waits before each retry (`DefaultReconnectPolicy`); then it gives up. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [0, 2000, 10000, 30000];

/** `IRetryPolicy`, its one method, and the `RetryContext` property that counts failed retries. */
export const RETRY_POLICY_INTERFACE = 'IRetryPolicy';
export const RETRY_POLICY_METHOD = 'nextRetryDelayInMilliseconds';
export const RETRY_COUNT_PROPERTY = 'previousRetryCount';

/** Client modules whose builder has no `withAutomaticReconnect` (it arrived in @microsoft/signalr 3.0). */
export const MODULES_WITHOUT_AUTOMATIC_RECONNECT: readonly string[] = ['@aspnet/signalr'];

/** The classic client's event after it gave up reconnecting (or was stopped): `connection.disconnected(fn)`. */
export const CLASSIC_DISCONNECTED = 'disconnected';

/** The classic client's `start({ transport })` names, and how messages call them. */
export const CLASSIC_TRANSPORTS: Readonly<Record<string, string>> = {
  webSockets: 'WebSockets',
  serverSentEvents: 'Server-Sent Events',
  foreverFrame: 'forever frame',
  longPolling: 'long polling',
};
const TRANSPORT_LABELS: Readonly<Record<Exclude<keyof typeof TRANSPORTS, 'WebSockets'>, string>> = {
  ServerSentEvents: 'Server-Sent Events',
  LongPolling: 'long polling',
};

/**
 * `withAutomaticReconnect([...])` delays that are all this small (and not all zero) read as seconds:
 * `[0, 2, 10, 30]` retries within 42 ms and then gives up.
 */
export const SECONDS_LIKE_MAX_DELAY = 60;

/**
 * The back-off that `add-reconnect` writes, and the only place its numbers live: retry `n` (counting
 * from 0) waits `min(maxDelayMs, initialDelayMs * 2^n)`, less a random share of up to `jitter` of it,
 * so clients cut off together come back spread out. It never gives up.
 */
export const RECONNECT_BACKOFF = { initialDelayMs: 1000, maxDelayMs: 30000, jitter: 0.5 } as const;

/** The range of the delay before retry `retryCount` (0 for the first) under `RECONNECT_BACKOFF`. */
export function backoffDelayRange(retryCount: number): { min: number; max: number } {
  const { initialDelayMs, maxDelayMs, jitter } = RECONNECT_BACKOFF;
  const max = Math.min(maxDelayMs, initialDelayMs * 2 ** retryCount);
  return { min: max * (1 - jitter), max };
}

/** JavaScript for the `RECONNECT_BACKOFF` delay before retry number `retryCount` (an expression's source). */
export function backoffDelaySource(retryCount: string): string {
  const { initialDelayMs, maxDelayMs, jitter } = RECONNECT_BACKOFF;
  const exponent = /^[\w.]+$/.test(retryCount) ? retryCount : `(${retryCount})`;
  return `Math.min(${maxDelayMs}, ${initialDelayMs} * 2 ** ${exponent}) * (1 - ${jitter} * Math.random())`;
}

/** A random delay for the classic client's `disconnected` restart, spread over the back-off's range. */
export function classicRestartDelaySource(): string {
  const { initialDelayMs, maxDelayMs } = RECONNECT_BACKOFF;
  return `${initialDelayMs} + ${maxDelayMs - initialDelayMs} * Math.random()`;
}

/** Timer functions: the delay is their second argument; the promise version's (`timers/promises`) first. */
const TIMER_GLOBALS: readonly string[] = ['setTimeout', 'setInterval'];
const TIMER_GLOBAL_OBJECTS: readonly string[] = ['window', 'globalThis', 'self', 'global'];
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
/** How deep the analysis follows local functions from a handler. */
const MAX_FUNCTION_DEPTH = 4;

// ---- public shapes ----

/** A connection created in this file, with everything the file says about its reconnect logic. */
export interface ReconnectSubject {
  /** `<builder>.build()`, `$.hubConnection(…)`, or the first `$.connection.hub` of the file. */
  readonly creation: Node;
  readonly flavour: ClientFlavour;
  /** For the ASP.NET Core client: the builder chain. */
  readonly chain: BuilderChain | undefined;
  /** The builder can call `withAutomaticReconnect` (not @aspnet/signalr, not the classic client). */
  readonly supportsAutomaticReconnect: boolean;
  /** The `withAutomaticReconnect(…)` call (or a local helper's), if any. */
  readonly automaticReconnect: TSESTree.CallExpression | undefined;
  /** Whether that policy can give up: the default and delay arrays do; `unknown` when the file cannot see it. */
  readonly givesUp: boolean | 'unknown';
  /** Every `onclose`/`disconnected` registration on this connection. */
  readonly closeHandlers: readonly CloseRegistration[];
  /** Every `start()`/`stop()` call on it, in source order. */
  readonly starts: readonly TSESTree.CallExpression[];
  readonly stops: readonly TSESTree.CallExpression[];
  /** The builder or the connection is passed to code this file cannot see, which may add reconnect logic. */
  readonly outOfSight: boolean;
  /** Where the connection goes (core/lifetimes.ts), and its hand-offs other than a local factory's `return`. */
  readonly flow: ConnectionFlow;
  readonly handOffs: readonly HandOff[];
  /**
   * The code ends the connection with the run that starts it: a `stop()` follows a `start()` in the same
   * function (a script, a one-off send), or its owner is a function call or a request handler, which
   * must stop it on the way out (core/lifetimes.ts). Reconnecting means nothing there.
   */
  readonly endsWithItsRun: boolean;
  /** How messages name the transport when it provably excludes WebSockets (`long polling`), else undefined. */
  readonly transportWithoutWebSockets: string | undefined;
}

export interface CloseRegistration {
  /** `connection.onclose(handler)` or classic `connection.disconnected(handler)`. */
  readonly call: TSESTree.CallExpression;
  readonly event: typeof CONNECTION_METHODS.onclose | typeof CLASSIC_DISCONNECTED;
  /** The handler, when the file shows its code. */
  readonly handler: FunctionNode | undefined;
  readonly path: RestartPath;
}

export interface Timer {
  /** `setTimeout(callback, delay)`, or a promise timer `sleep(delay)`. */
  readonly call: TSESTree.CallExpression;
  /** The delay argument (undefined: none given, so 0). */
  readonly delay: Node | undefined;
  /** The timer leads to a restart: its callback starts the connection, or it is a sleep before one. */
  readonly schedulesRestart: boolean;
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

/** The argument of `withAutomaticReconnect`, as the analysis sees it. */
export type RetryPolicy =
  | { readonly kind: 'default' }
  | { readonly kind: 'delays'; readonly array: TSESTree.ArrayExpression; readonly delays: readonly number[] | undefined }
  | { readonly kind: 'function'; readonly fn: FunctionNode; readonly owner: Node }
  | { readonly kind: 'unknown' };

/** A problem in a retry policy function. */
export type PolicyFunctionProblem =
  | { readonly kind: 'falls-off-end'; readonly node: FunctionNode }
  | { readonly kind: 'returns-undefined'; readonly node: Node }
  | { readonly kind: 'index-past-end'; readonly node: TSESTree.MemberExpression };

export interface ReconnectAnalysis {
  readonly subjects: readonly ReconnectSubject[];
  /** Every `onclose` / `disconnected` registration on a SignalR connection, created here or not. */
  readonly closeRegistrations: readonly CloseRegistration[];
  /** Every retry policy in the file: `withAutomaticReconnect` arguments and `IRetryPolicy` implementations. */
  readonly policies: readonly RetryPolicy[];
}

export type ReconnectProblem = 'give-up-ignored-by-error-check' | 'give-up-unhandled' | 'missing';

export interface ReconnectRequirements {
  /** Also require an `onclose` restart for automatic reconnect that can give up. */
  readonly requireRestartAfterGiveUp?: boolean;
}

// ---- decisions shared by the rules and the codemod ----

/** How a close handler restarts the connection, if it does. */
export function restartKind(path: RestartPath): RestartKind {
  if (path.startCalls.length > 0) return 'restarts';
  if (path.errorArgumentMisuses.length > 0) return 'misuses-error-argument';
  if (!path.visible || path.opaqueRestart) return 'unknown';
  return 'none';
}

/**
 * What is wrong with a connection's reconnect logic, or undefined when nothing is, when the code ends
 * the connection in the run that starts it, or when the file cannot tell (the builder or connection
 * goes where it cannot see, or another file owns the connection).
 * A handler that misuses its argument counts as an attempt; `valid-reconnect-policy` reports the misuse.
 */
export function reconnectProblem(subject: ReconnectSubject, requirements: ReconnectRequirements = {}): ReconnectProblem | undefined {
  // A connection this file never starts is started elsewhere, or by nobody: not this file's to judge.
  if (subject.outOfSight || subject.endsWithItsRun || subject.starts.length === 0) return undefined;
  const restarting = subject.closeHandlers.filter((handler) => restartKind(handler.path) !== 'none');
  if (!subject.automaticReconnect) return restarting.length > 0 ? undefined : 'missing';
  if (!requirements.requireRestartAfterGiveUp || subject.givesUp !== true) return undefined;
  if (restarting.length === 0) return 'give-up-unhandled';
  const handlesGiveUp = restarting.some((handler) => !handler.path.restartsOnlyOnError);
  return handlesGiveUp ? undefined : 'give-up-ignored-by-error-check';
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

/** The argument of `withAutomaticReconnect(…)` (or of an `IRetryPolicy` owner), resolved through consts and local classes. */
export function retryPolicyOf(model: SignalRModel, argument: Node | undefined): RetryPolicy {
  if (!argument) return { kind: 'default' };
  let target = skipWrappers(argument);
  if (target.type === AST_NODE_TYPES.Identifier) target = model.resolveConst(target) ?? target;
  if (target.type === AST_NODE_TYPES.ArrayExpression) {
    const delays = target.elements.map((element) =>
      element && element.type !== AST_NODE_TYPES.SpreadElement ? numericValue(model, element) : undefined,
    );
    const known = delays.every((delay): delay is number => delay !== undefined);
    return { kind: 'delays', array: target, delays: known ? delays : undefined };
  }
  if (target.type === AST_NODE_TYPES.ObjectExpression) {
    const found = findProperty(model, target, RETRY_POLICY_METHOD);
    if (!found || found === 'unknown') return { kind: 'unknown' };
    const fn = functionDenotedBy(model, found.value);
    return fn ? { kind: 'function', fn, owner: found.property } : { kind: 'unknown' };
  }
  if (target.type === AST_NODE_TYPES.NewExpression) {
    const classNode = localClassOf(model, target.callee);
    const method = classNode && policyMethodOf(classNode);
    return method ? { kind: 'function', fn: method.value as FunctionNode, owner: method } : { kind: 'unknown' };
  }
  return { kind: 'unknown' };
}

/** Whether a policy can give up (return `null`); `unknown` when the file cannot see it. */
export function policyGivesUp(policy: RetryPolicy): boolean | 'unknown' {
  switch (policy.kind) {
    case 'default':
    case 'delays':
      return true;
    case 'unknown':
      return 'unknown';
    case 'function':
      return returnedExpressions(policy.fn).some((expression) => {
        let nullFound = false;
        walk(expression, (node) => {
          if (isFunction(node)) return false;
          if (node.type === AST_NODE_TYPES.Literal && node.value === null && node.raw === 'null') nullFound = true;
          return undefined;
        });
        return nullFound;
      });
  }
}

/** Delays that read as seconds: all known, all at most `SECONDS_LIKE_MAX_DELAY`, not all zero. */
export function delaysLookLikeSeconds(delays: readonly number[]): boolean {
  return delays.length > 0 && delays.every((delay) => delay >= 0 && delay <= SECONDS_LIKE_MAX_DELAY) && delays.some((delay) => delay > 0);
}

/**
 * Paths of a retry policy function that give the client `undefined` (which it takes for "retry at once"):
 * a `return;`, a `return undefined`, falling off the end, or an index past the end of a delay array.
 */
export function policyFunctionProblems(model: SignalRModel, fn: FunctionNode): PolicyFunctionProblem[] {
  if (fn.async || fn.generator) return [];
  const problems: PolicyFunctionProblem[] = [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    collectUndefinedResults(model, fn, fn.body, problems);
    return problems;
  }
  walk(fn.body, (node) => {
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (!node.argument) problems.push({ kind: 'returns-undefined', node });
      else collectUndefinedResults(model, fn, node.argument, problems);
    }
    return undefined;
  });
  if (canCompleteNormally(fn.body)) problems.push({ kind: 'falls-off-end', node: fn });
  return problems;
}

/**
 * `setTimeout` delays on a restart path that are fixed: a number the code spells out, with nothing
 * random in it. `undefined` delays (none given) are fixed at 0.
 */
export function isFixedDelay(model: SignalRModel, timer: Timer): boolean {
  if (!timer.delay) return true;
  return numericValue(model, timer.delay) !== undefined;
}

// ---- the per-file analysis ----

const analyses = new WeakMap<SignalRModel, ReconnectAnalysis>();

/**
 * The reconnect analysis of a file, computed once per model and shared by every rule and codemod.
 * `filename` tells request handlers by their path (Next.js route files, see core/handlers.ts).
 */
export function reconnectAnalysis(model: SignalRModel, filename: string): ReconnectAnalysis {
  let analysis = analyses.get(model);
  if (!analysis) {
    analysis = new Analyser(model, filename).run();
    analyses.set(model, analysis);
  }
  return analysis;
}

interface MutableSubject {
  readonly creation: Node;
  readonly flavour: ClientFlavour;
  readonly chain: BuilderChain | undefined;
  /** Where the connection goes (core/lifetimes.ts): its slots, the helpers it is lent to, its hand-offs. */
  readonly flow: ConnectionFlow;
  /** Local functions that return the connection: their calls are followed, so their `return` hands nothing off. */
  readonly factories: ReadonlySet<FunctionNode>;
}

/** Connection methods whose calls the analysis collects per connection. */
const LIFECYCLE_METHODS: readonly string[] = [CONNECTION_METHODS.start, CONNECTION_METHODS.stop, CONNECTION_METHODS.onclose, CLASSIC_DISCONNECTED];

class Analyser {
  private readonly calls: TSESTree.CallExpression[] = [];
  private readonly classes: (TSESTree.ClassDeclaration | TSESTree.ClassExpression)[] = [];
  private readonly declarators: TSESTree.VariableDeclarator[] = [];
  private readonly paths = new Map<Node, RestartPath>();
  private readonly tracing = new Set<FunctionNode>();

  constructor(
    private readonly model: SignalRModel,
    private readonly filename: string,
  ) {}

  run(): ReconnectAnalysis {
    walk(this.model.program, (node) => {
      if (node.type === AST_NODE_TYPES.CallExpression) this.calls.push(node);
      else if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) this.classes.push(node);
      else if (node.type === AST_NODE_TYPES.VariableDeclarator) this.declarators.push(node);
    });
    const lifecycleCalls = this.calls.filter((call) => {
      const name = calledMethod(call)?.name;
      return name !== undefined && LIFECYCLE_METHODS.includes(name);
    });
    const registrationByCall = new Map<TSESTree.CallExpression, CloseRegistration>();
    const registrationOf = (call: TSESTree.CallExpression, event: CloseRegistration['event']): CloseRegistration => {
      let registration = registrationByCall.get(call);
      if (!registration) {
        registration = this.registration(call, event);
        registrationByCall.set(call, registration);
      }
      return registration;
    };

    const subjects = this.collectSubjects().map((subject) => this.finish(subject, lifecycleCalls, registrationOf));
    // Registrations on connections this file did not create (parameters, injected fields) still get checked.
    for (const call of lifecycleCalls) {
      const method = calledMethod(call)!;
      const connection = this.model.connectionOf(method.object);
      if (method.name === CONNECTION_METHODS.onclose && connection && connection.flavour !== 'classic') registrationOf(call, CONNECTION_METHODS.onclose);
      if (method.name === CLASSIC_DISCONNECTED && connection?.flavour === 'classic') registrationOf(call, CLASSIC_DISCONNECTED);
    }
    const closeRegistrations = [...registrationByCall.values()].sort((a, b) => a.call.range[0] - b.call.range[0]);
    return { subjects, closeRegistrations, policies: this.collectPolicies() };
  }

  // ---- subjects ----

  private collectSubjects(): MutableSubject[] {
    const subjects: MutableSubject[] = [];
    for (const build of this.model.builds) {
      const factories = this.factoriesOf(build);
      const creations = [build, ...[...factories].flatMap((factory) => this.callsOf(factory))];
      const chain = this.model.builderChainOfBuild(build);
      subjects.push({ creation: build, flavour: 'core', chain, flow: followConnection(this.model, creations), factories });
    }
    const generatedHub: Node[] = [];
    for (const creation of [...this.model.classicCreations].sort((a, b) => a.range[0] - b.range[0])) {
      if (creation.type !== AST_NODE_TYPES.CallExpression) {
        generatedHub.push(creation);
        continue;
      }
      const factories = this.factoriesOf(creation);
      const creations = [creation, ...[...factories].flatMap((factory) => this.callsOf(factory))];
      subjects.push({ creation, flavour: 'classic', chain: undefined, flow: followConnection(this.model, creations), factories });
    }
    // Every `$.connection.hub` of a page is the same connection.
    if (generatedHub.length > 0) {
      subjects.push({ creation: generatedHub[0]!, flavour: 'classic', chain: undefined, flow: followConnection(this.model, generatedHub), factories: new Set() });
    }
    return subjects;
  }

  /** The local functions that return `creation`, directly or through another such function (`createConnection()`). */
  private factoriesOf(creation: Node): Set<FunctionNode> {
    const factories = new Set<FunctionNode>();
    let returned: Node[] = [creation];
    for (let depth = 0; depth < 3 && returned.length > 0; depth++) {
      const next: Node[] = [];
      for (const value of returned) {
        const fn = returningFunction(value);
        if (!fn || factories.has(fn)) continue;
        factories.add(fn);
        next.push(...this.callsOf(fn));
      }
      returned = next;
    }
    return factories;
  }

  /** The calls of a local function, by its name. */
  private callsOf(fn: FunctionNode): TSESTree.CallExpression[] {
    const variable = functionVariable(this.model, fn);
    return (variable?.references ?? [])
      .map((ref) => outermostWrapper(ref.identifier))
      .flatMap((callee) => (callee.parent?.type === AST_NODE_TYPES.CallExpression && callee.parent.callee === callee ? [callee.parent] : []));
  }

  private finish(
    subject: MutableSubject,
    lifecycleCalls: readonly TSESTree.CallExpression[],
    registrationOf: (call: TSESTree.CallExpression, event: CloseRegistration['event']) => CloseRegistration,
  ): ReconnectSubject {
    const own = lifecycleCalls.filter((call) => this.isOnConnection(calledMethod(call)!.object, subject.flow));
    const named = (name: string): TSESTree.CallExpression[] => own.filter((call) => calledMethod(call)?.name === name);
    const closeEvent = subject.flavour === 'classic' ? CLASSIC_DISCONNECTED : CONNECTION_METHODS.onclose;
    const closeHandlers = named(closeEvent).map((call) => registrationOf(call, closeEvent));
    const starts = named(CONNECTION_METHODS.start).filter((call) => !this.isInsideHandler(call, closeHandlers));
    const stops = named(CONNECTION_METHODS.stop);
    const builder = subject.chain ? this.builderFacts(subject.chain) : { automatic: undefined, outOfSight: false };
    const origin = subject.chain?.origin;
    const handOffs = subject.flow.handOffs.filter((handOff) => !this.isFactoryReturn(handOff, subject.factories));
    return {
      creation: subject.creation,
      flavour: subject.flavour,
      chain: subject.chain,
      supportsAutomaticReconnect: subject.flavour === 'core' && !(origin !== undefined && MODULES_WITHOUT_AUTOMATIC_RECONNECT.includes(origin)),
      automaticReconnect: builder.automatic,
      givesUp: builder.automatic ? policyGivesUp(retryPolicyOf(this.model, builder.automatic.arguments[0])) : false,
      closeHandlers,
      starts,
      stops,
      // Passed to a function it cannot see, the connection may get its restart there. One this file
      // starts and then returns or stores is judged here: the builder, here, is where the fix goes.
      outOfSight: builder.outOfSight || handOffs.some((handOff) => handOff.how === 'passed'),
      flow: subject.flow,
      handOffs,
      endsWithItsRun: this.endsWithItsRun(subject.flow, starts, stops),
      transportWithoutWebSockets:
        subject.flavour === 'core' && subject.chain ? this.coreTransport(subject.chain) : classicTransport(this.model, starts),
    };
  }

  private endsWithItsRun(flow: ConnectionFlow, starts: readonly TSESTree.CallExpression[], stops: readonly TSESTree.CallExpression[]): boolean {
    if (starts.some((start) => stops.some((stop) => stop.range[0] > start.range[0] && enclosingFunction(stop) === enclosingFunction(start)))) {
      return true;
    }
    const start = starts[0];
    const connection = start && this.model.connectionOf(calledMethod(start)!.object);
    if (!start || !connection) return false;
    const owner = ownerOfConnection(this.model, start, connection, flow, this.filename);
    return owner.kind === 'function' || owner.kind === 'handler';
  }

  /** `node` reads this connection: a variable that holds it (a lent parameter too), or a field, ref or state of it. */
  private isOnConnection(node: Node, flow: ConnectionFlow): boolean {
    const object = skipWrappers(node);
    if (object.type === AST_NODE_TYPES.Identifier) {
      const variable = this.model.variableOf(object);
      if (variable && flow.variables.has(variable)) return true;
    }
    const held = this.model.connectionOf(object);
    return held !== undefined && held.creations.some((creation) => flow.creations.has(creation));
  }

  /**
   * A `return` of a local factory that this file calls: the analysis follows those calls, and judges the
   * connections this file gets from it (other files' calls are theirs to judge).
   */
  private isFactoryReturn(handOff: HandOff, factories: ReadonlySet<FunctionNode>): boolean {
    if (handOff.how !== 'returned') return false;
    const fn = isFunction(handOff.node) ? handOff.node : enclosingFunction(handOff.node);
    return fn !== undefined && factories.has(fn) && this.callsOf(fn).length > 0;
  }

  private isInsideHandler(call: Node, handlers: readonly CloseRegistration[]): boolean {
    return handlers.some((handler) => handler.handler !== undefined && contains(handler.handler, call));
  }

  /** `withAutomaticReconnect` in the chain or in a local helper the builder goes through; unseen helpers make it unknowable. */
  private builderFacts(chain: BuilderChain): { automatic: TSESTree.CallExpression | undefined; outOfSight: boolean } {
    const inChain = this.model.chainCalls(chain, BUILDER_METHODS.withAutomaticReconnect);
    let automatic = inChain[inChain.length - 1];
    let outOfSight = false;
    for (const variable of chain.variables) {
      for (const ref of variable.references) {
        const parent = ref.identifier.parent;
        if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee === ref.identifier) continue;
        const helper = functionDenotedBy(this.model, parent.callee);
        if (!helper) {
          outOfSight = true;
          continue;
        }
        walk(helper, (node) => {
          if (node.type === AST_NODE_TYPES.CallExpression && calledMethod(node)?.name === BUILDER_METHODS.withAutomaticReconnect) automatic ??= node;
        });
      }
    }
    return { automatic, outOfSight };
  }

  private coreTransport(chain: BuilderChain): string | undefined {
    const withUrls = this.model.chainCalls(chain, BUILDER_METHODS.withUrl);
    const last = withUrls[withUrls.length - 1];
    const second = last?.arguments[1];
    if (!second) return undefined;
    let value: Node | undefined = second;
    if (resolveObject(this.model, second)) {
      const found = findProperty(this.model, second, HTTP_OPTIONS.transport);
      value = found && found !== 'unknown' ? found.value : undefined;
    }
    const bits = value && transportBits(this.model, value);
    if (bits === undefined || bits === 0 || (bits & TRANSPORTS.WebSockets) !== 0) return undefined;
    const labels = (Object.keys(TRANSPORT_LABELS) as (keyof typeof TRANSPORT_LABELS)[])
      .filter((name) => (bits & TRANSPORTS[name]) !== 0)
      .map((name) => TRANSPORT_LABELS[name]);
    return labels.length > 0 ? labels.join(' or ') : undefined;
  }

  // ---- close handlers ----

  private registration(call: TSESTree.CallExpression, event: CloseRegistration['event']): CloseRegistration {
    const argument = call.arguments[0];
    const handler = argument && functionDenotedBy(this.model, argument);
    let path = handler && this.paths.get(handler);
    if (!path) {
      path = handler ? this.trace(handler, event === CONNECTION_METHODS.onclose) : invisiblePath();
      if (handler) this.paths.set(handler, path);
    }
    return { call, event, handler, path };
  }

  /** Follows a handler through the local functions it calls or hands on, up to `MAX_FUNCTION_DEPTH`. */
  private trace(root: FunctionNode, hasErrorArgument: boolean): RestartPath {
    this.tracing.add(root);
    try {
      return this.traceFrom(root, hasErrorArgument);
    } finally {
      this.tracing.delete(root);
    }
  }

  private traceFrom(root: FunctionNode, hasErrorArgument: boolean): RestartPath {
    const errorParameter = hasErrorArgument ? parameterVariable(this.model, root.params[0]) : undefined;
    const startCalls = new Set<TSESTree.CallExpression>();
    const misuses = new Set<TSESTree.MemberExpression>();
    const timerCalls: { call: TSESTree.CallExpression; delay: Node | undefined; callback: Node | undefined; sleep: boolean }[] = [];
    let opaqueRestart = false;
    let opaqueCalls = false;
    const seen = new Set<FunctionNode>([root]);
    let frontier: FunctionNode[] = [root];
    for (let depth = 0; depth <= MAX_FUNCTION_DEPTH && frontier.length > 0; depth++) {
      const next: FunctionNode[] = [];
      const follow = (fn: FunctionNode | undefined): void => {
        if (fn && !seen.has(fn)) {
          seen.add(fn);
          next.push(fn);
        }
      };
      for (const fn of frontier) {
        walk(fn.body, (node) => {
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
          if (method?.name === CONNECTION_METHODS.start) {
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
    let name: string | undefined;
    if (callee.type === AST_NODE_TYPES.Identifier && isUnboundGlobal(this.model, callee)) name = callee.name;
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const object = skipWrappers(callee.object);
      if (object.type === AST_NODE_TYPES.Identifier && TIMER_GLOBAL_OBJECTS.includes(object.name) && isUnboundGlobal(this.model, object)) {
        name = staticPropertyName(callee);
      }
    }
    if (name === undefined || !TIMER_GLOBALS.includes(name)) return undefined;
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
      name = staticPropertyName(callee);
    }
    if (name !== undefined && RESTART_LIKE_NAME.test(name)) return 'restart-like';
    return 'opaque';
  }

  /** Every restart in the handler sits behind a check that the error is set (`if (error)`, `if (!error) return;`). */
  private restartsOnlyOnError(root: FunctionNode, errorParameter: Variable): boolean {
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

  // ---- policies ----

  private collectPolicies(): RetryPolicy[] {
    const policies: RetryPolicy[] = [];
    const seen = new Set<Node>();
    const add = (policy: RetryPolicy): void => {
      const key = policy.kind === 'delays' ? policy.array : policy.kind === 'function' ? policy.fn : undefined;
      if (!key || seen.has(key)) return;
      seen.add(key);
      policies.push(policy);
    };
    for (const call of this.calls) {
      const method = calledMethod(call);
      if (method?.name !== BUILDER_METHODS.withAutomaticReconnect || !this.model.builderChainOf(method.object)) continue;
      add(retryPolicyOf(this.model, call.arguments[0]));
    }
    for (const classNode of this.classes) {
      const implementsPolicy = (classNode.implements ?? []).some((clause) => this.model.isClientExport(clause.expression, RETRY_POLICY_INTERFACE));
      const method = implementsPolicy ? policyMethodOf(classNode) : undefined;
      if (method) add({ kind: 'function', fn: method.value as FunctionNode, owner: method });
    }
    for (const declarator of this.declarators) {
      const annotation = declarator.id.type === AST_NODE_TYPES.Identifier ? declarator.id.typeAnnotation?.typeAnnotation : undefined;
      if (annotation?.type !== AST_NODE_TYPES.TSTypeReference || !this.model.isClientExport(annotation.typeName, RETRY_POLICY_INTERFACE)) continue;
      if (declarator.init) add(retryPolicyOf(this.model, declarator.init));
    }
    return policies.sort((a, b) => policyNode(a).range[0] - policyNode(b).range[0]);
  }
}

// ---- helpers ----

function policyNode(policy: RetryPolicy): Node {
  if (policy.kind === 'delays') return policy.array;
  if (policy.kind === 'function') return policy.fn;
  throw new Error('unreachable: only located policies are collected');
}

function invisiblePath(): RestartPath {
  return { visible: false, startCalls: [], errorArgumentMisuses: [], opaqueRestart: false, opaqueCalls: true, timers: [], restartsOnlyOnError: false };
}

/**
 * The function `node` denotes in this file (core/lifetimes.ts's `localFunctionOf`), also through
 * `fn.bind(…)`, as in `connection.onclose(this.restart.bind(this))`.
 */
export function functionDenotedBy(model: SignalRModel, node: Node): FunctionNode | undefined {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.CallExpression && calledMethod(target)?.name === 'bind') {
    return functionDenotedBy(model, calledMethod(target)!.object);
  }
  return localFunctionOf(model, target);
}

/** The function whose result `value` is: `return value;`, or the body of `() => value`. */
function returningFunction(value: Node): FunctionNode | undefined {
  const slot = outermostWrapper(value);
  const parent = slot.parent;
  if (parent?.type === AST_NODE_TYPES.ReturnStatement) return enclosingFunction(parent);
  if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === slot) return parent;
  return undefined;
}

function localClassOf(model: SignalRModel, node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  const target = skipWrappers(node);
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = model.variableOf(target)?.defs[0];
  if (def?.type === 'ClassName' && def.node.type === AST_NODE_TYPES.ClassDeclaration) return def.node;
  const init = model.resolveConst(target);
  return init?.type === AST_NODE_TYPES.ClassExpression ? init : undefined;
}

function policyMethodOf(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): TSESTree.MethodDefinition | undefined {
  return classNode.body.body.find(
    (member): member is TSESTree.MethodDefinition =>
      member.type === AST_NODE_TYPES.MethodDefinition && !member.static && staticPropertyName(member) === RETRY_POLICY_METHOD,
  );
}

/** The variable a function is known by (`function start()`, `const start = () => …`), for self-references. */
function functionVariable(model: SignalRModel, fn: FunctionNode): Variable | undefined {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return model.variableOf(fn.id);
  const holder = outermostWrapper(fn).parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) return model.variableOf(holder.id);
  return undefined;
}

function parameterVariable(model: SignalRModel, param: TSESTree.Parameter | undefined): Variable | undefined {
  if (!param) return undefined;
  const name = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  return name.type === AST_NODE_TYPES.Identifier ? model.variableOf(name) : undefined;
}

function collectUndefinedResults(model: SignalRModel, fn: FunctionNode, expression: Node, problems: PolicyFunctionProblem[]): void {
  const target = skipWrappers(expression);
  if (isUndefinedValue(model, target)) {
    problems.push({ kind: 'returns-undefined', node: target });
  } else if (target.type === AST_NODE_TYPES.ConditionalExpression) {
    collectUndefinedResults(model, fn, target.consequent, problems);
    collectUndefinedResults(model, fn, target.alternate, problems);
  } else if (target.type === AST_NODE_TYPES.MemberExpression && isUnguardedIndex(model, fn, target)) {
    problems.push({ kind: 'index-past-end', node: target });
  }
}

function isUndefinedValue(model: SignalRModel, node: Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === 'undefined' && isUnboundGlobal(model, node);
  return node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void';
}

/**
 * `delays[retryContext.previousRetryCount]` on an array the file spells out, in a function that never
 * looks at the array's length or compares anything: past the last delay it gives `undefined`.
 */
function isUnguardedIndex(model: SignalRModel, fn: FunctionNode, member: TSESTree.MemberExpression): boolean {
  if (!member.computed) return false;
  const object = skipWrappers(member.object);
  const array = object.type === AST_NODE_TYPES.ArrayExpression ? object : model.resolveConst(object);
  if (array?.type !== AST_NODE_TYPES.ArrayExpression) return false;
  let guarded = false;
  walk(fn.body, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(node) === 'length') guarded = true;
    if (node.type === AST_NODE_TYPES.BinaryExpression && ['<', '<=', '>', '>=', '===', '!==', '==', '!='].includes(node.operator)) guarded = true;
    if (node.type === AST_NODE_TYPES.CallExpression) guarded = true;
  });
  return !guarded;
}

/** Whether control can reach the end of `statement` (a small, conservative version of ECMAScript's rules). */
function canCompleteNormally(statement: Node): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
      return false;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.every((inner) => canCompleteNormally(inner));
    case AST_NODE_TYPES.IfStatement:
      return !statement.alternate || canCompleteNormally(statement.consequent) || canCompleteNormally(statement.alternate);
    case AST_NODE_TYPES.TryStatement:
      if (statement.finalizer && !canCompleteNormally(statement.finalizer)) return false;
      return canCompleteNormally(statement.block) || (statement.handler !== null && canCompleteNormally(statement.handler.body));
    case AST_NODE_TYPES.SwitchStatement: {
      const hasDefault = statement.cases.some((switchCase) => switchCase.test === null);
      if (!hasDefault || breaksOutOf(statement)) return true;
      const last = statement.cases[statement.cases.length - 1];
      return !last || last.consequent.every((inner) => canCompleteNormally(inner));
    }
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForStatement: {
      const test = statement.test;
      const endless = test === null || (test.type === AST_NODE_TYPES.Literal && test.value === true);
      return !endless || breaksOutOf(statement);
    }
    case AST_NODE_TYPES.LabeledStatement:
      return canCompleteNormally(statement.body) || breaksOutOf(statement);
    default:
      return true;
  }
}

/** A `break` that leaves `target` (unlabelled inside it, or naming its label). */
function breaksOutOf(target: Node): boolean {
  const label = target.type === AST_NODE_TYPES.LabeledStatement ? target.label.name : undefined;
  const body = target.type === AST_NODE_TYPES.LabeledStatement ? target.body : target;
  let found = false;
  const visit = (node: Node, nested: boolean): void => {
    walk(node, (inner) => {
      if (inner === node) return undefined;
      if (isFunction(inner)) return false;
      if (inner.type === AST_NODE_TYPES.BreakStatement) {
        if (inner.label ? inner.label.name === label : !nested && label === undefined) found = true;
        return false;
      }
      if (isLoop(inner) || inner.type === AST_NODE_TYPES.SwitchStatement) {
        visit(inner, true);
        return false;
      }
      return undefined;
    });
  };
  visit(body, false);
  return found;
}

function isLoop(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement ||
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.ForOfStatement
  );
}

function exits(statement: Node): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  return statement.type === AST_NODE_TYPES.BlockStatement && statement.body.length > 0 && exits(statement.body[statement.body.length - 1]!);
}

function isNullish(node: Node): boolean {
  const target = skipWrappers(node);
  return (target.type === AST_NODE_TYPES.Literal && target.value === null) || (target.type === AST_NODE_TYPES.Identifier && target.name === 'undefined');
}

/** A number the code spells out: literals, `const`s, and arithmetic on them; undefined when anything is computed at run time. */
export function numericValue(model: SignalRModel, node: Node, depth = 0): number | undefined {
  const target = skipWrappers(node);
  if (depth > 8) return undefined;
  switch (target.type) {
    case AST_NODE_TYPES.Literal:
      return typeof target.value === 'number' ? target.value : undefined;
    case AST_NODE_TYPES.UnaryExpression: {
      const value = numericValue(model, target.argument, depth + 1);
      if (value === undefined) return undefined;
      return target.operator === '-' ? -value : target.operator === '+' ? value : undefined;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (target.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
      const left = numericValue(model, target.left, depth + 1);
      const right = numericValue(model, target.right, depth + 1);
      if (left === undefined || right === undefined) return undefined;
      switch (target.operator) {
        case '+': return left + right;
        case '-': return left - right;
        case '*': return left * right;
        case '/': return left / right;
        case '**': return left ** right;
        default: return undefined;
      }
    }
    case AST_NODE_TYPES.Identifier: {
      const init = model.resolveConst(target);
      return init ? numericValue(model, init, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/** Classic `start({ transport: 'longPolling' })` or `['serverSentEvents', 'longPolling']`, when every start says so. */
function classicTransport(model: SignalRModel, starts: readonly TSESTree.CallExpression[]): string | undefined {
  if (starts.length === 0) return undefined;
  const labels = new Set<string>();
  for (const start of starts) {
    const options = start.arguments[0];
    const found = options && resolveObject(model, options) ? findProperty(model, options, HTTP_OPTIONS.transport) : undefined;
    if (!found || found === 'unknown') return undefined;
    const value = found.value.type === AST_NODE_TYPES.Identifier ? model.resolveConst(found.value) ?? found.value : found.value;
    const elements = value.type === AST_NODE_TYPES.ArrayExpression ? value.elements : [value];
    for (const element of elements) {
      const name = element && element.type !== AST_NODE_TYPES.SpreadElement ? staticString(model, element) : undefined;
      if (name === undefined || !(name in CLASSIC_TRANSPORTS) || name === 'webSockets') return undefined;
      labels.add(CLASSIC_TRANSPORTS[name]!);
    }
  }
  return labels.size > 0 ? [...labels].join(' or ') : undefined;
}

/** An identifier no declaration in the file binds (a global such as `setTimeout`, `undefined`). */
function isUnboundGlobal(model: SignalRModel, identifier: TSESTree.Identifier): boolean {
  const variable = model.variableOf(identifier);
  return !variable || variable.defs.length === 0;
}

export function isInertGlobal(model: SignalRModel, identifier: TSESTree.Identifier): boolean {
  return INERT_GLOBALS.includes(identifier.name) && isUnboundGlobal(model, identifier);
}
