// Moves the handler registrations that `register-handlers-before-start` reports (the same analysis,
// core/registrations.ts) to right before the `start()` they follow, so that what the server sends on
// connect finds its handler. It moves a registration only where the move cannot change what the
// handler sees (core/hoisting.ts): nothing it reads is set after the start, nothing after the start
// could skip it, its arguments run no code of their own, and the start is not retried in a loop
// (registered before it, a new handler would be added on every try). Everything else is left as it
// is and reported with the reason; so are registrations repeated on every restart, which need a
// place outside the restart path that only the author knows.
//
// The rewrite cuts whole lines (the statement with its comments) and puts them, re-indented, before
// the statement that starts the connection; a `.then(…)` left empty by the move goes too. Every other
// byte stays as it was.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { API, FileInfo, Transform } from 'jscodeshift';

import type { Node } from '../core/ast.js';
import { calledMethod, contains, enclosingFunction, isFunction, skipWrappers, walk } from '../core/ast.js';
import { callGraphOf } from '../core/calls.js';
import type { CrossedCode } from '../core/hoisting.js';
import { crossedExit, crossedWrite, loopAround } from '../core/hoisting.js';
import type { SignalRModel } from '../core/model.js';
import { PROMISE_METHODS } from '../core/promises.js';
import type { RegistrationProblem } from '../core/registrations.js';
import { registrationProblems } from '../core/registrations.js';
import { CONNECTION_METHODS } from '../core/signalr.js';
import { TextEdits } from './utils/edits.js';
import type { TransformOptions } from './utils/source.js';
import { analyzeFile, preservingLineEnds, reportSkip } from './utils/source.js';
import type { FileStyle } from './utils/style.js';
import { detectStyle, semicolon } from './utils/style.js';

export { parser } from './utils/parser.js';

type LateProblem = Extract<RegistrationProblem, { kind: 'after-start' }>;

/** What moves: a statement of its own, or the body of an arrow function (`.then(() => connection.on(…))`). */
interface Unit {
  readonly call: TSESTree.CallExpression;
  readonly node: TSESTree.ExpressionStatement | TSESTree.CallExpression;
  readonly event: string | undefined;
}

/** A call left where it is, and why. */
interface Skip {
  readonly node: Node;
  readonly reason: string;
}

/** A skip while planning: the event of a registration that stays, so that no handler of it moves ahead. */
interface PlannedSkip extends Skip {
  readonly event?: string;
}

/** A `.then`/`.finally` callback that the move may leave empty. */
interface Continuation {
  readonly call: TSESTree.CallExpression;
  readonly callback: Node;
}

/** Characters that continue the previous line when a statement without a semicolon precedes them. */
const CONTINUING_LINE = /^[([`+\-/]/;
/** Promise methods whose callback runs after the start resolved, and that can be dropped once empty. */
const CONTINUATION_METHODS: readonly string[] = [PROMISE_METHODS.then, PROMISE_METHODS.finally];

const transform: Transform = preservingLineEnds((file: FileInfo, api: API, options: TransformOptions) => {
  const analyzed = analyzeFile(file, options);
  if (!analyzed?.model.usesSignalR) return undefined;
  const { model, program } = analyzed;
  const problems = registrationProblems(model, file.path);
  if (problems.length === 0) return undefined;
  const style = detectStyle(file.source, program, file.path);
  const mover = new Mover(model, program, new TextEdits(file.source), style);
  const repeated = new Set(problems.flatMap((problem) => (problem.kind === 'every-start' ? [problem.registration.call] : [])));
  for (const problem of problems) {
    if (problem.kind === 'every-start') {
      reportSkip(api, file, problem.node, `it registers a new handler on every (re)start (line ${problem.restart.loc.start.line}), so each message is handled once more after each reconnect: register it once where the connection is built, or \`off\` it first; where that is depends on the code`);
      continue;
    }
    // Found only with the cross-module links of a lint run; the codemods read one file at a time.
    if (problem.kind === 'linked-after-start') continue;
    if (problem.kind === 'deferred') {
      reportSkip(api, file, problem.node, `it waits for a timer (line ${problem.timer.loc.start.line}) while another function starts the connection (line ${problem.start.loc.start.line}); which of the two should change is for you to decide`);
      continue;
    }
    for (const skip of mover.plan(problem, repeated)) reportSkip(api, file, skip.node, skip.reason);
  }
  return mover.edits.apply();
});

