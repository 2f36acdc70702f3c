// Adds reconnect logic where `require-reconnect` reports its absence (the same analysis,
// core/reconnect/analysis.ts), keeping what the code does when a start fails or the connection is stopped:
// - @microsoft/signalr builders get `.withAutomaticReconnect(retryForever)`, a policy that never gives
//   up and waits a random, growing delay;
// - a first `start()` that nothing retries goes through `startWithRetry`, since automatic reconnect
//   does not cover a failed first start. What the code chained on the start (`.then(…).catch(…)`)
//   runs for every try, so its error handler still hears each failure; a stopped connection is not
//   started again and nothing chained after it runs. A start whose failure reaches code this file
//   cannot see (a caller, a `catch` around it) is left as it is, with the reason;
// - @aspnet/signalr connections, and every connection with the `restartOnClose` option, get an
//   `onclose` restart (`restartWithRetry`), and their `stop()` calls go through `stopConnection`;
// - classic connections get a `disconnected` restart after a random delay that skips deliberate stops.
// The helpers come from the project's helpers module or are declared in the file (codemods/utils/helpers.ts).
// The rewrite is a set of text edits, printed in the file's own style (codemods/utils/style.ts).
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { API, FileInfo, Transform } from 'jscodeshift';

import type { FunctionNode, Node } from '../core/ast.js';
import { calledMethod, contains, enclosingFunction, isFunction, outermostWrapper, skipWrappers, staticPropertyName, walk } from '../core/ast.js';
import type { SignalRModel } from '../core/model.js';
import { callbackRole } from '../core/promises.js';
import type { ReconnectSubject } from '../core/reconnect/analysis.js';
import { CLASSIC_DISCONNECTED, reconnectAnalysis, reconnectProblem } from '../core/reconnect/analysis.js';
import { classicRestartDelaySource } from '../core/reconnect/backoff.js';
import { isStartRetried } from '../core/reconnect/restart-paths.js';
import type { ConnectionSession } from '../core/session.js';
import { connectionSessions } from '../core/session.js';
import { DEFAULT_SETTINGS } from '../core/settings.js';
import { BUILDER_METHODS, CONNECTION_METHODS } from '../core/signalr.js';
import type { TextEdit } from './utils/edits.js';
import { addChainCall, indentLines, TextEdits } from './utils/edits.js';
import { blankLineBefore, FileHelpers, topInsertionPoint } from './utils/helpers.js';
import { RECONNECT_HELPERS } from './utils/reconnect-helpers.js';
import { inlineHelpers } from './utils/shared-helpers.js';
import type { TransformOptions } from './utils/source.js';
import { analyzeFile, preservingLineEnds, reportSkip } from './utils/source.js';
import type { FileStyle } from './utils/style.js';
import { constKeyword, detectStyle, LINE_WIDTH, semicolon } from './utils/style.js';

export { parser } from './utils/parser.js';

export interface AddReconnectOptions extends TransformOptions {
  /**
   * Also restart from `onclose` where `withAutomaticReconnect` can give up, and add that restart
   * next to the policy this codemod inserts (`require-reconnect`'s `requireRestartAfterGiveUp`).
   */
  readonly restartOnClose?: boolean;
  /** Import the helpers from the project's helpers module, which the CLI writes (`signalr-codemod` sets it). */
  readonly sharedHelpers?: boolean;
}

/** The classic client's set of connections stopped on purpose (its `disconnected` fires after those too). */
const STOPPED_ON_PURPOSE = 'stoppedOnPurpose';
/** Promise methods a start's chain continues with. */
const CHAIN_METHODS: readonly string[] = ['then', 'catch', 'finally'];
/** Methods a framework calls without looking at their result. */
const LIFECYCLE_METHODS: readonly string[] = ['ngOnInit', 'ngAfterViewInit', 'ngOnChanges', 'componentDidMount', 'componentDidUpdate', 'mounted', 'created', 'beforeMount', 'connectedCallback'];

