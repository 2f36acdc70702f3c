// Retry policies: what `withAutomaticReconnect(…)` is given, whether it can give up, and the mistakes
// in one (delays in seconds, a policy function that gives the client `undefined`).
// - `withAutomaticReconnect()` retries after 0, 2, 10 and 30 s, then gives up and fires `onclose`;
//   `withAutomaticReconnect(delays)` takes milliseconds and gives up after the last one; `[]` never retries.
// - A policy's `nextRetryDelayInMilliseconds` returning `null` stops retrying; returning `undefined`
//   passes the client's `!== null` check and becomes `setTimeout(…, undefined)`: an immediate retry,
//   again and again.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from '../ast.js';
import { calledMethod, isFunction, skipWrappers, staticPropertyName, walk } from '../ast.js';
import { canCompleteNormally } from '../control-flow.js';
import { functionDenotedBy } from '../functions.js';
import { isUnboundGlobal } from '../globals.js';
import type { ClassNode, SignalRModel } from '../model.js';
import { BUILDER_METHODS } from '../signalr.js';
import { findProperty, returnedExpressions } from '../values.js';

/** What `withAutomaticReconnect()` waits before each retry (`DefaultReconnectPolicy`); then it gives up. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [0, 2000, 10000, 30000];

/** `IRetryPolicy`, its one method, and the `RetryContext` property that counts failed retries. */
export const RETRY_POLICY_INTERFACE = 'IRetryPolicy';
export const RETRY_POLICY_METHOD = 'nextRetryDelayInMilliseconds';
export const RETRY_COUNT_PROPERTY = 'previousRetryCount';

/**
 * `withAutomaticReconnect([...])` delays that are all this small (and not all zero) read as seconds:
 * `[0, 2, 10, 30]` retries within 42 ms and then gives up.
 */
export const SECONDS_LIKE_MAX_DELAY = 60;

/** The argument of `withAutomaticReconnect`, as the analysis sees it. */
export type RetryPolicy =
  | { readonly kind: 'default' }
  | { readonly kind: 'delays'; readonly array: TSESTree.ArrayExpression; readonly delays: readonly number[] | undefined }
  | { readonly kind: 'function'; readonly fn: FunctionNode; readonly owner: Node }
  | { readonly kind: 'unknown' };

/** A problem in a retry policy function. */
export type PolicyFunctionProblem =
  | { readonly kind: 'falls-off-end'; readonly node: FunctionNode }
  | { readonly kind: 'returns-undefined'; readonly node: Node }
  | { readonly kind: 'index-past-end'; readonly node: TSESTree.MemberExpression };

/** The argument of `withAutomaticReconnect(…)` (or of an `IRetryPolicy` owner), resolved through consts and local classes. */
export function retryPolicyOf(model: SignalRModel, argument: Node | undefined): RetryPolicy {
  if (!argument) return { kind: 'default' };
  let target = skipWrappers(argument);
  if (target.type === AST_NODE_TYPES.Identifier) target = model.resolveConst(target) ?? target;
  if (target.type === AST_NODE_TYPES.ArrayExpression) {
    const delays = target.elements.map((element) =>
      element && element.type !== AST_NODE_TYPES.SpreadElement ? numericValue(model, element) : undefined,
    );
    const known = delays.every((delay): delay is number => delay !== undefined);
    return { kind: 'delays', array: target, delays: known ? delays : undefined };
  }
  if (target.type === AST_NODE_TYPES.ObjectExpression) {
    const found = findProperty(model, target, RETRY_POLICY_METHOD);
    if (!found || found === 'unknown') return { kind: 'unknown' };
    const fn = functionDenotedBy(model, found.value);
    return fn ? { kind: 'function', fn, owner: found.property } : { kind: 'unknown' };
  }
  if (target.type === AST_NODE_TYPES.NewExpression) {
    const classNode = localClassOf(model, target.callee);
    const method = classNode && policyMethodOf(classNode);
    return method ? { kind: 'function', fn: method.value as FunctionNode, owner: method } : { kind: 'unknown' };
  }
  return { kind: 'unknown' };
}

