// How to await a floating group join, and whether the function around it may become `async` for that:
// the verdicts `await-group-join` suggests by and `add-awaits` rewrites by.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { enclosingFunction, isFunction, skipWrappers, staticPropertyName, walk } from './ast.js';
import type { FloatingJoin } from './group-joins.js';
import type { SignalRModel } from './model.js';
import { callbackRole, PROMISE } from './promises.js';

/** Event methods that act only while the event is being dispatched: after an `await`, too late. */
const DISPATCH_TIME_METHODS: readonly string[] = ['preventDefault', 'stopPropagation', 'stopImmediatePropagation'];

/** React effects must return nothing or a cleanup function: never a promise. */
const REACT_EFFECTS: readonly string[] = ['useEffect', 'useLayoutEffect', 'useInsertionEffect'];

/**
 * Where an `await` fixes a floating join: in front of `insertBefore` (parenthesised when it is an
 * `as`/`satisfies` expression), or in place of the `void` operator, inside `fn`.
 */
export type AwaitFix =
  | { readonly kind: 'insert'; readonly fn: FunctionNode; readonly insertBefore: Node; readonly parenthesize: boolean }
  | { readonly kind: 'replace-void'; readonly fn: FunctionNode; readonly voidExpression: TSESTree.UnaryExpression }
  | { readonly kind: 'none'; readonly reason: string };

export function awaitFixOf(model: SignalRModel, join: FloatingJoin): AwaitFix {
  const { fate } = join;
  if (fate.kind === 'voided') {
    const fn = enclosingFunction(fate.voidExpression);
    return fn ? { kind: 'replace-void', fn, voidExpression: fate.voidExpression } : none(TOP_LEVEL);
  }
  switch (fate.how) {
    case 'for-each':
      return none('its promise is returned to `.forEach`, which does not wait for it: use `for…of` with `await`, or `await Promise.all(….map(…))`');
    case 'array':
      return none('its promise is collected into an array that nothing awaits: wrap the array in `await Promise.all(…)`');
    case 'unused-variable': {
      const declarator = fate.dropped;
      const annotated = declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.typeAnnotation !== undefined;
      if (annotated) return none('its promise is stored in a variable whose declared type would change; await the variable');
      break;
    }
    case 'discarded':
      if (fate.dropped.type !== AST_NODE_TYPES.ExpressionStatement) return none('it is inside a comma expression or a loop clause; move it into a statement of its own');
      break;
  }
  const fn = enclosingFunction(fate.promise);
  if (!fn) return none(TOP_LEVEL);
  const promise = fate.promise;
  const parenthesize = promise.type === AST_NODE_TYPES.TSAsExpression || promise.type === AST_NODE_TYPES.TSSatisfiesExpression;
  return { kind: 'insert', fn, insertBefore: promise, parenthesize };
}

const TOP_LEVEL = 'it is at the top level of the module, where `await` needs an ES module and a recent target; move it into an async function';

function none(reason: string): AwaitFix {
  return { kind: 'none', reason };
}

/**
 * Whether `fn` may become `async` so that an `await` can go inside it:
 * - `async`: it already is;
 * - `safe`: nobody uses its result, or a promise chain adopts it;
 * - `ask-callers`: a named function or method, safe when every caller ignores or awaits its result
 *   (a whole-program question: see `codemods/utils/callers.ts`);
 * - `unsafe`, with the reason.
 * `returnType` says what its declared return type needs: nothing, `void` → `Promise<void>`, or it
 * does not allow a promise at all (then the verdict is `unsafe`).
 */
export type AsyncVerdict =
  | { readonly kind: 'async' }
  | { readonly kind: 'ask-callers'; readonly name: Node; readonly returnType: ReturnTypeChange }
  | { readonly kind: 'safe'; readonly returnType: ReturnTypeChange }
  | { readonly kind: 'unsafe'; readonly reason: string };

/** `keep`: no annotation, or one a promise fits; `void`: the `void` annotation to turn into `Promise<void>`. */
export type ReturnTypeChange = { readonly kind: 'keep' } | { readonly kind: 'void'; readonly annotation: TSESTree.TSVoidKeyword };

