// Handlers registered through another module's service after that service started its connection:
// `this.hubService.startConnection()` then, in a timer or after awaiting it,
// `this.hubService.listenToMessages()`, where the service's methods start its field's connection and
// register `on(…)` handlers on it (core/project-facts.ts). Messages the server sends on connect arrive
// before the handlers: the cross-module counterpart of a late registration in core/registrations.ts.
// Calls in the same synchronous run are in time (the handshake needs the event loop) and are not found.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from './ast.js';
import { enclosingFunction, isFunction, outermostWrapper, walk } from './ast.js';
import type { SignalRModel } from './model.js';
import { isSequentiallyBefore, TIMER_CONSUMER } from './ordering.js';
import { callbackRole } from './promises.js';
import { numericValue } from './reconnect/policies.js';

/** A call of another module's method that registers handlers, made after a call that starts the same connection. */
export interface LinkedLateRegistration {
  readonly kind: 'linked-after-start';
  /** The call of the method that registers handlers. */
  readonly node: TSESTree.CallExpression;
  /** `awaited`: after an `await` of the starting method; `timer`: in a timer set after calling it. */
  readonly how: 'awaited' | 'timer';
  /** The `await` or the timer call. */
  readonly via: Node;
  /** The call of the method that starts the connection. */
  readonly start: TSESTree.CallExpression;
}

/** Every call of a registering method of another module's object that runs after that object's start. */
export function linkedLateRegistrations(model: SignalRModel): LinkedLateRegistration[] {
  const found: LinkedLateRegistration[] = [];
  walk(model.program, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const linked = model.linkedMethodOf(node);
    const field = linked?.fact.registersOnField;
    if (!linked || field === undefined || linked.fact.startsField) return;
    const late = awaitedStartBefore(model, node, linked.holder, field) ?? timerAfterStart(model, node, linked.holder, field);
    if (late) found.push({ kind: 'linked-after-start', node, ...late });
  });
  return found;
}

type Late = Pick<LinkedLateRegistration, 'how' | 'start' | 'via'>;

/** `await service.start()` (a method whose promise waits for the start) before `call` in its function. */
function awaitedStartBefore(model: SignalRModel, call: TSESTree.CallExpression, holder: object, field: string): Late | undefined {
  for (const candidate of ownCalls(enclosingFunction(call) ?? model.program)) {
    const started = model.linkedMethodOf(candidate);
    const start = started?.holder === holder ? started.fact.startsField : undefined;
    const awaited = outermostWrapper(candidate).parent;
    if (start?.field !== field || !start.waits || awaited?.type !== AST_NODE_TYPES.AwaitExpression) continue;
    if (isSequentiallyBefore(awaited, call)) return { how: 'awaited', via: awaited, start: candidate };
  }
  return undefined;
}

/** `call` is in a timer callback (with a delay) set after a call that starts the connection. */
function timerAfterStart(model: SignalRModel, call: TSESTree.CallExpression, holder: object, field: string): Late | undefined {
  const callback = enclosingFunction(call);
  const role = callback && callbackRole(model, callback);
  const timer = callback && outermostWrapper(callback).parent;
  if (role?.kind !== 'ignored' || role.consumer !== TIMER_CONSUMER || timer?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  // A timer with no delay fires before a handshake started in the same run completes.
  const delay = timer.arguments[1];
  if (delay === undefined || numericValue(model, delay) === 0) return undefined;
  for (const candidate of ownCalls(enclosingFunction(timer) ?? model.program)) {
    const started = model.linkedMethodOf(candidate);
    if (started?.holder === holder && started.fact.startsField?.field === field && isSequentiallyBefore(candidate, timer)) {
      return { how: 'timer', via: timer, start: candidate };
    }
  }
  return undefined;
}

/** The calls of a function's (or the module's) own body, not of the functions inside it. */
function ownCalls(scope: Node): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const root = isFunction(scope) ? scope.body : scope;
  walk(root, (node) => {
    if (node !== root && isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
    return undefined;
  });
  return calls;
}
