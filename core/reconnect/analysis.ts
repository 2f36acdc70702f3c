// Reconnect logic: how the clients reconnect, and how code gets it wrong. One analysis for the rules
// `require-reconnect` and `valid-reconnect-policy` and the codemod `add-reconnect`, so that they agree
// on which connections lack reconnect logic, which transport they use, and which policies are broken.
//
// Client facts behind it (checked in @microsoft/signalr 10's `HubConnection.js`,
// `DefaultReconnectPolicy.js`, `HubConnectionBuilder.js`, @aspnet/signalr 1.1 and jquery.signalR 2.x):
// what retry policies do is in ./policies.ts, what close handlers get in ./restart-paths.ts;
// @aspnet/signalr 1.x has no `withAutomaticReconnect`.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from '../ast.js';
import { calledMethod, contains, enclosingFunction, isFunction, outermostWrapper, walk } from '../ast.js';
import { functionExportOf, isExportedFunction, isExportedValue, isExportedVariable } from '../exports.js';
import { functionReturningLocal } from '../factories.js';
import type { ConnectionFlow, HandOff } from '../flow.js';
import { followConnection, isOnConnection } from '../flow.js';
import { functionDenotedBy, functionVariable } from '../functions.js';
import { continuesStart } from '../ordering.js';
import type { BuilderChain, ClientFlavour, SignalRModel } from '../model.js';
import { ownerOfConnection } from '../owners/index.js';
import { isLentToChild } from '../owners/react-component.js';
import { BUILDER_METHODS, CLASSIC_DISCONNECTED, CONNECTION_METHODS } from '../signalr.js';
import { classicTransportWithoutWebSockets, coreTransportWithoutWebSockets } from '../transports.js';
import type { RetryPolicy } from './policies.js';
import { collectPolicies, policyGivesUp, retryPolicyOf } from './policies.js';
import type { RestartPath } from './restart-paths.js';
import { invisiblePath, RestartTracer, restartKind } from './restart-paths.js';

/** Client modules whose builder has no `withAutomaticReconnect` (it arrived in @microsoft/signalr 3.0). */
export const MODULES_WITHOUT_AUTOMATIC_RECONNECT: readonly string[] = ['@aspnet/signalr', '@aspnet/signalr-client'];

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
  /** Where the connection goes (core/flow.ts), and its hand-offs other than a local factory's `return`. */
  readonly flow: ConnectionFlow;
  readonly handOffs: readonly HandOff[];
  /**
   * The code ends the connection with the run that starts it: a `stop()` follows a `start()` in the same
   * function (a script, a one-off send), or its owner is a function call or a request handler, which
   * must stop it on the way out (core/owners/). Reconnecting means nothing there.
   */
  readonly endsWithItsRun: boolean;
  /**
   * Other modules get the connection: a module-level variable holding it is exported, or an exported
   * function returns it (a factory). They may start it; the file that builds it is where reconnect
   * logic belongs.
   */
  readonly exported: boolean;
  /** How messages name the transport when it provably excludes WebSockets (`long polling`), else undefined. */
  readonly transportWithoutWebSockets: string | undefined;
  /**
   * The connection is only handed out by exported factories (a function, a class's method), with no
   * reconnect logic and no `onclose` here, and no module of the project that could receive it adds
   * any (core/importers.ts): nobody will ever restart it. False whenever that cannot be told.
   */
  readonly factoryWithoutRestart: boolean;
}

export interface CloseRegistration {
  /** `connection.onclose(handler)` or classic `connection.disconnected(handler)`. */
  readonly call: TSESTree.CallExpression;
  readonly event: typeof CONNECTION_METHODS.onclose | typeof CLASSIC_DISCONNECTED;
  /** The handler, when the file shows its code. */
  readonly handler: FunctionNode | undefined;
  readonly path: RestartPath;
}

export interface ReconnectAnalysis {
  readonly subjects: readonly ReconnectSubject[];
  /** Every `onclose` / `disconnected` registration on a SignalR connection, created here or not. */
  readonly closeRegistrations: readonly CloseRegistration[];
  /** Every retry policy in the file: `withAutomaticReconnect` arguments and `IRetryPolicy` implementations. */
  readonly policies: readonly RetryPolicy[];
}

export type ReconnectProblem = 'give-up-ignored-by-error-check' | 'give-up-unhandled' | 'missing' | 'missing-on-exported';

