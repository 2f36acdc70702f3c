// Functions of this file that make a new connection on each call (factories), as opposed to getters
// of one that is kept (a module-level singleton, a cache). A factory returns what it builds either
// directly (`return <builder>.build()`) or through a local of its own that holds it, possibly set up
// first (`const hub = build(); hub.on(…); hub.start(); return hub;`). Whether a value is a creation
// is the caller's question (`isNew`): the render analysis follows calls a few functions deep.
//
// Users: core/render.ts (no-connection-in-render), core/reconnect/analysis.ts (whose `return` hands
// nothing off because the file follows the factory's calls), core/project-facts.ts (a factory another
// module imports gives a new connection per call; a getter of a module-level one does not).
import type { Variable } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { enclosingFunction, isFunction, outermostWrapper, skipWrappers, walk } from './ast.js';
import type { SignalRModel } from './model.js';

/** What a `return` gives, as far as creating connections goes. */
type ReturnedKind = 'new' | 'nothing' | 'other';

/**
 * `fn` returns a connection it builds on each call: at least one `return` gives a new one (built in
 * place or held in a local of `fn` that only ever holds new ones), and every other `return` gives
 * nothing (`return;`, `null`, `undefined`). A `return` of anything else (a kept connection, a cache's
 * entry, a parameter) makes it a getter, not a factory.
 */
export function returnsNewConnection(model: SignalRModel, fn: FunctionNode, isNew: (value: Node) => boolean): boolean {
  const kinds = returnedValues(fn).map((value) => returnedKind(model, fn, value, isNew));
  return kinds.includes('new') && !kinds.includes('other');
}

/**
 * The function that returns `creation` through a local of its own: `const hub = <creation>; …;
 * return hub;`. Undefined when the creation is stored anywhere else (a module-level variable, a field).
 */
export function functionReturningLocal(model: SignalRModel, creation: Node): FunctionNode | undefined {
  const slot = outermostWrapper(creation);
  const parent = slot.parent;
  let target: Node | undefined;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === slot) target = parent.id;
  else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === slot) target = parent.left;
  if (target?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const fn = enclosingFunction(slot);
  const variable = fn && ownLocal(model, fn, target);
  if (!fn || !variable) return undefined;
  return returnedValues(fn).some((value) => isReadOf(model, value, variable)) ? fn : undefined;
}

/** The value of each `return` in `fn`'s own code (the statement itself for a bare `return;`), or its expression body. */
export function returnedValues(fn: FunctionNode): Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const returned: Node[] = [];
  walk(fn.body, (node) => {
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement) returned.push(node.argument ?? node);
    return undefined;
  });
  return returned;
}

function returnedKind(model: SignalRModel, fn: FunctionNode, value: Node, isNew: (value: Node) => boolean): ReturnedKind {
  if (isNothing(value)) return 'nothing';
  if (isNew(value)) return 'new';
  const target = skipWrappers(value);
  const variable = target.type === AST_NODE_TYPES.Identifier ? ownLocal(model, fn, target) : undefined;
  return variable && holdsOnlyNew(fn, variable, isNew) ? 'new' : 'other';
}

/** `return;`, `return null`, `return undefined`, `return void 0`. */
function isNothing(value: Node): boolean {
  const target = skipWrappers(value);
  if (target.type === AST_NODE_TYPES.ReturnStatement) return true;
  if (target.type === AST_NODE_TYPES.Literal) return target.value === null;
  if (target.type === AST_NODE_TYPES.Identifier) return target.name === 'undefined';
  return target.type === AST_NODE_TYPES.UnaryExpression && target.operator === 'void';
}

/** The variable `identifier` names when `fn`'s own code declares it (see `isOwnLocal`). */
function ownLocal(model: SignalRModel, fn: FunctionNode, identifier: Node): Variable | undefined {
  const variable = model.variableOf(identifier);
  return variable && isOwnLocal(fn, variable) ? variable : undefined;
}

/** `fn`'s own code declares `variable` (`const`, `let`, `var`; not a parameter): each call has its own. */
export function isOwnLocal(fn: FunctionNode, variable: Variable): boolean {
  const def = variable.defs[0];
  return variable.defs.length === 1 && def?.type === 'Variable' && enclosingFunction(def.node) === fn;
}

/**
 * Every value `fn` stores in its local `variable` is a new connection (or nothing yet: `let hub =
 * null`), and at least one is. A write elsewhere (a nested callback, a destructuring) or of another
 * value (`let hub = cache.get(url)`) means the local may give back a connection that already existed.
 */
function holdsOnlyNew(fn: FunctionNode, variable: Variable, isNew: (value: Node) => boolean): boolean {
  let stored = false;
  for (const ref of variable.references) {
    if (!ref.isWrite()) continue;
    const parent = ref.identifier.parent;
    const wholeValue = parent?.type === AST_NODE_TYPES.VariableDeclarator || parent?.type === AST_NODE_TYPES.AssignmentExpression;
    if (!wholeValue || !ref.writeExpr || enclosingFunction(ref.identifier) !== fn) return false;
    if (isNothing(ref.writeExpr)) continue;
    if (!isNew(ref.writeExpr)) return false;
    stored = true;
  }
  return stored;
}

/** `value` reads `variable` (`return hub`, `return hub as HubConnection`). */
function isReadOf(model: SignalRModel, value: Node, variable: Variable): boolean {
  const target = skipWrappers(value);
  return target.type === AST_NODE_TYPES.Identifier && model.variableOf(target) === variable;
}
