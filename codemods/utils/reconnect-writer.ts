// The text edits behind reconnect logic, shared by the codemods that add it: `add-reconnect`,
// `handle-start-errors` (a retried start) and `rejoin-groups-on-reconnect` (an `onreconnected` rejoin).
// A `Writer` collects a file's edits and the generated helpers they call (codemods/utils/helpers.ts),
// each connection's in a `Plan` that is made all together or not at all, printed in the file's own
// style (codemods/utils/style.ts).
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from '../../core/ast.js';
import { calledMethod, contains, isFunction, outermostWrapper, skipWrappers, staticPropertyName, walk } from '../../core/ast.js';
import type { SignalRModel } from '../../core/model.js';
import { PROMISE_CHAIN_METHODS, PROMISE_METHODS } from '../../core/promises.js';
import type { ReconnectSubject } from '../../core/reconnect/analysis.js';
import { classicRestartDelaySource } from '../../core/reconnect/backoff.js';
import type { ConnectionSession, SessionStep } from '../../core/session.js';
import { BUILDER_METHODS, CLASSIC_DISCONNECTED, CONNECTION_METHODS } from '../../core/signalr.js';
import type { TextEdit } from './edits.js';
import { addChainCall, TextEdits } from './edits.js';
import { failureListener } from './failure-listeners.js';
import { FileHelpers, topLevelCodeEdit } from './helpers.js';
import { RECONNECT_HELPERS } from './reconnect-helpers.js';
import type { FileStyle } from './style.js';
import { LINE_WIDTH, semicolon, topLevelState, topLevelStateNote } from './style.js';

/** The classic client's set of connections stopped on purpose (its `disconnected` fires after those too). */
const STOPPED_ON_PURPOSE = 'stoppedOnPurpose';
/** The parameter of the callback `startWithRetry` hands each try's `start()` promise to. */
const STARTED = 'started';

/** A connection's edits and the helpers they call; made all together or not at all. */
export class Plan {
  readonly edits: TextEdit[] = [];
  readonly helpers = new Set<string>();
}

export function describeStep(step: ConnectionSession['steps'][number]): string {
  return step.kind === 'group-join' ? `the group join \`${step.method}\`` : `the call that sends the connection id (\`${step.method}\`)`;
}

/** Where a close-handler registration goes: after the statement that stores the connection, and under which name. */
export interface RegistrationPlace {
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
export function chainAfter(start: TSESTree.CallExpression): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  let current: Node = start;
  for (;;) {
    const member: Node | undefined = current.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current || member.computed) break;
    const name = staticPropertyName(member);
    const call: Node | undefined = member.parent;
    if (!name || !PROMISE_CHAIN_METHODS.includes(name) || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) break;
    calls.push(call);
    current = call;
  }
  return calls;
}

/** The functions of the chain that handle a rejection: `.catch(f)` gives `f`, `.then(f, g)` gives `g`. */
function rejectionHandlers(chain: readonly TSESTree.CallExpression[]): Node[] {
  return chain.flatMap((call) => {
    const name = staticPropertyName(call.callee as TSESTree.MemberExpression);
    const handler = name === PROMISE_METHODS.catch ? call.arguments[0] : name === PROMISE_METHODS.then ? call.arguments[1] : undefined;
    return handler ? [handler] : [];
  });
}

/** Starts of the same connection inside `start`'s failure handlers: a retry the code wrote by hand. */
export function adHocRetries(start: TSESTree.CallExpression, starts: readonly TSESTree.CallExpression[]): TSESTree.CallExpression[] {
  const handlers = rejectionHandlers(chainAfter(start));
  return starts.filter((other) => other !== start && handlers.some((handler) => handler.range[0] <= other.range[0] && other.range[1] <= handler.range[1]));
}

/** The statement of `fn`'s body that holds `node`, when `fn` has a block body. */
function bodyStatementOf(fn: FunctionNode, node: Node): Node | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  return fn.body.body.find((statement) => statement.range[0] <= node.range[0] && node.range[1] <= statement.range[1]);
}

/** Collects the edits of one file and the helpers they need, then writes them into the source. */
export class Writer {
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
    return this.edits.text(node);
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
   * that may handle it and would no longer hear it. `unheard`: the caller knows (core/start-errors.ts)
   * that nothing hears the failure, wherever it goes.
   */
  startRetry(start: TSESTree.CallExpression, plan: Plan, retries: readonly TSESTree.CallExpression[], unheard = false): TextEdit[] | string {
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
    const edits = this.wrapStart(start, chain, written.at(-1) ?? start, removals, connection, callText, plan, unheard);
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
    if (!onlyRetry || staticPropertyName(call.callee as TSESTree.MemberExpression) !== PROMISE_METHODS.catch) return reason;
    // `.catch(() => setTimeout(…))`: the handler only retried; the chain goes on without it.
    const member = call.callee as TSESTree.MemberExpression;
    const dot = this.source.lastIndexOf('.', member.property.range[0]);
    const from = dot - /\s*$/.exec(this.source.slice(member.object.range[1], dot))![0].length;
    return { edit: { start: from, end: call.range[1], text: '' }, droppedCall: call };
  }

