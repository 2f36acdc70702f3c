// A React effect (`useEffect`, `useLayoutEffect`) owns what it starts: its way out is the cleanup it
// returns, which React runs before the next run and on unmount.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from '../ast.js';
import { contains, enclosingFunction, isFunction, outermostWrapper, skipWrappers, walk } from '../ast.js';
import { callGraphOf } from '../calls.js';
import { functionVariable, localFunctionOf } from '../functions.js';
import type { SignalRModel } from '../model.js';
import { isImportedFrom } from '../model/imports.js';
import { readsRef, REACT_MODULES } from './react-hooks.js';

/** Effects that may return a cleanup, which React runs before the next run and on unmount. */
const REACT_EFFECT_HOOKS: readonly string[] = ['useEffect', 'useLayoutEffect'];
const STATE_HOOK = 'useState';

/** A React effect: `node` is its callback; the cleanup it returns must stop the connection. */
export interface ReactEffectOwner {
  readonly kind: 'react-effect';
  readonly node: FunctionNode;
  readonly effect: TSESTree.CallExpression;
}

/** `useEffect(fn, deps)` / `useLayoutEffect` from React, when `fn` is its callback. */
export function effectCallOf(model: SignalRModel, fn: FunctionNode): TSESTree.CallExpression | undefined {
  const call = outermostWrapper(fn).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || skipWrappers(call.arguments[0] ?? call) !== fn) return undefined;
  return isImportedFrom(model, call.callee, REACT_MODULES, REACT_EFFECT_HOOKS) ? call : undefined;
}

/**
 * A helper an effect declares and calls itself (`const connect = async () => {…}; connect();`, also a
 * helper of such a helper): it runs as part of the effect, so what it starts is the effect's. One the
 * effect only hands to others (a DOM listener) runs later, on its own.
 */
export function isEffectHelper(model: SignalRModel, fn: FunctionNode, depth = 0): boolean {
  const home = functionVariable(model, fn)?.scope.variableScope.block;
  if (!home || !isFunction(home) || depth > 3) return false;
  if (!effectCallOf(model, home) && !isEffectHelper(model, home, depth + 1)) return false;
  return callGraphOf(model)
    .callsOf(fn)
    .some((call) => enclosingFunction(call) === home);
}

/**
 * A guard in an effect that reads a ref (`if (connectionRef.current) return;`, `if (started.current)`):
 * the effect deliberately keeps what it built across React StrictMode's unmount/remount, so a cleanup
 * that stops it would leave the remounted component without a connection.
 */
export function refGuardOf(model: SignalRModel, effectCallback: FunctionNode): TSESTree.IfStatement | undefined {
  if (effectCallback.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  let guard: TSESTree.IfStatement | undefined;
  walk(effectCallback.body, (node) => {
    if (guard || (node !== effectCallback.body && isFunction(node))) return false;
    if (node.type === AST_NODE_TYPES.IfStatement && readsRef(model, node.test)) guard = node;
    return undefined;
  });
  return guard;
}

/** The functions an effect's callback returns as its cleanup. */
export function effectCleanups(model: SignalRModel, effectCallback: FunctionNode): FunctionNode[] {
  const returned: Node[] = [];
  if (effectCallback.body.type !== AST_NODE_TYPES.BlockStatement) returned.push(effectCallback.body);
  else {
    walk(effectCallback.body, (node) => {
      if (isFunction(node)) return false;
      if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(node.argument);
      return undefined;
    });
  }
  return returned.map((node) => localFunctionOf(model, node)).filter((fn): fn is FunctionNode => fn !== undefined);
}

/**
 * `identifier`, read in a cleanup of `effectCallback`, is React state as it was when the effect ran:
 * `useEffect(() => { …; return () => connection?.stop(); }, [])` stops the state of that render,
 * which is still the initial `null`, not the connection set since. True for a state variable of the
 * component whose initial value is empty (nothing, `null`, `undefined`) that the effect's dependency
 * list leaves out (an effect without a list runs again, and its cleanup sees each render's value).
 */
export function isStaleInCleanup(model: SignalRModel, identifier: Node, effectCallback: FunctionNode): boolean {
  if (identifier.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = model.variableOf(identifier);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'Variable' || contains(effectCallback, def.name)) return false;
  const pattern = def.name.parent;
  if (pattern?.type !== AST_NODE_TYPES.ArrayPattern || pattern.elements[0] !== def.name) return false;
  const init = (def.node as TSESTree.VariableDeclarator).init;
  const hook = init && skipWrappers(init);
  if (hook?.type !== AST_NODE_TYPES.CallExpression || !isImportedFrom(model, hook.callee, REACT_MODULES, [STATE_HOOK]) || !isEmptyValue(hook.arguments[0])) return false;
  const dependencies = effectCallOf(model, effectCallback)?.arguments[1];
  if (dependencies?.type !== AST_NODE_TYPES.ArrayExpression) return false;
  return !dependencies.elements.some((element) => element?.type === AST_NODE_TYPES.Identifier && model.variableOf(element) === variable);
}

/** No argument, `null` or `undefined`: a state that starts out empty. */
function isEmptyValue(node: Node | undefined): boolean {
  if (!node) return true;
  const value = skipWrappers(node);
  return (value.type === AST_NODE_TYPES.Literal && value.value === null) || (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined');
}

/** Every React effect callback of the file. */
export function effectCallbacks(model: SignalRModel): FunctionNode[] {
  const callbacks: FunctionNode[] = [];
  walk(model.program, (node) => {
    if (isFunction(node) && effectCallOf(model, node)) callbacks.push(node);
  });
  return callbacks;
}
