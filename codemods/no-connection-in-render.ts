// Makes the connections that `no-connection-in-render` reports (the same analysis, core/render.ts)
// be built once instead of on every render, where one edit does it without changing what the
// component sees:
// - `useState(build())` becomes `useState(() => build())`: React calls the initialiser on the first
//   render only, and keeps the same value the eager argument gave it then;
// - in JavaScript, `const ref = useRef(build())` becomes `useRef(null)` filled on the first render
//   (`if (ref.current === null) ref.current = build();`), as the React docs do it. In TypeScript that
//   would make the ref's type nullable and break every use of it, so it is left with the reason.
// A connection built in the component body or in a prop default needs a decision about who owns it
// (a ref, the effect that starts it, module level): those are left as they are, with the reason.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { API, FileInfo, Transform } from 'jscodeshift';

import { skipWrappers } from '../core/ast.js';
import type { SignalRModel } from '../core/model.js';
import type { RenderCreation } from '../core/render.js';
import { creationsInRender } from '../core/render.js';
import { TextEdits } from './utils/edits.js';
import type { TransformOptions } from './utils/source.js';
import { analyzeFile, reportSkip } from './utils/source.js';
import type { FileStyle } from './utils/style.js';
import { detectStyle, semicolon } from './utils/style.js';

export { parser } from './utils/parser.js';

/** The ref's property that holds its value. */
const REF_VALUE = 'current';

const transform: Transform = (file: FileInfo, api: API, options: TransformOptions) => {
  const analyzed = analyzeFile(file, options);
  if (!analyzed?.model.usesSignalR) return undefined;
  const creations = creationsInRender(analyzed.model);
  if (creations.length === 0) return undefined;
  const style = detectStyle(file.source, analyzed.program, file.path);
  const edits = new TextEdits(file.source);
  for (const creation of creations) {
    const reason = planCreation(analyzed.model, edits, style, creation);
    if (reason) reportSkip(api, file, creation.creation, reason);
  }
  return edits.apply();
};

export default transform;

/** Adds the edits that build `creation` once; or says why it is left. */
function planCreation(model: SignalRModel, edits: TextEdits, style: FileStyle, creation: RenderCreation): string | undefined {
  const { componentName, place, hook } = creation;
  switch (place) {
    case 'state-initializer':
      return hook ? lazyState(edits, style, creation.creation, hook) : undefined;
    case 'ref-initializer':
      return hook ? lazyRef(model, edits, style, creation.creation, hook) : undefined;
    case 'default-parameter':
      return `the default value of a prop of \`${componentName}\` builds a connection on every render without that prop: build one at module level and use it as the default, or have the parent pass it`;
    case 'body':
      return `the connection is built in the body of \`${componentName}\`, on every render: hold it in a ref, build it in the effect that starts it, or move it to module level; which fits depends on who else uses it`;
  }
}

/** `useState(build())` → `useState(() => build())`. */
function lazyState(edits: TextEdits, style: FileStyle, creation: TSESTree.CallExpression, hook: TSESTree.CallExpression): string | undefined {
  const [initial] = hook.arguments;
  if (!initial || skipWrappers(initial) !== creation) {
    return 'the connection is only part of the initial state: pass the whole initial value as a function, `useState(() => …)`, by hand';
  }
  // `useState(build() as HubConnection)`: the whole argument becomes the function's result.
  const [start, end] = initial.range;
  if (style.language.arrows) {
    edits.insert(start, '() => ');
  } else {
    edits.insert(start, 'function () { return ');
    edits.insert(end, `${semicolon(style)} }`);
  }
  return undefined;
}

/** `const ref = useRef(build());` → `const ref = useRef(null);` and `if (ref.current === null) ref.current = build();` after it. */
function lazyRef(model: SignalRModel, edits: TextEdits, style: FileStyle, creation: TSESTree.CallExpression, hook: TSESTree.CallExpression): string | undefined {
  if (style.language.typescript) {
    return '`useRef` has no lazy form, and a ref filled on the first render (`if (ref.current === null) ref.current = …`) needs a nullable type, which changes every use of `ref.current`: hold the connection in `useState(() => …)` or make the ref lazy by hand';
  }
  const [initial] = hook.arguments;
  const declarator = hook.parent;
  const declaration = declarator?.parent;
  if (
    !initial ||
    skipWrappers(initial) !== creation ||
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== hook ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    declaration?.type !== AST_NODE_TYPES.VariableDeclaration ||
    declaration.declarations.length !== 1 ||
    declaration.parent?.type !== AST_NODE_TYPES.BlockStatement
  ) {
    return 'the ref is not declared on its own (`const ref = useRef(…);` in the component body): make it lazy by hand, `if (ref.current === null) ref.current = …`';
  }
  const name = declarator.id.name;
  const blocking = refUseThatBlocks(model, declarator.id);
  if (blocking) {
    return `\`${name}\` is ${blocking.what} on line ${blocking.node.loc.start.line}: filled lazily, the ref could be emptied and build a new connection on a later render`;
  }
  edits.replace(initial.range[0], initial.range[1], 'null');
  const end = semicolon(style);
  edits.insertStatementAfter(declaration, `if (${name}.${REF_VALUE} === null) ${name}.${REF_VALUE} = ${edits.text(initial)}${end}`);
  return undefined;
}

/**
 * A use of the ref other than reading `ref.current`: an assignment to `ref.current` (after which the
 * lazy form would build again), or the ref handed on (whoever receives it may do the same).
 */
function refUseThatBlocks(model: SignalRModel, ref: TSESTree.Identifier): { what: string; node: TSESTree.Node } | undefined {
  for (const reference of model.variableOf(ref)?.references ?? []) {
    const identifier = reference.identifier as TSESTree.Node;
    if (identifier === ref) continue;
    const member = identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier || member.computed || member.property.type !== AST_NODE_TYPES.Identifier || member.property.name !== REF_VALUE) {
      return { what: 'handed on', node: identifier };
    }
    const holder = member.parent;
    const written =
      (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.left === member) ||
      holder?.type === AST_NODE_TYPES.UpdateExpression ||
      holder?.type === AST_NODE_TYPES.ArrayPattern ||
      (holder?.type === AST_NODE_TYPES.Property && holder.value === member && holder.parent.type === AST_NODE_TYPES.ObjectPattern) ||
      (holder?.type === AST_NODE_TYPES.AssignmentPattern && (holder.left as TSESTree.Node) === member) ||
      holder?.type === AST_NODE_TYPES.RestElement;
    if (written) return { what: `assigned (\`${ref.name}.${REF_VALUE}\`)`, node: identifier };
  }
  return undefined;
}
