// Stops the connections that `require-stop` reports (the same analysis, core/unstopped.ts), in the
// place their owner runs on its way out:
//   - a function: the code after the connection's creation goes into `try { … } finally { stop }`;
//   - a React effect: a cleanup that stops it, merged into the cleanups the effect already returns;
//   - an Angular component: `ngOnDestroy` (with `implements OnDestroy` and its import);
//   - a Vue component: `onUnmounted` in `setup`, or the `beforeUnmount` option.
// A rewrite that could change what the code does (a connection meant to outlive its function, an
// effect that keeps its connection across StrictMode remounts on purpose, a connection out of the
// owner's reach) is not made: the file is left as it is and the reason reported.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { API, FileInfo, Transform } from 'jscodeshift';

import type { FunctionNode, Node } from '../core/ast.js';
import { contains, isFunction, skipWrappers, walk } from '../core/ast.js';
import { localFunctionOf, memberFunction } from '../core/functions.js';
import type { SignalRModel } from '../core/model.js';
import { ANGULAR_DESTROY_INTERFACE, ANGULAR_DESTROY_METHOD } from '../core/owners/angular.js';
import type { BoundedOwner } from '../core/owners/index.js';
import { REACT_UNMOUNT_METHOD } from '../core/owners/react-class.js';
import { refGuardOf } from '../core/owners/react-effect.js';
import { isComponentHeld } from '../core/owners/react-hooks.js';
import { VUE_UNMOUNT_HOOKS, VUE_UNMOUNT_OPTIONS, vueMajorVersion } from '../core/owners/vue.js';
import { CONNECTION_METHODS, SYNCHRONOUS_STOP_FLAVOURS } from '../core/signalr.js';
import type { UnstoppedConnection } from '../core/unstopped.js';
import { unstoppedConnections } from '../core/unstopped.js';
import { mayOpenWebPubSubSocket, webPubSubSockets } from '../core/web-pubsub-socket.js';
import { DEFAULT_SETTINGS } from '../core/settings.js';
// Angular components carry class members and `implements` clauses that recast must learn first.
import { hoistToModuleSingleton } from './utils/hoist-singleton.js';
import type { AnalyzedFile, ParsedFile, TransformOptions } from './utils/source.js';
import { analyzeFile, parseFile, preservingLineEnds, recastOptions, reportSkip } from './utils/source.js';
import { TextEdits } from './utils/edits.js';
import { parserFor } from './utils/parser.js';
import type { FileStyle } from './utils/style.js';
import { detectStyle, indentBlock } from './utils/style.js';

export { parser } from './utils/parser.js';

const ANGULAR_MODULE = '@angular/core';
const VUE_MODULE = 'vue';
/** What the codemod adds to Vue components: the Vue 3 names, or `beforeDestroy` where the file shows Vue 2 (an existing hook is reused). */
const VUE_UNMOUNT_HOOK = 'onUnmounted';
const VUE_UNMOUNT_OPTION = 'beforeUnmount';
const VUE_2_UNMOUNT_OPTION = 'beforeDestroy';

interface Context {
  readonly parsed: ParsedFile;
  readonly file: FileInfo;
  readonly api: API;
  /** Code added as text is indented with the file's own step (recast keeps a parsed snippet's indentation). */
  readonly style: FileStyle;
}

/** Done, or why not (reported at `node`). */
type Outcome = { readonly done: true } | { readonly done: false; readonly node: Node; readonly reason: string };

const DONE: Outcome = { done: true };

const transform: Transform = preservingLineEnds((original: FileInfo, api: API, options: TransformOptions) => {
  let first = analyzeFile(original, options);
  if (!first) return undefined;
  if (mayOpenWebPubSubSocket(original.source, options.signalrSettings ?? DEFAULT_SETTINGS)) {
    for (const socket of webPubSubSockets(first.model).unclosedInEffects) {
      reportSkip(api, original, socket.creation, 'a raw Web PubSub socket opened in an effect: close it in the cleanup the effect returns (`return () => socket.close();`); this codemod writes stops for connections, not sockets');
    }
  }
  if (unstoppedConnections(first.model, original.path).length === 0) return undefined;
  // Pass 0, as text: statements that share a line with ones a `try` will take each get a line of their
  // own, since recast would run them together when it moves them.
  const split = splitSharedLines(first, original.source, original.path);
  const file = split === undefined ? original : { ...original, source: split };
  if (split !== undefined) first = analyzeFile(file, options)!;
  // Pass 1, as text: methods added to classes and option objects. recast would reprint the whole
  // object literal (a blank line after every multi-line property) to add one.
  const inserted = insertComponentHooks(first, file);
  const current = inserted === undefined ? file : { ...file, source: inserted };
  const parsed = parseFile(current, api, options);
  if (!parsed) return inserted;
  const style = detectStyle(current.source, parsed.program, file.path);
  // Pass 2, through recast: everything else, including what pass 1 could not do (reported here).
  const context: Context = { parsed, file: current, api, style };
  let changed = false;
  // Last created first: wrapping a later connection's code in `try` leaves in place the statement
  // that creates an earlier one, whose `try` then takes the first `try` along (nested blocks).
  const byCreation = [...unstoppedConnections(parsed.model, file.path)].sort((a, b) => firstCreation(b) - firstCreation(a));
  for (const finding of byCreation) {
    const outcome = dispose(context, finding);
    if (outcome.done) changed = true;
    else reportSkip(api, current, outcome.node, outcome.reason);
  }
  if (!changed) return inserted ?? split;
  const printed = parsed.root.toSource(printOptions(style));
  return style.indent === '\t' ? retab(printed, file.path) : printed;
});