/** Whether a policy can give up (return `null`); `unknown` when the file cannot see it. */
export function policyGivesUp(policy: RetryPolicy): boolean | 'unknown' {
  switch (policy.kind) {
    case 'default':
    case 'delays':
      return true;
    case 'unknown':
      return 'unknown';
    case 'function':
      return returnedExpressions(policy.fn).some((expression) => {
        let nullFound = false;
        walk(expression, (node) => {
          if (isFunction(node)) return false;
          if (node.type === AST_NODE_TYPES.Literal && node.value === null && node.raw === 'null') nullFound = true;
          return undefined;
        });
        return nullFound;
      });
  }
}

/** Delays that read as seconds: all known, all at most `SECONDS_LIKE_MAX_DELAY`, not all zero. */
export function delaysLookLikeSeconds(delays: readonly number[]): boolean {
  return delays.length > 0 && delays.every((delay) => delay >= 0 && delay <= SECONDS_LIKE_MAX_DELAY) && delays.some((delay) => delay > 0);
}

/**
 * Paths of a retry policy function that give the client `undefined` (which it takes for "retry at once"):
 * a `return;`, a `return undefined`, falling off the end, or an index past the end of a delay array.
 */
export function policyFunctionProblems(model: SignalRModel, fn: FunctionNode): PolicyFunctionProblem[] {
  if (fn.async || fn.generator) return [];
  const problems: PolicyFunctionProblem[] = [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    collectUndefinedResults(model, fn, fn.body, problems);
    return problems;
  }
  walk(fn.body, (node) => {
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (!node.argument) problems.push({ kind: 'returns-undefined', node });
      else collectUndefinedResults(model, fn, node.argument, problems);
    }
    return undefined;
  });
  if (canCompleteNormally(fn.body)) problems.push({ kind: 'falls-off-end', node: fn });
  return problems;
}

/**
 * Every retry policy among a file's calls, classes and declarations: `withAutomaticReconnect` arguments,
 * classes that implement `IRetryPolicy`, and values declared as one; in source order.
 */
export function collectPolicies(
  model: SignalRModel,
  calls: readonly TSESTree.CallExpression[],
  classes: readonly ClassNode[],
  declarators: readonly TSESTree.VariableDeclarator[],
): RetryPolicy[] {
  const policies: RetryPolicy[] = [];
  const seen = new Set<Node>();
  const add = (policy: RetryPolicy): void => {
    const key = policy.kind === 'delays' ? policy.array : policy.kind === 'function' ? policy.fn : undefined;
    if (!key || seen.has(key)) return;
    seen.add(key);
    policies.push(policy);
  };
  for (const call of calls) {
    const method = calledMethod(call);
    if (method?.name !== BUILDER_METHODS.withAutomaticReconnect || !model.builderChainOf(method.object)) continue;
    add(retryPolicyOf(model, call.arguments[0]));
  }
  for (const classNode of classes) {
    const implementsPolicy = (classNode.implements ?? []).some((clause) => model.isClientExport(clause.expression, RETRY_POLICY_INTERFACE));
    const method = implementsPolicy ? policyMethodOf(classNode) : undefined;
    if (method) add({ kind: 'function', fn: method.value as FunctionNode, owner: method });
  }
  for (const declarator of declarators) {
    const annotation = declarator.id.type === AST_NODE_TYPES.Identifier ? declarator.id.typeAnnotation?.typeAnnotation : undefined;
    if (annotation?.type !== AST_NODE_TYPES.TSTypeReference || !model.isClientExport(annotation.typeName, RETRY_POLICY_INTERFACE)) continue;
    if (declarator.init) add(retryPolicyOf(model, declarator.init));
  }
  return policies.sort((a, b) => policyNode(a).range[0] - policyNode(b).range[0]);
}

