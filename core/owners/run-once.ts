// Functions that run once each time the code that runs them runs, so that what they start lives as
// long as that code's owner (core/owners/index.ts asks who runs the place this file finds):
// - the callbacks of a promise chain, `.then`/`.catch`/`.finally` or jQuery deferred's
//   `.done`/`.fail`/`.always`: a promise settles once, so the chain runs each callback once per run;
// - a function of this file named in exactly one place, where that place calls it (`main();`,
//   `main().catch(console.error)`, `await main()`) or hands it to page-start code or a promise chain
//   (`$(init)`, `window.onload = init`, `.then(setup)`), that place in no loop or class body. Another
//   mention (a second call, a retry `setTimeout(main, 5000)`, a restart from `onclose`, recursion, an
//   export) means it may run again: then it stays a plain function.
// Such a named function keeps for the app's life only a connection it leaves listening (handlers
// registered on it, a stream, a hub proxy): one it starts to do a job (send, then return) it must
// still stop, or a Node script that runs `main()` never exits (`leftListening`).
// Calls this file cannot see are not counted: a global function of a classic script that an inline
// HTML handler (`onclick="main()"`) or another script calls.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from '../ast.js';
import { calledMethod, outermostWrapper, walk } from '../ast.js';
import { isLoop } from '../control-flow.js';
import { isExportedFunction } from '../exports.js';
import type { ConnectionFlow } from '../flow.js';
import { isOnConnection } from '../flow.js';
import type { SignalRModel } from '../model.js';
import { JQUERY_DEFERRED_METHODS, PROMISE_CHAIN_METHODS } from '../promises.js';
import { CLASSIC_CONNECTION_EVENTS, CLASSIC_PROXY_FACTORY, CONNECTION_METHODS } from '../signalr.js';
import { isPageStartCallbackSlot } from './page-start.js';

/** Methods of a promise (or jQuery deferred) that call their callback once, when it settles. */
const SETTLE_ONCE_METHODS: readonly string[] = [...PROMISE_CHAIN_METHODS, ...JQUERY_DEFERRED_METHODS];

/**
 * Calls that leave a connection listening: handlers for what the server sends and for the connection's
 * life (also the classic client's events, and a Web PubSub client's `on`), a stream, a hub proxy.
 */
const LISTENING_METHODS: readonly string[] = [
  CONNECTION_METHODS.on, CONNECTION_METHODS.onclose, CONNECTION_METHODS.onreconnecting, CONNECTION_METHODS.onreconnected,
  CONNECTION_METHODS.stream, CLASSIC_PROXY_FACTORY, ...CLASSIC_CONNECTION_EVENTS,
];

/**
 * The place whose every run runs `fn` once: the promise chain call `fn` is a callback of, or the one
 * place that names `fn` (a call, a page-start registration, a promise chain call). Undefined when
 * `fn` may run more often than that place.
 */
export function onceRunnerOf(model: SignalRModel, fn: FunctionNode): Node | undefined {
  return promiseChainTaking(fn) ?? soleRunnerOf(model, fn);
}

/** `fn` is a function of this file named in one place only, which runs it once (a call, a page-start registration, a promise chain). */
export function isRunOnceByName(model: SignalRModel, fn: FunctionNode): boolean {
  return soleRunnerOf(model, fn) !== undefined;
}

/** Some code of the file leaves the connection listening: registers a handler on it, reads a stream of it, makes a hub proxy of it. */
export function leftListening(model: SignalRModel, flow: ConnectionFlow): boolean {
  let found = false;
  walk(model.program, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const method = calledMethod(node);
    if (method && LISTENING_METHODS.includes(method.name) && isOnConnection(model, method.object, flow)) found = true;
    return undefined;
  });
  return found;
}

/**
 * The `.then(fn)`, `.catch(fn)`, `.finally(fn)`, `.done(fn)`, `.fail(fn)` or `.always(fn)` call that
 * takes `node` (a function written in place, or its name) as a callback. A chain that page-start code
 * runs (`fetch('/negotiate').then((info) => …)` at the top level) runs its callbacks once per page load.
 */
function promiseChainTaking(node: Node): TSESTree.CallExpression | undefined {
  const slot = outermostWrapper(node);
  const call = slot.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(slot as TSESTree.CallExpressionArgument)) return undefined;
  const method = calledMethod(call);
  return method && SETTLE_ONCE_METHODS.includes(method.name) ? call : undefined;
}

/** For a function this file names and does not export: the one place that runs it, when there is one. */
function soleRunnerOf(model: SignalRModel, fn: FunctionNode): Node | undefined {
  const names = namesOf(model, fn);
  if (!names) return undefined;
  const mentions = names.flatMap((variable) => variable.references.filter((reference) => !reference.init));
  if (mentions.length !== 1 || mentions[0]!.isWrite()) return undefined;
  const runner = runnerAt(model, mentions[0]!.identifier as TSESTree.Identifier);
  // `export function main` is mentioned nowhere else in the file, yet importers may call it.
  return runner && !mayRepeat(runner) && !isExportedFunction(model, fn) ? runner : undefined;
}

/**
 * The variables `fn` is known by: a declaration's name, or the `const`/`let` a function expression
 * initialises (with the expression's own name, which the function may call itself by).
 */
function namesOf(model: SignalRModel, fn: FunctionNode): Variable[] | undefined {
  const own = fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id ? model.variableOf(fn.id) : undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return own ? [own] : undefined;
  const slot = outermostWrapper(fn);
  const holder = slot.parent;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.init !== slot || holder.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const held = model.variableOf(holder.id);
  if (!held) return undefined;
  return own ? [held, own] : [held];
}

/** What runs the function named at `name`: the call `name(…)`, or the page-start or promise chain registration taking it. */
function runnerAt(model: SignalRModel, name: TSESTree.Identifier): Node | undefined {
  const slot = outermostWrapper(name);
  const parent = slot.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === slot) return parent;
  if (parent && isPageStartCallbackSlot(model, slot)) return parent;
  return promiseChainTaking(slot);
}

/** Code in a loop, or in a class body (a field initialiser runs once per instance), may run many times. */
function mayRepeat(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isLoop(current) || current.type === AST_NODE_TYPES.ClassBody) return true;
  }
  return false;
}
