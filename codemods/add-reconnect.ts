// Adds reconnect logic where `require-reconnect` reports its absence (the same analysis,
// core/reconnect.ts):
// - @microsoft/signalr builders get `.withAutomaticReconnect({ nextRetryDelayInMilliseconds })`, a
//   policy that never gives up and waits a random, growing delay (`RECONNECT_BACKOFF`);
// - a first `start()` that nothing retries is wrapped in a local start-with-retry function, since
//   automatic reconnect does not cover a failed first start;
// - @aspnet/signalr connections, and every connection when the `restartOnClose` option is set, get an
//   `onclose` restart after a random delay that skips connections the file stopped on purpose (the
//   `stop()` calls are marked, since `onclose` gets `undefined` after both a stop and a give-up);
// - classic connections get a `disconnected` restart after a random delay, with the same marking.
//
// The rewrite is a set of text insertions into the original source, so every byte it does not touch,
// comments and formatting included, stays as it was.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { API, FileInfo, Transform } from 'jscodeshift';
import { extname } from 'node:path';

import type { Node } from '../core/ast.js';
import { calledMethod, isFunction, outermostWrapper, skipWrappers } from '../core/ast.js';
import type { SignalRModel } from '../core/model.js';
import type { ReconnectSubject } from '../core/reconnect.js';
import {
  backoffDelaySource,
  CLASSIC_DISCONNECTED,
  classicRestartDelaySource,
  isStartRetried,
  MODULES_WITHOUT_AUTOMATIC_RECONNECT,
  reconnectAnalysis,
  reconnectProblem,
  RETRY_COUNT_PROPERTY,
  RETRY_POLICY_METHOD,
} from '../core/reconnect.js';
import { BUILDER_METHODS, CONNECTION_METHODS } from '../core/signalr.js';
// Registers typescript-estree's class members with recast, which otherwise throws on a comment inside a class.
import type { TransformOptions } from './utils/source.js';
import { analyzeFile, preservingLineEnds, reportSkip } from './utils/source.js';

export { parser } from './utils/parser.js';

export interface AddReconnectOptions extends TransformOptions {
  /**
   * Also restart from `onclose` where `withAutomaticReconnect` can give up, and add that restart
   * next to the policy this codemod inserts (`require-reconnect`'s `requireRestartAfterGiveUp`).
   */
  readonly restartOnClose?: boolean;
}

/** Marks everything this codemod writes, so a later run recognises (and reuses) its helpers. */
export const GENERATED_MARKER = 'Added by signalr-codemod add-reconnect';

/** Helper names, before a numeric suffix that avoids clashes with the file's own names. */
export const HELPER_NAMES = {
  startLoops: 'signalRStartLoops',
  startWithRetry: 'startWithRetry',
  stoppedOnPurpose: 'signalRStoppedOnPurpose',
} as const;
type HelperKind = keyof typeof HELPER_NAMES;

/** What `HubConnection.state` is when disconnected: @microsoft/signalr's string enum, @aspnet/signalr's number. */
const DISCONNECTED_STATE = { modern: "'Disconnected'", legacy: '0' } as const;

interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

// Edits are planned on `\n` line ends; preservingLineEnds gives a CRLF file its own back.
const transform: Transform = preservingLineEnds((file: FileInfo, api: API, options: AddReconnectOptions) => {
  const analyzed = analyzeFile(file, options);
  if (!analyzed?.model.usesSignalR) return undefined;
  const { model } = analyzed;
  // jscodeshift passes `--restartOnClose` as true, `--restartOnClose=true` as a string.
  const restartOnClose = options.restartOnClose === true || String(options.restartOnClose) === 'true';
  const subjects = reconnectAnalysis(model, file.path)
    .subjects.map((subject) => ({ subject, problem: reconnectProblem(subject, { requireRestartAfterGiveUp: restartOnClose }) }))
    .filter((entry) => entry.problem !== undefined);
  if (subjects.length === 0) return undefined;

  const writer = new Writer(model, file);
  for (const { subject, problem } of subjects) {
    if (problem === 'give-up-ignored-by-error-check') {
      const handler = subject.closeHandlers.find((registration) => registration.path.restartsOnlyOnError);
      reportSkip(api, file, handler?.call ?? subject.creation, 'its `onclose` handler restarts only when it gets an error; `onclose` gets `undefined` after automatic reconnect gives up, so restart there too unless your code stopped the connection');
      continue;
    }
    const planned = planSubject(writer, subject, problem === 'missing', restartOnClose);
    if (typeof planned === 'string') reportSkip(api, file, subject.creation, planned);
  }
  return writer.apply();
});