function policyNode(policy: RetryPolicy): Node {
  if (policy.kind === 'delays') return policy.array;
  if (policy.kind === 'function') return policy.fn;
  throw new Error('unreachable: only located policies are collected');
}

function localClassOf(model: SignalRModel, node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  const target = skipWrappers(node);
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = model.variableOf(target)?.defs[0];
  if (def?.type === 'ClassName' && def.node.type === AST_NODE_TYPES.ClassDeclaration) return def.node;
  const init = model.resolveConst(target);
  return init?.type === AST_NODE_TYPES.ClassExpression ? init : undefined;
}

function policyMethodOf(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): TSESTree.MethodDefinition | undefined {
  return classNode.body.body.find(
    (member): member is TSESTree.MethodDefinition =>
      member.type === AST_NODE_TYPES.MethodDefinition && !member.static && staticPropertyName(member) === RETRY_POLICY_METHOD,
  );
}

function collectUndefinedResults(model: SignalRModel, fn: FunctionNode, expression: Node, problems: PolicyFunctionProblem[]): void {
  const target = skipWrappers(expression);
  if (isUndefinedValue(model, target)) {
    problems.push({ kind: 'returns-undefined', node: target });
  } else if (target.type === AST_NODE_TYPES.ConditionalExpression) {
    collectUndefinedResults(model, fn, target.consequent, problems);
    collectUndefinedResults(model, fn, target.alternate, problems);
  } else if (target.type === AST_NODE_TYPES.MemberExpression && isUnguardedIndex(model, fn, target)) {
    problems.push({ kind: 'index-past-end', node: target });
  }
}

function isUndefinedValue(model: SignalRModel, node: Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === 'undefined' && isUnboundGlobal(model, node);
  return node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void';
}

/**
 * `delays[retryContext.previousRetryCount]` on an array the file spells out, in a function that never
 * looks at the array's length or compares anything: past the last delay it gives `undefined`.
 */
function isUnguardedIndex(model: SignalRModel, fn: FunctionNode, member: TSESTree.MemberExpression): boolean {
  if (!member.computed) return false;
  const object = skipWrappers(member.object);
  const array = object.type === AST_NODE_TYPES.ArrayExpression ? object : model.resolveConst(object);
  if (array?.type !== AST_NODE_TYPES.ArrayExpression) return false;
  let guarded = false;
  walk(fn.body, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(node) === 'length') guarded = true;
    if (node.type === AST_NODE_TYPES.BinaryExpression && ['<', '<=', '>', '>=', '===', '!==', '==', '!='].includes(node.operator)) guarded = true;
    if (node.type === AST_NODE_TYPES.CallExpression) guarded = true;
  });
  return !guarded;
}

/** A number the code spells out: literals, `const`s, and arithmetic on them; undefined when anything is computed at run time. */
export function numericValue(model: SignalRModel, node: Node, depth = 0): number | undefined {
  const target = skipWrappers(node);
  if (depth > 8) return undefined;
  switch (target.type) {
    case AST_NODE_TYPES.Literal:
      return typeof target.value === 'number' ? target.value : undefined;
    case AST_NODE_TYPES.UnaryExpression: {
      const value = numericValue(model, target.argument, depth + 1);
      if (value === undefined) return undefined;
      return target.operator === '-' ? -value : target.operator === '+' ? value : undefined;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (target.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
      const left = numericValue(model, target.left, depth + 1);
      const right = numericValue(model, target.right, depth + 1);
      if (left === undefined || right === undefined) return undefined;
      switch (target.operator) {
        case '+': return left + right;
        case '-': return left - right;
        case '*': return left * right;
        case '/': return left / right;
        case '**': return left ** right;
        default: return undefined;
      }
    }
    case AST_NODE_TYPES.Identifier: {
      const init = model.resolveConst(target);
      return init ? numericValue(model, init, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}
