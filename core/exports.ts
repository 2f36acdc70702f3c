// Under which names a module gives its values to other modules, ES modules and CommonJS alike, in both
// directions: the names of one value, variable, function or class (`exportNamesOf…`), and every value
// the module exports with its names (`ownExports`, which core/project-facts.ts reads for cross-module
// facts). Both directions answer from the same slots, so they agree.
//
// The shapes, and the names they give:
// - `export const x`, `export function x`, `export class x`, `export { a as x }`: `x`;
// - `export default v`: `default`;
// - `module.exports = v`, TypeScript's `export = v`: `*` (`MODULE_OBJECT`, what `require('./m')` and
//   `import m = require('./m')` return) and `default` (what an ES default import of it gives);
// - `exports.x = v`, `module.exports.x = v`: `x` (also in a chain, `exports.a = exports.b = v`);
// - a property `x` of an object literal exported whole (`module.exports = { x }`, `export default { x() {} }`):
//   `x`, the name importers reach it by (`hub.x`, `const { x } = require('./hub')`); of an object exported
//   under a name `n`: `n.x`, which no importer can name directly but still leaves the module.
// `module` and `exports` count only as the CommonJS globals: a local `exports` object, or a parameter
// named `module` (a bundler's module wrapper), is not an export. An assignment counts wherever it is
// written, also inside a function: syntax cannot tell whether that function runs (a UMD wrapper's
// does), and code writes `module.exports` to be required. Re-exports (`export … from`) are the reader's
// to resolve (core/project-facts.ts does, through the module they name); `Object.assign(module.exports,
// …)`, `Object.defineProperty(exports, …)` and computed names (`exports[name] = v`) give no names.
//
// Users: core/project-facts.ts (what importers get), core/reconnect/analysis.ts (a connection exported
// without reconnect logic), core/owners/handler.ts (Azure Functions v3 handlers are `module.exports`).
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { outermostWrapper, skipWrappers, staticPropertyName, walk } from './ast.js';
import { isGlobalName } from './globals.js';
import type { ClassNode, SignalRModel } from './model.js';

/** The name of a CommonJS module's whole `module.exports` (or `export =`): what `require('./m')` itself returns. */
export const MODULE_OBJECT = '*';
/** The name of an ES default export; a CommonJS `module.exports` is one too, for ES importers. */
export const DEFAULT_EXPORT = 'default';

const WHOLE_MODULE_NAMES: readonly string[] = [MODULE_OBJECT, DEFAULT_EXPORT];

/** `module.exports`, `module.exports.x`, `exports.x` (any property), with `module`/`exports` the CommonJS globals. */
export function isCommonJsExport(model: SignalRModel, node: Node): boolean {
  const target = skipWrappers(node);
  if (target.type !== AST_NODE_TYPES.MemberExpression) return false;
  return isModuleExports(model, target) || isGlobalName(model, target.object, 'exports') || isModuleExports(model, skipWrappers(target.object));
}

/** `module.exports` itself, `module` being the CommonJS global. */
function isModuleExports(model: SignalRModel, node: Node): boolean {
  return node.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(node) === 'exports' && isGlobalName(model, node.object, 'module');
}

/** The names an assignment to `target` exports its value under: the whole module's, one name, or none. */
function commonJsNames(model: SignalRModel, target: Node): readonly string[] {
  const member = skipWrappers(target);
  if (member.type !== AST_NODE_TYPES.MemberExpression) return [];
  if (isModuleExports(model, member)) return WHOLE_MODULE_NAMES;
  if (!isCommonJsExport(model, member)) return [];
  const name = staticPropertyName(member);
  return name === undefined ? [] : [name];
}