export default transform;

/** Plans the edits for one connection; returns why not when it cannot fix it safely. */
function planSubject(writer: Writer, subject: ReconnectSubject, missing: boolean, restartOnClose: boolean): string | undefined {
  if (subject.flavour === 'classic') return planClassic(writer, subject);
  const addPolicy = missing && subject.supportsAutomaticReconnect;
  const addRestart = !subject.supportsAutomaticReconnect || restartOnClose || !missing;
  const disconnectedState = isLegacyClient(subject) ? DISCONNECTED_STATE.legacy : DISCONNECTED_STATE.modern;

  if (addRestart) {
    const restart = planRestart(writer, subject);
    if (typeof restart !== 'string') {
      if (addPolicy) writer.addPolicy(subject);
      writer.add(...restart);
      writer.need('startWithRetry', disconnectedState);
      return undefined;
    }
    if (!addPolicy) return restart;
    // The policy alone is still the fix the default configuration asks for.
    const policyProblem = planPolicy(writer, subject, disconnectedState);
    return `added automatic reconnect, but no onclose restart: ${restart}${policyProblem ? `; ${policyProblem}` : ''}`;
  }
  const policyProblem = planPolicy(writer, subject, disconnectedState);
  return policyProblem && `added automatic reconnect, but ${policyProblem}`;
}

/**
 * An `onclose` restart, with every start going through the helper (which records that the file wants
 * the connection open) and every stop marked; or why it cannot be added.
 */
function planRestart(writer: Writer, subject: ReconnectSubject): TextEdit[] | string {
  const registration = registrationPlace(writer, subject);
  if (typeof registration === 'string') return registration;
  const edits = allOrReason([...subject.starts.map((start) => writer.startWrap(start)), ...subject.stops.map((stop) => writer.stopMark(stop, 'startLoops'))]);
  return typeof edits === 'string' ? edits : [...edits, writer.oncloseRestart(registration)];
}

/** The policy, and a retried first start where nothing retries it yet; what it could not do, if anything. */
function planPolicy(writer: Writer, subject: ReconnectSubject, disconnectedState: string): string | undefined {
  writer.addPolicy(subject);
  // Automatic reconnect does not cover a first start() that fails: retry those, unless the code already does.
  const firstStarts = subject.starts.filter((start) => !isStartRetried(writer.model, start));
  if (firstStarts.length === 0) return undefined;
  const edits = allOrReason([
    ...firstStarts.map((start) => writer.startWrap(start)),
    ...subject.stops.map((stop) => writer.stopMark(stop, 'startLoops')),
  ]);
  if (typeof edits === 'string') return `did not retry the first start(): ${edits}`;
  writer.add(...edits);
  writer.need('startWithRetry', disconnectedState);
  return undefined;
}

function planClassic(writer: Writer, subject: ReconnectSubject): string | undefined {
  const registration = registrationPlace(writer, subject);
  if (typeof registration === 'string') return registration;
  const marks = allOrReason(subject.stops.map((stop) => writer.stopMark(stop, 'stoppedOnPurpose')));
  if (typeof marks === 'string') return marks;
  const checksDeliberateStops = subject.stops.length > 0;
  if (checksDeliberateStops) writer.need('stoppedOnPurpose');
  writer.add(...marks, writer.disconnectedRestart(registration, checksDeliberateStops));
  return undefined;
}

/** Every edit of `plans`, or the reason the first one that cannot be made gives. */
function allOrReason(plans: readonly (TextEdit[] | string)[]): TextEdit[] | string {
  const reason = plans.find((plan): plan is string => typeof plan === 'string');
  return reason ?? plans.flatMap((plan) => (typeof plan === 'string' ? [] : plan));
}

function isLegacyClient(subject: ReconnectSubject): boolean {
  return subject.chain !== undefined && MODULES_WITHOUT_AUTOMATIC_RECONNECT.includes(subject.chain.origin);
}

