// Handles the failures of `start()` that `handle-start-errors` reports, with the same analysis
// (core/start-errors.ts), in the way that fits the connection:
// - on a connection that otherwise reconnects (`withAutomaticReconnect`, an `onclose` restart), the
//   start goes through `startWithRetry`, the helper `add-reconnect` writes (codemods/utils/reconnect-writer.ts):
//   automatic reconnect does not cover a failed first start, and a restart that fails once is never
//   tried again. Its `stop()` calls go through `stopConnection`, so that a stop ends the retries;
// - elsewhere the failure is reported where it escapes: `.catch(…)` on the dropped promise (the start,
//   the call of a function that passes its failure on, an immediately invoked async function), or,
//   for an `await` in a callback whose promise nobody reads, a `try … catch` that reports and returns,
//   so that the code after it still runs only once connected. The report goes to the file's own
//   logger where one is in reach (codemods/utils/error-report.ts), else to `console.error`.
// With `retryFirstStarts`, a first start whose failure is handled but never retried is retried too,
// its handler hearing every failed try (`unretriedFirstStarts`, the rule's `requireFirstStartRetry`).
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { API, FileInfo, Transform } from 'jscodeshift';

import type { FunctionNode, Node } from '../core/ast.js';
import { enclosingFunction, outermostWrapper, parentSkippingWrappers, skipWrappers, staticPropertyName, walk } from '../core/ast.js';
import type { SignalRModel } from '../core/model.js';
import type { ReconnectSubject } from '../core/reconnect/analysis.js';
import { PROMISE_METHODS } from '../core/promises.js';
import { reconnectAnalysis } from '../core/reconnect/analysis.js';
import type { EscapedRejection, UnhandledStart } from '../core/start-errors.js';
import { rejectionOutcomes, unhandledStarts, unretriedFirstStarts } from '../core/start-errors.js';
import type { TextEdit } from './utils/edits.js';
import { TextEdits } from './utils/edits.js';
import { errorReporterAt } from './utils/error-report.js';
import { FileHelpers, freeName } from './utils/helpers.js';
import { adHocRetries, Plan, Writer } from './utils/reconnect-writer.js';
import { inlineHelpers } from './utils/shared-helpers.js';
import type { TransformOptions } from './utils/source.js';
import { analyzeFile, preservingLineEnds, reportSkip } from './utils/source.js';
import type { FileStyle } from './utils/style.js';
import { detectStyle, LINE_WIDTH, quoted, semicolon } from './utils/style.js';

export { parser } from './utils/parser.js';

export interface HandleStartErrorsOptions extends TransformOptions {
  /** Also retry first starts whose failure is handled but never retried, on connections that otherwise reconnect. */
  readonly retryFirstStarts?: boolean;
  /** Import the helpers from the project's helpers module, which the CLI writes (`signalr-codemod` sets it). */
  readonly sharedHelpers?: boolean;
}

/** What the added handlers say before the error. */
const FAILURE_MESSAGE = 'Could not start the SignalR connection';
/** Names for the handler's parameter, the first one the file does not use yet. */
const ERROR_NAMES: readonly string[] = ['error', 'err', 'reason'];
/** Promise methods that continue a chain without handling its rejection. */
const PASSING_CHAIN_METHODS: readonly string[] = [PROMISE_METHODS.then, PROMISE_METHODS.finally];

const transform: Transform = preservingLineEnds((file: FileInfo, api: API, options: HandleStartErrorsOptions) => {
  const analyzed = analyzeFile(file, options);
  if (!analyzed?.model.usesSignalR) return undefined;
  const { model, program } = analyzed;
  const unhandled = unhandledStarts(model, file.path);
  const unretried = isOn(options.retryFirstStarts) ? unretriedFirstStarts(model, file.path) : [];
  if (unhandled.length === 0 && unretried.length === 0) return undefined;

  const style = detectStyle(file.source, program, file.path);
  const fixer = new StartFixer(model, file.source, style, new Writer(model, file.source, style, new FileHelpers(file.source, program, style)));
  const skip = (node: Node, reason: string): void => reportSkip(api, file, node, reason);

  const byStart = new Map<TSESTree.CallExpression, UnhandledStart[]>();
  for (const entry of unhandled) byStart.set(entry.start, [...(byStart.get(entry.start) ?? []), entry]);
  for (const [start, entries] of byStart) {
    const subject = entries[0]!.reconnecting;
    let retryReason: string | undefined;
    if (subject) {
      // Retrying replaces the failure with tries that never reject: only where nobody hears it now.
      const heard = rejectionOutcomes(model, start).some((outcome) => outcome.kind !== 'escapes');
      retryReason = heard ? 'part of its failure reaches code that handles it' : fixer.retry(start, subject, [], true);
      if (retryReason === undefined) continue;
    }
    for (const { escape } of entries) {
      const reason = fixer.reportFailure(escape);
      if (reason) skip(escape.call, reason);
      else if (retryReason) skip(start, `reported its failure instead of retrying it: ${retryReason}`);
    }
  }
  for (const { start, connection } of unretried) {
    const subject = fixer.subjectOf(start, file.path);
    const reason = subject ? fixer.retry(start, subject, adHocRetries(start, subject.starts), false) : `cannot find where \`${connection.name}\` is built`;
    if (reason) skip(start, reason);
  }

  const output = fixer.apply();
  // A classic script (no `import`, no `require`) cannot import a module: its helpers go into it.
  const shared = isOn(options.sharedHelpers) && style.language.moduleKind !== 'script';
  return output === undefined || shared ? output : inlineHelpers(output, file.path);
});

