// Connections built again each time a subscription fires, over the one still running: a service that
// does `this.connection = build(); this.connection.start()` inside `isAuthenticated$.subscribe(…)`
// (or in a method such a callback calls) opens one more connection on every emission, and nothing
// stops the one it replaces. `require-stop` reports these apart from connections that outlive their
// owner: the owner may well stop its connection, but only the last one.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { calledMethod, contains, enclosingFunction, isFunction, outermostWrapper, skipWrappers, staticPropertyName, walk } from './ast.js';
import { callGraphOf } from './calls.js';
import { startCalls } from './flow.js';
import { localFunctionOf } from './functions.js';
import type { Connection, SignalRModel } from './model.js';
import { isImportedFrom } from './model/imports.js';
import { CONNECTION_METHODS } from './signalr.js';

/** Subscribing to an observable (RxJS), a store or an event source: the callback runs on every emission. */
const SUBSCRIBE_METHOD = 'subscribe';
/** Observer objects name their per-emission callback so. */
const OBSERVER_NEXT = 'next';
/** RxJS operators that let one value through: a subscription behind them fires once. */
const SINGLE_VALUE_OPERATORS: readonly string[] = ['take', 'first', 'single'];
const RXJS_PIPE = 'pipe';
/** Angular's HttpClient, whose observables emit one response and complete. */
const ANGULAR_HTTP_MODULE = '@angular/common/http';
const ANGULAR_HTTP_CLIENT = 'HttpClient';
/** How many calls deep a builder method is followed back to a subscription callback. */
const MAX_CALL_DEPTH = 3;

export interface OverwrittenConnection {
  /** `this.connection = <creation>`: where the running connection is replaced. */
  readonly assignment: TSESTree.AssignmentExpression;
  /** The `start()` of the new connection. */
  readonly start: TSESTree.CallExpression;
  readonly connection: Connection;
  /** The callback that runs on every emission. */
  readonly callback: FunctionNode;
}

const found = new WeakMap<SignalRModel, readonly OverwrittenConnection[]>();

/** Every connection this file builds and starts again on each emission of a subscription without stopping the previous one. */
export function overwrittenConnections(model: SignalRModel): readonly OverwrittenConnection[] {
  let result = found.get(model);
  if (!result) {
    result = findOverwrites(model);
    found.set(model, result);
  }
  return result;
}

function findOverwrites(model: SignalRModel): OverwrittenConnection[] {
  const results: OverwrittenConnection[] = [];
  const seen = new Set<TSESTree.AssignmentExpression>();
  for (const start of startCalls(model)) {
    const connection = model.connectionCall(start, CONNECTION_METHODS.start)!;
    if (connection.kind !== 'field' && connection.kind !== 'variable') continue;
    for (const creation of connection.creations) {
      const assignment = assignmentOf(creation);
      if (!assignment || seen.has(assignment)) continue;
      const builder = enclosingFunction(assignment);
      // The new connection is started where it is built, and kept in a place that outlives that run.
      if (!builder || !contains(builder, start) || start.range[0] < assignment.range[0] || !outlives(model, assignment.left, builder)) continue;
      const callback = repeatedCallbackOf(model, builder, assignment, 0);
      if (!callback) continue;
      seen.add(assignment);
      results.push({ assignment, start, connection, callback });
    }
  }
  return results.sort((a, b) => a.assignment.range[0] - b.assignment.range[0]);
}

/** `<slot> = <creation>`. */
function assignmentOf(creation: Node): TSESTree.AssignmentExpression | undefined {
  const parent = outermostWrapper(creation).parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && skipWrappers(parent.right) === creation ? parent : undefined;
}

