// What happens to a promise, following typescript-eslint's `no-floating-promises`: awaited, returned,
// yielded, chained into something handled or passed to a handled `Promise.all` is handled; `void` is
// a deliberate choice; anything else floats. The one extension: a promise returned to `.forEach` or
// collected by `.map` into an array nobody awaits is dropped there. And what a function is to its
// caller (`callbackRole`), which decides where a promise it returns goes.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { calledMethod, enclosingFunction, outermostWrapper, parentSkippingWrappers, skipWrappers, staticPropertyName } from './ast.js';
import { isGlobalName, isGlobalTimer } from './globals.js';
import type { SignalRModel } from './model.js';
import { CLASSIC_CONNECTION_EVENTS, CONNECTION_METHODS } from './signalr.js';

export const PROMISE = 'Promise';
const PROMISE_COMBINATORS: readonly string[] = ['all', 'allSettled', 'any', 'race'];
/** A promise's own methods; each returns a promise, so calls of them chain. */
export const PROMISE_METHODS = { then: 'then', catch: 'catch', finally: 'finally' } as const;
export const PROMISE_CHAIN_METHODS: readonly string[] = Object.values(PROMISE_METHODS);
/** The methods jQuery deferreds (the classic client's `invoke`, `start`) add to a promise's. */
export const JQUERY_DEFERRED_METHODS: readonly string[] = ['done', 'fail', 'always'];
/** jQuery deferreds report failures to these callbacks, never as unhandled rejections. */
const DEFERRED_HANDLERS: readonly string[] = [...JQUERY_DEFERRED_METHODS, PROMISE_METHODS.then, PROMISE_METHODS.catch];

/** Array methods that call their callback at once: `forEach` drops each result, `map` collects them. */
const FOR_EACH = 'forEach';
const MAP_METHODS: readonly string[] = ['map', 'flatMap'];
/**
 * Methods that register a callback whose result nobody uses: DOM and Node events, SignalR handlers,
 * RxJS subscriptions, jQuery's ready and deferred callbacks.
 */
const IGNORING_REGISTRATIONS: readonly string[] = [
  'addEventListener', CONNECTION_METHODS.on, 'once', 'addListener', 'prependListener', 'prependOnceListener',
  CONNECTION_METHODS.onclose, CONNECTION_METHODS.onreconnecting, CONNECTION_METHODS.onreconnected,
  'subscribe', 'ready', 'done', 'fail', 'always',
];
/** `button.onclick = fn`, `<button onClick={fn}>`: handler properties whose results are ignored. */
const HANDLER_PROPERTY = /^on(?:[A-Z]|[a-z]+$)/;

/** What happens to a promise, in `no-floating-promises` terms. */
export type PromiseFate =
  | { readonly kind: 'handled' }
  | { readonly kind: 'voided'; readonly voidExpression: TSESTree.UnaryExpression }
  | {
      readonly kind: 'floating';
      readonly how: FloatingHow;
      /** Where the value is dropped: the statement, comma expression, `.forEach(…)` call, or unused declarator. */
      readonly dropped: Node;
      /** The promise-valued expression that an `await` would go in front of (the join, or a `.then` chain on it). */
      readonly promise: Node;
    };

/**
 * `discarded`: an expression statement (or comma expression, loop clause) drops it; `for-each`: it is
 * returned to `.forEach`; `array`: `.map` or an array literal collects it and nothing awaits the
 * array; `unused-variable`: stored in a variable that nothing reads.
 */
export type FloatingHow = 'array' | 'discarded' | 'for-each' | 'unused-variable';

const HANDLED: PromiseFate = { kind: 'handled' };
/** Beyond this many steps (variable to use to variable…) the analysis stops guessing and calls it handled. */
const MAX_FLOW_STEPS = 12;

/** What happens to the promise `expression` evaluates to; `deferred` for jQuery deferreds. */
export function promiseFate(model: SignalRModel, expression: Node, deferred = false): PromiseFate {
  return fateOf(model, expression, deferred, undefined, 0, new Set());
}