const transform: Transform = preservingLineEnds((file: FileInfo, api: API, options: AddReconnectOptions) => {
  const analyzed = analyzeFile(file, options);
  if (!analyzed?.model.usesSignalR) return undefined;
  const { model, program } = analyzed;
  const restartOnClose = isOn(options.restartOnClose);
  const subjects = reconnectAnalysis(model, file.path)
    .subjects.map((subject) => ({ subject, problem: reconnectProblem(subject, { requireRestartAfterGiveUp: restartOnClose }) }))
    .filter((entry) => entry.problem !== undefined);
  if (subjects.length === 0) return undefined;

  const style = detectStyle(file.source, program, file.path);
  const writer = new Writer(model, file.source, style, new FileHelpers(file.source, program, style));
  const sessions = connectionSessions(model, file.path, options.signalrSettings ?? DEFAULT_SETTINGS);
  for (const { subject, problem } of subjects) {
    if (problem === 'give-up-ignored-by-error-check') {
      const handler = subject.closeHandlers.find((registration) => registration.path.restartsOnlyOnError);
      reportSkip(api, file, handler?.call ?? subject.creation, 'its `onclose` handler restarts only when it gets an error; `onclose` gets `undefined` after automatic reconnect gives up, so restart there too unless your code stopped the connection');
      continue;
    }
    const session = sessions.find((candidate) => candidate.subject === subject);
    const outcome = subject.flavour === 'classic' ? planClassic(writer, subject) : planCore(writer, subject, session, problem === 'missing', restartOnClose);
    if (outcome.reason !== undefined) reportSkip(api, file, outcome.at ?? subject.creation, outcome.reason);
  }
  const output = writer.apply();
  // A classic script (no `import`, no `require`) cannot import a module: its helpers go into it.
  const shared = isOn(options.sharedHelpers) && style.language.moduleKind !== 'script';
  return output === undefined || shared ? output : inlineHelpers(output, file.path);
});

export default transform;

/** jscodeshift passes `--flag` as true, `--flag=true` as a string. */
function isOn(value: unknown): boolean {
  return value === true || String(value) === 'true';
}

interface Outcome {
  /** Why (part of) the fix was not made. */
  readonly reason?: string;
  readonly at?: Node;
}

/** A connection's edits and the helpers they call; made all together or not at all. */
class Plan {
  readonly edits: TextEdit[] = [];
  readonly helpers = new Set<string>();
}

// ---- @microsoft/signalr and @aspnet/signalr ----

function planCore(writer: Writer, subject: ReconnectSubject, session: ConnectionSession | undefined, missing: boolean, restartOnClose: boolean): Outcome {
  const addPolicy = missing && subject.supportsAutomaticReconnect;
  const addRestart = !subject.supportsAutomaticReconnect || restartOnClose || !missing;
  const plan = new Plan();
  let note: Outcome | undefined;

  // The session: after an automatic reconnect the connection id is new, and its groups are gone.
  if (addPolicy && session) {
    const rejoin = writer.sessionRestore(subject, session, plan);
    if (typeof rejoin === 'string') return { reason: rejoin, at: subject.creation };
  }

  // A first start that nothing retries: automatic reconnect does not cover one that fails. A start in
  // another start's failure handler is that start's own retry, which `startWithRetry` replaces.
  const retries = new Map(subject.starts.map((start) => [start, adHocRetries(start, subject.starts)]));
  const replaced = new Set([...retries.values()].flat());
  for (const start of subject.starts) {
    if (isStartRetried(writer.model, start) || replaced.has(start)) continue;
    const edits = writer.startRetry(start, plan, retries.get(start)!);
    if (typeof edits !== 'string') plan.edits.push(...edits);
    else note ??= { reason: addPolicy ? `added automatic reconnect, but did not retry the first start(): ${edits}` : edits, at: start };
  }
  if (addRestart && session) {
    // A restart re-runs what the code chained on a wrapped start; other session steps it would lose.
    const wrappedChains = plan.edits.length > 0 ? subject.starts.map((start) => outermostWrapper(chainAfter(start).at(-1) ?? start)) : [];
    const lost = session.steps.find((step) => step.afterRestart !== 'yes' && !wrappedChains.some((chain) => chain.range[0] <= step.call.range[0] && step.call.range[1] <= chain.range[1]));
    if (lost) return { reason: `${describeStep(lost)} on line ${lost.call.loc.start.line} would not run again after a restart; repeat it in the \`onclose\` restart by hand`, at: lost.call };
  }
  if (addRestart) {
    const registration = writer.registrationPlace(subject);
    if (typeof registration === 'string') {
      if (!addPolicy) return { reason: registration };
      note = { reason: `added automatic reconnect, but no onclose restart: ${registration}` };
    } else {
      plan.edits.push(writer.oncloseRestart(registration, plan));
    }
  }
  // Once anything retries the start, a deliberate stop must cancel that.
  if (plan.helpers.size > 0) {
    for (const stop of subject.stops) {
      const edits = writer.stopCancelling(stop, plan);
      if (typeof edits === 'string') return { reason: edits, at: stop };
      plan.edits.push(...edits);
    }
  }
  if (addPolicy) writer.addPolicy(subject, plan);
  writer.commit(plan);
  return note ?? {};
}