export default transform;

class Mover {
  constructor(
    private readonly model: SignalRModel,
    private readonly program: TSESTree.Program,
    readonly edits: TextEdits,
    private readonly style: FileStyle,
  ) {}

  /** Adds the edits that move the calls of `problem` before their start; returns what it leaves, and why. */
  plan(problem: LateProblem, repeated: ReadonlySet<TSESTree.CallExpression>): Skip[] {
    const place = this.placeBeforeStart(problem);
    if (Array.isArray(place)) return place;
    const { anchor, continuation } = place;
    const skips: PlannedSkip[] = [];
    const units: Unit[] = [];
    for (const call of problem.together) {
      const unit = continuation ? unitInCallback(call, continuation.callback) : unitInBlock(call, anchor);
      if (typeof unit === 'string') skips.push({ node: call, reason: unit });
      else units.push(unit);
    }
    const moving = keepingEventOrder(this.withoutHazards(problem, units, anchor, repeated, skips), skips);
    if (moving.length > 0) this.move(moving, anchor, continuation);
    return skips.map(({ node, reason }) => ({ node, reason }));
  }

  /**
   * The statement the calls go before (`anchor`: the one that starts the connection, or whose `.then`
   * callback they are in), or, when there is no such place, a skip for each call.
   */
  private placeBeforeStart(problem: LateProblem): { anchor: Node; continuation: Continuation | undefined } | Skip[] {
    const { after } = problem;
    const startLine = after.start.loc.start.line;
    if (after.how === 'timer') {
      return [{ node: problem.node, reason: `it runs in a timer set after \`start()\` (line ${startLine}); whether it can run before the start instead is for you to decide` }];
    }
    const continuation = after.how === 'continuation' ? continuationOf(after.via) : undefined;
    if (after.how === 'continuation' && !continuation) {
      return [{ node: problem.node, reason: `the \`.then\` callback it is in (line ${after.via.loc.start.line}) is not written in place` }];
    }
    const anchor = continuation ? statementHolding(after.via) : blockSiblingHolding(after.via, problem.together[0]!);
    if (!anchor) {
      const reason =
        after.how === 'continuation'
          ? `the \`start()\` it follows (line ${startLine}) is not a statement of its own, so there is no place right before it`
          : `it is in a block (an \`if\`, a loop, a \`try\`, a callback) that the start it waits for (line ${startLine}) is not in: moved before the start it would run in other cases`;
      return problem.together.map((call) => ({ node: call, reason }));
    }
    if (!this.startsItsLine(anchor)) {
      return problem.together.map((call) => ({ node: call, reason: `the \`start()\` it follows (line ${startLine}) shares its line with other code` }));
    }
    return { anchor, continuation };
  }

  /** The units that can move before `anchor`; each other one goes to `skips`, with why. */
  private withoutHazards(problem: LateProblem, units: readonly Unit[], anchor: Node, repeated: ReadonlySet<TSESTree.CallExpression>, skips: PlannedSkip[]): Unit[] {
    const moved = units.map((unit) => unit.node);
    const fn = enclosingFunction(anchor);
    const movable: Unit[] = [];
    for (const unit of units) {
      const reason = this.hazard(problem, unit, anchor, fn, moved, repeated);
      if (reason) skips.push({ node: unit.call, reason, event: unit.event });
      else movable.push(unit);
    }
    return movable;
  }

