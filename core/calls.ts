// Who calls a function of this file: the file's call graph, as far as syntax shows it. A call's
// callee is resolved with `localFunctionOf` (a function declaration or `const`, a `useCallback`, a
// method or arrow-function field reached through `this`). Built once per file.
//
// Users: core/start-errors.ts (where a rejection that leaves a function goes), core/ordering.ts
// (what a call runs after a `start()`), core/session.ts (what an `onreconnected` handler redoes).
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode } from './ast.js';
import { walk } from './ast.js';
import { localFunctionOf } from './functions.js';
import type { SignalRModel } from './model.js';

export interface CallGraph {
  /** The calls of `fn` this file makes, in source order (none when only other files call it). */
  callsOf(fn: FunctionNode): readonly TSESTree.CallExpression[];
  /** The function of this file that `call` calls, if the file defines it. */
  calleeOf(call: TSESTree.CallExpression): FunctionNode | undefined;
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
  walk(model.program, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
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
  };
}
