// What would hear a failed `start()` that the reconnect writer is about to retry (codemods/utils/
// reconnect-writer.ts): wrapped in `startWithRetry`, the start no longer fails, so code that handled
// its rejection (a `catch` around its `await`, a caller of the function that returns it) would never
// run again. The writer leaves such a start alone and names that code in its skip message.
// core/start-errors.ts asks the rule's question, where a rejection ends up; this asks only whether
// anything in this file could be listening, and answers "something" wherever it cannot tell.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from '../../core/ast.js';
import { enclosingFunction, isFunction, outermostWrapper, staticPropertyName, walk } from '../../core/ast.js';
import type { SignalRModel } from '../../core/model.js';
import { callbackRole } from '../../core/promises.js';

/** Methods a framework calls without looking at their result. */
const LIFECYCLE_METHODS: readonly string[] = ['ngOnInit', 'ngAfterViewInit', 'ngOnChanges', 'componentDidMount', 'componentDidUpdate', 'mounted', 'created', 'beforeMount', 'connectedCallback'];

/**
 * What hears a rejection of `promise` besides an unhandled-rejection report: a `catch` around its
 * `await`, or the callers of the function that returns or awaits it. Undefined when nothing does.
 */
export function failureListener(model: SignalRModel, promise: Node): string | undefined {
  const outer = outermostWrapper(promise);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return undefined;
  if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') return undefined;
  let fn: FunctionNode | undefined;
  if (parent?.type === AST_NODE_TYPES.AwaitExpression) {
    for (let current: Node = parent; current.parent && !isFunction(current); current = current.parent) {
      const holder: Node = current.parent;
      if (holder.type === AST_NODE_TYPES.TryStatement && holder.block === current && holder.handler) return 'the `catch` around it';
    }
    fn = enclosingFunction(parent);
    if (!fn) return undefined;
  } else if (parent?.type === AST_NODE_TYPES.ReturnStatement || (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === outer)) {
    fn = parent.type === AST_NODE_TYPES.ReturnStatement ? enclosingFunction(parent) : parent;
  } else {
    return 'the code it is handed to';
  }
  return fn && callersListen(model, fn);
}

/** Whether callers of `fn` may handle its rejection: undefined when every call ignores the result. */
function callersListen(model: SignalRModel, fn: FunctionNode): string | undefined {
  const role = callbackRole(model, fn);
  if (role.kind === 'ignored') return undefined;
  if (role.kind !== 'named') return 'the code that calls the enclosing function';
  const name = role.name.type === AST_NODE_TYPES.Identifier ? role.name.name : undefined;
  if (name && LIFECYCLE_METHODS.includes(name) && fn.parent?.type === AST_NODE_TYPES.MethodDefinition) return undefined;
  const calls = name ? callsByName(model, fn, name) : undefined;
  if (!calls || calls.length === 0) return `the callers of \`${name ?? 'the enclosing function'}\``;
  const listening = calls.find((call) => {
    const user = outermostWrapper(call).parent;
    return !(user?.type === AST_NODE_TYPES.ExpressionStatement || (user?.type === AST_NODE_TYPES.UnaryExpression && user.operator === 'void'));
  });
  return listening ? `the caller of \`${name}\` on line ${listening.loc.start.line}` : undefined;
}

/** The calls of a local function or of a method through `this`; undefined when others may call it (exported). */
function callsByName(model: SignalRModel, fn: FunctionNode, name: string): TSESTree.CallExpression[] | undefined {
  const holder = outermostWrapper(fn).parent;
  if (holder?.type === AST_NODE_TYPES.MethodDefinition || holder?.type === AST_NODE_TYPES.PropertyDefinition) return thisCallsOf(holder, name);
  const declaration = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : holder?.parent;
  if (isExport(declaration?.parent)) return undefined;
  const identifier = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id : holder?.type === AST_NODE_TYPES.VariableDeclarator ? holder.id : undefined;
  const variable = identifier?.type === AST_NODE_TYPES.Identifier ? model.variableOf(identifier) : undefined;
  if (!variable) return undefined;
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    const callee = outermostWrapper(reference.identifier);
    if (callee.parent?.type === AST_NODE_TYPES.CallExpression && callee.parent.callee === callee) calls.push(callee.parent);
    else if (reference.isRead()) return undefined;
  }
  return calls;
}

/** The `this.<name>()` calls of a class's method; undefined when code outside the class may call it (exported class, public method). */
function thisCallsOf(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition, name: string): TSESTree.CallExpression[] | undefined {
  const classNode = member.parent?.parent;
  if (!classNode || isExport(classNode.parent)) return undefined;
  if (member.type === AST_NODE_TYPES.MethodDefinition && member.accessibility !== 'private' && member.accessibility !== 'protected') return undefined;
  const calls: TSESTree.CallExpression[] = [];
  walk(classNode, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && node.callee.object.type === AST_NODE_TYPES.ThisExpression && staticPropertyName(node.callee) === name) calls.push(node);
  });
  return calls;
}

function isExport(node: Node | undefined): boolean {
  return node?.type === AST_NODE_TYPES.ExportNamedDeclaration || node?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
}