  /** Why `unit` cannot move before `anchor`, if it cannot. */
  private hazard(problem: LateProblem, unit: Unit, anchor: Node, fn: Node | undefined, moved: readonly Node[], repeated: ReadonlySet<TSESTree.CallExpression>): string | undefined {
    const { model, edits } = this;
    if (repeated.has(unit.call)) {
      return 'it is also registered again on every (re)start: moved before the start it would still add a handler per start; register it once where the connection is built';
    }
    // The group is the registrations themselves, or one call of a function of this file that registers.
    if (problem.node !== problem.registration.call) {
      const callee = callGraphOf(model).calleeOf(unit.call);
      if (!callee || !onlyRegisters(model, callee)) return `\`${edits.text(unit.call.callee)}\` does more than register handlers, and all of it would run before \`start()\`: move the registrations by hand`;
    } else {
      const code = codeRunBy(unit.call);
      if (code) return `registering it runs \`${edits.text(code).split('\n')[0]}\`, which would then run before \`start()\``;
    }
    const loop = loopAround(anchor, fn ?? this.program);
    if (loop && !declaredIn(problem, loop)) {
      return `the start is retried in a loop (line ${loop.loc.start.line}): moved before it, a handler would be added on every try`;
    }
    if (!this.startsItsLine(unit.node) || !this.endsItsLine(unit.node)) {
      if (unit.node.type === AST_NODE_TYPES.ExpressionStatement) return 'it shares its line with other code';
    }
    const crossed: CrossedCode = { scope: fn ?? this.program, from: anchor.range[0], to: unit.node.range[0], moved };
    const exit = crossedExit(crossed, unit.node);
    if (exit) return `the \`${edits.text(exit).split(/[\s;(]/)[0]}\` on line ${exit.loc.start.line} can skip it: moved before the start, the handler would be registered where it was not before`;
    const write = crossedWrite(model, unit.node, crossed);
    if (write) return `it uses \`${write.name}\`, which is set after \`start()\` (line ${write.write.loc.start.line}): moved before the start, the handler could run before it is set`;
    const text = edits.text(unit.node);
    if (unit.node.type === AST_NODE_TYPES.ExpressionStatement && !text.endsWith(';') && CONTINUING_LINE.test(edits.text(anchor))) {
      return `it has no semicolon, and the statement it would go before starts with \`${edits.text(anchor)[0]}\`, which would continue it`;
    }
    return undefined;
  }

  /** Cuts the units (in source order) and puts them, re-indented, before `anchor`. */
  private move(units: readonly Unit[], anchor: Node, continuation: Continuation | undefined): void {
    const { edits } = this;
    const source = edits.source;
    const { pieces, removals } = this.cut(units, edits.indentAt(anchor.range[0]));
    const emptied = continuation && this.leftEmpty(continuation, units);
    if (emptied) {
      // `start().then(() => {…})` with nothing left in the callback: `start()`.
      const callee = continuation.call.callee as TSESTree.MemberExpression;
      edits.replace(edits.endOfLine(callee.object.range[1]), continuation.call.range[1], '');
    } else {
      for (const [from, to] of removals) edits.replace(from, to, '');
    }
    const text = pieces.join('\n');
    const at = edits.lineStart(this.leadingCommentStart(anchor));
    const setApart = /\n[ \t]*\n/.test(text) || isBlankLine(source, at - 1);
    edits.insert(at, `${text}\n${setApart ? '\n' : ''}`);
  }

