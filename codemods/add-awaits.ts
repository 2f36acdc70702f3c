// Awaits the group joins that `await-group-join` reports (the same analysis, core/group-joins.ts), and
// makes the enclosing function `async` where that cannot surprise its callers: callbacks whose result
// nobody uses or that a promise chain adopts, and functions whose every caller in the project ignores
// or awaits the result (ts-morph, loaded only when a file needs it). Everything else is left as it is
// and reported with the reason.
//
// The rewrite is a handful of text insertions (`async `, `await `, `Promise<void>`) into the original
// source, so every byte it does not touch, comments and formatting included, stays as it was.
import type { API, FileInfo, Transform } from 'jscodeshift';
import type { Project } from 'ts-morph';

import type { FunctionNode } from '../core/ast.js';
import { calledMethod, enclosingFunction, isFunction, outermostWrapper, walk } from '../core/ast.js';
import type { AsyncVerdict, AwaitFix } from '../core/async-safety.js';
import { asyncVerdict, awaitFixOf, dispatchTimeCallAfter } from '../core/async-safety.js';
import { floatingGroupJoins } from '../core/group-joins.js';
import type { SignalRModel } from '../core/model.js';
import { callbackRole, promiseFate } from '../core/promises.js';
import { DEFAULT_SETTINGS } from '../core/settings.js';
import { mayOpenWebPubSubSocket, webPubSubSockets } from '../core/web-pubsub-socket.js';
import { checkCallers } from './utils/callers.js';
// Teaches recast the typescript-estree node types it lacks (class fields, `implements`), without
// which parsing a commented Angular component throws.
import type { TransformOptions } from './utils/source.js';
import { analyzeFile, reportSkip } from './utils/source.js';
import { detectStyle } from './utils/style.js';

export { parser } from './utils/parser.js';

export interface AddAwaitsOptions extends TransformOptions {
  /** The ts-morph project in which callers are looked for (tests pass an in-memory one); else the file's tsconfig.json. */
  readonly project?: Project;
}

interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** What making a function ready for `await` takes: edits (none if already async), or why it cannot be done. */
type FunctionPlan = { readonly edits: readonly TextEdit[] } | { readonly reason: string };

const transform: Transform = async (file: FileInfo, api: API, options: AddAwaitsOptions) => {
  const analyzed = analyzeFile(file, options);
  if (!analyzed) return undefined;
  const { model } = analyzed;
  const settings = options.signalrSettings ?? DEFAULT_SETTINGS;
  if (mayOpenWebPubSubSocket(file.source, settings)) {
    for (const frame of webPubSubSockets(model).unacknowledgedJoins) {
      reportSkip(api, file, frame.call, 'a `joinGroup` frame on a raw Web PubSub socket has no promise to await: give it an `ackId` and wait for the service\'s `ack`, or move to `@azure/web-pubsub-client`, whose `joinGroup` can be awaited');
    }
  }
  const joins = floatingGroupJoins(model, settings);
  if (joins.length === 0) return undefined;
  // `async` in a file written without arrow functions, `const` or classes would raise its language
  // level (an ES5 page script); leave such files to their authors.
  const { language } = detectStyle(file.source, analyzed.program, file.path);
  if (!language.arrows) {
    for (const join of joins) reportSkip(api, file, join.call, 'the file is written in ES5 (no arrow functions, `const` or `async`), and `await` needs ES2017: await the join by hand (`.then(…)`) or move the code to a module');
    return undefined;
  }

  const plans = new Map<FunctionNode, Promise<FunctionPlan>>();
  const planFor = (fn: FunctionNode): Promise<FunctionPlan> => {
    let plan = plans.get(fn);
    if (!plan) plans.set(fn, (plan = planFunction(model, fn, file, options.project)));
    return plan;
  };

  // Keyed by position: joins that share one promise (`Promise.all([join(a), join(b)])`) get one `await`.
  const edits = new Map<string, TextEdit>();
  for (const join of joins) {
    const fix = awaitFixOf(model, join);
    if (fix.kind === 'none') {
      reportSkip(api, file, join.call, fix.reason);
      continue;
    }
    const plan = await planFor(fix.fn);
    if ('reason' in plan) {
      reportSkip(api, file, join.call, plan.reason);
      continue;
    }
    const hazard = awaitHazard(model, fix);
    if (hazard) {
      reportSkip(api, file, join.call, hazard);
      continue;
    }
    for (const edit of [...plan.edits, ...awaitEdits(fix)]) edits.set(`${edit.start}:${edit.end}`, edit);
  }
  return edits.size === 0 ? undefined : applyEdits(file.source, [...edits.values()]);
};

export default transform;

/**
 * Why an `await` here would move a failure rather than handle it: the callback becomes async in a
 * promise chain that nobody handles (a failed join would reject that chain instead), or code after
 * the `await` settles a promise others wait for (`resolve()`), which a failed join would then skip.
 * Or why it would change what the code does: an event listener's `event.preventDefault()` after it.
 */