/** For every connection a `try` may take, the statements of its block from its creation on, one a line. */
function splitSharedLines(analyzed: AnalyzedFile, source: string, path: string): string | undefined {
  const edits = new TextEdits(source);
  const done = new Set<Node>();
  for (const finding of unstoppedConnections(analyzed.model, path)) {
    if (finding.owner.kind !== 'function' && finding.owner.kind !== 'handler') continue;
    const holder = localHolder(finding, finding.owner.node);
    const anchor = holder && creationStatement(finding, holder, finding.owner.node);
    if (!anchor) continue;
    const statements = anchor.block.body.slice(anchor.block.body.indexOf(anchor.statement));
    for (let index = 1; index < statements.length; index++) {
      const statement = statements[index]!;
      const previous = statements[index - 1]!;
      if (done.has(statement) || statement.loc.start.line !== previous.loc.end.line) continue;
      done.add(statement);
      edits.replace(previous.range[1], statement.range[0], `\n${edits.indentAt(previous.range[0])}`);
    }
  }
  return edits.apply();
}

/**
 * recast indents what it moves with spaces where the file had tabs, lines it reuses included: back
 * to tabs at the start of every line, except inside multi-line template literals (their text).
 */
function retab(text: string, path: string): string {
  const keep = new Set<number>();
  walk(parserFor(path).parse(text), (node) => {
    if (node.type === AST_NODE_TYPES.TemplateLiteral) for (let line = node.loc.start.line + 1; line <= node.loc.end.line; line++) keep.add(line);
  });
  return text
    .split('\n')
    .map((line, index) => {
      if (keep.has(index + 1)) return line;
      const leading = /^[ \t]*/.exec(line)![0];
      const columns = [...leading].reduce((width, char) => (char === '\t' ? width + 4 - (width % 4) : width + 1), 0);
      return '\t'.repeat(Math.floor(columns / 4)) + ' '.repeat(columns % 4) + line.slice(leading.length);
    })
    .join('\n');
}

export default transform;

/** recast prints moved code with the file's own indentation: tabs stay tabs. */
function printOptions(style: FileStyle): { useTabs: boolean; tabWidth: number; quote: 'single' | 'double' } {
  return { ...recastOptions(style.indent), quote: style.quote === '"' ? 'double' : 'single' };
}

function firstCreation(finding: UnstoppedConnection): number {
  return Math.min(...[...finding.flow.creations].map((creation) => creation.range[0]));
}

/** Every owner kind has one place here that decides how its connections are stopped. */
function dispose(context: Context, finding: UnstoppedConnection): Outcome {
  const { owner } = finding;
  switch (owner.kind) {
    case 'function':
      return stopInFinally(context, finding, owner.node);
    case 'handler': {
      // A connection per invocation: sharing one module-level connection across invocations ends the
      // per-invocation cost too; when the invocation shapes the connection, stop it in `finally` and say why.
      const creation = [...finding.flow.creations][0];
      const shared = creation && hoistToModuleSingleton(context.parsed, context.file, creation, owner.handler.fn);
      if (shared?.hoisted) return DONE;
      const stopped = stopInFinally(context, finding, owner.node);
      if (stopped.done && shared) {
        reportSkip(context.api, context.file, shared.node, `not shared at module level: ${shared.reason}; stopped in \`finally\` instead`);
      }
      return stopped;
    }
    case 'react-effect':
      return finding.problem === 'stale-cleanup' ? freshenStaleCleanup(context, finding, owner) : stopInEffectCleanup(context, finding, owner);
    case 'react-class-component':
    case 'angular-component':
    case 'vue-component': {
      // Pass 1 has added every hook it could; what is left here cannot be fixed.
      const setup = owner.kind === 'vue-component' ? setupHolder(finding, owner) : undefined;
      if (setup) return stopInSetup(context, finding, setup.setup, setup.holder);
      const plan = componentHookPlan(context.parsed.model, finding);
      return 'reason' in plan ? skip(plan.node, plan.reason) : skip(finding.start, 'the component\'s destroy hook could not be extended');
    }
  }
}

// ---- functions ----