/** Where a close-handler registration goes: after the statement that stores the connection, and under which name. */
interface RegistrationPlace {
  readonly offset: number;
  /** Goes before the statement at `offset` (the generated hub's first start) instead of after one. */
  readonly before: boolean;
  readonly indent: string;
  readonly connection: string;
}

function registrationPlace(writer: Writer, subject: ReconnectSubject): RegistrationPlace | string {
  const creation = outermostWrapper(subject.creation);
  const holder = creation.parent;
  // `$.connection.hub` has no creation statement: register before its first start.
  if (subject.creation.type === AST_NODE_TYPES.MemberExpression) {
    const start = subject.starts[0];
    const statement = start && statementOf(start);
    if (!start || !statement || !isInStatementList(statement)) return 'cannot find a statement before which to register the restart';
    const method = calledMethod(start)!;
    return { offset: statement.range[0], before: true, indent: writer.indentOf(statement), connection: writer.text(method.object) };
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
  if (holder?.type === AST_NODE_TYPES.PropertyDefinition) {
    return 'the connection is built in a field initializer; register the restart in the constructor';
  }
  if (!target || !statement || !isInStatementList(statement) || !isPlainReference(target)) {
    return 'cannot tell where the connection is stored; register a restart where it is';
  }
  const name = target.type === AST_NODE_TYPES.Identifier ? target.name : writer.text(target);
  return { offset: writer.endOfLine(statement.range[1]), before: false, indent: writer.indentOf(statement), connection: name };
}

/** `connection`, `this.connection`, `connectionRef.current`: names that read the same slot wherever they are written. */
function isPlainReference(node: Node): boolean {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.ThisExpression) return true;
  return target.type === AST_NODE_TYPES.MemberExpression && !target.computed && !target.optional && isPlainReference(target.object);
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

function isInStatementList(statement: Node): boolean {
  return statement.parent !== undefined && isStatementList(statement.parent);
}

/** Collects the edits of one file and the helpers they need, then writes them into the source. */
class Writer {
  private readonly edits: TextEdit[] = [];
  private readonly needed = new Set<HelperKind>();
  private readonly disconnectedStates = new Set<string>();
  private readonly names: Record<HelperKind, string>;
  /** Helpers an earlier run already wrote into this file. */
  private readonly existing = new Set<HelperKind>();
  readonly typescript: boolean;
  private readonly indentUnit: string;

  constructor(
    readonly model: SignalRModel,
    private readonly file: FileInfo,
  ) {
    this.typescript = ['.ts', '.tsx', '.mts', '.cts'].includes(extname(file.path).toLowerCase());
    this.indentUnit = /^(\t| +)\S/m.exec(file.source)?.[1] ?? '  ';
    this.names = this.chooseNames();
  }

  text(node: Node): string {
    return this.file.source.slice(node.range[0], node.range[1]);
  }

  /** The whitespace before the first token on `node`'s line. */
  indentOf(node: Node): string {
    const lineStart = this.file.source.lastIndexOf('\n', node.range[0] - 1) + 1;
    return /^[ \t]*/.exec(this.file.source.slice(lineStart))![0];
  }

  /** `offset`, or past the comment that ends its line (`…build(); // note`): what follows goes on a new line after it. */
  endOfLine(offset: number): number {
    const rest = /^[ \t]*(?:\/\/[^\n]*|\/\*[^\n]*?\*\/[ \t]*)?(?=\n|$)/.exec(this.file.source.slice(offset));
    return rest ? offset + rest[0].length : offset;
  }

  add(...edits: TextEdit[]): void {
    this.edits.push(...edits);
  }

  need(kind: HelperKind, disconnectedState?: string): void {
    this.needed.add(kind);
    if (kind === 'startWithRetry') {
      this.needed.add('startLoops');
      if (disconnectedState) this.disconnectedStates.add(disconnectedState);
    }
  }

  /** `.withAutomaticReconnect({ nextRetryDelayInMilliseconds })` right before `.build()`. */
  addPolicy(subject: ReconnectSubject): void {
    const build = subject.creation as TSESTree.CallExpression;
    const callee = skipWrappers(build.callee) as TSESTree.MemberExpression;
    const dot = this.file.source.lastIndexOf('.', callee.property.range[0]);
    const between = this.file.source.slice(callee.object.range[1], dot);
    const delay = backoffDelaySource(`retryContext.${RETRY_COUNT_PROPERTY}`);
    const policy = `${RETRY_POLICY_METHOD}: (retryContext) => ${delay}`;
    if (between.includes('\n')) {
      const indent = this.indentOf(callee.property);
      const inner = indent + this.indentUnit;
      const text =
        `.${BUILDER_METHODS.withAutomaticReconnect}({\n` +
        `${inner}// ${GENERATED_MARKER}: retries forever, after a random delay that doubles up to a cap.\n` +
        `${inner}${policy},\n` +
        `${indent}})\n${indent}`;
      this.add({ start: dot, end: dot, text });
    } else {
      this.add({ start: dot, end: dot, text: `.${BUILDER_METHODS.withAutomaticReconnect}({ ${policy} })` });
    }
  }

  /** `x.start()` → `startWithRetry(x)`; a reason when that is not safe. */
  startWrap(start: TSESTree.CallExpression): TextEdit[] | string {
    const method = calledMethod(start)!;
    if (start.arguments.length > 0) return `\`${this.text(start)}\` passes start() options`;
    if (start.optional || (skipWrappers(start.callee) as TSESTree.MemberExpression).optional) {
      return `\`${this.text(start)}\` may not run (optional call)`;
    }
    if (!isPlainReference(method.object)) return `\`${this.text(start)}\` is not called on a variable or field`;
    return [{ start: start.range[0], end: start.range[1], text: `${this.names.startWithRetry}(${this.text(method.object)})` }];
  }

  /** Marks a `stop()` as deliberate before it runs; a reason when the stop is not a statement of its own. */
  stopMark(stop: TSESTree.CallExpression, kind: 'startLoops' | 'stoppedOnPurpose'): TextEdit[] | string {
    const method = calledMethod(stop)!;
    if (!isPlainReference(method.object)) return `\`${this.text(stop)}\` is not called on a variable or field`;
    const target = this.text(skipWrappers(method.object));
    const optional = stop.optional || (skipWrappers(stop.callee) as TSESTree.MemberExpression).optional;
    const operation = kind === 'startLoops' ? 'delete' : 'add';
    const mark = optional
      ? `if (${target}) ${this.names[kind]}.${operation}(${target});`
      : `${this.names[kind]}.${operation}(${target});`;
    const place = this.unconditionalPlace(stop);
    if (!place) return `\`${this.text(stop)}\` runs inside a larger expression; mark it as a deliberate stop by hand`;
    if (place.type === AST_NODE_TYPES.ArrowFunctionExpression) {
      const body = place.body;
      return [
        { start: body.range[0], end: body.range[0], text: `{ ${mark} return ` },
        { start: body.range[1], end: body.range[1], text: '; }' },
      ];
    }
    if (isInStatementList(place)) {
      return [{ start: place.range[0], end: place.range[0], text: `${mark}\n${this.indentOf(place)}` }];
    }
    return [
      { start: place.range[0], end: place.range[0], text: `{ ${mark} ` },
      { start: place.range[1], end: place.range[1], text: ' }' },
    ];
  }

  /**
   * The statement (or concise arrow) that always runs `stop` when it runs: the call may sit under
   * `await`, `void`, a `.then/.catch` chain, a `return` or a declaration, but not under a condition.
   */
  private unconditionalPlace(stop: TSESTree.CallExpression): Node | undefined {
    let current: Node = stop;
    for (;;) {
      const parent: Node | undefined = current.parent;
      if (!parent) return undefined;
      if (skipWrappers(parent) !== parent || parent.type === AST_NODE_TYPES.AwaitExpression) {
        current = parent;
        continue;
      }
      if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') {
        current = parent;
        continue;
      }
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current) {
        current = parent;
        continue;
      }
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === current) {
        current = parent;
        continue;
      }
      if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === current) return parent;
      if (parent.type === AST_NODE_TYPES.ExpressionStatement || parent.type === AST_NODE_TYPES.ReturnStatement) return parent;
      if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current) {
        return parent.parent.declarations.length === 1 ? parent.parent : undefined;
      }
      return undefined;
    }
  }

  oncloseRestart(place: RegistrationPlace): TextEdit {
    const connection = place.connection;
    const inner = place.indent + this.indentUnit;
    const registration =
      `${connection}.${CONNECTION_METHODS.onclose}(() => {\n` +
      `${inner}// ${GENERATED_MARKER}: restart after a random delay, unless this file stopped it.\n` +
      `${inner}if (${this.names.startLoops}.has(${connection})) void ${this.names.startWithRetry}(${connection}, 1);\n` +
      `${place.indent}});`;
    return this.registrationEdit(place, registration);
  }

  disconnectedRestart(place: RegistrationPlace, checksDeliberateStops: boolean): TextEdit {
    const connection = place.connection;
    const inner = place.indent + this.indentUnit;
    const guard = checksDeliberateStops ? `${inner}if (${this.names.stoppedOnPurpose}.delete(${connection})) return;\n` : '';
    const registration =
      `${connection}.${CLASSIC_DISCONNECTED}(() => {\n` +
      `${inner}// ${GENERATED_MARKER}: restart after a random delay${checksDeliberateStops ? ', unless this file stopped it' : ''}.\n` +
      guard +
      `${inner}setTimeout(() => ${connection}.start(), ${classicRestartDelaySource()});\n` +
      `${place.indent}});`;
    return this.registrationEdit(place, registration);
  }

  private registrationEdit(place: RegistrationPlace, registration: string): TextEdit {
    const text = place.before ? `${registration}\n${place.indent}` : `\n${place.indent}${registration}`;
    return { start: place.offset, end: place.offset, text };
  }

  /** The new source, or undefined when nothing changed. */
  apply(): string | undefined {
    if (this.edits.length === 0) return undefined;
    const helpers = this.helperEdit();
    const edits = [...this.edits, ...(helpers ? [helpers] : [])].sort((a, b) => b.start - a.start || b.end - a.end);
    let source = this.file.source;
    for (const edit of edits) source = source.slice(0, edit.start) + edit.text + source.slice(edit.end);
    return source === this.file.source ? undefined : source;
  }

  // ---- helpers ----

  private chooseNames(): Record<HelperKind, string> {
    const program = this.model.program;
    const declared = new Map<string, Node>();
    for (const statement of program.body) {
      for (const name of declaredNames(statement)) declared.set(name, statement);
    }
    const names = {} as Record<HelperKind, string>;
    for (const kind of Object.keys(HELPER_NAMES) as HelperKind[]) {
      const base = HELPER_NAMES[kind];
      for (let suffix = 1; ; suffix++) {
        const name = suffix === 1 ? base : `${base}${suffix}`;
        const statement = declared.get(name);
        if (statement && this.isGenerated(statement)) {
          this.existing.add(kind);
          names[kind] = name;
          break;
        }
        // Any mention (even in a comment or string) counts as taken: a clash costs more than a suffix.
        if (!new RegExp(`\\b${name}\\b`).test(this.file.source)) {
          names[kind] = name;
          break;
        }
      }
    }
    return names;
  }

  /** A top-level statement this codemod wrote: its leading comment carries the marker. */
  private isGenerated(statement: Node): boolean {
    const index = this.model.program.body.indexOf(statement as TSESTree.ProgramStatement);
    const previousEnd = index > 0 ? this.model.program.body[index - 1]!.range[1] : 0;
    return this.file.source.slice(previousEnd, statement.range[0]).includes(GENERATED_MARKER);
  }

  private helperEdit(): TextEdit | undefined {
    const missing = [...this.needed].filter((kind) => !this.existing.has(kind));
    if (missing.length === 0) return undefined;
    const blocks = (['startLoops', 'stoppedOnPurpose', 'startWithRetry'] as const)
      .filter((kind) => missing.includes(kind))
      .map((kind) => this.helperSource(kind));
    const program = this.model.program;
    const isModule = program.body.some(
      (statement) =>
        statement.type === AST_NODE_TYPES.ImportDeclaration ||
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
        statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
        statement.type === AST_NODE_TYPES.ExportAllDeclaration,
    );
    const text = blocks.join('\n\n').replace(/^const /gm, isModule || this.typescript ? 'const ' : 'var ');
    const anchor = lastPreamble(program);
    if (anchor) return { start: anchor.range[1], end: anchor.range[1], text: `\n\n${text}` };
    const first = program.body[0];
    if (!first) return undefined;
    // Above the first statement's JSDoc, which belongs to it; below the file's header comment.
    let start = first.range[0];
    for (const comment of [...(program.comments ?? [])].reverse()) {
      if (comment.range[1] > start) continue;
      const isJsDoc = comment.type === 'Block' && comment.value.startsWith('*');
      if (!isJsDoc || !/^[ \t]*(?:\r?\n)?[ \t]*$/.test(this.file.source.slice(comment.range[1], start))) break;
      start = comment.range[0];
    }
    const before = this.file.source.slice(0, start);
    const needsBlankLine = before.trim().length > 0 && !/\n[ \t]*\n[ \t]*$/.test(before);
    return { start, end: start, text: `${needsBlankLine ? '\n' : ''}${text}\n\n` };
  }

  private helperSource(kind: HelperKind): string {
    const ts = this.typescript;
    const i = this.indentUnit;
    const { startLoops, startWithRetry, stoppedOnPurpose } = this.names;
    switch (kind) {
      case 'startLoops':
        return [
          `// ${GENERATED_MARKER}: the connections this file has started and not stopped since,`,
          '// each with the start loop now in charge of it.',
          `const ${startLoops} = new WeakMap${ts ? '<object, object>' : ''}();`,
        ].join('\n');
      case 'stoppedOnPurpose':
        return [
          `// ${GENERATED_MARKER}: connections this file stopped on purpose; \`${CLASSIC_DISCONNECTED}\` fires`,
          '// after those too, and must not restart them.',
          `const ${stoppedOnPurpose} = new WeakSet${ts ? '<object>' : ''}();`,
        ].join('\n');
      case 'startWithRetry': {
        const states = [...this.disconnectedStates].sort();
        const stillDisconnected = (states.length > 0 ? states : [DISCONNECTED_STATE.modern])
          .map((state) => `connection.state !== ${state}`)
          .join(' && ');
        const signature = ts
          ? `async function ${startWithRetry}(connection: { start(): Promise<void>; readonly state: unknown }, previousRetryCount = 0): Promise<void> {`
          : `async function ${startWithRetry}(connection, previousRetryCount = 0) {`;
        return [
          `// ${GENERATED_MARKER}: starts a connection and, while that fails, tries again after a`,
          '// random delay that doubles up to a cap, until it connects, this file stops it, or other code starts it.',
          signature,
          `${i}const loop = {};`,
          `${i}${startLoops}.set(connection, loop);`,
          `${i}for (let retryCount = previousRetryCount; ; retryCount++) {`,
          `${i}${i}if (retryCount > 0) {`,
          `${i}${i}${i}const delay = ${backoffDelaySource('retryCount - 1')};`,
          `${i}${i}${i}await new Promise((resolve) => setTimeout(resolve, delay));`,
          `${i}${i}}`,
          `${i}${i}if (${startLoops}.get(connection) !== loop) return;`,
          `${i}${i}try {`,
          `${i}${i}${i}await connection.start();`,
          `${i}${i}${i}return;`,
          `${i}${i}} catch {`,
          `${i}${i}${i}// Still down: wait and try again. Any other state means other code started it meanwhile.`,
          `${i}${i}${i}if (${stillDisconnected}) return;`,
          `${i}${i}}`,
          `${i}}`,
          '}',
        ].join('\n');
      }
    }
  }
}