export interface ReconnectRequirements {
  /** Also require an `onclose` restart for automatic reconnect that can give up. */
  readonly requireRestartAfterGiveUp?: boolean;
  /** Also judge connections this file exports but never starts (another module starts them). */
  readonly requireReconnectWhenExported?: boolean;
}

/**
 * What is wrong with a connection's reconnect logic, or undefined when nothing is, when the code ends
 * the connection in the run that starts it, or when the file cannot tell (the builder or connection
 * goes where it cannot see, or another file owns the connection).
 * A handler that misuses its argument counts as an attempt; `valid-reconnect-policy` reports the misuse.
 */
export function reconnectProblem(subject: ReconnectSubject, requirements: ReconnectRequirements = {}): ReconnectProblem | undefined {
  // A factory's connection that nothing in the project can have added a restart to is this file's to fix.
  if (subject.factoryWithoutRestart) return 'missing';
  if (subject.outOfSight || subject.endsWithItsRun) return undefined;
  const restarting = subject.closeHandlers.filter((handler) => restartKind(handler.path) !== 'none');
  // A connection this file never starts is started elsewhere, or by nobody: not this file's to judge,
  // unless asked to judge the connections it exports where they are built.
  if (subject.starts.length === 0) {
    const bare = !subject.automaticReconnect && restarting.length === 0;
    return requirements.requireReconnectWhenExported && subject.exported && bare ? 'missing-on-exported' : undefined;
  }
  if (!subject.automaticReconnect) return restarting.length > 0 ? undefined : 'missing';
  if (!requirements.requireRestartAfterGiveUp || subject.givesUp !== true) return undefined;
  if (restarting.length === 0) return 'give-up-unhandled';
  const handlesGiveUp = restarting.some((handler) => !handler.path.restartsOnlyOnError);
  return handlesGiveUp ? undefined : 'give-up-ignored-by-error-check';
}

const analyses = new WeakMap<SignalRModel, ReconnectAnalysis>();