/** `try { …everything after the creation… } finally { await connection.stop(); }`. */
function stopInFinally(context: Context, finding: UnstoppedConnection, fn: FunctionNode): Outcome {
  const { parsed } = context;
  const holder = localHolder(finding, fn);
  if (!holder) return skip(finding.start, 'the connection is not held in a variable of this function, so a `finally` block could not reach it');
  const anchor = creationStatement(finding, holder, fn);
  if (!anchor) return skip(finding.start, 'the connection is not created by a statement of this function\'s own blocks');
  const { statement, block } = anchor;
  const kept = outlivingSlot(finding, fn);
  if (kept) return skip(finding.start, `the connection is also kept in \`${kept}\`, which outlives the function: stopping it in \`finally\` would close it for the code that uses it there. Stop it where that is cleared`);
  const moved = block.body.slice(block.body.indexOf(statement) + 1);
  if (!moved.some((node) => holds(node, finding.start))) {
    return skip(finding.start, 'the connection is started outside the block that creates it');
  }
  if (!usedAfterStart(parsed, fn, finding, holder, moved)) {
    return skip(
      finding.start,
      fn.async
        ? 'nothing in the function uses the connection after `start()`: it is meant to outlive the call. Return it (or a function that stops it) so that the caller can stop it'
        : 'the function leaves its work to callbacks that run after it returns; stopping the connection in `finally` would close it before they run. Return it (or a function that stops it) so that the caller can stop it',
    );
  }
  const hoisted = moved.find((node) => node.type === AST_NODE_TYPES.FunctionDeclaration && isUsedBefore(parsed, node, statement));
  if (hoisted) return skip(hoisted, 'a function declared after the connection is used before it; moving it into a `try` block would hide it');

  const removable = new Set(finding.successPathStops.map((stop) => statementOfCall(stop)).filter((stop) => stop !== undefined && moved.includes(stop) && !hasComments(stop)));
  const keep = moved.filter((node) => !removable.has(node));
  const stop = SYNCHRONOUS_STOP_FLAVOURS.includes(finding.connection.flavour) ? `${holder.name}.stop();` : fn.async ? `await ${holder.name}.stop();` : `void ${holder.name}.stop();`;
  const { j } = parsed;
  for (const node of keep) keepTemplateTextIndentation(node);
  const tryStatement = j.tryStatement(j.blockStatement(keep as never[]), null, j.blockStatement([parseStatement(parsed, stop) as never]));
  // Standing where the moved statements stood, the `try` keeps the blank lines (or none) around them;
  // recast's own choice is a blank line before and after. Code that shares the creation's line would
  // run into it, so it gets recast's choice.
  const first = moved[0]!;
  const last = moved.at(-1)!;
  if (first.loc && last.loc && first.loc.start.line > statement.loc.end.line) {
    (tryStatement as { loc?: unknown }).loc = { ...first.loc, start: first.loc.start, end: last.loc.end };
  }
  block.body.splice(block.body.indexOf(statement) + 1, moved.length, tryStatement as unknown as TSESTree.Statement);
  return DONE;
}

/**
 * Moving code into a block indents it, and recast indents reused source line by line, inside
 * multi-line template literals too, which would change their text. A template literal recast prints
 * itself keeps its lines as they are: replacing each (and its text parts) with a copy whose
 * `original` is null, recast's "reprint this node", makes it do that.
 */
function keepTemplateTextIndentation(root: Node): void {
  walk(root, (node) => {
    if (node.type !== AST_NODE_TYPES.TemplateLiteral || !node.loc || node.loc.start.line === node.loc.end.line || !node.parent) return undefined;
    const parent = node.parent as unknown as Record<string, unknown>;
    // The template's own text too: reused, it would come back dedented by the statement's indentation.
    const copy = { ...node, original: null, quasis: node.quasis.map((quasi) => ({ ...quasi, original: null })) };
    for (const [key, value] of Object.entries(parent)) {
      if (key === 'parent') continue;
      if (value === node) parent[key] = copy;
      else if (Array.isArray(value) && value.includes(node)) value[value.indexOf(node)] = copy;
    }
    return undefined;
  });
}

/** `root` is `node` or contains it (by identity: code this run created has no range). */
function holds(root: Node, node: Node): boolean {
  let found = false;
  walk(root, (inner) => {
    if (found) return false;
    if (inner === node) found = true;
    return undefined;
  });
  return found;
}

/** How the code names a place outside `fn` that also holds the connection (a ref, a field, an outer variable), if any. */
function outlivingSlot(finding: UnstoppedConnection, fn: FunctionNode): string | undefined {
  for (const slot of finding.flow.slots) {
    if (slot.kind === 'ref') return `${slot.variable.name}.current`;
    if (slot.kind === 'field') return `this.${slot.property}`;
    if (slot.kind === 'global') return 'a global';
    if (!slot.borrowed && !contains(fn, slot.variable.scope.block)) return slot.variable.name;
  }
  return undefined;
}

/** The variable of `fn` that holds the connection. */
function localHolder(finding: UnstoppedConnection, fn: FunctionNode): Variable | undefined {
  for (const slot of finding.flow.slots) {
    if (slot.kind === 'variable' && !slot.borrowed && slot.variable.scope.variableScope.block === fn) return slot.variable;
  }
  return undefined;
}

/** The statement (directly in a block of `fn`) that first stores a creation of the connection in `holder`. */
function creationStatement(finding: UnstoppedConnection, holder: Variable, fn: FunctionNode): { statement: TSESTree.Statement; block: TSESTree.BlockStatement } | undefined {
  const writes = holder.references
    .filter((reference) => reference.isWrite() && reference.writeExpr && finding.flow.creations.has(skipWrappers(reference.writeExpr)))
    .map((reference) => reference.identifier)
    .sort((a, b) => a.range[0] - b.range[0]);
  const first = writes[0];
  if (!first) return undefined;
  let current: Node = first;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.BlockStatement) {
    if (isFunction(current.parent)) return undefined;
    current = current.parent;
  }
  const block = current.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement || !isOwnBlock(block, fn)) return undefined;
  return { statement: current as TSESTree.Statement, block };
}

function isOwnBlock(block: TSESTree.BlockStatement, fn: FunctionNode): boolean {
  for (let current: Node | undefined = block; current; current = current.parent) {
    if (current === fn) return true;
    if (isFunction(current)) return false;
  }
  return false;
}