export function asyncVerdict(model: SignalRModel, fn: FunctionNode): AsyncVerdict {
  if (fn.async) return { kind: 'async' };
  if (fn.generator) return unsafe('it is in a generator function, which cannot simply become async');
  const role = callbackRole(model, fn);
  let verdict: AsyncVerdict;
  switch (role.kind) {
    case 'constructor':
      return unsafe('it is in a constructor, which cannot be async: move the join into an async method that the owner awaits');
    case 'accessor':
      return unsafe('it is in a getter or setter, which cannot be async');
    case 'for-each':
      return unsafe('it is in a `.forEach` callback, and `forEach` does not wait for async callbacks: use `for…of` with `await`');
    case 'mapped':
      return unsafe('it is in a `.map` callback; making it async would produce an array of promises that nothing awaits');
    case 'argument':
      return unsafe(
        REACT_EFFECTS.includes(role.consumer)
          ? `it is in a React effect, which cannot be async (\`${role.consumer}\` takes only a cleanup function as result): move the join into an async function that the effect calls`
          : `it is in a function passed to \`${role.consumer}\`, which may use its result`,
      );
    case 'other':
      return unsafe('nothing shows who calls the enclosing function and what it does with its result');
    case 'ignored':
      // jQuery handlers and `on…` properties cancel the event when they return `false`; a promise does not.
      if (returnsFalse(fn)) return unsafe('it is in an event handler that returns `false` to cancel the event, which an async function would not: call `event.preventDefault()` before the join instead');
      verdict = { kind: 'safe', returnType: { kind: 'keep' } };
      break;
    case 'chained':
      verdict = { kind: 'safe', returnType: { kind: 'keep' } };
      break;
    case 'named':
      verdict = { kind: 'ask-callers', name: role.name, returnType: { kind: 'keep' } };
      break;
  }
  const returnType = returnTypeChange(fn);
  if (!returnType) return unsafe('the declared return type of the enclosing function does not allow a promise');
  return { ...verdict, returnType };
}

function unsafe(reason: string): AsyncVerdict {
  return { kind: 'unsafe', reason };
}

/** What `fn`'s return type annotation needs if `fn` becomes async; undefined when a promise cannot fit it. */
function returnTypeChange(fn: FunctionNode): ReturnTypeChange | undefined {
  const annotation = fn.returnType?.typeAnnotation;
  if (!annotation) return { kind: 'keep' };
  switch (annotation.type) {
    case AST_NODE_TYPES.TSVoidKeyword:
      return { kind: 'void', annotation };
    case AST_NODE_TYPES.TSAnyKeyword:
    case AST_NODE_TYPES.TSUnknownKeyword:
      return { kind: 'keep' };
    case AST_NODE_TYPES.TSTypeReference:
      return annotation.typeName.type === AST_NODE_TYPES.Identifier && annotation.typeName.name === PROMISE ? { kind: 'keep' } : undefined;
    default:
      return undefined;
  }
}

/**
 * A call that `fn` makes on one of its parameters after `offset` (in its own body, not in callbacks)
 * and that acts only while an event is being dispatched, such as `event.preventDefault()`: behind an
 * `await` it runs after the browser has already acted on the event. Its callee text, or undefined.
 */
export function dispatchTimeCallAfter(model: SignalRModel, fn: FunctionNode, offset: number): string | undefined {
  for (const param of fn.params) {
    if (param.type !== AST_NODE_TYPES.Identifier) continue;
    for (const reference of model.variableOf(param)?.references ?? []) {
      const use = reference.identifier;
      if (use.range[0] < offset || enclosingFunction(use) !== fn) continue;
      const member = use.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== use) continue;
      const name = staticPropertyName(member);
      const call = member.parent;
      if (name !== undefined && DISPATCH_TIME_METHODS.includes(name) && call?.type === AST_NODE_TYPES.CallExpression && skipWrappers(call.callee) === member) {
        return `${param.name}.${name}`;
      }
    }
  }
  return undefined;
}

/** `return false` in `fn` itself (not in a function inside it). */
function returnsFalse(fn: FunctionNode): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body.type === AST_NODE_TYPES.Literal && fn.body.value === false;
  let found = false;
  walk(fn.body, (node) => {
    if (found || (node !== fn.body && isFunction(node))) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument?.type === AST_NODE_TYPES.Literal && node.argument.value === false) found = true;
    return undefined;
  });
  return found;
}