function awaitHazard(model: SignalRModel, fix: Exclude<AwaitFix, { kind: 'none' }>): string | undefined {
  const { fn } = fix;
  const role = callbackRole(model, fn);
  if (!fn.async && role.kind === 'chained') {
    const fate = promiseFate(model, role.call);
    if (fate.kind !== 'handled') {
      return `the \`.${calledMethod(role.call)?.name ?? 'then'}\` chain it is in (line ${role.call.loc.start.line}) handles no failure: awaited, a failed join would reject that chain with nobody to hear it. Add a \`.catch\` to the chain, then run again`;
    }
  }
  const after = fix.kind === 'replace-void' ? fix.voidExpression.range[1] : fix.insertBefore.range[1];
  const eventCall = dispatchTimeCallAfter(model, fn, after);
  if (eventCall) return `\`${eventCall}()\` runs after it, and works only while the event is being dispatched; behind an \`await\` it would come too late. Move it above the join, then run again`;
  const settler = settlerCalledAfter(model, fn, after);
  if (settler) return `\`${settler}()\` runs after it (it settles a promise something waits for); awaited, a failed join would skip it and leave that promise pending. Settle it in a \`finally\`, then run again`;
  return undefined;
}

/** A `resolve`/`reject` of an enclosing `new Promise` executor that `fn` calls after `offset`. */
function settlerCalledAfter(model: SignalRModel, fn: FunctionNode, offset: number): string | undefined {
  const settlers = new Set<unknown>();
  for (let current: FunctionNode | undefined = fn; current; current = enclosingFunction(current)) {
    const holder = outermostWrapper(current).parent;
    if (holder?.type === 'NewExpression' && holder.callee.type === 'Identifier' && holder.callee.name === 'Promise') {
      for (const param of current.params) if (param.type === 'Identifier') settlers.add(model.variableOf(param));
    }
  }
  let found: string | undefined;
  walk(fn.body, (node) => {
    if (found || (node !== fn.body && isFunction(node))) return false;
    if (node.type === 'CallExpression' && node.range[0] > offset && node.callee.type === 'Identifier' && settlers.has(model.variableOf(node.callee))) found = node.callee.name;
    return undefined;
  });
  return found;
}

async function planFunction(model: SignalRModel, fn: FunctionNode, file: FileInfo, project: Project | undefined): Promise<FunctionPlan> {
  const verdict: AsyncVerdict = asyncVerdict(model, fn);
  switch (verdict.kind) {
    case 'async':
      return { edits: [] };
    case 'unsafe':
      return { reason: verdict.reason };
    case 'safe':
      return { edits: makeAsync(fn, verdict, file.source) };
    case 'ask-callers': {
      const { name } = verdict;
      if (name.type !== 'Identifier' && name.type !== 'PrivateIdentifier') {
        return { reason: 'the enclosing function has a computed name, so its callers cannot be found' };
      }
      const functionName = name.type === 'PrivateIdentifier' ? `#${name.name}` : name.name;
      const callers = await checkCallers({ filePath: file.path, source: file.source, namePosition: name.range[0], functionName }, project);
      return callers.safe ? { edits: makeAsync(fn, verdict, file.source) } : { reason: `\`${functionName}\` cannot safely become async: ${callers.reason}` };
    }
  }
}

/** `async` in front of the function (after a method's modifiers), and `void` → `Promise<void>` in its return type. */
function makeAsync(fn: FunctionNode, verdict: Extract<AsyncVerdict, { returnType: unknown }>, source: string): TextEdit[] {
  const holder = fn.parent;
  const isMethod =
    (holder?.type === 'MethodDefinition' || holder?.type === 'TSAbstractMethodDefinition' || (holder?.type === 'Property' && holder.method)) &&
    holder.value === fn;
  let start = isMethod ? holder.key.range[0] : fn.range[0];
  // `[name]() {}`: the keyword goes before the bracket.
  if (isMethod && holder.computed) start = source.lastIndexOf('[', start);
  const edits: TextEdit[] = [{ start, end: start, text: 'async ' }];
  if (verdict.returnType.kind === 'void') {
    const [from, to] = verdict.returnType.annotation.range;
    edits.push({ start: from, end: to, text: 'Promise<void>' });
  }
  return edits;
}

function awaitEdits(fix: Exclude<AwaitFix, { kind: 'none' }>): TextEdit[] {
  if (fix.kind === 'replace-void') {
    const start = fix.voidExpression.range[0];
    return [{ start, end: start + 'void'.length, text: 'await' }];
  }
  const [start, end] = fix.insertBefore.range;
  return fix.parenthesize
    ? [{ start, end: start, text: 'await (' }, { start: end, end, text: ')' }]
    : [{ start, end: start, text: 'await ' }];
}

function applyEdits(source: string, edits: readonly TextEdit[]): string {
  let result = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}