/**
 * The function does work with the connection after `start()` before it returns: it uses the holder
 * outside callbacks, or (async) awaits something after it. Otherwise the connection is meant to live
 * on, and a `finally` would close it as soon as it opens.
 */
function usedAfterStart(parsed: ParsedFile, fn: FunctionNode, finding: UnstoppedConnection, holder: Variable, moved: readonly Node[]): boolean {
  const after = finding.start.range[1];
  let used = false;
  for (const statement of moved) {
    walk(statement, (node) => {
      if (used || isFunction(node)) return false;
      // Code this run has created (an inner connection's `try`) has no range, and comes later.
      const [start, end] = node.range ?? [Infinity, Infinity];
      if (end <= after) return false;
      if (fn.async && node.type === AST_NODE_TYPES.AwaitExpression) used = true;
      if (node.type === AST_NODE_TYPES.Identifier && start >= after && parsed.model.variableOf(node) === holder) used = true;
      return undefined;
    });
  }
  return used;
}

/** A function declaration whose name is used before `statement` (hoisting makes that legal). */
function isUsedBefore(parsed: ParsedFile, declaration: Node, statement: Node): boolean {
  if (declaration.type !== AST_NODE_TYPES.FunctionDeclaration || !declaration.id) return false;
  const variable = parsed.model.variableOf(declaration.id);
  return variable?.references.some((reference) => reference.identifier.range[0] < statement.range[1]) ?? false;
}

function statementOfCall(call: TSESTree.CallExpression): TSESTree.Statement | undefined {
  let current: Node = call;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.ExpressionStatement) {
    const parent: Node = current.parent;
    const passesThrough =
      parent.type === AST_NODE_TYPES.AwaitExpression ||
      (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      skipWrappers(parent) !== parent;
    if (!passesThrough) return undefined;
    current = parent;
  }
  return current.parent?.type === AST_NODE_TYPES.ExpressionStatement ? current.parent : undefined;
}

// ---- React effects ----

/** `return () => { void connection.stop(); };`, or the stop added to the cleanups the effect returns. */
function stopInEffectCleanup(context: Context, finding: UnstoppedConnection, owner: Extract<BoundedOwner, { kind: 'react-effect' }>): Outcome {
  const { parsed, style } = context;
  const callback = owner.node;
  if (callback.async) return skip(callback, 'an async effect callback returns a promise, which React does not run as a cleanup');
  if (callback.body.type !== AST_NODE_TYPES.BlockStatement) return skip(callback, 'the effect callback has no block body to return a cleanup from');
  const guard = refGuardOf(parsed.model, callback);
  if (guard) {
    return skip(
      guard,
      'the effect keeps its connection across React StrictMode remounts on purpose (a ref guard); a cleanup that stops it would leave the remounted component without one. Stop it where the component really goes away',
    );
  }
  const target = effectStopTarget(parsed.model, finding, callback);
  if (!target) return skip(finding.start, 'the connection is held inside a nested function of the effect, out of reach of its cleanup; declare it in the effect itself');
  const stop = stopStatementText(finding, target.expression, target.mayBeAbsent);

  const body = callback.body;
  const returns: TSESTree.ReturnStatement[] = [];
  walk(body, (node) => {
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement && (node.range?.[0] ?? Infinity) > target.after) returns.push(node);
    return undefined;
  });
  for (const returned of returns) {
    const outcome = addToCleanup(parsed, style, returned, stop);
    if (!outcome.done) return outcome;
  }
  if (body.body.at(-1)?.type !== AST_NODE_TYPES.ReturnStatement) body.body.push(parseStatement(parsed, indentBlock(style, `return () => {\n  ${stop}\n};`)) as TSESTree.Statement);
  return DONE;
}

/** How the cleanup names the connection: a variable of the effect, or the ref/state the effect starts. */
function effectStopTarget(model: SignalRModel, finding: UnstoppedConnection, callback: FunctionNode): { expression: string; mayBeAbsent: boolean; after: number } | undefined {
  for (const slot of finding.flow.slots) {
    if (slot.kind !== 'variable' || slot.borrowed || slot.variable.scope.block !== callback) continue;
    const declarator = slot.variable.defs[0]?.node;
    const initialised = declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init !== null && finding.flow.creations.has(skipWrappers(declarator.init)) && declarator.parent.kind === 'const';
    return { expression: slot.variable.name, mayBeAbsent: !initialised, after: declarator?.range[1] ?? finding.start.range[0] };
  }
  // A ref or state the effect starts: the cleanup reads it like the effect does.
  const { connection } = finding;
  if (isComponentHeld(model, connection)) return { expression: connection.name, mayBeAbsent: true, after: finding.start.range[0] };
  // Started by a helper of the effect and kept in a ref: the cleanup reads the ref when it runs.
  const ref = finding.flow.slots.find((slot) => slot.kind === 'ref');
  return ref?.kind === 'ref' ? { expression: `${ref.variable.name}.current`, mayBeAbsent: true, after: finding.start.range[0] } : undefined;
}

/**
 * A cleanup that stops React state as the effect saw it (still empty): in the effect that starts the
 * connection, it stops the effect's own variable instead; a cleanup-only effect gets the state in
 * its dependency list, so that each cleanup sees the connection of its render.
 */