export default transform;

/** jscodeshift passes `--flag` as true, `--flag=true` as a string. */
function isOn(value: unknown): boolean {
  return value === true || String(value) === 'true';
}

/** The end of the promise chain `promise` starts: `x.start().then(f)` for `x.start()`; stops at a handler. */
function chainEnd(promise: Node): Node {
  let node = outermostWrapper(promise);
  for (;;) {
    const member = node.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node || member.computed) return node;
    const call = parentSkippingWrappers(member);
    const name = staticPropertyName(member);
    if (call?.type !== AST_NODE_TYPES.CallExpression || skipWrappers(call.callee) !== member || !name || !PASSING_CHAIN_METHODS.includes(name)) return node;
    node = outermostWrapper(call);
  }
}

/** `async (): Promise<void>`, `(): void` or no return type: a bare `return;` type-checks. */
function returnsNothing(fn: FunctionNode): boolean {
  const annotation = fn.returnType?.typeAnnotation;
  if (!annotation) return true;
  if (annotation.type === AST_NODE_TYPES.TSVoidKeyword || annotation.type === AST_NODE_TYPES.TSUndefinedKeyword) return true;
  const argument = annotation.type === AST_NODE_TYPES.TSTypeReference ? annotation.typeArguments?.params[0] : undefined;
  return argument?.type === AST_NODE_TYPES.TSVoidKeyword || argument?.type === AST_NODE_TYPES.TSUndefinedKeyword;
}

/** Every name the file declares, in any scope: the handler's parameter shadows none of them. */
function declaredNames(model: SignalRModel): Set<string> {
  const names = new Set<string>();
  walk(model.program, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier && model.variableOf(node)?.defs.some((def) => def.name === node)) names.add(node.name);
    return undefined;
  });
  return names;
}

class StartFixer {
  /** For layout questions (indentation, line lengths); the edits themselves go through the writer. */
  private readonly edits: TextEdits;
  /** Connections whose `stop()` calls already cancel retries. */
  private readonly cancelling = new Set<ReconnectSubject>();
  private readonly errorName: string;

  constructor(
    private readonly model: SignalRModel,
    private readonly source: string,
    private readonly style: FileStyle,
    private readonly writer: Writer,
  ) {
    this.edits = new TextEdits(source);
    const declared = declaredNames(model);
    this.errorName = ERROR_NAMES.find((name) => !declared.has(name)) ?? freeName(source, ERROR_NAMES[0]!);
  }

  /** The reconnect facts of the connection `start` starts. */
  subjectOf(start: TSESTree.CallExpression, filename: string): ReconnectSubject | undefined {
    return reconnectAnalysis(this.model, filename).subjects.find((subject) => subject.starts.includes(start));
  }

  private commit(...edits: readonly TextEdit[]): void {
    const plan = new Plan();
    plan.edits.push(...edits);
    this.writer.commit(plan);
  }

  /**
   * The start through `startWithRetry`, and the connection's stops through `stopConnection`; a reason
   * when that cannot be done (nothing is changed then).
   */
  retry(start: TSESTree.CallExpression, subject: ReconnectSubject, handRetries: readonly TSESTree.CallExpression[], unheard: boolean): string | undefined {
    const plan = new Plan();
    const edits = this.writer.startRetry(start, plan, handRetries, unheard);
    if (typeof edits === 'string') return edits;
    plan.edits.push(...edits);
    if (!this.cancelling.has(subject)) {
      for (const stop of subject.stops) {
        const cancel = this.writer.stopCancelling(stop, plan);
        if (typeof cancel === 'string') return `a stop on line ${stop.loc.start.line} would not end the retries: ${cancel}`;
        plan.edits.push(...cancel);
      }
    }
    this.writer.commit(plan);
    this.cancelling.add(subject);
    return undefined;
  }