  /**
   * The text of each run of adjacent units, re-indented to `target`, and the lines to remove where
   * they stood (with their comments, and a blank line where two would meet).
   */
  private cut(units: readonly Unit[], target: string): { pieces: string[]; removals: [number, number][] } {
    const { edits, style } = this;
    const source = edits.source;
    const pieces: string[] = [];
    const removals: [number, number][] = [];
    for (const run of runsOf(units)) {
      const first = run[0]!;
      const last = run.at(-1)!;
      if (first.node.type === AST_NODE_TYPES.CallExpression) {
        // The body of `.then(() => connection.on(…))`: the statement is the call with a semicolon.
        const text = `${edits.text(first.node)}${semicolon(style)}`;
        pieces.push(target + reindent(text, edits.indentAt(first.node.range[0]), target, templateRanges(first.node, first.node.range[0])).trimStart());
        continue;
      }
      const start = edits.lineStart(this.leadingCommentStart(first.node));
      const end = edits.endOfLine(last.node.range[1]);
      // Each statement from its own indentation: one indented oddly keeps its layout, not its neighbour's.
      const statements = run.map((unit, index) => {
        const from = index === 0 ? start : edits.endOfLine(run[index - 1]!.node.range[1]) + 1;
        const to = edits.endOfLine(unit.node.range[1]);
        return reindent(source.slice(from, to), edits.indentAt(unit.node.range[0]), target, templateRanges(unit.node, from));
      });
      pieces.push(statements.join('\n'));
      removals.push(withBlankLine(source, start, end + 1));
    }
    return { pieces, removals };
  }

  /** Nothing but whitespace is left in the callback once the units are cut out of it. */
  private leftEmpty(continuation: Continuation, units: readonly Unit[]): boolean {
    const { callback, call } = continuation;
    if (!isFunction(callback) || call.arguments.length !== 1) return false;
    if (callback.body.type !== AST_NODE_TYPES.BlockStatement) return units.some((unit) => unit.node === skipWrappers(callback.body));
    const body = callback.body;
    let rest = this.edits.source.slice(body.range[0] + 1, body.range[1] - 1);
    for (const unit of [...units].reverse()) {
      const start = this.leadingCommentStart(unit.node) - body.range[0] - 1;
      rest = rest.slice(0, start) + rest.slice(this.edits.endOfLine(unit.node.range[1]) - body.range[0] - 1);
    }
    return rest.trim() === '';
  }

  private startsItsLine(node: Node): boolean {
    const start = this.leadingCommentStart(node);
    return this.edits.source.slice(this.edits.lineStart(start), start).trim() === '';
  }

  private endsItsLine(node: Node): boolean {
    const end = this.edits.endOfLine(node.range[1]);
    return end === this.edits.source.length || this.edits.source[end] === '\n';
  }

  /** Where the comments on the lines right above `node` start (or `node`, without them). */
  private leadingCommentStart(node: Node): number {
    const source = this.edits.source;
    let start = node.range[0];
    for (;;) {
      const lineStart = this.edits.lineStart(start);
      if (source.slice(lineStart, start).trim() !== '') return start;
      const comment = this.program.comments?.find((candidate) => candidate.range[1] < lineStart && /^[ \t]*\n$/.test(source.slice(candidate.range[1], lineStart)));
      if (!comment || source.slice(this.edits.lineStart(comment.range[0]), comment.range[0]).trim() !== '') return start;
      start = comment.range[0];
    }
  }
}

/** Handlers of one event run in the order they were registered: none of an event moves if one stays. */
function keepingEventOrder(movable: readonly Unit[], skips: PlannedSkip[]): Unit[] {
  return movable.filter((unit) => {
    const stays = skips.find((skip) => skip.event !== undefined && skip.event === unit.event);
    if (stays) skips.push({ node: unit.call, reason: `another \`${unit.event}\` handler registered with it (line ${stays.node.loc.start.line}) cannot move, and handlers of one event run in the order they were registered` });
    return !stays;
  });
}

/** Ranges (relative to `offset`) of the template literals spanning lines in `node`: their lines keep their indentation. */
function templateRanges(node: Node, offset: number): [number, number][] {
  const ranges: [number, number][] = [];
  walk(node, (inner) => {
    if (inner.type === AST_NODE_TYPES.TemplateLiteral && inner.loc.start.line !== inner.loc.end.line) ranges.push([inner.range[0] - offset, inner.range[1] - offset]);
    return undefined;
  });
  return ranges;
}