/** The names a top-level statement declares (functions, classes, variables). */
function declaredNames(statement: TSESTree.ProgramStatement): string[] {
  const declaration =
    statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
      ? statement.declaration
      : statement;
  if (!declaration) return [];
  if ((declaration.type === AST_NODE_TYPES.FunctionDeclaration || declaration.type === AST_NODE_TYPES.ClassDeclaration) && declaration.id) {
    return [declaration.id.name];
  }
  if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
    return declaration.declarations.flatMap((declarator) => (declarator.id.type === AST_NODE_TYPES.Identifier ? [declarator.id.name] : []));
  }
  return [];
}

/** The last of the statements a module opens with: directives, imports, `require`s. Helpers go after them. */
function lastPreamble(program: TSESTree.Program): Node | undefined {
  let last: Node | undefined;
  for (const statement of program.body) {
    const isDirective = statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined;
    const isImport = statement.type === AST_NODE_TYPES.ImportDeclaration || statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration;
    const isRequire =
      statement.type === AST_NODE_TYPES.VariableDeclaration &&
      statement.declarations.every((declarator) => {
        const init = declarator.init && skipWrappers(declarator.init);
        return init?.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'require';
      });
    if (!isDirective && !isImport && !isRequire) break;
    last = statement;
  }
  return last;
}
