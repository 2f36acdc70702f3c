// What a module gives to other modules: whether a variable or a function of this file is exported
// (ES `export`, `export { x as y }`, `export default`, CommonJS `module.exports`/`exports.x`, also as a
// property of an exported object). Syntax only: what importers then do with it is theirs to show.
//
// Users: core/reconnect/analysis.ts (a connection exported without reconnect logic), core/owners/handler.ts
// (Azure Functions v3 handlers are exported through `module.exports`).
import type { Variable } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { outermostWrapper, skipWrappers, staticPropertyName } from './ast.js';
import { functionVariable } from './functions.js';
import type { SignalRModel } from './model.js';

/** `module.exports`, `module.exports.x`, `exports.x`, with `module`/`exports` the CommonJS globals. */
export function isCommonJsExport(model: SignalRModel, node: Node): boolean {
  const target = skipWrappers(node);
  if (target.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = skipWrappers(target.object);
  const isGlobal = (identifier: Node, name: string): boolean =>
    identifier.type === AST_NODE_TYPES.Identifier && identifier.name === name && !model.variableOf(identifier);
  if (isGlobal(object, 'module')) return staticPropertyName(target) === 'exports';
  if (isGlobal(object, 'exports')) return true;
  return isCommonJsExport(model, object) && object.type === AST_NODE_TYPES.MemberExpression && isGlobal(skipWrappers(object.object), 'module');
}

/**
 * `value` (an expression, in place) leaves the module: it is the default export, is assigned to
 * `module.exports` or one of its properties, or is a property value of an object exported that way.
 */
export function isExportedValue(model: SignalRModel, value: Node): boolean {
  let slot = outermostWrapper(value);
  // `module.exports = { connection }`, `export default { create() { … } }`: one object level.
  if (slot.parent?.type === AST_NODE_TYPES.Property && slot.parent.value === slot && slot.parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    slot = outermostWrapper(slot.parent.parent);
  }
  const parent = slot.parent;
  if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === slot && parent.operator === '=' && isCommonJsExport(model, parent.left);
}

/** A module-level variable that is exported: declared with `export`, named in `export { … }`, or given to `module.exports`. */
export function isExportedVariable(model: SignalRModel, variable: Variable): boolean {
  if (variable.scope.type !== 'module' && variable.scope.type !== 'global') return false;
  for (const def of variable.defs) {
    const declaration = def.type === 'Variable' ? def.node.parent : def.type === 'FunctionName' ? def.node : undefined;
    const parent = declaration?.parent;
    if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  }
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.ExportSpecifier && parent.local === reference.identifier) return true;
    return reference.isRead() && isExportedValue(model, reference.identifier);
  });
}

/** A function of this file that other modules can call: exported itself, or through the variable that holds it. */
export function isExportedFunction(model: SignalRModel, fn: FunctionNode): boolean {
  const holder = outermostWrapper(fn);
  const parent = holder.parent;
  if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  if (isExportedValue(model, fn)) return true;
  const variable = functionVariable(model, fn);
  return variable !== undefined && isExportedVariable(model, variable);
}
