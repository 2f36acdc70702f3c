// A React function component or custom hook: code that runs on every render. What it keeps between
// renders (state, refs, memos, what a custom hook of this file gives back) is the component's, and
// props it renders children with are lent to them: the component holds such a connection until it
// unmounts, and its way out is an effect's cleanup. The effect that starts the connection owns it.
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode } from '../ast.js';
import { isFunction, outermostWrapper, skipWrappers, staticPropertyName, walk } from '../ast.js';
import type { ConnectionFlow, HandOff } from '../flow.js';
import type { Connection, SignalRModel } from '../model.js';
import { isImportedFrom } from '../model/imports.js';
import { isComponentHeld, REACT_MODULES } from './react-hooks.js';

/** Wrappers whose argument is the component itself: `memo(Chat)`, `forwardRef((props, ref) => …)`. */
const COMPONENT_WRAPPERS: readonly string[] = ['memo', 'forwardRef'];
/** A component's name starts with a capital letter; a hook's with `use` and a capital or digit. */
const COMPONENT_NAME = /^[A-Z]/;
const HOOK_NAME = /^use[A-Z0-9]/;

/**
 * The name of a function that runs on every render: a component (a capitalised name, or the
 * argument of `memo`/`forwardRef`, that returns JSX or calls hooks) or a custom hook (`useX`).
 */
export function renderingFunctionName(model: SignalRModel, fn: FunctionNode): string | undefined {
  const holder = outermostWrapper(fn);
  const parent = holder.parent;
  let name: string | undefined;
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) name = fn.id.name;
  else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) name = parent.id.name;
  else if (parent?.type === AST_NODE_TYPES.CallExpression && isImportedFrom(model, parent.callee, REACT_MODULES, COMPONENT_WRAPPERS)) {
    const declarator = outermostWrapper(parent).parent;
    name = declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier ? declarator.id.name : 'component';
    return name;
  }
  if (name === undefined) return undefined;
  if (HOOK_NAME.test(name)) return name;
  return COMPONENT_NAME.test(name) && rendersOrUsesHooks(fn) ? name : undefined;
}

/** A custom hook (`function useHub()`, `const useHub = () => …`). */
export function isCustomHook(fn: FunctionNode): boolean {
  const holder = outermostWrapper(fn).parent;
  const name =
    fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id
      ? fn.id.name
      : holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier
        ? holder.id.name
        : undefined;
  return name !== undefined && HOOK_NAME.test(name);
}

/**
 * The connection is kept by a React component: in its state, a ref, or a local of the component's
 * render (a memo, what a custom hook gives back), handed to nothing but the component's own state
 * setters and its children's props.
 */
export function isHeldByComponent(model: SignalRModel, connection: Connection, flow: ConnectionFlow): boolean {
  if (!flow.handOffs.every((handOff) => staysInComponent(handOff))) return false;
  if (flow.handOffs.some((handOff) => handOff.how === 'state') || isComponentHeld(model, connection)) return true;
  return flow.slots.some(
    (slot) =>
      slot.kind === 'ref' ||
      (slot.kind === 'variable' && !slot.borrowed && isFunction(slot.variable.scope.variableScope.block) && renderingFunctionName(model, slot.variable.scope.variableScope.block) !== undefined),
  );
}

/** A state setter of the component (`setConnection(c)`), or a child's prop (`<Chat connection={c} />`). */
function staysInComponent(handOff: HandOff): boolean {
  return handOff.how === 'state' || isLentToChild(handOff);
}

/**
 * A child's prop (`<Chat connection={c} />`): the child uses the connection while the parent keeps
 * it, and it gets a connection already built (no builder to add reconnect logic to).
 */
export function isLentToChild(handOff: HandOff): boolean {
  return handOff.how === 'passed' && handOff.node.type === AST_NODE_TYPES.JSXExpressionContainer && handOff.node.parent?.type === AST_NODE_TYPES.JSXAttribute;
}

function rendersOrUsesHooks(fn: FunctionNode): boolean {
  let found = false;
  for (const root of [...fn.params, fn.body]) {
    walk(root, (node) => {
      if (found || (node !== fn && isFunction(node))) return false;
      if (node.type === AST_NODE_TYPES.JSXElement || node.type === AST_NODE_TYPES.JSXFragment) found = true;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const callee = skipWrappers(node.callee);
        const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
        if (name !== undefined && HOOK_NAME.test(name)) found = true;
      }
      return undefined;
    });
  }
  return found;
}
