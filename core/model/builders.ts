// Builder chains: from an expression back to `new HubConnectionBuilder()`, with every builder method
// called on the way, also through a variable that holds the builder.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from '../ast.js';
import { calledMethod, skipWrappers } from '../ast.js';
import type { BuilderChain } from '../model.js';
import { BUILDER_METHODS, EXPORTS, WEB_PUBSUB_MODULES } from '../signalr.js';
import type { Bindings } from './imports.js';

/** For an expression whose value is a `HubConnectionBuilder`, its chain back to `new HubConnectionBuilder()`. */
export function builderChainOf(bindings: Bindings, node: Node, seen = new Set<Node>()): BuilderChain | undefined {
  const target = skipWrappers(node);
  if (seen.has(target)) return undefined;
  seen.add(target);
  if (target.type === AST_NODE_TYPES.NewExpression) {
    const found = bindings.exportName(target.callee);
    if (!found || found.name !== EXPORTS.builder || WEB_PUBSUB_MODULES.includes(found.origin)) return undefined;
    return { root: target, origin: found.origin, calls: [], variables: [] };
  }
  if (target.type === AST_NODE_TYPES.CallExpression) {
    const method = calledMethod(target);
    if (!method || method.name === BUILDER_METHODS.build) return undefined;
    const inner = builderChainOf(bindings, method.object, seen);
    return inner && { ...inner, calls: [...inner.calls, target] };
  }
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = bindings.variableOf(target);
    const init = bindings.resolveConst(target);
    if (!variable || !init) return undefined;
    const inner = builderChainOf(bindings, init, seen);
    if (!inner) return undefined;
    // `builder.withUrl(...)` as a statement configures the same builder (the methods return `this`).
    const callsThroughVariable = variable.references
      .map((ref) => ref.identifier.parent)
      .filter((member): member is TSESTree.MemberExpression => member?.type === AST_NODE_TYPES.MemberExpression)
      .map((member) => member.parent)
      .filter(
        (call): call is TSESTree.CallExpression =>
          call?.type === AST_NODE_TYPES.CallExpression &&
          calledMethod(call)?.name !== BUILDER_METHODS.build &&
          skipWrappers(call.callee).type === AST_NODE_TYPES.MemberExpression,
      );
    const calls = [...inner.calls, ...callsThroughVariable].sort((a, b) => a.range[0] - b.range[0]);
    return { ...inner, calls: [...new Set(calls)], variables: [...inner.variables, variable] };
  }
  return undefined;
}

/** True when `call` is `<builder>.build()`. */
export function isBuildCall(bindings: Bindings, call: TSESTree.CallExpression): boolean {
  const method = calledMethod(call);
  return method?.name === BUILDER_METHODS.build && builderChainOf(bindings, method.object) !== undefined;
}
