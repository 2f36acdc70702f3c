// What a React component keeps between renders: refs (`useRef`), state (`useState`) and memoised
// callbacks (`useCallback`). A connection held there belongs to the component's effects.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from '../ast.js';
import { skipWrappers, staticPropertyName, walk } from '../ast.js';
import type { Connection, SignalRModel } from '../model.js';
import { isImportedFrom } from '../model/imports.js';

export const REACT_MODULES: readonly string[] = ['react'];

const REACT_REF_HOOK = 'useRef';

/** Hooks whose first argument is the function they hand back: a call of the result runs that function. */
const REACT_FUNCTION_HOOKS: readonly string[] = ['useCallback'];

/**
 * Hooks that keep a value between renders, and how their call gives it back: `useState(initial)` (or
 * its lazy `useState(() => initial)`) as the first element of the pair, `useRef(initial)` as
 * `.current`, `useMemo(() => value)` as its result.
 */
const VALUE_HOOKS = { useState: 'state', useRef: 'ref', useMemo: 'memo' } as const;
export type ValueHookKind = (typeof VALUE_HOOKS)[keyof typeof VALUE_HOOKS];
/** Hooks whose last list argument names the values they depend on: a dependency list keeps nothing. */
const DEPENDENCY_HOOKS: readonly string[] = ['useEffect', 'useLayoutEffect', 'useInsertionEffect', 'useMemo', 'useCallback', 'useImperativeHandle'];

/** `connectionRef.current` or React state: the component holds it between renders. */
export function isComponentHeld(model: SignalRModel, connection: Connection): boolean {
  if (!connection.variable) return false;
  if (connection.kind === 'property') return connection.property === 'current' && isReactRef(model, connection.variable);
  if (connection.kind !== 'variable') return false;
  const def = connection.variable.defs[0];
  return def?.type === 'Variable' && def.name.parent?.type === AST_NODE_TYPES.ArrayPattern;
}

/** `const ref = useRef(...)` from React. */
export function isReactRef(model: SignalRModel, variable: Variable): boolean {
  const def = variable.defs[0];
  if (def?.type !== 'Variable') return false;
  const init = (def.node as TSESTree.VariableDeclarator).init;
  const call = init && skipWrappers(init);
  return call?.type === AST_NODE_TYPES.CallExpression && isImportedFrom(model, call.callee, REACT_MODULES, [REACT_REF_HOOK]);
}

export function readsRef(model: SignalRModel, node: Node): boolean {
  let found = false;
  walk(node, (inner) => {
    if (found) return false;
    if (inner.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(inner) === 'current') {
      const object = skipWrappers(inner.object);
      const variable = object.type === AST_NODE_TYPES.Identifier ? model.variableOf(object) : undefined;
      if (variable && isReactRef(model, variable)) found = true;
    }
    return undefined;
  });
  return found;
}

/** `const [value, setValue] = useState(...)`: `callee` is `setValue`. */
export function isStateSetter(model: SignalRModel, callee: Node): boolean {
  const target = skipWrappers(callee);
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const def = model.variableOf(target)?.defs[0];
  const pattern = def?.name.parent;
  return def?.type === 'Variable' && pattern?.type === AST_NODE_TYPES.ArrayPattern && pattern.elements[1] === def.name;
}

/** `useCallback` from React: its call gives back the function it is passed. */
export function isFunctionHook(model: SignalRModel, callee: Node): boolean {
  return isImportedFrom(model, callee, REACT_MODULES, REACT_FUNCTION_HOOKS);
}

/** `useState(…)`, `useRef(…)`, `useMemo(…)` from React: which value hook `call` is. */
export function valueHookOf(model: SignalRModel, call: TSESTree.CallExpression): ValueHookKind | undefined {
  for (const [name, kind] of Object.entries(VALUE_HOOKS)) {
    if (isImportedFrom(model, call.callee, REACT_MODULES, [name])) return kind;
  }
  return undefined;
}

/** `node` is the dependency list of a React hook (`useEffect(fn, [connection])`). */
export function isDependencyList(model: SignalRModel, node: Node): boolean {
  const call = node.parent;
  return (
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.arguments.length > 1 &&
    call.arguments.at(-1) === node &&
    isImportedFrom(model, call.callee, REACT_MODULES, DEPENDENCY_HOOKS)
  );
}