function describeStep(step: ConnectionSession['steps'][number]): string {
  return step.kind === 'group-join' ? `the group join \`${step.method}\`` : `the call that sends the connection id (\`${step.method}\`)`;
}

// ---- the classic jQuery client ----

function planClassic(writer: Writer, subject: ReconnectSubject): Outcome {
  const registration = writer.registrationPlace(subject);
  if (typeof registration === 'string') return { reason: registration };
  const plan = new Plan();
  if (subject.stops.length > 0) plan.edits.push(...writer.stoppedOnPurposeDeclaration());
  for (const stop of subject.stops) {
    const edits = writer.classicStopMark(stop);
    if (typeof edits === 'string') return { reason: edits, at: stop };
    plan.edits.push(...edits);
  }
  plan.edits.push(writer.disconnectedRestart(registration, subject.stops.length > 0));
  writer.commit(plan);
  return {};
}

/** Where a close-handler registration goes: after the statement that stores the connection, and under which name. */
interface RegistrationPlace {
  readonly statement: Node;
  /** Goes before `statement` (the generated hub's first start) instead of after it. */
  readonly before: boolean;
  readonly connection: string;
  readonly usesThis: boolean;
}

/** `connection`, `this.connection`, `connectionRef.current`: names that read the same slot wherever they are written. */
function isPlainReference(node: Node): boolean {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.ThisExpression) return true;
  return target.type === AST_NODE_TYPES.MemberExpression && !target.computed && !target.optional && isPlainReference(target.object);
}

function usesThis(node: Node): boolean {
  let found = false;
  walk(node, (inner) => {
    if (inner.type === AST_NODE_TYPES.ThisExpression) found = true;
    return found ? false : undefined;
  });
  return found;
}

function statementOf(node: Node): Node | undefined {
  for (let current: Node | undefined = node; current; current = current.parent) {
    if (isFunction(current)) return undefined;
    if (current.parent && isStatementList(current.parent)) return current;
  }
  return undefined;
}

function isStatementList(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.Program ||
    node.type === AST_NODE_TYPES.BlockStatement ||
    node.type === AST_NODE_TYPES.SwitchCase ||
    node.type === AST_NODE_TYPES.StaticBlock
  );
}

/** The calls that continue a start: `start().then(a).catch(b)` gives the `then` and `catch` calls, in order. */
function chainAfter(start: TSESTree.CallExpression): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  let current: Node = start;
  for (;;) {
    const member: Node | undefined = current.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current || member.computed) break;
    const name = staticPropertyName(member);
    const call: Node | undefined = member.parent;
    if (!name || !CHAIN_METHODS.includes(name) || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) break;
    calls.push(call);
    current = call;
  }
  return calls;
}

/** The functions of the chain that handle a rejection: `.catch(f)` gives `f`, `.then(f, g)` gives `g`. */
function rejectionHandlers(chain: readonly TSESTree.CallExpression[]): Node[] {
  return chain.flatMap((call) => {
    const name = staticPropertyName(call.callee as TSESTree.MemberExpression);
    const handler = name === 'catch' ? call.arguments[0] : name === 'then' ? call.arguments[1] : undefined;
    return handler ? [handler] : [];
  });
}

/** Starts of the same connection inside `start`'s failure handlers: a retry the code wrote by hand. */
function adHocRetries(start: TSESTree.CallExpression, starts: readonly TSESTree.CallExpression[]): TSESTree.CallExpression[] {
  const handlers = rejectionHandlers(chainAfter(start));
  return starts.filter((other) => other !== start && handlers.some((handler) => handler.range[0] <= other.range[0] && other.range[1] <= handler.range[1]));
}

/** The statement of `fn`'s body that holds `node`, when `fn` has a block body. */
function bodyStatementOf(fn: FunctionNode, node: Node): Node | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  return fn.body.body.find((statement) => statement.range[0] <= node.range[0] && node.range[1] <= statement.range[1]);
}

