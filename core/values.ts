// What the code says about a value without running it: the properties of an options object (through
// `const`s and spreads), and the static text of a string built from literals, templates and `+`.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from './ast.js';
import type { FunctionNode } from './ast.js';
import { isFunction, skipWrappers, staticPropertyName, walk } from './ast.js';
import type { SignalRModel } from './model.js';

/** Stands for a part of a string the code computes at run time. */
export const UNKNOWN_TEXT = '\u0000';

export interface FoundProperty {
  /** The `key: value` that decides the property (the last one written wins over earlier ones and spreads). */
  readonly property: TSESTree.Property;
  readonly value: Node;
}

/**
 * The property `name` of an object expression, following `const` objects and spreads the file
 * declares. Returns `unknown` when a spread or computed key the analysis cannot see might set it.
 */
export function findProperty(
  model: SignalRModel,
  node: Node,
  name: string,
  seen = new Set<Node>(),
): FoundProperty | 'unknown' | undefined {
  const object = resolveObject(model, node);
  if (!object || seen.has(object)) return 'unknown';
  seen.add(object);
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const property = object.properties[i]!;
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const inner = findProperty(model, property.argument, name, seen);
      if (inner !== undefined) return inner;
      continue;
    }
    const key = staticPropertyName(property);
    if (key === undefined) return 'unknown';
    if (key === name) return { property, value: skipWrappers(property.value) };
  }
  return undefined;
}

/** The object literal `node` is, or names through a `const`. */
export function resolveObject(model: SignalRModel, node: Node): TSESTree.ObjectExpression | undefined {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.ObjectExpression) return target;
  const init = model.resolveConst(target);
  return init?.type === AST_NODE_TYPES.ObjectExpression ? init : undefined;
}

/**
 * The text of a string expression, with `UNKNOWN_TEXT` where a part is computed at run time:
 * `\`https://${name}.service.signalr.net/client/?hub=chat\`` gives `https://\0.service.signalr.net/...`.
 */
export function staticText(model: SignalRModel, node: Node, depth = 0): string {
  const target = skipWrappers(node);
  if (depth > 8) return UNKNOWN_TEXT;
  switch (target.type) {
    case AST_NODE_TYPES.Literal:
      return typeof target.value === 'string' ? target.value : UNKNOWN_TEXT;
    case AST_NODE_TYPES.TemplateLiteral:
      return target.quasis
        .map((quasi, i) => (quasi.value.cooked ?? UNKNOWN_TEXT) + (i < target.expressions.length ? staticText(model, target.expressions[i]!, depth + 1) : ''))
        .join('');
    case AST_NODE_TYPES.BinaryExpression:
      return target.operator === '+'
        ? staticText(model, target.left, depth + 1) + staticText(model, target.right, depth + 1)
        : UNKNOWN_TEXT;
    case AST_NODE_TYPES.Identifier: {
      const init = model.resolveConst(target);
      return init ? staticText(model, init, depth + 1) : UNKNOWN_TEXT;
    }
    default:
      return UNKNOWN_TEXT;
  }
}

/** The value of a string literal, a template without placeholders, or a `const` naming one. */
export function staticString(model: SignalRModel, node: Node): string | undefined {
  const text = staticText(model, node);
  return text.includes(UNKNOWN_TEXT) ? undefined : text;
}

/**
 * The expressions whose values `staticText` marks with `UNKNOWN_TEXT`, in source order:
 * `\`?${params}&id=${id}\`` gives `params` and `id`. Lets an analysis look closer at them.
 */
export function unknownTextParts(model: SignalRModel, node: Node, depth = 0): Node[] {
  const target = skipWrappers(node);
  if (depth > 8) return [target];
  switch (target.type) {
    case AST_NODE_TYPES.Literal:
      return typeof target.value === 'string' ? [] : [target];
    case AST_NODE_TYPES.TemplateLiteral:
      return target.expressions.flatMap((expression) => unknownTextParts(model, expression, depth + 1));
    case AST_NODE_TYPES.BinaryExpression:
      return target.operator === '+'
        ? [...unknownTextParts(model, target.left, depth + 1), ...unknownTextParts(model, target.right, depth + 1)]
        : [target];
    case AST_NODE_TYPES.Identifier: {
      const init = model.resolveConst(target);
      return init ? unknownTextParts(model, init, depth + 1) : [target];
    }
    default:
      return [target];
  }
}

/** What a function can return: its expression body, or the argument of every `return` outside nested functions. */
export function returnedExpressions(fn: FunctionNode): Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const returned: Node[] = [];
  walk(fn.body, (node) => {
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(node.argument);
    return undefined;
  });
  return returned;
}
