// Who calls a function of this file: the file's call graph, as far as syntax shows it. A call's
// callee is resolved with `localFunctionOf` (a function declaration or `const`, a `useCallback`, a
// method or arrow-function field reached through `this`). Built once per file. Beside the calls, the
// graph keeps where a function is handed over by name to be called later (`setTimeout(connect, 5000)`,
// `onClick={join}`): whoever receives it there is a caller too.
//
// Users: core/start-errors.ts (where a rejection that leaves a function goes), core/ordering.ts
// (what a call runs after a `start()`), core/session.ts (what an `onreconnected` handler redoes).
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode } from './ast.js';
import type { Node } from './ast.js';
import { isFunction, skipWrappers, walk } from './ast.js';
import { functionDenotedBy, localFunctionOf } from './functions.js';
import type { SignalRModel } from './model.js';

export interface CallGraph {
  /** The calls of `fn` this file makes, in source order (none when only other files call it). */
  callsOf(fn: FunctionNode): readonly TSESTree.CallExpression[];
  /** The function of this file that `call` calls, if the file defines it. */
  calleeOf(call: TSESTree.CallExpression): FunctionNode | undefined;
  /**
   * Where this file hands `fn` over without calling it, in source order: an argument
   * (`addEventListener('click', connect)`, `.then(start)`), a JSX attribute (`onClick={join}`), the
   * right side of an assignment (`button.onclick = connect`). Functions written in place are not
   * listed: they are where they are passed.
   */
  passesOf(fn: FunctionNode): readonly Node[];
}

const graphs = new WeakMap<SignalRModel, CallGraph>();

export function callGraphOf(model: SignalRModel): CallGraph {
  let graph = graphs.get(model);
  if (!graph) {
    graph = buildCallGraph(model);
    graphs.set(model, graph);
  }
  return graph;
}

function buildCallGraph(model: SignalRModel): CallGraph {
  const callers = new Map<FunctionNode, TSESTree.CallExpression[]>();
  const callees = new Map<TSESTree.CallExpression, FunctionNode>();
  const passes = new Map<FunctionNode, Node[]>();
  const addPass = (value: Node | null | undefined): void => {
    if (!value || value.type === AST_NODE_TYPES.SpreadElement || value.type === AST_NODE_TYPES.JSXEmptyExpression || isFunction(skipWrappers(value))) return;
    const fn = functionDenotedBy(model, value);
    if (fn) passes.set(fn, [...(passes.get(fn) ?? []), value]);
  };
  walk(model.program, (node) => {
    if (node.type === AST_NODE_TYPES.JSXExpressionContainer) addPass(node.expression);
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=') addPass(node.right);
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    for (const argument of node.arguments) addPass(argument);
    const fn = localFunctionOf(model, node.callee);
    if (!fn) return;
    callees.set(node, fn);
    const calls = callers.get(fn) ?? [];
    calls.push(node);
    callers.set(fn, calls);
  });
  return {
    callsOf: (fn) => callers.get(fn) ?? [],
    calleeOf: (call) => callees.get(call),
    passesOf: (fn) => passes.get(fn) ?? [],
  };
}