/** Collects the edits of one file and the helpers they need, then writes them into the source. */
class Writer {
  private readonly edits: TextEdits;

  constructor(
    readonly model: SignalRModel,
    readonly source: string,
    readonly style: FileStyle,
    private readonly helpers: FileHelpers,
  ) {
    this.edits = new TextEdits(source);
  }

  text(node: Node): string {
    return this.source.slice(node.range[0], node.range[1]);
  }

  helper(plan: Plan, name: string): string {
    plan.helpers.add(name);
    return this.helpers.nameOf(name);
  }

  commit(plan: Plan): void {
    this.edits.add(...plan.edits);
    for (const name of plan.helpers) this.helpers.use(name);
  }

  apply(): string | undefined {
    const helperImport = this.helpers.importEdit();
    if (helperImport) this.edits.insert(helperImport.at, helperImport.text);
    return this.edits.apply();
  }

  /** `.withAutomaticReconnect(retryForever)` right before `.build()`, laid out like the chain. */
  addPolicy(subject: ReconnectSubject, plan: Plan): void {
    const build = subject.creation as TSESTree.CallExpression;
    const dots: number[] = [];
    for (let node: Node = build; node.type === AST_NODE_TYPES.CallExpression; ) {
      const callee = skipWrappers(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) break;
      dots.unshift(this.source.lastIndexOf('.', callee.property.range[0]));
      node = skipWrappers(callee.object);
    }
    const call = `.${BUILDER_METHODS.withAutomaticReconnect}(${this.helper(plan, RECONNECT_HELPERS.retryForever)})`;
    const edits = new TextEdits(this.source);
    addChainCall(edits, this.style, dots, dots.at(-1)!, call);
    plan.edits.push(...edits.all());
  }

  /**
   * The start retried: `x.start().then(a).catch(b)` → `startWithRetry(x, (started) => started.then(a).catch(b))`
   * when the chain handles a failure (it then hears every failed try); `x.start()` → `startWithRetry(x)`
   * when nothing but an unhandled rejection would hear it. A reason when the failure reaches code
   * that may handle it and would no longer hear it.
   */
  startRetry(start: TSESTree.CallExpression, plan: Plan, retries: readonly TSESTree.CallExpression[]): TextEdit[] | string {
    const method = calledMethod(start)!;
    const callText = this.text(start);
    if (start.arguments.length > 0) return `\`${callText}\` passes start() options`;
    if (start.optional || (skipWrappers(start.callee) as TSESTree.MemberExpression).optional) return `\`${callText}\` may not run (optional call)`;
    if (!isPlainReference(method.object)) return `\`${callText}\` is not called on a variable or field`;
    const connection = this.text(skipWrappers(method.object));
    const written = chainAfter(start);
    let chain = written;
    const removals: TextEdit[] = [];
    for (const retry of retries) {
      const removal = this.retryRemoval(chain, retry);
      if (typeof removal === 'string') return removal;
      removals.push(removal.edit);
      chain = chain.filter((call) => call !== removal.droppedCall);
    }
    const edits = this.wrapStart(start, chain, written.at(-1) ?? start, connection, callText, plan);
    return typeof edits === 'string' ? edits : [...removals, ...edits];
  }

  /**
   * Removes a retry the code wrote into a start's failure handler: the handler's statement that
   * holds it, or the whole `.catch(…)` when retrying is all the handler does.
   */
  private retryRemoval(chain: readonly TSESTree.CallExpression[], retry: TSESTree.CallExpression): { edit: TextEdit; droppedCall?: TSESTree.CallExpression } | string {
    const reason = `its failure handler retries the start itself (line ${retry.loc.start.line}) in a way this codemod does not replace; remove that retry and run it again`;
    const call = chain.find((candidate) => candidate.arguments.some((argument) => argument.range[0] <= retry.range[0] && retry.range[1] <= argument.range[1]));
    const handler = call && skipWrappers(call.arguments[call.arguments.length - 1]!);
    if (!call || !handler || !isFunction(handler)) return reason;
    const statement = bodyStatementOf(handler, retry);
    const block = handler.body.type === AST_NODE_TYPES.BlockStatement ? handler.body : undefined;
    const onlyRetry = !block || (block.body.length === 1 && statement !== undefined);
    if (statement && !onlyRetry) {
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return reason;
      const lineStart = this.edits.lineStart(statement.range[0]);
      const end = this.edits.endOfLine(statement.range[1]);
      const wholeLines = this.source.slice(lineStart, statement.range[0]).trim() === '' && this.source[end] === '\n';
      return { edit: wholeLines ? { start: lineStart, end: end + 1, text: '' } : { start: statement.range[0], end: statement.range[1], text: '' } };
    }
    if (!onlyRetry || staticPropertyName(call.callee as TSESTree.MemberExpression) !== 'catch') return reason;
    // `.catch(() => setTimeout(…))`: the handler only retried; the chain goes on without it.
    const member = call.callee as TSESTree.MemberExpression;
    const dot = this.source.lastIndexOf('.', member.property.range[0]);
    const from = dot - /\s*$/.exec(this.source.slice(member.object.range[1], dot))![0].length;
    return { edit: { start: from, end: call.range[1], text: '' }, droppedCall: call };
  }