/** The `.then(callback)`/`.finally(callback)` call `via` and its callback. */
function continuationOf(via: Node): Continuation | undefined {
  if (via.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const method = calledMethod(via);
  const callback = via.arguments[0] && skipWrappers(via.arguments[0]);
  return method && CONTINUATION_METHODS.includes(method.name) && callback ? { call: via, callback } : undefined;
}

/** The statement `expression` is part of, when nothing but expressions lie between them (no function, no branch). */
function statementHolding(expression: Node): Node | undefined {
  let current = expression;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.ExpressionStatement:
      case AST_NODE_TYPES.ReturnStatement:
        return isStatementList(parent.parent) ? parent : undefined;
      case AST_NODE_TYPES.VariableDeclarator: {
        const declaration = parent.parent;
        if (declaration.declarations[0] !== parent) return undefined;
        // `export const ready = connection.start().then(…)`: the export is the statement.
        const statement = declaration.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? declaration.parent : declaration;
        return isStatementList(statement.parent) ? statement : undefined;
      }
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.UnaryExpression:
        if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== current) return undefined;
        break;
      default:
        return undefined;
    }
  }
  return undefined;
}

/** The statement holding `via` in the statement list that holds `call`'s statement. */
function blockSiblingHolding(via: Node, call: TSESTree.CallExpression): Node | undefined {
  const list = call.parent?.type === AST_NODE_TYPES.ExpressionStatement ? call.parent.parent : undefined;
  if (!list || !isStatementList(list)) return undefined;
  for (let current: Node | undefined = via; current; current = current.parent) {
    if (current.parent === list) return current;
    if (isFunction(current)) return undefined;
  }
  return undefined;
}

function isStatementList(node: Node | undefined): node is TSESTree.BlockStatement | TSESTree.Program {
  return node?.type === AST_NODE_TYPES.BlockStatement || node?.type === AST_NODE_TYPES.Program;
}

/** The unit that moves `call` out of the `.then` callback, or why it cannot. */
function unitInCallback(call: TSESTree.CallExpression, callback: Node): Unit | string {
  const event = eventOf(call);
  if (isFunction(callback) && callback.body.type !== AST_NODE_TYPES.BlockStatement) {
    return skipWrappers(callback.body) === call ? { call, node: call, event } : 'it is part of a larger expression in the `.then` callback';
  }
  const statement = call.parent;
  if (isFunction(callback) && statement?.type === AST_NODE_TYPES.ExpressionStatement && statement.parent === callback.body) return { call, node: statement, event };
  return 'it is inside a block (an `if`, a loop, a `try`) of the `.then` callback: moved before the start it would run in other cases';
}

/** The unit that moves `call`'s statement within the block that holds `anchor`, or why it cannot. */
function unitInBlock(call: TSESTree.CallExpression, anchor: Node): Unit | string {
  const statement = call.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || statement.parent !== anchor.parent) {
    return `it is in a block (an \`if\`, a loop, a \`try\`) that the start it waits for (line ${anchor.loc.start.line}) is not in: moved before the start it would run in other cases`;
  }
  return { call, node: statement, event: eventOf(call) };
}

function eventOf(call: TSESTree.CallExpression): string | undefined {
  const [name] = call.arguments;
  return name?.type === AST_NODE_TYPES.Literal && typeof name.value === 'string' ? name.value : undefined;
}

/**
 * Code that registering `call` runs besides the registration: a call in its arguments outside the
 * functions they define (`createHandler(store)`), other than `fn.bind(…)`; or an `await`.
 */