function fateOf(model: SignalRModel, value: Node, deferred: boolean, promise: Node | undefined, steps: number, seen: Set<Variable>): PromiseFate {
  if (steps > MAX_FLOW_STEPS) return HANDLED;
  const node = outermostWrapper(value);
  const carrier = promise ?? node;
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.ExpressionStatement:
      return floating('discarded', parent, carrier);
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'void' ? { kind: 'voided', voidExpression: parent } : HANDLED;
    case AST_NODE_TYPES.ReturnStatement: {
      const fn = enclosingFunction(parent);
      return fn ? returnedFate(model, fn, steps, seen) : HANDLED;
    }
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === node ? returnedFate(model, parent, steps, seen) : HANDLED;
    case AST_NODE_TYPES.SequenceExpression:
      return parent.expressions.at(-1) === node
        ? fateOf(model, parent, deferred, carrier, steps + 1, seen)
        : floating('discarded', parent, node);
    case AST_NODE_TYPES.LogicalExpression:
      return fateOf(model, parent, deferred, carrier, steps + 1, seen);
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === node ? HANDLED : fateOf(model, parent, deferred, carrier, steps + 1, seen);
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node ? chainedFate(model, parent, deferred, steps, seen) : HANDLED;
    case AST_NODE_TYPES.ArrayExpression:
      return arrayFate(model, parent, steps + 1, seen);
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier
        ? storedFate(model, parent.id, parent, carrier, steps, seen, (use) => fateOf(model, use, deferred, undefined, steps + 1, seen))
        : HANDLED;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === node && parent.operator === '=' && parent.left.type === AST_NODE_TYPES.Identifier
        ? storedFate(model, parent.left, parent, carrier, steps, seen, (use) => fateOf(model, use, deferred, undefined, steps + 1, seen))
        : HANDLED;
    case AST_NODE_TYPES.ForStatement:
      return parent.test === node ? HANDLED : floating('discarded', parent, carrier);
    default:
      // Awaited, yielded, passed to a function, stored in an object: handled, or out of sight.
      return HANDLED;
  }
}

function floating(how: FloatingHow, dropped: Node, promise: Node): PromiseFate {
  return { kind: 'floating', how, dropped, promise };
}

/** `p.then(…)`, `p.catch(…)`, `p.finally(…)`, `deferred.done(…)`: the promise as the receiver of a method call. */
function chainedFate(model: SignalRModel, member: TSESTree.MemberExpression, deferred: boolean, steps: number, seen: Set<Variable>): PromiseFate {
  const call = parentSkippingWrappers(member);
  if (call?.type !== AST_NODE_TYPES.CallExpression || skipWrappers(call.callee) !== member) return HANDLED;
  const name = staticPropertyName(member);
  const argumentCount = call.arguments.length;
  if (deferred && name !== undefined && DEFERRED_HANDLERS.includes(name)) return HANDLED;
  if (name === PROMISE_METHODS.catch && argumentCount > 0) return HANDLED;
  if (name === PROMISE_METHODS.then && argumentCount > 1) return HANDLED;
  if (name === PROMISE_METHODS.then || name === PROMISE_METHODS.finally) return fateOf(model, call, deferred, undefined, steps + 1, seen);
  return HANDLED;
}

/** A promise returned from `fn` goes wherever `fn`'s result goes. */
function returnedFate(model: SignalRModel, fn: FunctionNode, steps: number, seen: Set<Variable>): PromiseFate {
  const role = callbackRole(model, fn);
  if (role.kind === 'for-each') return floating('for-each', role.call, role.call);
  if (role.kind === 'mapped') return arrayFate(model, role.call, steps + 1, seen);
  // Returned to a caller: the caller's business, as for `no-floating-promises`.
  return HANDLED;
}