  /** Reports the failure where it escapes; a reason when this cannot be done without changing what runs. */
  reportFailure(escape: EscapedRejection): string | undefined {
    const report = errorReporterAt(this.model, this.source, escape.call);
    if (!report) return '`console` is shadowed here and the file has no logger in reach; handle the failure by hand';
    if (escape.how === 'floating') return this.addCatch(chainEnd(escape.call), report);
    const callback = escape.callback!;
    const holder = outermostWrapper(callback);
    const immediate = parentSkippingWrappers(holder);
    if (immediate?.type === AST_NODE_TYPES.CallExpression && skipWrappers(immediate.callee) === holder) return this.addCatch(immediate, report);
    // The fix goes inside a function: every way its failure leaves must be one nobody hears.
    if (rejectionOutcomes(this.model, escape.call).some((outcome) => outcome.kind !== 'escapes')) {
      return `its failure also reaches code that handles it; handle it where ${this.callerOf(escape)} calls it by hand`;
    }
    const end = chainEnd(escape.call);
    const user = outermostWrapper(end).parent;
    if (user?.type === AST_NODE_TYPES.ReturnStatement || (user?.type === AST_NODE_TYPES.ArrowFunctionExpression && user.body === outermostWrapper(end))) return this.addCatch(end, report);
    if (user?.type !== AST_NODE_TYPES.AwaitExpression) return 'its promise is used in a way this codemod does not follow; handle the failure by hand';
    const statement = outermostWrapper(user).parent;
    if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || statement.parent?.type !== AST_NODE_TYPES.BlockStatement) {
      return 'its `await` is part of a larger statement; wrap it in `try … catch` by hand';
    }
    const fn = enclosingFunction(statement);
    if (fn !== callback) return `the \`await\` is in a function that ${this.callerOf(escape)} does not call directly; handle the failure by hand`;
    const block = statement.parent;
    // Last in the callback: nothing runs after it, so a `.catch` on the awaited promise is all it takes.
    if (block === fn.body && block.body.at(-1) === statement) return this.addCatch(end, report);
    if (!returnsNothing(fn)) return 'the function returns a value, so a failed start cannot simply `return`; handle the failure by hand';
    this.commit(this.tryCatch(statement, report));
    return undefined;
  }

  /** Who calls the callback: `.addEventListener(…)`, or, for one handed over by name, where it gets it. */
  private callerOf(escape: EscapedRejection): string {
    const pass = escape.passedAt;
    return pass ? `${escape.consumer} (given \`${this.source.slice(pass.range[0], pass.range[1])}\` on line ${pass.loc.start.line})` : escape.consumer!;
  }

  apply(): string | undefined {
    return this.writer.apply();
  }

  /**
   * `.catch((error) => report('…', error))` after `promise`: on its own line where the chain has one
   * call a line; past the line width, broken after `=>` (or inside the `function`), as Prettier does.
   */
  private addCatch(promise: Node, report: string): undefined {
    const at = promise.range[1];
    const member = promise.type === AST_NODE_TYPES.CallExpression ? skipWrappers(promise.callee) : undefined;
    const dot = member?.type === AST_NODE_TYPES.MemberExpression ? this.source.lastIndexOf('.', member.property.range[0]) : -1;
    const brokenChain = dot > 0 && /\n[ \t]*$/.test(this.source.slice(0, dot));
    const indent = this.edits.indentAt(brokenChain ? dot : promise.range[0]);
    const prefix = brokenChain ? `\n${indent}` : '';
    const call = `${report}(${quoted(this.style, FAILURE_MESSAGE)}, ${this.errorName})`;
    const semi = semicolon(this.style);
    const head = this.style.language.arrows ? `.catch((${this.errorName}) =>` : `.catch(function (${this.errorName}) {`;
    const oneLine = this.style.language.arrows ? `${head} ${call})` : `${head} ${call}${semi} })`;
    const lineEnd = brokenChain ? indent.length + oneLine.length : this.edits.lineLength(at) + oneLine.length;
    let text = prefix + oneLine;
    if (lineEnd > LINE_WIDTH) {
      const inner = `${indent}${this.style.indent}`;
      text = this.style.language.arrows
        ? `${prefix}${head}\n${inner}${call}${this.style.trailingCommas ? ',' : ''}\n${indent})`
        : `${prefix}${head}\n${inner}${call}${semi}\n${indent}})`;
    }
    this.commit({ start: at, end: at, text });
    return undefined;
  }

  /** `try { <statement> } catch (error) { report('…', error); return; }`: what ran after a failed start before still does not. */
  private tryCatch(statement: TSESTree.ExpressionStatement, report: string): TextEdit {
    const indent = this.edits.indentAt(statement.range[0]);
    const step = this.style.indent;
    const semi = semicolon(this.style);
    const end = this.edits.endOfLine(statement.range[1]);
    const body = this.source.slice(statement.range[0], end).replace(/\n(?=[ \t]*\S)/g, `\n${step}`);
    const lines = [
      'try {',
      `${indent}${step}${body}`,
      `${indent}} catch (${this.errorName}) {`,
      `${indent}${step}${report}(${quoted(this.style, FAILURE_MESSAGE)}, ${this.errorName})${semi}`,
      `${indent}${step}return${semi}`,
      `${indent}}`,
    ];
    return { start: statement.range[0], end, text: lines.join('\n') };
  }
}