function codeRunBy(call: TSESTree.CallExpression): Node | undefined {
  let found: Node | undefined;
  for (const argument of call.arguments) {
    walk(argument, (node) => {
      if (found || isFunction(node)) return false;
      if (node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression) found = node;
      if (node.type === AST_NODE_TYPES.CallExpression && calledMethod(node)?.name !== 'bind') found = node;
      if (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.TaggedTemplateExpression) found = node;
      return undefined;
    });
  }
  return found;
}

/** Every statement of `fn` registers or removes a handler on a connection. */
function onlyRegisters(model: SignalRModel, fn: Node): boolean {
  if (!isFunction(fn) || fn.body.type !== AST_NODE_TYPES.BlockStatement || fn.body.body.length === 0) return false;
  return fn.body.body.every((statement) => {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.CallExpression) return false;
    const call = statement.expression;
    return (model.connectionCall(call, CONNECTION_METHODS.on) ?? model.connectionCall(call, CONNECTION_METHODS.off)) !== undefined && !codeRunBy(call);
  });
}

/** The connection of `problem` is declared inside `loop`: each turn registers on a connection of its own. */
function declaredIn(problem: LateProblem, loop: Node): boolean {
  const def = problem.registration.connection.variable?.defs[0];
  return def !== undefined && contains(loop, def.name);
}

/** Units that are next to each other in one statement list, in runs. */
function runsOf(units: readonly Unit[]): Unit[][] {
  const runs: Unit[][] = [];
  for (const unit of units) {
    const previous = runs.at(-1)?.at(-1);
    if (previous && unit.node.type === AST_NODE_TYPES.ExpressionStatement && previous.node.type === AST_NODE_TYPES.ExpressionStatement && nextStatement(previous.node) === unit.node) {
      runs.at(-1)!.push(unit);
    } else {
      runs.push([unit]);
    }
  }
  return runs;
}

function nextStatement(statement: TSESTree.ExpressionStatement): Node | undefined {
  const list = statement.parent;
  if (!isStatementList(list)) return undefined;
  const body: readonly Node[] = list.body;
  return body[body.indexOf(statement) + 1];
}

/**
 * `text`'s lines moved from indentation `from` to `to`, except lines that start inside a template
 * literal. A line indented less than `from` (a closing bracket out of line) gets `to`.
 */
function reindent(text: string, from: string, to: string, templates: readonly [number, number][]): string {
  let offset = 0;
  return text
    .split('\n')
    .map((line) => {
      const lineOffset = offset;
      offset += line.length + 1;
      if (templates.some(([start, end]) => start < lineOffset && lineOffset < end)) return line;
      if (line.trim() === '') return '';
      const leading = /^[ \t]*/.exec(line)![0];
      return leading.startsWith(from) ? to + line.slice(from.length) : to + line.slice(leading.length);
    })
    .join('\n');
}

/** The lines [start, end) to cut, with one blank line next to them where two would otherwise meet or a block would start or end with one. */
function withBlankLine(source: string, start: number, end: number): [number, number] {
  const blankBefore = isBlankLine(source, start - 1);
  const nextLineEnd = source.indexOf('\n', end);
  const nextLine = source.slice(end, nextLineEnd < 0 ? source.length : nextLineEnd);
  const blankAfter = nextLine.trim() === '';
  if (blankBefore && (blankAfter || /^\s*[})\]]/.test(nextLine))) return [source.lastIndexOf('\n', start - 2) + 1, end];
  const previousLine = source.slice(source.lastIndexOf('\n', start - 2) + 1, start);
  if (blankAfter && nextLineEnd >= 0 && /[{([]\s*$/.test(previousLine)) return [start, nextLineEnd + 1];
  return [start, end];
}

/** The line that ends at `newline` (the offset of its `\n`) holds only whitespace. */
function isBlankLine(source: string, newline: number): boolean {
  if (newline < 0 || source[newline] !== '\n') return false;
  return source.slice(source.lastIndexOf('\n', newline - 1) + 1, newline).trim() === '';
}