/** An array of promises (a literal, or `.map(…)`): handled only through a handled `Promise.all`-style call. */
function arrayFate(model: SignalRModel, array: Node, steps: number, seen: Set<Variable>): PromiseFate {
  if (steps > MAX_FLOW_STEPS) return HANDLED;
  const node = outermostWrapper(array);
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.CallExpression:
      return parent.arguments.includes(node as TSESTree.CallExpressionArgument) && isPromiseCombinator(model, parent)
        ? fateOf(model, parent, false, undefined, steps + 1, seen)
        : HANDLED;
    case AST_NODE_TYPES.ExpressionStatement:
      return floating('array', parent, node);
    case AST_NODE_TYPES.AwaitExpression:
      // `await [a, b]` waits for nothing.
      return floating('array', parent, node);
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier
        ? storedFate(model, parent.id, parent, node, steps, seen, (use) => arrayFate(model, use, steps + 1, seen))
        : HANDLED;
    default:
      return HANDLED;
  }
}

/** A value stored in a variable: handled when any read of it handles it; floating when nothing reads it. */
function storedFate(
  model: SignalRModel,
  name: TSESTree.Identifier,
  holder: Node,
  value: Node,
  steps: number,
  seen: Set<Variable>,
  fateOfUse: (use: Node) => PromiseFate,
): PromiseFate {
  const variable = model.variableOf(name);
  if (!variable || seen.has(variable)) return HANDLED;
  seen.add(variable);
  const reads = variable.references.filter((reference) => reference.isRead());
  if (reads.length === 0) return floating('unused-variable', holder, value);
  let voided: PromiseFate | undefined;
  let dropped: PromiseFate | undefined;
  for (const read of reads) {
    const fate = fateOfUse(read.identifier);
    if (fate.kind === 'handled') return HANDLED;
    if (fate.kind === 'voided') voided ??= fate;
    else dropped ??= fate;
  }
  return voided ?? dropped ?? HANDLED;
}

/** `Promise.all(…)`, `Promise.allSettled(…)`, `Promise.any(…)`, `Promise.race(…)` on the global `Promise`. */
function isPromiseCombinator(model: SignalRModel, call: TSESTree.CallExpression): boolean {
  const method = calledMethod(call);
  return method !== undefined && PROMISE_COMBINATORS.includes(method.name) && isGlobalName(model, method.object, PROMISE);
}

/**
 * What a function is to its caller, which decides both where a promise it returns goes and whether
 * it may become `async`:
 * - `for-each`: a `.forEach` callback, called at once, its result dropped;
 * - `mapped`: a `.map`/`.flatMap` callback, its results collected into an array;
 * - `chained`: a `.then`/`.catch`/`.finally` callback, its result adopted by the chain;
 * - `ignored`: called later by something that ignores its result (events, timers, JSX handlers,
 *   an IIFE statement);
 * - `argument`: passed to a function that may use its result (`consumer` names it);
 * - `named`: declared, assigned to a name, or a method: its callers decide (`name` is where);
 * - `constructor`, `accessor` (cannot be async), `other` (none of the above).
 */
export type CallbackRole =
  | { readonly kind: 'accessor' | 'constructor' | 'other' }
  | { readonly kind: 'argument'; readonly consumer: string }
  | { readonly kind: 'chained' | 'for-each' | 'mapped'; readonly call: TSESTree.CallExpression }
  | { readonly kind: 'ignored'; readonly consumer: string }
  | { readonly kind: 'named'; readonly name: Node };

export function callbackRole(model: SignalRModel, fn: FunctionNode): CallbackRole {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id ? { kind: 'named', name: fn.id } : { kind: 'other' };
  return receiverRole(model, fn);
}

/**
 * The role (`callbackRole`) of whatever function value `value` evaluates to, decided by where it
 * stands: the function written there, or one passed by name (`addEventListener('click', connect)`,
 * `onClick={join}`, `.then(start)`).
 */