  /** `whole` is the chain as written, before a dropped `.catch`: where its value goes. */
  private wrapStart(
    start: TSESTree.CallExpression,
    chain: readonly TSESTree.CallExpression[],
    whole: Node,
    removals: readonly TextEdit[],
    connection: string,
    callText: string,
    plan: Plan,
    unheard: boolean,
  ): TextEdit[] | string {
    if (rejectionHandlers(chain).length === 0) {
      const reason = unheard ? undefined : failureListener(this.model, whole);
      if (reason) return `the failure of \`${callText}\` reaches ${reason}, which would no longer hear it; retry the start there`;
      return [{ start: start.range[0], end: start.range[1], text: `${this.helper(plan, RECONNECT_HELPERS.startWithRetry)}(${connection})` }];
    }
    const last = outermostWrapper(chain.at(-1)!);
    if (!this.style.language.arrows && usesThis(last)) return `\`${callText}\` is chained on code that uses \`this\`, which a \`function\` wrapper would change`;
    const startWithRetry = this.helper(plan, RECONNECT_HELPERS.startWithRetry);
    // The chain keeps its text, continuing now the promise of each try.
    const started: TextEdit = { start: start.range[0], end: start.range[1], text: STARTED };
    const replaced = [started, ...removals];
    if (this.style.language.arrows) return this.wrapInArrow(last, chain, started, replaced, `${startWithRetry}(${connection}, (${STARTED}) =>`, callText);
    return this.wrapInFunction(last, started, replaced, `${startWithRetry}(${connection}, function (${STARTED}) {`);
  }

  /**
   * `startWithRetry(x, (started) => <chain>)`: `head` goes before the chain `last`, on its line, or with
   * the chain on the next line when the line gets too long or the chain is written one call per line.
   */
  private wrapInArrow(last: Node, chain: readonly TSESTree.CallExpression[], started: TextEdit, replaced: readonly TextEdit[], head: string, callText: string): TextEdit[] {
    const oneLine = last.loc.start.line === last.loc.end.line;
    const width = this.edits.lineLength(last.range[0]) + head.length + 2 - callText.length + STARTED.length;
    const onePerLine = chain.some((call) => this.startsLine(call));
    const breaks = (oneLine && width > LINE_WIDTH) || onePerLine;
    if (!breaks) {
      return [{ start: last.range[0], end: last.range[0], text: `${head} ` }, started, { start: last.range[1], end: last.range[1], text: ')' }];
    }
    // As Prettier breaks a call whose last argument is a long arrow function, or whose body is a
    // chain broken one call per line: the body on the next line, the chain one step further in.
    const indent = this.edits.indentAt(last.range[0]);
    return [
      { start: last.range[0], end: last.range[0], text: `${head}\n${indent}${this.style.indent}` },
      started,
      ...(onePerLine ? this.indentFollowingLines(last, replaced) : []),
      { start: last.range[1], end: last.range[1], text: `${this.style.trailingCommas ? ',' : ''}\n${indent})` },
    ];
  }

  /** `startWithRetry(x, function (started) { return <chain>; })`, the chain's own lines one step further in. */
  private wrapInFunction(last: Node, started: TextEdit, replaced: readonly TextEdit[], head: string): TextEdit[] {
    const indent = this.edits.indentAt(last.range[0]);
    return [
      { start: last.range[0], end: last.range[0], text: `${head}\n${indent}${this.style.indent}return ` },
      started,
      ...this.indentFollowingLines(last, replaced),
      { start: last.range[1], end: last.range[1], text: `${semicolon(this.style)}\n${indent}})` },
    ];
  }