function freshenStaleCleanup(context: Context, finding: UnstoppedConnection, owner: Extract<BoundedOwner, { kind: 'react-effect' }>): Outcome {
  const { parsed } = context;
  for (const stale of finding.staleStops) {
    if (stale.effectCallback === owner.node) {
      const target = effectStopTarget(parsed.model, finding, owner.node);
      if (!target || target.expression === stale.state.name || !/^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(target.expression)) {
        return skip(stale.call, `the cleanup stops \`${stale.state.name}\` as the effect saw it; no variable of the effect holds the connection it starts, so stop it by hand`);
      }
      (stale.state as { name: string }).name = target.expression;
      continue;
    }
    const dependencies = cleanupOnlyDependencies(stale.effectCallback);
    if (!dependencies) {
      return skip(stale.call, `the cleanup stops \`${stale.state.name}\` as the effect saw it, and the effect does more than clean up: adding \`${stale.state.name}\` to its dependencies would run it again. Stop the connection where it is started`);
    }
    dependencies.elements.push(parsed.j.identifier(stale.state.name) as unknown as TSESTree.Identifier);
  }
  return DONE;
}

/** The dependency list of an effect that does nothing but return its cleanup (`useEffect(() => () => …, [])`). */
function cleanupOnlyDependencies(effectCallback: FunctionNode): TSESTree.ArrayExpression | undefined {
  const call = effectCallback.parent;
  const dependencies = call?.type === AST_NODE_TYPES.CallExpression ? call.arguments[1] : undefined;
  if (dependencies?.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const body = effectCallback.body;
  const returned = body.type === AST_NODE_TYPES.BlockStatement ? (body.body.length === 1 && body.body[0]!.type === AST_NODE_TYPES.ReturnStatement ? body.body[0]!.argument : undefined) : body;
  return returned && isFunction(skipWrappers(returned)) ? dependencies : undefined;
}

function addToCleanup(parsed: ParsedFile, style: FileStyle, returned: TSESTree.ReturnStatement, stop: string): Outcome {
  const argument = returned.argument;
  if (!argument) {
    returned.argument = parseExpression(parsed, indentBlock(style, `() => {\n  ${stop}\n}`)) as TSESTree.Expression;
    return DONE;
  }
  const cleanup = isFunction(argument) ? argument : undefined;
  if (cleanup) {
    if (cleanup.body.type === AST_NODE_TYPES.BlockStatement) cleanup.body.body.push(parseStatement(parsed, stop) as TSESTree.Statement);
    else {
      const { j } = parsed;
      cleanup.body = j.blockStatement([j.expressionStatement(cleanup.body as never), parseStatement(parsed, stop) as never]) as unknown as TSESTree.BlockStatement;
      (cleanup as { expression?: boolean }).expression = false;
    }
    return DONE;
  }
  if (argument.type === AST_NODE_TYPES.Identifier && localFunctionOf(parsed.model, argument)) {
    returned.argument = parseExpression(parsed, indentBlock(style, `() => {\n  ${argument.name}();\n  ${stop}\n}`)) as TSESTree.Expression;
    return DONE;
  }
  return skip(returned, 'the effect returns a cleanup this codemod cannot extend; add the stop to it by hand');
}

// ---- Angular components and Vue options: text insertions ----

/** Replaces `at`…`end` (an insertion when `end` is left out) with `text`. */
interface TextEdit {
  readonly at: number;
  readonly end?: number;
  readonly text: string;
}

/** Where a component's stops go: its destroy hook (extended or added), with the stop statements. */
interface ComponentHookPlan {
  readonly container: TSESTree.ClassBody | TSESTree.ObjectExpression;
  readonly classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined;
  /** The hooks that may take the stop, the first one found is extended. */
  readonly hooks: readonly string[];
  /** The hook added when there is none. */
  readonly added: string;
  readonly stop: string;
}

/**
 * Adds, as text, the stops of Angular components (`ngOnDestroy`, `implements OnDestroy` and its
 * import) and of Vue options-API components (`beforeUnmount`), one hook per component. Returns the
 * new source, or undefined when there was nothing it could add.
 */
function insertComponentHooks(parsed: AnalyzedFile, file: FileInfo): string | undefined {
  const stopsByContainer = new Map<ComponentHookPlan['container'], ComponentHookPlan[]>();
  for (const finding of unstoppedConnections(parsed.model, file.path)) {
    if (finding.owner.kind !== 'angular-component' && finding.owner.kind !== 'vue-component' && finding.owner.kind !== 'react-class-component') continue;
    if (finding.owner.kind === 'vue-component' && setupHolder(finding, finding.owner)) continue;
    const plan = componentHookPlan(parsed.model, finding);
    if ('reason' in plan) continue;
    const plans = stopsByContainer.get(plan.container) ?? [];
    if (!plans.some((known) => known.stop === plan.stop)) plans.push(plan);
    stopsByContainer.set(plan.container, plans);
  }
  const source = file.source;
  const edits: TextEdit[] = [];
  for (const [container, plans] of stopsByContainer) {
    const stops = plans.map((plan) => plan.stop);
    const { classNode, hooks, added } = plans[0]!;
    const hook = hooks.map((name) => memberFunction(classNode ?? (container as TSESTree.ObjectExpression), name)).find((fn) => fn !== undefined);
    if (hook?.body.type === AST_NODE_TYPES.BlockStatement) {
      edits.push(...appendStatements(source, hook.body, stops));
      continue;
    }
    // A hook without a block body (`componentWillUnmount = () => x.stop()`) is left to pass 2, which reports it.
    if (hook) continue;
    const typed = isTypeScript(file.path);
    const angular = added === ANGULAR_DESTROY_METHOD;
    edits.push(appendMember(source, container, `${added}()${angular && typed ? ': void' : ''}`, stops));
    if (classNode && angular && typed) edits.push(...implementOnDestroy(parsed, classNode));
  }
  if (edits.length === 0) return undefined;
  let result = source;
  for (const edit of [...edits].sort((a, b) => b.at - a.at)) result = result.slice(0, edit.at) + edit.text + result.slice(edit.end ?? edit.at);
  return result;
}

/** For a component's connection: the hook container and the stop, or why it cannot be stopped there. */
function componentHookPlan(model: SignalRModel, finding: UnstoppedConnection): ComponentHookPlan | { node: Node; reason: string } {
  const { owner } = finding;
  if (owner.kind === 'angular-component') {
    const field = finding.flow.slots.find((slot) => slot.kind === 'field' && slot.owner === owner.node);
    if (field?.kind !== 'field') return { node: finding.start, reason: `the connection is not kept in a field, so \`${ANGULAR_DESTROY_METHOD}\` could not reach it; store it in one` };
    const definition = owner.node.body.body.find(
      (member): member is TSESTree.PropertyDefinition => member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === field.property,
    );
    const initialised = definition?.value != null && finding.flow.creations.has(skipWrappers(definition.value));
    const stop = stopStatementText(finding, `this.${field.property}`, !initialised);
    return { container: owner.node.body, classNode: owner.node, hooks: [ANGULAR_DESTROY_METHOD], added: ANGULAR_DESTROY_METHOD, stop };
  }
  if (owner.kind === 'react-class-component') {
    const field = finding.flow.slots.find((slot) => slot.kind === 'field' && slot.owner === owner.node);
    if (field?.kind !== 'field') return { node: finding.start, reason: `the connection is not kept in a field or the state, so \`${REACT_UNMOUNT_METHOD}\` could not reach it; store it in one` };
    const stop = stopStatementText(finding, `this.${field.property}`, true);
    return { container: owner.node.body, classNode: owner.node, hooks: [REACT_UNMOUNT_METHOD], added: REACT_UNMOUNT_METHOD, stop };
  }
  if (owner.kind === 'vue-component' && !isFunction(owner.node) && owner.node.type !== AST_NODE_TYPES.Program) {
    const component = owner.node;
    const field = finding.flow.slots.find((slot) => slot.kind === 'field' && slot.owner === component);
    if (field?.kind === 'field') {
      const version = vueMajorVersion(model, owner);
      if (version === undefined) {
        return { node: finding.start, reason: `the file does not show whether the component is for Vue 2 or Vue 3, whose unmount options differ: stop \`this.${field.property}\` in \`${VUE_2_UNMOUNT_OPTION}\` (Vue 2) or \`${VUE_UNMOUNT_OPTION}\` (Vue 3)` };
      }
      const added = version === 2 ? VUE_2_UNMOUNT_OPTION : VUE_UNMOUNT_OPTION;
      const stop = stopStatementText(finding, `this.${field.property}`, true);
      if (component.type === AST_NODE_TYPES.ObjectExpression) return { container: component, classNode: undefined, hooks: VUE_UNMOUNT_OPTIONS, added, stop };
      return { container: component.body, classNode: component, hooks: VUE_UNMOUNT_OPTIONS, added, stop };
    }
  }
  return {
    node: finding.start,
    reason: 'the connection is held inside a nested function of the component, out of reach of an unmount hook; declare it in `setup` or keep it in the component\'s data',
  };
}

/** `implements OnDestroy`, and `OnDestroy` in the `@angular/core` import; nothing when the class already says it. */
function implementOnDestroy(parsed: AnalyzedFile, classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): TextEdit[] {
  const implementsAlready = classNode.implements.some((clause) => clause.expression.type === AST_NODE_TYPES.Identifier && clause.expression.name === ANGULAR_DESTROY_INTERFACE);
  if (implementsAlready) return [];
  const imports = parsed.program.body.filter(
    (statement): statement is TSESTree.ImportDeclaration => statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === ANGULAR_MODULE,
  );
  const imported = imports.some((declaration) =>
    declaration.specifiers.some((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.local.name === ANGULAR_DESTROY_INTERFACE),
  );
  const edits: TextEdit[] = [];
  if (!imported) {
    const lastNamed = (declaration: TSESTree.ImportDeclaration): TSESTree.ImportSpecifier | undefined =>
      declaration.specifiers.filter((specifier): specifier is TSESTree.ImportSpecifier => specifier.type === AST_NODE_TYPES.ImportSpecifier).at(-1);
    const target = imports.find((declaration) => declaration.importKind === 'type' && lastNamed(declaration)) ?? imports.find((declaration) => lastNamed(declaration));
    // Without a named import to join, `implements` is left out: it is documentation, not behaviour.
    if (!target || isNameTaken(parsed, ANGULAR_DESTROY_INTERFACE)) return [];
    const inlineTypes = target.importKind !== 'type' && target.specifiers.some((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type');
    edits.push({ at: lastNamed(target)!.range[1], text: `, ${inlineTypes ? 'type ' : ''}${ANGULAR_DESTROY_INTERFACE}` });
  }
  const lastClause = classNode.implements.at(-1);
  const beforeBody = classNode.superTypeArguments ?? classNode.superClass ?? classNode.typeParameters ?? classNode.id;
  if (lastClause) edits.push({ at: lastClause.range[1], text: `, ${ANGULAR_DESTROY_INTERFACE}` });
  else if (beforeBody) edits.push({ at: beforeBody.range[1], text: ` implements ${ANGULAR_DESTROY_INTERFACE}` });
  return edits;
}

/** Statements added at the end of a block, each on its own line, indented like the block's statements. */
function appendStatements(source: string, block: TSESTree.BlockStatement, statements: readonly string[]): TextEdit[] {
  const last = block.body.at(-1);
  if (last) {
    const indent = lineIndentation(source, last.range[0]);
    return [{ at: endOfLineIfComment(source, last.range[1]), text: statements.map((statement) => `\n${indent}${statement}`).join('') }];
  }
  const outer = lineIndentation(source, block.range[0]);
  const inner = outer + indentationUnit(source, block);
  const lines = statements.map((statement) => `\n${inner}${statement}`).join('');
  // An empty body's whitespace gives way; a comment in it stays, before the new lines.
  const empty = source.slice(block.range[0] + 1, block.range[1] - 1).trim() === '';
  return [empty ? { at: block.range[0] + 1, end: block.range[1] - 1, text: `${lines}\n${outer}` } : { at: block.range[1] - 1, text: `${lines}\n${outer}` }];
}

/** A method added after the last member of a class body or object literal, separated like its neighbours. */
function appendMember(source: string, container: TSESTree.ClassBody | TSESTree.ObjectExpression, signature: string, statements: readonly string[]): TextEdit {
  const members: readonly Node[] = container.type === AST_NODE_TYPES.ClassBody ? container.body : container.properties;
  const last = members.at(-1);
  const previous = members.at(-2);
  const indent = last ? lineIndentation(source, last.range[0]) : lineIndentation(source, container.range[0]) + indentationUnit(source, container);
  const unit = indentationUnit(source, container);
  const method = [`${signature} {`, ...statements.map((statement) => `${unit}${statement}`), '}'].join(`\n${indent}`);
  if (!last) return { at: container.range[0] + 1, text: `\n${indent}${method}${container.type === AST_NODE_TYPES.ObjectExpression ? ',' : ''}\n${lineIndentation(source, container.range[0])}` };
  const blankLine = previous === undefined || /\n[ \t]*\r?\n/.test(source.slice(previous.range[1], last.range[0])) ? '\n' : '';
  if (container.type === AST_NODE_TYPES.ClassBody) return { at: endOfLineIfComment(source, last.range[1]), text: `\n${blankLine}${indent}${method}` };
  const comma = nextSignificant(source, last.range[1]);
  if (source[comma] === ',') return { at: endOfLineIfComment(source, comma + 1), text: `\n${blankLine}${indent}${method},` };
  return { at: last.range[1], text: `,\n${blankLine}${indent}${method}` };
}

function lineIndentation(source: string, position: number): string {
  const lineStart = source.lastIndexOf('\n', position - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart))![0];
}

/** The file's indentation step, from a container and its first member; two spaces when it cannot tell. */
function indentationUnit(source: string, container: TSESTree.ClassBody | TSESTree.ObjectExpression | TSESTree.BlockStatement): string {
  const members: readonly Node[] =
    container.type === AST_NODE_TYPES.ClassBody || container.type === AST_NODE_TYPES.BlockStatement ? container.body : container.properties;
  const outer = lineIndentation(source, container.range[0]);
  const first = members[0];
  const inner = first ? lineIndentation(source, first.range[0]) : '';
  return inner.startsWith(outer) && inner.length > outer.length ? inner.slice(outer.length) : '  ';
}

/** Past a `// comment` that ends the line at `position`, so that added lines do not take it along. */
function endOfLineIfComment(source: string, position: number): number {
  const rest = /^[ \t]*\/\/[^\n]*/.exec(source.slice(position));
  return rest ? position + rest[0].length : position;
}

/** The position of the next character after `position` that is neither whitespace nor in a comment. */
function nextSignificant(source: string, position: number): number {
  let index = position;
  for (;;) {
    const skipped = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)/.exec(source.slice(index));
    if (!skipped) return index;
    index += skipped[0].length;
  }
}

// ---- Vue setup ----

/** A variable of the component's `setup` that holds the connection: the stop goes into `onUnmounted`. */
function setupHolder(finding: UnstoppedConnection, owner: Extract<BoundedOwner, { kind: 'vue-component' }>): { setup: FunctionNode | TSESTree.Program; holder: Variable } | undefined {
  // A `<script setup>` block is the setup itself: its top level runs once per instance.
  const setup = owner.setup ?? (isFunction(owner.node) || owner.node.type === AST_NODE_TYPES.Program ? owner.node : undefined);
  const local = setup && finding.flow.slots.find((slot) => slot.kind === 'variable' && !slot.borrowed && slot.variable.scope.block === setup);
  return setup && local?.kind === 'variable' ? { setup, holder: local.variable } : undefined;
}

function stopInSetup(context: Context, finding: UnstoppedConnection, setup: FunctionNode | TSESTree.Program, holder: Variable): Outcome {
  const { parsed, style } = context;
  const block = setup.type === AST_NODE_TYPES.Program ? setup : setup.body;
  if (block.type !== AST_NODE_TYPES.BlockStatement && block.type !== AST_NODE_TYPES.Program) return skip(setup, 'the setup function has no block body to register an unmount hook in');
  const declarator = holder.defs[0]?.node;
  const declaration = declarator?.type === AST_NODE_TYPES.VariableDeclarator ? declarator.parent : undefined;
  if (!declaration || declaration.parent !== block) return skip(finding.start, 'the connection variable is not declared directly in `setup`');
  const initialised = declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init !== null && finding.flow.creations.has(skipWrappers(declarator.init)) && declaration.kind === 'const';
  const stop = stopStatementText(finding, holder.name, !initialised);

  // An unmount hook the setup already registers takes the stop.
  for (const statement of block.body) {
    const call = statement.type === AST_NODE_TYPES.ExpressionStatement ? skipWrappers(statement.expression) : undefined;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !isVueImport(parsed, call.callee, VUE_UNMOUNT_HOOKS)) continue;
    const callback = call.arguments[0] && skipWrappers(call.arguments[0]);
    if (callback && isFunction(callback) && callback.body.type === AST_NODE_TYPES.BlockStatement) {
      callback.body.body.push(parseStatement(parsed, stop) as TSESTree.Statement);
      return DONE;
    }
  }
  const hook = vueHookName(parsed);
  if (!hook) return skip(finding.start, `\`${VUE_UNMOUNT_HOOK}\` is a name of this file that is not Vue's; register the unmount hook by hand`);
  const body: TSESTree.Node[] = block.body;
  body.splice(body.indexOf(declaration) + 1, 0, parseStatement(parsed, indentBlock(style, `${hook}(() => {\n  ${stop}\n});`)) as TSESTree.Statement);
  return DONE;
}

/** The local name of Vue's `onUnmounted`, importing it when needed; undefined when the name is taken. */
function vueHookName(parsed: ParsedFile): string | undefined {
  const { j, program } = parsed;
  const imports = program.body.filter(
    (statement): statement is TSESTree.ImportDeclaration => statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === VUE_MODULE && statement.importKind !== 'type',
  );
  for (const declaration of imports) {
    for (const specifier of declaration.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier && importedName(specifier) === VUE_UNMOUNT_HOOK && specifier.importKind !== 'type') return specifier.local.name;
    }
  }
  if (isNameTaken(parsed, VUE_UNMOUNT_HOOK)) return undefined;
  const specifier = j.importSpecifier(j.identifier(VUE_UNMOUNT_HOOK)) as unknown as TSESTree.ImportSpecifier;
  const target = imports.find((declaration) => declaration.specifiers.some((existing) => existing.type === AST_NODE_TYPES.ImportSpecifier));
  if (target) target.specifiers.push(specifier);
  else {
    const lastImport = program.body.findLastIndex((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration);
    program.body.splice(lastImport + 1, 0, parseStatement(parsed, `import { ${VUE_UNMOUNT_HOOK} } from '${VUE_MODULE}';`) as TSESTree.Statement);
  }
  return VUE_UNMOUNT_HOOK;
}

function isVueImport(parsed: AnalyzedFile, callee: Node, names: readonly string[]): boolean {
  const binding = parsed.model.moduleBindingOf(callee);
  return binding?.module === VUE_MODULE && names.includes(binding.name);
}

function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}