export function receiverRole(model: SignalRModel, value: Node): CallbackRole {
  const holder = outermostWrapper(value);
  const parent = holder.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.TSAbstractMethodDefinition:
      if (parent.kind === 'constructor') return { kind: 'constructor' };
      if (parent.kind === 'get' || parent.kind === 'set') return { kind: 'accessor' };
      return { kind: 'named', name: parent.key };
    case AST_NODE_TYPES.Property:
      if (parent.value !== holder) return { kind: 'other' };
      if (parent.kind === 'get' || parent.kind === 'set') return { kind: 'accessor' };
      return { kind: 'named', name: parent.key };
    case AST_NODE_TYPES.PropertyDefinition:
      return parent.value === holder ? { kind: 'named', name: parent.key } : { kind: 'other' };
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === holder && parent.id.type === AST_NODE_TYPES.Identifier ? { kind: 'named', name: parent.id } : { kind: 'other' };
    case AST_NODE_TYPES.AssignmentExpression: {
      const target = skipWrappers(parent.left);
      const property = target.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(target) : undefined;
      return parent.right === holder && property !== undefined && HANDLER_PROPERTY.test(property)
        ? { kind: 'ignored', consumer: property }
        : { kind: 'other' };
    }
    case AST_NODE_TYPES.JSXExpressionContainer: {
      const attribute = parent.parent;
      return attribute?.type === AST_NODE_TYPES.JSXAttribute &&
        attribute.name.type === AST_NODE_TYPES.JSXIdentifier &&
        HANDLER_PROPERTY.test(attribute.name.name)
        ? { kind: 'ignored', consumer: attribute.name.name }
        : { kind: 'other' };
    }
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === holder ? immediateRole(parent) : argumentRole(model, parent, holder);
    default:
      return { kind: 'other' };
  }
}

/** `(function () { … })();` as a statement: nobody uses its result. */
function immediateRole(call: TSESTree.CallExpression | TSESTree.NewExpression): CallbackRole {
  const user = parentSkippingWrappers(call);
  const ignored = user?.type === AST_NODE_TYPES.ExpressionStatement || (user?.type === AST_NODE_TYPES.UnaryExpression && user.operator === 'void');
  return ignored ? { kind: 'ignored', consumer: 'an immediately invoked function' } : { kind: 'other' };
}

function argumentRole(model: SignalRModel, call: TSESTree.CallExpression | TSESTree.NewExpression, argument: Node): CallbackRole {
  if (!call.arguments.includes(argument as TSESTree.CallExpressionArgument)) return { kind: 'other' };
  const method = call.type === AST_NODE_TYPES.CallExpression ? calledMethod(call) : undefined;
  if (call.type === AST_NODE_TYPES.CallExpression && method) {
    if (method.name === FOR_EACH) return { kind: 'for-each', call };
    if (MAP_METHODS.includes(method.name)) return { kind: 'mapped', call };
    if (PROMISE_CHAIN_METHODS.includes(method.name)) return { kind: 'chained', call };
    if (IGNORING_REGISTRATIONS.includes(method.name)) return { kind: 'ignored', consumer: `.${method.name}(…)` };
    if (CLASSIC_CONNECTION_EVENTS.includes(method.name) && model.connectionOf(method.object)?.flavour === 'classic') {
      return { kind: 'ignored', consumer: `.${method.name}(…)` };
    }
  }
  const callee = skipWrappers(call.callee);
  if (isGlobalTimer(model, callee)) return { kind: 'ignored', consumer: 'a timer' };
  // `$(function () { … })`: jQuery's document-ready callback.
  if (call.type === AST_NODE_TYPES.CallExpression && model.isJQuery(callee)) return { kind: 'ignored', consumer: '$(…)' };
  const consumer = method?.name ?? (callee.type === AST_NODE_TYPES.Identifier ? callee.name : 'a function');
  return { kind: 'argument', consumer };
}