/**
 * The reconnect analysis of a file, computed once per model and shared by every rule and codemod.
 * `filename` tells request handlers by their path (Next.js route files, see core/owners/handler.ts).
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
  /** Where the connection goes (core/flow.ts): its slots, the helpers it is lent to, its hand-offs. */
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
  private readonly tracer: RestartTracer;

  constructor(
    private readonly model: SignalRModel,
    private readonly filename: string,
  ) {
    this.tracer = new RestartTracer(model);
  }

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
    return { subjects, closeRegistrations, policies: collectPolicies(this.model, this.calls, this.classes, this.declarators) };
  }

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

  /**
   * The local functions that return `creation`, directly, through a local of their own (`const hub =
   * build(); return hub;`) or through another such function (`createConnection()`).
   */
  private factoriesOf(creation: Node): Set<FunctionNode> {
    const factories = new Set<FunctionNode>();
    let returned: Node[] = [creation];
    for (let depth = 0; depth < 3 && returned.length > 0; depth++) {
      const next: Node[] = [];
      for (const value of returned) {
        const fn = returningFunction(value) ?? functionReturningLocal(this.model, value);
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
    const own = lifecycleCalls.filter((call) => isOnConnection(this.model, calledMethod(call)!.object, subject.flow));
    const named = (name: string): TSESTree.CallExpression[] => own.filter((call) => calledMethod(call)?.name === name);
    const closeEvent = subject.flavour === 'classic' ? CLASSIC_DISCONNECTED : CONNECTION_METHODS.onclose;
    const closeHandlers = named(closeEvent).map((call) => registrationOf(call, closeEvent));
    const starts = named(CONNECTION_METHODS.start).filter((call) => !this.isInsideHandler(call, closeHandlers));
    const stops = named(CONNECTION_METHODS.stop);
    const builder = subject.chain ? this.builderFacts(subject.chain) : { automatic: undefined, outOfSight: false };
    const origin = subject.chain?.origin;
    const handOffs = subject.flow.handOffs.filter((handOff) => !this.isFactoryReturn(handOff, subject.factories));
    const outOfSight = builder.outOfSight || handOffs.some((handOff) => handOff.how === 'passed' && !isLentToChild(handOff));
    const unattended = !builder.automatic && closeHandlers.length === 0 && starts.length === 0 && stops.length === 0 && !outOfSight;
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
      // Passed to a function it cannot see, the connection may get its restart there (not a child
      // component's prop: the parent keeps it). One this file starts and then returns or stores is
      // judged here: the builder, here, is where the fix goes.
      outOfSight,
      flow: subject.flow,
      handOffs,
      endsWithItsRun: this.endsWithItsRun(subject.flow, starts, stops),
      exported: this.isExported(subject.flow),
      transportWithoutWebSockets:
        subject.flavour === 'core' && subject.chain ? coreTransportWithoutWebSockets(this.model, subject.chain) : classicTransportWithoutWebSockets(this.model, starts),
      factoryWithoutRestart: unattended && this.handedOutOnlyByFactories(subject.flow, handOffs),
    };
  }

  /**
   * Every way out of this file is the `return` of an exported function or method (a factory), and no
   * module of the project that could import it adds reconnect logic. Asked last: it may list the project.
   */
  private handedOutOnlyByFactories(flow: ConnectionFlow, handOffs: readonly HandOff[]): boolean {
    if (handOffs.length === 0 || flow.escapingClosures.length > 0) return false;
    const names: string[] = [];
    for (const handOff of handOffs) {
      if (handOff.how !== 'returned') return false;
      const fn = isFunction(handOff.node) ? handOff.node : enclosingFunction(handOff.node);
      const exported = fn && functionExportOf(this.model, fn);
      if (!exported) return false;
      // The words an importer's text would show: export names, the method, the name in this file.
      names.push(...exported.names, ...(exported.method === undefined ? [] : [exported.method]), ...(exported.localName === undefined ? [] : [exported.localName]));
    }
    return !this.model.mayRestartElsewhere(names);
  }

  private endsWithItsRun(flow: ConnectionFlow, starts: readonly TSESTree.CallExpression[], stops: readonly TSESTree.CallExpression[]): boolean {
    if (stops.some((stop) => this.stopsInTheRunOfAStart(stop, starts))) return true;
    const start = starts[0];
    const connection = start && this.model.connectionOf(calledMethod(start)!.object);
    if (!start || !connection) return false;
    const owner = ownerOfConnection(this.model, start, connection, flow, this.filename);
    return owner.kind === 'function' || owner.kind === 'handler';
  }

  /**
   * `stop` ends the run that started the connection: it comes after a start in the same function, or
   * runs after one on its success path (its `.then`/`.finally` continuations, an `await`). Where the
   * connection lives does not matter: a field started, used once and stopped this way is as one-shot
   * as a local. A stop in another method, a `.catch` or an event handler is not: that connection is
   * meant to stay open until then.
   */
  private stopsInTheRunOfAStart(stop: TSESTree.CallExpression, starts: readonly TSESTree.CallExpression[]): boolean {
    if (starts.some((start) => stop.range[0] > start.range[0] && enclosingFunction(stop) === enclosingFunction(start))) return true;
    const connection = this.model.connectionOf(calledMethod(stop)!.object);
    const start = connection && continuesStart(this.model, stop, connection);
    return start !== undefined && starts.includes(start.start);
  }

  /** A module-level variable holding the connection is exported, or an exported function returns it. */
  private isExported(flow: ConnectionFlow): boolean {
    if ([...flow.creations].some((creation) => isExportedValue(this.model, creation))) return true;
    if ([...flow.variables].some((variable) => isExportedVariable(this.model, variable))) return true;
    return flow.handOffs.some((handOff) => {
      if (handOff.how !== 'returned') return false;
      const fn = isFunction(handOff.node) ? handOff.node : enclosingFunction(handOff.node);
      return fn !== undefined && isExportedFunction(this.model, fn);
    });
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

  private registration(call: TSESTree.CallExpression, event: CloseRegistration['event']): CloseRegistration {
    const argument = call.arguments[0];
    const handler = argument && functionDenotedBy(this.model, argument);
    const path = handler ? this.tracer.pathOf(handler, event === CONNECTION_METHODS.onclose) : invisiblePath();
    return { call, event, handler, path };
  }
}

/** The function whose result `value` is: `return value;`, or the body of `() => value`. */
function returningFunction(value: Node): FunctionNode | undefined {
  const slot = outermostWrapper(value);
  const parent = slot.parent;
  if (parent?.type === AST_NODE_TYPES.ReturnStatement) return enclosingFunction(parent);
  if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === slot) return parent;
  return undefined;
}