// ---- shared ----

/** `void connection.stop();` (`connection?.stop()` when it may not exist yet; without `void` where `stop()` returns no promise). */
function stopStatementText(finding: UnstoppedConnection, expression: string, mayBeAbsent: boolean): string {
  const call = `${expression}${mayBeAbsent ? '?.' : '.'}${CONNECTION_METHODS.stop}()`;
  return SYNCHRONOUS_STOP_FLAVOURS.includes(finding.connection.flavour) ? `${call};` : `void ${call};`;
}

function isNameTaken(parsed: AnalyzedFile, name: string): boolean {
  let taken = false;
  walk(parsed.program, (node) => {
    if (taken) return false;
    if (node.type === AST_NODE_TYPES.Identifier && node.name === name && parsed.model.variableOf(node)) taken = true;
    return undefined;
  });
  return taken;
}

function hasComments(node: Node): boolean {
  const comments = (node as { comments?: unknown[] }).comments;
  return comments !== undefined && comments.length > 0;
}

function isTypeScript(path: string): boolean {
  return /\.[cm]?tsx?$/i.test(path);
}

function skip(node: Node, reason: string): Outcome {
  return { done: false, node, reason };
}

// New code is parsed from text with the file's own parser, so recast prints it like the rest.

function parseProgram(parsed: ParsedFile, source: string): TSESTree.Program {
  return (parsed.j(source).get().node as { program: TSESTree.Program }).program;
}

function parseStatement(parsed: ParsedFile, source: string): TSESTree.Statement {
  return parseProgram(parsed, source).body[0]!;
}

function parseExpression(parsed: ParsedFile, source: string): TSESTree.Expression {
  return (parseStatement(parsed, `(${source});`) as TSESTree.ExpressionStatement).expression;
}

