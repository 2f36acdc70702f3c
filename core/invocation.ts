// Values built inside a serverless or request handler (core/owners/handler.ts): is one kept beyond the
// invocation (a lazily built singleton, a cache), and could an expression move to module scope?
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { calledMethod, contains, skipWrappers, walk } from './ast.js';
import type { SignalRModel } from './model.js';

/**
 * True when the value `node` computes inside `handler` is kept beyond the invocation: assigned to a
 * variable declared outside the handler (`connection ??= build()` on a module-level `let`), to a
 * property of an object that is not local (`this.x =`, `cache.x =`), or handed to a method of such an
 * object (`pool.set(key, value)`). Followed through local variables. Such a value is a lazily built
 * singleton or a cache, not one per invocation.
 */
export function isKeptBeyondInvocation(model: SignalRModel, node: Node, handler: FunctionNode, depth = 0): boolean {
  if (depth > 3) return false;
  let current: Node = node;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    if (skipWrappers(parent) !== parent) continue;
    switch (parent.type) {
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === current) return false;
        continue;
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.ArrayExpression:
        continue;
      case AST_NODE_TYPES.Property:
        if (parent.value !== current || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return false;
        continue;
      case AST_NODE_TYPES.ObjectExpression:
        continue;
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.right === current && isOutsideTarget(model, parent.left, handler, depth);
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier && isLocalKept(model, parent.id, handler, depth);
      case AST_NODE_TYPES.CallExpression: {
        if (!parent.arguments.includes(current as TSESTree.CallExpressionArgument)) return false;
        const method = calledMethod(parent);
        return method !== undefined && isOutsideObject(model, method.object, handler);
      }
      default:
        return false;
    }
  }
  return false;
}

function isOutsideTarget(model: SignalRModel, target: Node, handler: FunctionNode, depth: number): boolean {
  const left = skipWrappers(target);
  if (left.type === AST_NODE_TYPES.Identifier) {
    const variable = model.variableOf(left);
    if (!variable || !isDeclaredInside(variable.defs[0]?.name, handler)) return true;
    return isLocalKept(model, left, handler, depth);
  }
  if (left.type === AST_NODE_TYPES.MemberExpression) return isOutsideObject(model, left.object, handler);
  return false;
}

/** `this`, or an object whose root variable is declared outside `handler` (or is a global). */
function isOutsideObject(model: SignalRModel, node: Node, handler: FunctionNode): boolean {
  let root = skipWrappers(node);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = skipWrappers(root.object);
  if (root.type === AST_NODE_TYPES.ThisExpression) return true;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = model.variableOf(root);
  return !variable || !isDeclaredInside(variable.defs[0]?.name, handler);
}

/** A variable of the handler: is its value later kept beyond the invocation (`cached = connection`)? */
function isLocalKept(model: SignalRModel, identifier: TSESTree.Identifier, handler: FunctionNode, depth: number): boolean {
  const variable = model.variableOf(identifier);
  if (!variable) return false;
  return variable.references.some((reference) => !reference.isWrite() && isKeptBeyondInvocation(model, reference.identifier, handler, depth + 1));
}

function isDeclaredInside(name: Node | undefined, fn: FunctionNode): boolean {
  return name !== undefined && contains(fn, name);
}

/**
 * The first reference in `expression` to something a module-level copy of it could not see: a
 * variable, parameter or `this` of an enclosing function (a handler's `request`, a local `const`).
 * Module-level bindings, imports, globals (`process.env.X`) and names declared inside `expression`
 * itself (a callback's parameters) do not count. Undefined when the expression could move to module scope.
 */
export function invocationDependency(model: SignalRModel, expression: Node): TSESTree.Identifier | TSESTree.ThisExpression | undefined {
  let found: TSESTree.Identifier | TSESTree.ThisExpression | undefined;
  walk(expression, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.ThisExpression && !isInsideOwnThisScope(node, expression)) found = node;
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = model.variableOf(node);
    if (!variable || variable.scope.type === 'module' || variable.scope.type === 'global') return undefined;
    const declaredInside = variable.defs.length > 0 && variable.defs.every((def) => contains(expression, def.name));
    if (!declaredInside) found = node;
    return undefined;
  });
  return found;
}

/** `this` inside a non-arrow function (or class) that is itself part of `expression` is that function's own. */
function isInsideOwnThisScope(node: TSESTree.ThisExpression, expression: Node): boolean {
  for (let current: Node | undefined = node.parent; current && current !== expression && contains(expression, current); current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) return true;
    if (current.type === AST_NODE_TYPES.ClassBody) return true;
  }
  return false;
}