  /** The call's `.method` begins a line: the chain it ends is written one call per line. */
  private startsLine(call: TSESTree.CallExpression): boolean {
    const callee = skipWrappers(call.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && /\n[ \t]*$/.test(this.source.slice(0, this.source.lastIndexOf('.', callee.property.range[0])));
  }

  /**
   * One more indentation step at the start of every line of `node` after its first, except blank
   * lines, lines inside template literals (their text) and lines that other edits replace.
   */
  private indentFollowingLines(node: Node, replaced: readonly TextEdit[]): TextEdit[] {
    // Lines starting in [from, to) are left alone.
    const kept = replaced.map((edit): [number, number] => [edit.start, edit.end]);
    walk(node, (inner) => {
      if (inner.type === AST_NODE_TYPES.TemplateLiteral) kept.push([inner.range[0] + 1, inner.range[1]]);
      return undefined;
    });
    const edits: TextEdit[] = [];
    for (let at = this.source.indexOf('\n', node.range[0]); at >= 0 && at < node.range[1]; at = this.source.indexOf('\n', at + 1)) {
      const lineStart = at + 1;
      if (this.source[lineStart] === '\n' || kept.some(([from, to]) => from <= lineStart && lineStart < to)) continue;
      edits.push({ start: lineStart, end: lineStart, text: this.style.indent });
    }
    return edits;
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
   * `only`: these steps of the session, not all of them.
   */
  sessionRestore(subject: ReconnectSubject, session: ConnectionSession, plan: Plan, only?: readonly SessionStep[]): string | undefined {
    const steps = (only ?? session.steps).filter((step) => step.afterReconnect !== 'yes' && step.afterReconnect !== 'unknown');
    if (steps.length === 0) return undefined;
    const place = this.registrationPlace(subject);
    if (typeof place === 'string') return `${describeStep(steps[0]!)} on line ${steps[0]!.call.loc.start.line} must run again after a reconnect, but ${place.replace('register a restart', 'rejoin')}`;
    const registrations: string[] = [];
    for (const step of steps) {
      // Run on a user's or the server's event: which of those joins ran, and was not undone, only the app knows.
      if (step.trigger) return `${describeStep(step)} on line ${step.call.loc.start.line} runs in a callback of \`${step.trigger}\`, once per event or never; keep the groups it joined and join those again in \`onreconnected\` by hand`;
      const call = this.repeatableCall(step, place);
      if (typeof call !== 'object') return `${describeStep(step)} on line ${step.call.loc.start.line} ${call}; repeat it in \`onreconnected\` by hand`;
      const registration = this.onreconnectedRegistration(place, call.text);
      if (!registrations.includes(registration)) registrations.push(registration);
    }
    plan.edits.push(this.registrationEdit(place, registrations.join('\n')));
    return undefined;
  }

  /** The text of `step`'s call as an `onreconnected` handler at `place` repeats it, or why it cannot. */
  private repeatableCall(step: SessionStep, place: RegistrationPlace): { text: string } | string {
    // The copy would run with the id of the first connection, which a reconnect made stale.
    if (step.idLocal) return `sends the connection id kept in \`${step.idLocal}\` before it, which is the old id after a reconnect`;
    const unknown = this.unknownAt(step.call, place.statement);
    if (unknown) return `must run again after a reconnect, but it uses \`${unknown}\`, which is not known where the connection is built`;
    if (!this.style.language.arrows && usesThis(step.call)) return 'uses `this`, which a `function` handler would change';
    const call = this.text(step.call);
    if (!this.style.language.typescript || !place.connection.includes('.')) return { text: call };
    // Inside a callback TypeScript forgets that `this.connection` was checked: read it with `?.`.
    const receiver = calledMethod(step.call)?.object;
    const others = call.split(place.connection).length - 1;
    if (!receiver || this.text(receiver) !== place.connection || others > 1) return `uses \`${place.connection}\` in a way this codemod cannot repeat in a callback`;
    return { text: `${place.connection}?.${call.slice(place.connection.length + 1)}` };
  }

  /** `connection.onreconnected(() => <call>);`, broken as Prettier breaks a call whose only argument is a long arrow function. */
  private onreconnectedRegistration(place: RegistrationPlace, call: string): string {
    const handler = this.style.language.arrows ? `() => ${call}` : `function () { return ${call}${semicolon(this.style)} }`;
    const registration = `${place.connection}.${CONNECTION_METHODS.onreconnected}(${handler})${semicolon(this.style)}`;
    if (!this.style.language.arrows || this.edits.indentAt(place.statement.range[0]).length + registration.length <= LINE_WIDTH || call.includes('\n')) return registration;
    return `${place.connection}.${CONNECTION_METHODS.onreconnected}(() =>\n${this.style.indent}${call}${this.style.trailingCommas ? ',' : ''}\n)${semicolon(this.style)}`;
  }

  /** A name `call` uses that is declared where `statement` cannot see it (a parameter or local of a callback). */
  private unknownAt(call: Node, statement: Node): string | undefined {
    let unknown: string | undefined;
    walk(call, (node) => {
      if (unknown) return false;
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
    const start = this.style.language.arrows ? `() => ${connection}.${CONNECTION_METHODS.start}()` : `function () { ${connection}.${CONNECTION_METHODS.start}()${semi} }`;
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
    const comment = `// Connections stopped on purpose: their \`${CLASSIC_DISCONNECTED}\` handler must not restart them.${topLevelStateNote(this.style)}`;
    const declaration = `${topLevelState(this.style, STOPPED_ON_PURPOSE, 'new WeakSet()', this.style.language.typescript ? ': WeakSet<object>' : '')}${semicolon(this.style)}`;
    const { at, text } = topLevelCodeEdit(this.source, this.model.program, `${comment}\n${declaration}`);
    return [{ start: at, end: at, text }];
  }

  registrationEdit(place: RegistrationPlace, registration: string): TextEdit {
    return place.before ? this.edits.statementBefore(place.statement, registration) : this.edits.statementAfter(place.statement, registration);
  }
}
