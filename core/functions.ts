// Which function of this file an expression denotes: a function written in place, a declaration or
// `const` holding one, a React `useCallback`, a method of the class or object `this` refers to, a
// `fn.bind(…)`, a Vue component's `methods`. Analyses follow calls into these functions; anything else is code they cannot see.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { calledMethod, isFunction, outermostWrapper, skipWrappers, staticPropertyName } from './ast.js';
import type { ClassNode, SignalRModel } from './model.js';
import { classOfThis, objectOfThis } from './model/slots.js';
import { isFunctionHook } from './owners/react-hooks.js';
import { vueMethodOf } from './owners/vue-component.js';

/** The function `node` is, or names: a function declaration or a `const` holding a function. */
export function functionOf(model: SignalRModel, node: Node): FunctionNode | undefined {
  const target = skipWrappers(node);
  if (isFunction(target)) return target;
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = model.variableOf(target)?.defs[0];
  if (def?.type === 'FunctionName' && isFunction(def.node)) return def.node;
  const init = model.resolveConst(target);
  return init && isFunction(init) ? init : undefined;
}

/**
 * The function `node` denotes when this file defines it: a function expression, a function
 * declaration or `const` holding one, a `useCallback(fn)`, or a method (or arrow-function field) of
 * the class or object `this` refers to.
 */
export function localFunctionOf(model: SignalRModel, node: Node): FunctionNode | undefined {
  const target = skipWrappers(node);
  const direct = functionOf(model, target);
  if (direct) return direct;
  if (target.type === AST_NODE_TYPES.Identifier) {
    const init = model.resolveConst(target);
    if (init?.type === AST_NODE_TYPES.CallExpression && isFunctionHook(model, init.callee)) {
      const wrapped = init.arguments[0] && skipWrappers(init.arguments[0]);
      return wrapped && isFunction(wrapped) ? wrapped : undefined;
    }
    return undefined;
  }
  if (target.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = skipWrappers(target.object);
  const name = staticPropertyName(target);
  const self = model.thisOf(object);
  if (!self || name === undefined) return undefined;
  const owner = classOfThis(self) ?? objectOfThis(self);
  if (!owner) return undefined;
  return memberFunction(owner, name) ?? (owner.type === AST_NODE_TYPES.ObjectExpression ? vueMethodOf(owner, name) : undefined);
}

/** The method (or function-valued field/property) `name` of a class or object literal. */
export function memberFunction(owner: ClassNode | TSESTree.ObjectExpression, name: string): FunctionNode | undefined {
  const members = owner.type === AST_NODE_TYPES.ObjectExpression ? owner.properties : owner.body.body;
  for (const member of members) {
    if (member.type !== AST_NODE_TYPES.Property && member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    if (staticPropertyName(member) !== name || !member.value) continue;
    const value = skipWrappers(member.value);
    if (isFunction(value)) return value;
  }
  return undefined;
}

/**
 * The function `node` denotes in this file (`localFunctionOf`), also through
 * `fn.bind(…)`, as in `connection.onclose(this.restart.bind(this))`.
 */
export function functionDenotedBy(model: SignalRModel, node: Node): FunctionNode | undefined {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.CallExpression && calledMethod(target)?.name === 'bind') {
    return functionDenotedBy(model, calledMethod(target)!.object);
  }
  return localFunctionOf(model, target);
}

/** The variable a function is known by (`function start()`, `const start = () => …`), for self-references. */
export function functionVariable(model: SignalRModel, fn: FunctionNode): Variable | undefined {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return model.variableOf(fn.id);
  const holder = outermostWrapper(fn).parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) return model.variableOf(holder.id);
  return undefined;
}