  /** `whole` is the chain as written, before a dropped `.catch`: where its value goes. */
  private wrapStart(start: TSESTree.CallExpression, chain: readonly TSESTree.CallExpression[], whole: Node, connection: string, callText: string, plan: Plan): TextEdit[] | string {
    if (rejectionHandlers(chain).length === 0) {
      const reason = this.failureListener(whole);
      if (reason) return `the failure of \`${callText}\` reaches ${reason}, which would no longer hear it; retry the start there`;
      return [{ start: start.range[0], end: start.range[1], text: `${this.helper(plan, RECONNECT_HELPERS.startWithRetry)}(${connection})` }];
    }
    const last = outermostWrapper(chain.at(-1)!);
    if (!this.style.language.arrows && usesThis(last)) return `\`${callText}\` is chained on code that uses \`this\`, which a \`function\` wrapper would change`;
    const startWithRetry = this.helper(plan, RECONNECT_HELPERS.startWithRetry);
    const edits: TextEdit[] = [{ start: start.range[0], end: start.range[1], text: 'started' }];
    if (this.style.language.arrows) {
      const head = `${startWithRetry}(${connection}, (started) =>`;
      const oneLine = last.loc.start.line === last.loc.end.line;
      const width = this.edits.lineLength(last.range[0]) + head.length + 2 - callText.length + 'started'.length;
      if (oneLine && width > LINE_WIDTH) {
        // As Prettier breaks a call whose last argument is a long arrow function.
        const indent = this.edits.indentAt(last.range[0]);
        edits.unshift({ start: last.range[0], end: last.range[0], text: `${head}\n${indent}${this.style.indent}` });
        edits.push({ start: last.range[1], end: last.range[1], text: `${this.style.trailingCommas ? ',' : ''}\n${indent})` });
      } else {
        edits.unshift({ start: last.range[0], end: last.range[0], text: `${head} ` });
        edits.push({ start: last.range[1], end: last.range[1], text: ')' });
      }
      return edits;
    }
    // `function (started) { return …; }`, the chain's own lines one step further in.
    const indent = this.edits.indentAt(last.range[0]);
    edits.unshift({ start: last.range[0], end: last.range[0], text: `${startWithRetry}(${connection}, function (started) {\n${indent}${this.style.indent}return ` });
    for (let at = this.source.indexOf('\n', last.range[0]); at >= 0 && at < last.range[1]; at = this.source.indexOf('\n', at + 1)) {
      if (this.source[at + 1] !== '\n') edits.push({ start: at + 1, end: at + 1, text: this.style.indent });
    }
    edits.push({ start: last.range[1], end: last.range[1], text: `${semicolon(this.style)}\n${indent}})` });
    return edits;
  }

  /**
   * What hears a rejection of `promise` besides an unhandled-rejection report: a `catch` around its
   * `await`, or the callers of the function that returns or awaits it. Undefined when nothing does.
   */
  private failureListener(promise: Node): string | undefined {
    const outer = outermostWrapper(promise);
    const parent = outer.parent;
    if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return undefined;
    if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') return undefined;
    let fn: FunctionNode | undefined;
    if (parent?.type === AST_NODE_TYPES.AwaitExpression) {
      for (let current: Node = parent; current.parent && !isFunction(current); current = current.parent) {
        const holder: Node = current.parent;
        if (holder.type === AST_NODE_TYPES.TryStatement && holder.block === current && holder.handler) return 'the `catch` around it';
      }
      fn = enclosingFunction(parent);
      if (!fn) return undefined;
    } else if (parent?.type === AST_NODE_TYPES.ReturnStatement || (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === outer)) {
      fn = parent.type === AST_NODE_TYPES.ReturnStatement ? enclosingFunction(parent) : parent;
    } else {
      return 'the code it is handed to';
    }
    return fn && this.callersListen(fn);
  }

