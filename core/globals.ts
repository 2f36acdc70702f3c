// Globals: names no declaration in the file binds (`Promise`, `setTimeout`, `fetch`), also reached
// through `window.`, `globalThis.`, `self.` or Node's `global.`.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from './ast.js';
import { skipWrappers, staticPropertyName } from './ast.js';
import type { SignalRModel } from './model.js';

/** Objects whose properties are globals: in a browser, in a worker, anywhere (`globalThis`), in Node. */
export const GLOBAL_OBJECTS: readonly string[] = ['window', 'globalThis', 'self', 'global'];

/** Global functions that call the callback they are given later (once or again and again) and ignore what it returns. */
const TIMERS: readonly string[] = ['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'requestAnimationFrame', 'requestIdleCallback'];
/** The timers whose second argument is the delay before the callback, in milliseconds. */
export const DELAY_TIMERS: readonly string[] = ['setTimeout', 'setInterval'];

/** An identifier no declaration in the file binds (a global such as `setTimeout`, `undefined`). */
export function isUnboundGlobal(model: SignalRModel, identifier: TSESTree.Identifier): boolean {
  const variable = model.variableOf(identifier);
  return !variable || variable.defs.length === 0;
}

/** `name` as a global (not declared in the file): `Promise`, `setTimeout`. */
export function isGlobalName(model: SignalRModel, node: Node, name: string): boolean {
  const target = skipWrappers(node);
  return target.type === AST_NODE_TYPES.Identifier && target.name === name && isUnboundGlobal(model, target);
}

/** `fetch`, `setTimeout`: the global function, or the same through one of `GLOBAL_OBJECTS`. */
export function isGlobalFunction(model: SignalRModel, node: Node, name: string): boolean {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipWrappers(target.object);
    return staticPropertyName(target) === name && object.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.some((global) => isGlobalName(model, object, global));
  }
  return isGlobalName(model, target, name);
}

/** `setTimeout`, `window.requestAnimationFrame`: one of the global `TIMERS`. */
export function isGlobalTimer(model: SignalRModel, node: Node): boolean {
  return TIMERS.some((timer) => isGlobalFunction(model, node, timer));
}