/** The names a value gets from the slot it stands in (`export default ▢`, `module.exports = ▢`, `exports.x = ▢`). */
function slotNames(model: SignalRModel, slot: Node): readonly string[] {
  const parent = slot.parent;
  if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return [DEFAULT_EXPORT];
  if (parent?.type === AST_NODE_TYPES.TSExportAssignment) return WHOLE_MODULE_NAMES;
  if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.operator !== '=' || parent.right !== slot) return [];
  // `module.exports = exports = v`, `exports.a = exports.b = v`: the outer assignments export it too.
  const outer = slotNames(model, outermostWrapper(parent));
  const own = commonJsNames(model, parent.left);
  return own.length === 0 ? outer : [...own, ...outer];
}

/**
 * The names under which the module exports `value`, an expression or declaration, by where it stands
 * (not through a variable that holds it: see `exportNamesOfVariable`). Empty when it is not exported.
 */
export function exportNamesOfValue(model: SignalRModel, value: Node): string[] {
  const slot = outermostWrapper(value);
  const property = slot.parent;
  if (property?.type === AST_NODE_TYPES.Property && property.value === slot && property.parent.type === AST_NODE_TYPES.ObjectExpression) {
    const key = staticPropertyName(property);
    if (key === undefined) return [];
    const owners = slotNames(model, outermostWrapper(property.parent));
    const names = owners.filter((owner) => owner !== MODULE_OBJECT).map((owner) => (owner === DEFAULT_EXPORT ? key : `${owner}.${key}`));
    return [...new Set(names)];
  }
  return [...new Set(slotNames(model, slot))];
}

/**
 * The names under which the module exports a variable's value: declared with `export`, named in
 * `export { … }`, or read where a value is exported (`export default x`, `module.exports = { x }`, also
 * inside a function).
 */
export function exportNamesOfVariable(model: SignalRModel, variable: Variable): string[] {
  const names = new Set<string>();
  for (const def of variable.defs) {
    const declaration = def.type === 'Variable' ? def.node.parent : def.type === 'FunctionName' || def.type === 'ClassName' ? def.node : undefined;
    const parent = declaration?.parent;
    if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) names.add(variable.name);
    else if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) names.add(DEFAULT_EXPORT);
  }
  for (const reference of variable.references) {
    const user = reference.identifier.parent;
    if (user?.type === AST_NODE_TYPES.ExportSpecifier && user.local === reference.identifier) names.add(exportedName(user.exported));
    else if (reference.isRead()) for (const name of exportNamesOfValue(model, reference.identifier)) names.add(name);
  }
  return [...names];
}

/**
 * The names under which the module exports a function or class: where it stands (`export default
 * function`, `module.exports = class { … }`, a property of an exported object) or through the
 * variable that holds it (`export function f`, `export const f = () => …`, `exports.f = f`).
 */
export function exportNamesOf(model: SignalRModel, node: FunctionNode | ClassNode): string[] {
  const names = new Set(exportNamesOfValue(model, node));
  const variable = declaredVariable(model, node);
  if (variable) for (const name of exportNamesOfVariable(model, variable)) names.add(name);
  return [...names];
}

export function isExportedValue(model: SignalRModel, value: Node): boolean {
  return exportNamesOfValue(model, value).length > 0;
}

export function isExportedVariable(model: SignalRModel, variable: Variable): boolean {
  return exportNamesOfVariable(model, variable).length > 0;
}

/** A function of this file that other modules can call: exported itself, or through the variable that holds it. */
export function isExportedFunction(model: SignalRModel, fn: FunctionNode): boolean {
  return exportNamesOf(model, fn).length > 0;
}

/** How importers reach a function: the names it (or, for a method, its class) is exported under. */
export interface FunctionExport {
  readonly names: readonly string[];
  /** For a method of a class: its name, called on the exported class (static) or its instances. */
  readonly method?: string;
  /** The name the function, or the method's class, has in this file: importers often keep it. */
  readonly localName?: string;
}