  /** Whether callers of `fn` may handle its rejection: undefined when every call ignores the result. */
  private callersListen(fn: FunctionNode): string | undefined {
    const role = callbackRole(this.model, fn);
    if (role.kind === 'ignored') return undefined;
    if (role.kind !== 'named') return 'the code that calls the enclosing function';
    const name = role.name.type === AST_NODE_TYPES.Identifier ? role.name.name : undefined;
    if (name && LIFECYCLE_METHODS.includes(name) && fn.parent?.type === AST_NODE_TYPES.MethodDefinition) return undefined;
    const calls = name ? this.callsByName(fn, name) : undefined;
    if (!calls || calls.length === 0) return `the callers of \`${name ?? 'the enclosing function'}\``;
    const listening = calls.find((call) => {
      const user = outermostWrapper(call).parent;
      return !(user?.type === AST_NODE_TYPES.ExpressionStatement || (user?.type === AST_NODE_TYPES.UnaryExpression && user.operator === 'void'));
    });
    return listening ? `the caller of \`${name}\` on line ${listening.loc.start.line}` : undefined;
  }

  /** The calls of a local function or of a method through `this`; undefined when others may call it (exported). */
  private callsByName(fn: FunctionNode, name: string): TSESTree.CallExpression[] | undefined {
    const holder = outermostWrapper(fn).parent;
    const isMethod = holder?.type === AST_NODE_TYPES.MethodDefinition || holder?.type === AST_NODE_TYPES.PropertyDefinition;
    const exported = (node: Node | undefined): boolean => node?.type === AST_NODE_TYPES.ExportNamedDeclaration || node?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
    if (isMethod) {
      const classNode = holder.parent?.parent;
      if (!classNode || exported(classNode.parent)) return undefined;
      if (holder.type === AST_NODE_TYPES.MethodDefinition && holder.accessibility !== 'private' && holder.accessibility !== 'protected') return undefined;
      const calls: TSESTree.CallExpression[] = [];
      walk(classNode, (node) => {
        if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && node.callee.object.type === AST_NODE_TYPES.ThisExpression && staticPropertyName(node.callee) === name) calls.push(node);
      });
      return calls;
    }
    const declaration = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : holder?.parent;
    if (exported(declaration?.parent)) return undefined;
    const identifier = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id : holder?.type === AST_NODE_TYPES.VariableDeclarator ? holder.id : undefined;
    const variable = identifier?.type === AST_NODE_TYPES.Identifier ? this.model.variableOf(identifier) : undefined;
    if (!variable) return undefined;
    const calls: TSESTree.CallExpression[] = [];
    for (const reference of variable.references) {
      const callee = outermostWrapper(reference.identifier);
      if (callee.parent?.type === AST_NODE_TYPES.CallExpression && callee.parent.callee === callee) calls.push(callee.parent);
      else if (reference.isRead()) return undefined;
    }
    return calls;
  }

  /** `x.stop()` → `stopConnection(x)`, so that no retry starts it again; `x?.stop()` as a statement → `if (x) stopConnection(x)`. */
  stopCancelling(stop: TSESTree.CallExpression, plan: Plan): TextEdit[] | string {
    const method = calledMethod(stop)!;
    if (!isPlainReference(method.object)) return `\`${this.text(stop)}\` is not called on a variable or field`;
    const connection = this.text(skipWrappers(method.object));
    const stopConnection = this.helper(plan, RECONNECT_HELPERS.stopConnection);
    const optional = stop.optional || (skipWrappers(stop.callee) as TSESTree.MemberExpression).optional;
    if (!optional) return [{ start: stop.range[0], end: stop.range[1], text: `${stopConnection}(${connection})` }];
    const chain = stop.parent?.type === AST_NODE_TYPES.ChainExpression ? stop.parent : stop;
    const user = chain.parent;
    const statement = user?.type === AST_NODE_TYPES.UnaryExpression || user?.type === AST_NODE_TYPES.AwaitExpression ? user.parent : user;
    if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return `\`${this.text(stop)}\` may not run (optional call) inside a larger expression; call \`${stopConnection}\` there by hand`;
    const prefix = user !== statement ? `${this.source.slice(user!.range[0], chain.range[0])}` : '';
    return [{ start: statement.range[0], end: statement.range[1], text: `if (${connection}) ${prefix}${stopConnection}(${connection})${semicolon(this.style)}` }];
  }

  registrationPlace(subject: ReconnectSubject): RegistrationPlace | string {
    const creation = outermostWrapper(subject.creation);
    const holder = creation.parent;
    // `$.connection.hub` has no creation statement: register before its first start.
    if (subject.creation.type === AST_NODE_TYPES.MemberExpression) {
      const start = subject.starts[0];
      const statement = start && statementOf(start);
      if (!start || !statement) return 'cannot find a statement before which to register the restart';
      const method = calledMethod(start)!;
      return { statement, before: true, connection: this.text(method.object), usesThis: false };
    }
    let target: Node | undefined;
    let statement: Node | undefined;
    if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === creation && holder.id.type === AST_NODE_TYPES.Identifier) {
      target = holder.id;
      statement = holder.parent;
    } else if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === creation && holder.operator === '=') {
      target = holder.left;
      statement = holder.parent;
    }
    if (holder?.type === AST_NODE_TYPES.PropertyDefinition) return 'the connection is built in a field initializer; register the restart in the constructor';
    if (!target || !statement || !statement.parent || !isStatementList(statement.parent) || !isPlainReference(target)) {
      return 'cannot tell where the connection is stored; register a restart where it is';
    }
    const connection = target.type === AST_NODE_TYPES.Identifier ? target.name : this.text(target);
    if (!this.style.language.arrows && usesThis(target)) return `\`${connection}\` uses \`this\`, which a \`function\` handler would change`;
    return { statement, before: false, connection, usesThis: usesThis(target) };
  }

  /**
   * `connection.onreconnected(() => connection.invoke('JoinGroup', room));` for every session step
   * (a group join, a call that sends the connection id) that no reconnect path repeats yet, after
   * the statement that stores the connection; why not when a step uses what is not known there.
   */
  sessionRestore(subject: ReconnectSubject, session: ConnectionSession, plan: Plan): string | undefined {
    const steps = session.steps.filter((step) => step.afterReconnect !== 'yes' && step.afterReconnect !== 'unknown');
    if (steps.length === 0) return undefined;
    const place = this.registrationPlace(subject);
    if (typeof place === 'string') return `${describeStep(steps[0]!)} on line ${steps[0]!.call.loc.start.line} must run again after a reconnect, but ${place.replace('register a restart', 'rejoin')}`;
    const registrations: string[] = [];
    for (const step of steps) {
      const unknown = this.unknownAt(step.call, place.statement);
      if (unknown) return `${describeStep(step)} on line ${step.call.loc.start.line} must run again after a reconnect, but it uses \`${unknown}\`, which is not known where the connection is built; repeat it in \`onreconnected\` by hand`;
      if (!this.style.language.arrows && usesThis(step.call)) return `${describeStep(step)} on line ${step.call.loc.start.line} uses \`this\`, which a \`function\` handler would change; repeat it in \`onreconnected\` by hand`;
      let call = this.text(step.call);
      if (this.style.language.typescript && place.connection.includes('.')) {
        // Inside a callback TypeScript forgets that `this.connection` was checked: read it with `?.`.
        const receiver = calledMethod(step.call)?.object;
        const others = call.split(place.connection).length - 1;
        if (!receiver || this.text(receiver) !== place.connection || others > 1) {
          return `${describeStep(step)} on line ${step.call.loc.start.line} uses \`${place.connection}\` in a way this codemod cannot repeat in a callback; repeat it in \`onreconnected\` by hand`;
        }
        call = `${place.connection}?.${call.slice(place.connection.length + 1)}`;
      }
      const handler = this.style.language.arrows ? `() => ${call}` : `function () { return ${call}${semicolon(this.style)} }`;
      let registration = `${place.connection}.${CONNECTION_METHODS.onreconnected}(${handler})${semicolon(this.style)}`;
      if (this.style.language.arrows && this.edits.indentAt(place.statement.range[0]).length + registration.length > LINE_WIDTH && !call.includes('\n')) {
        // As Prettier breaks a call whose only argument is a long arrow function.
        registration = `${place.connection}.${CONNECTION_METHODS.onreconnected}(() =>\n${this.style.indent}${call}${this.style.trailingCommas ? ',' : ''}\n)${semicolon(this.style)}`;
      }
      if (!registrations.includes(registration)) registrations.push(registration);
    }
    plan.edits.push(this.registrationEdit(place, registrations.join('\n')));
    return undefined;
  }

  /** A name `call` uses that is declared where `statement` cannot see it (a parameter or local of a callback). */
  private unknownAt(call: Node, statement: Node): string | undefined {
    let unknown: string | undefined;
    walk(call, (node) => {
      if (unknown) return false;
      if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) {
        walk(node.object, () => undefined);
      }
      if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) return undefined;
      if (parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed && !parent.shorthand) return undefined;
      const variable = this.model.variableOf(node);
      if (!variable || variable.defs.length === 0) return undefined;
      if (!contains(variable.scope.block, statement)) unknown = node.name;
      return undefined;
    });
    return unknown;
  }

  /** `connection.onclose(() => restartWithRetry(connection));` */
  oncloseRestart(place: RegistrationPlace, plan: Plan): TextEdit {
    const restart = `${this.helper(plan, RECONNECT_HELPERS.restartWithRetry)}(${place.connection})`;
    const handler = this.style.language.arrows ? `() => ${restart}` : `function () { ${restart}${semicolon(this.style)} }`;
    return this.registrationEdit(place, `${place.connection}.${CONNECTION_METHODS.onclose}(${handler})${semicolon(this.style)}`);
  }

  /** A `disconnected` handler that starts the classic connection again after a random delay, unless the file stopped it. */
  disconnectedRestart(place: RegistrationPlace, checksDeliberateStops: boolean): TextEdit {
    const { connection } = place;
    const semi = semicolon(this.style);
    const start = this.style.language.arrows ? `() => ${connection}.start()` : `function () { ${connection}.start()${semi} }`;
    const lines = [
      `${connection}.${CLASSIC_DISCONNECTED}(${this.style.language.arrows ? '() =>' : 'function ()'} {`,
      ...(checksDeliberateStops ? [`  if (${STOPPED_ON_PURPOSE}.delete(${connection})) return${semi}`] : []),
      '  // A random delay, so that clients cut off together do not all come back at once.',
      `  setTimeout(${start}, ${classicRestartDelaySource()})${semi}`,
      `})${semi}`,
    ];
    return this.registrationEdit(place, lines.join('\n').replace(/^ {2}/gm, this.style.indent));
  }

  /** Before a classic `stop()`: `stoppedOnPurpose.add(connection);`, declaring the set once. */
  classicStopMark(stop: TSESTree.CallExpression): TextEdit[] | string {
    const method = calledMethod(stop)!;
    if (!isPlainReference(method.object)) return `\`${this.text(stop)}\` is not called on a variable or field`;
    const statement = statementOf(stop) ?? stop.parent;
    if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || skipWrappers(statement.expression) !== stop) {
      return `\`${this.text(stop)}\` runs inside a larger expression; mark it as a deliberate stop by hand`;
    }
    const target = this.text(skipWrappers(method.object));
    const indent = this.edits.indentAt(statement.range[0]);
    return [{ start: statement.range[0], end: statement.range[0], text: `${STOPPED_ON_PURPOSE}.add(${target})${semicolon(this.style)}\n${indent}` }];
  }

  /** The set of classic connections stopped on purpose, declared before the file's first statement. */
  stoppedOnPurposeDeclaration(): TextEdit[] {
    if (this.source.includes(`${STOPPED_ON_PURPOSE} =`)) return [];
    const at = topInsertionPoint(this.source, this.model.program);
    const text = `${blankLineBefore(this.source, at)}// Connections stopped on purpose: their \`${CLASSIC_DISCONNECTED}\` handler must not restart them.\n${constKeyword(this.style)} ${STOPPED_ON_PURPOSE} = new WeakSet()${semicolon(this.style)}\n\n`;
    return [{ start: at, end: at, text }];
  }

  registrationEdit(place: RegistrationPlace, registration: string): TextEdit {
    const indent = this.edits.indentAt(place.statement.range[0]);
    if (place.before) return { start: place.statement.range[0], end: place.statement.range[0], text: `${indentLines(registration, indent).slice(indent.length)}\n${indent}` };
    const at = this.edits.endOfLine(place.statement.range[1]);
    return { start: at, end: at, text: `\n${indentLines(registration, indent)}` };
  }
}
