// Other names for what the model tracks: the browser globals of the clients (`signalR`, `$`, `jQuery`)
// reached through `window.`/`globalThis.`/`self.`, through a `const` holding one or through the
// parameter of an immediately invoked function that receives one (`(function ($) { … })(jQuery)`);
// and `this` reached through `const self = this`.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from '../ast.js';
import { calledMethod, isFunction, skipWrappers, staticPropertyName } from '../ast.js';
import { GLOBAL_OBJECTS } from '../globals.js';

/** How many names deep an alias is followed (`const $$ = jq` where `jq` is an IIFE parameter). */
const MAX_ALIAS_DEPTH = 4;

/** What the alias analysis needs from the file's bindings. */
export interface AliasScope {
  variableOf(identifier: Node): Variable | undefined;
}

/**
 * The value a name is bound to once and for all: a `const` (or a never reassigned `let`/`var`)
 * initializer, or the argument an immediately invoked function receives for this parameter.
 */
export function boundValueOf(scope: AliasScope, variable: Variable): Node | undefined {
  if (!isBoundOnce(variable)) return undefined;
  const def = variable.defs[0]!;
  if (def.type === 'Variable') {
    const declarator = def.node as TSESTree.VariableDeclarator;
    return declarator.id === def.name && declarator.init ? skipWrappers(declarator.init) : undefined;
  }
  if (def.type !== 'Parameter') return undefined;
  const fn = def.node;
  if (!isFunction(fn)) return undefined;
  const index = fn.params.indexOf(def.name as TSESTree.Parameter);
  const call = immediateCallOf(fn);
  if (index < 0 || !call) return undefined;
  // `(function ($) { … }).call(this, jQuery)` passes `this` first.
  const offset = skipWrappers(call.callee) === fn ? 0 : 1;
  const argument = call.arguments[index + offset];
  return argument && argument.type !== AST_NODE_TYPES.SpreadElement ? skipWrappers(argument) : undefined;
}

/** Declared once and never written after its declaration (a destructuring default writes it there too). */
export function isBoundOnce(variable: Variable): boolean {
  const name = variable.defs.length === 1 ? variable.defs[0]!.name : undefined;
  return name !== undefined && variable.references.every((ref) => !ref.isWrite() || ref.identifier === name);
}

/** The call that invokes `fn` where it is written: `(function () {…})()`, `(() => {…}).call(this)`. */
function immediateCallOf(fn: TSESTree.FunctionLike): TSESTree.CallExpression | undefined {
  let current: Node = fn;
  while (current.parent && skipWrappers(current.parent) !== current.parent) current = current.parent;
  const parent = current.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === current) return parent;
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== current) return undefined;
  const call = parent.parent;
  const method = call?.type === AST_NODE_TYPES.CallExpression ? calledMethod(call) : undefined;
  return method?.name === 'call' && call?.type === AST_NODE_TYPES.CallExpression ? call : undefined;
}

/**
 * The global that `node` denotes: a name `isGlobal` accepts (so shadowed, declared and imported names
 * follow the file's rules), `window.<name>` for one of `names`, or a `const` or IIFE parameter bound
 * to one of those.
 */
export function aliasedGlobal(
  scope: AliasScope,
  node: Node,
  names: ReadonlySet<string>,
  isGlobal: (identifier: TSESTree.Identifier) => boolean,
  depth = 0,
): string | undefined {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipWrappers(target.object);
    const name = staticPropertyName(target);
    const onGlobalObject = object.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.includes(object.name) && isUnbound(scope, object);
    return onGlobalObject && name !== undefined && names.has(name) ? name : undefined;
  }
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (isGlobal(target)) return target.name;
  const variable = scope.variableOf(target);
  const bound = variable && depth < MAX_ALIAS_DEPTH ? boundValueOf(scope, variable) : undefined;
  return bound && aliasedGlobal(scope, bound, names, isGlobal, depth + 1);
}

/** `this`, or a name bound to it (`const self = this`, `var that = this`): the `this` it stands for. */
export function thisOf(scope: AliasScope, node: Node): TSESTree.ThisExpression | undefined {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.ThisExpression) return target;
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = scope.variableOf(target);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'Variable') return undefined;
  const bound = boundValueOf(scope, variable);
  return bound?.type === AST_NODE_TYPES.ThisExpression ? bound : undefined;
}

function isUnbound(scope: AliasScope, identifier: TSESTree.Identifier): boolean {
  const variable = scope.variableOf(identifier);
  return !variable || variable.defs.length === 0;
}