/** The assigned place lives beyond one run of `fn`: a field (`this.x`), or a variable declared outside it. */
function outlives(model: SignalRModel, target: Node, fn: FunctionNode): boolean {
  const left = skipWrappers(target);
  if (left.type === AST_NODE_TYPES.MemberExpression) return model.thisOf(left.object) !== undefined;
  if (left.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = model.variableOf(left);
  return variable !== undefined && !contains(fn, variable.scope.block);
}

/**
 * The subscription callback that runs `assignment` on each emission: `fn` itself or a function around
 * it, or one that calls `fn` (a method the callback calls). Undefined when the code reads the slot
 * before it overwrites it there (a guard or a stop of the previous connection), or when the
 * subscription fires once.
 */
function repeatedCallbackOf(model: SignalRModel, fn: FunctionNode, assignment: TSESTree.AssignmentExpression, depth: number): FunctionNode | undefined {
  for (let current: FunctionNode | undefined = fn; current; current = enclosingFunction(current)) {
    if (readsSlotBefore(model, current, assignment.left, assignment.range[0])) return undefined;
    if (isPerEmissionCallback(model, current)) return current;
  }
  if (depth >= MAX_CALL_DEPTH) return undefined;
  const outermost = outermostFunction(fn);
  for (const call of callGraphOf(model).callsOf(outermost)) {
    const caller = enclosingFunction(call);
    const callback = caller && repeatedCallbackOfCall(model, caller, call, assignment, depth);
    if (callback) return callback;
  }
  return undefined;
}

function repeatedCallbackOfCall(model: SignalRModel, caller: FunctionNode, call: TSESTree.CallExpression, assignment: TSESTree.AssignmentExpression, depth: number): FunctionNode | undefined {
  for (let current: FunctionNode | undefined = caller; current; current = enclosingFunction(current)) {
    if (readsSlotBefore(model, current, assignment.left, call.range[0])) return undefined;
    if (isPerEmissionCallback(model, current)) return current;
  }
  return repeatedCallbackOf(model, caller, assignment, depth + 1);
}

function outermostFunction(fn: FunctionNode): FunctionNode {
  let outer = fn;
  for (let current = enclosingFunction(fn); current; current = enclosingFunction(current)) {
    // Stop at a method: its callers are found through the call graph.
    if (outer.parent?.type === AST_NODE_TYPES.MethodDefinition || outer.parent?.type === AST_NODE_TYPES.PropertyDefinition) break;
    outer = current;
  }
  return outer;
}

/** `fn` reads the place `target` names before `position`: `if (this.connection) …`, `this.connection?.stop()`. */
function readsSlotBefore(model: SignalRModel, fn: FunctionNode, target: Node, position: number): boolean {
  const left = skipWrappers(target);
  let reads = false;
  walk(fn.body, (node) => {
    if (reads || node.range[0] >= position) return false;
    if (left.type === AST_NODE_TYPES.MemberExpression && node.type === AST_NODE_TYPES.MemberExpression) {
      if (model.thisOf(node.object) && staticPropertyName(node) === staticPropertyName(left) && !isAssignedTo(node)) reads = true;
    } else if (left.type === AST_NODE_TYPES.Identifier && node.type === AST_NODE_TYPES.Identifier && node !== left) {
      if (model.variableOf(node) === model.variableOf(left) && !isAssignedTo(node)) reads = true;
    }
    return undefined;
  });
  return reads;
}

function isAssignedTo(node: Node): boolean {
  const parent = outermostWrapper(node).parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && skipWrappers(parent.left) === node;
}

/** `fn` is the callback of `<source>.subscribe(fn)` (or of an observer's `next`) on a source that may emit more than once. */
function isPerEmissionCallback(model: SignalRModel, fn: FunctionNode): boolean {
  const wrapper = outermostWrapper(fn);
  let argument: Node = wrapper;
  const holder = wrapper.parent;
  if (holder?.type === AST_NODE_TYPES.Property && holder.value === wrapper && staticPropertyName(holder) === OBSERVER_NEXT) argument = outermostWrapper(holder.parent);
  const call = argument.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== argument) return false;
  const method = calledMethod(call);
  return method?.name === SUBSCRIBE_METHOD && !emitsOnce(model, method.object);
}

/** `source.pipe(take(1))`, `source.pipe(first())`, an `HttpClient` request, or a function of this file that returns one. */
function emitsOnce(model: SignalRModel, source: Node, depth = 0): boolean {
  const target = skipWrappers(source);
  if (target.type !== AST_NODE_TYPES.CallExpression) return false;
  const local = depth < MAX_CALL_DEPTH ? localFunctionOf(model, target.callee) : undefined;
  if (local) return returnedValues(local).some((value) => emitsOnce(model, value, depth + 1));
  const method = calledMethod(target);
  if (!method) return false;
  if (method.name === RXJS_PIPE) {
    return target.arguments.some((operator) => {
      const call = skipWrappers(operator);
      if (call.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipWrappers(call.callee);
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
      return name !== undefined && SINGLE_VALUE_OPERATORS.includes(name) && (name !== 'take' || isOne(call.arguments[0]));
    }) || emitsOnce(model, method.object, depth);
  }
  return isHttpClient(model, method.object);
}

/** What `fn` returns: its expression body, or the arguments of its own `return`s. */
function returnedValues(fn: FunctionNode): Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const values: Node[] = [];
  walk(fn.body, (node) => {
    if (node !== fn && isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) values.push(node.argument);
    return undefined;
  });
  return values;
}

function isOne(node: Node | undefined): boolean {
  const value = node && skipWrappers(node);
  return value?.type === AST_NODE_TYPES.Literal && value.value === 1;
}

/** `this.http` (or a variable) declared as Angular's `HttpClient`. */
function isHttpClient(model: SignalRModel, node: Node): boolean {
  const slot = model.slotOf(node);
  return slot?.annotations.some((type) => type.type === AST_NODE_TYPES.TSTypeReference && isImportedFrom(model, type.typeName, [ANGULAR_HTTP_MODULE], [ANGULAR_HTTP_CLIENT])) ?? false;
}