/** How importers reach `fn`, a function or a class's method; undefined when no export reaches it. */
export function functionExportOf(model: SignalRModel, fn: FunctionNode): FunctionExport | undefined {
  const holder = outermostWrapper(fn).parent;
  if (holder?.type === AST_NODE_TYPES.MethodDefinition || holder?.type === AST_NODE_TYPES.PropertyDefinition) {
    const classNode = holder.parent.parent;
    const method = staticPropertyName(holder);
    if (classNode.type !== AST_NODE_TYPES.ClassDeclaration && classNode.type !== AST_NODE_TYPES.ClassExpression) return undefined;
    const names = exportNamesOf(model, classNode);
    if (names.length === 0 || method === undefined) return undefined;
    const localName = declaredVariable(model, classNode)?.name;
    return { names, method, ...(localName !== undefined && { localName }) };
  }
  const names = exportNamesOf(model, fn);
  if (names.length === 0) return undefined;
  const localName = declaredVariable(model, fn)?.name;
  return { names, ...(localName !== undefined && { localName }) };
}

/** A value the module exports, with the name it is exported under (one entry per name). */
export interface OwnExport {
  readonly name: string;
  /** The exported expression or declaration, or the identifier naming it (`export { x }`, `exports.x = x`). */
  readonly value: Node;
}

/**
 * Every value the module exports itself (not `export … from`), in source order: its ES exports, then
 * its CommonJS ones. Each value's names are `exportNamesOfValue`'s or `exportNamesOfVariable`'s.
 */
export function ownExports(model: SignalRModel): OwnExport[] {
  const found: OwnExport[] = [];
  const addExported = (value: Node): void => {
    for (const name of exportNamesOfValue(model, value)) found.push({ name, value });
    const object = skipWrappers(value);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return;
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      for (const name of exportNamesOfValue(model, property.value)) found.push({ name, value: property.value });
    }
  };
  for (const statement of model.program.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.source) {
      if (statement.declaration) for (const [name, value] of declaredValues(statement.declaration)) found.push({ name, value });
      for (const specifier of statement.specifiers) found.push({ name: exportedName(specifier.exported), value: specifier.local });
    } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration || statement.type === AST_NODE_TYPES.TSExportAssignment) {
      addExported(statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement.expression);
    }
  }
  const chained = new Set<Node>();
  walk(model.program, (node) => {
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.operator !== '=' || commonJsNames(model, node.left).length === 0) return;
    // In a chain (`exports.a = exports.b = v`) the value is the innermost right side, and its names
    // are every target's: add it once.
    let value: Node = skipWrappers(node.right);
    while (value.type === AST_NODE_TYPES.AssignmentExpression && value.operator === '=') value = skipWrappers(value.right);
    if (chained.has(value)) return;
    chained.add(value);
    addExported(value);
  });
  return found;
}

export function exportedName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

/** The names and values an exported declaration binds (declared functions and classes, initialised names). */
function declaredValues(declaration: TSESTree.NamedExportDeclarations): [string, Node][] {
  if ((declaration.type === AST_NODE_TYPES.FunctionDeclaration || declaration.type === AST_NODE_TYPES.ClassDeclaration) && declaration.id) {
    return [[declaration.id.name, declaration]];
  }
  if (declaration.type !== AST_NODE_TYPES.VariableDeclaration) return [];
  return declaration.declarations.flatMap((declarator): [string, Node][] =>
    declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init ? [[declarator.id.name, declarator.id]] : [],
  );
}

/** The variable a function or class declares or is held by (`function f`, `class C`, `const f = …`). */
function declaredVariable(model: SignalRModel, node: FunctionNode | ClassNode): Variable | undefined {
  // A function or class expression's own name is visible only inside it: not how the module knows it.
  const declared = node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.ClassDeclaration;
  if (declared && node.id) {
    const variable = model.variableOf(node.id);
    // A class's name is bound twice, inside the class too: the module knows it by the outer binding.
    return variable?.scope.type === 'class' ? (variable.scope.upper?.set.get(variable.name) ?? variable) : variable;
  }
  const holder = outermostWrapper(node).parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init !== null && outermostWrapper(holder.init) === outermostWrapper(node) && holder.id.type === AST_NODE_TYPES.Identifier) {
    return model.variableOf(holder.id);
  }
  return undefined;
}
