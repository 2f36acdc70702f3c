// Who owns a connection, and so where it must be stopped (DESIGN.md, "Lifetimes: who owns a
// connection"). A started connection is followed from where it is created to every place that holds
// it (core/flow.ts); the longest-lived holder decides the owner:
//   - app lifetime (module level, a top-level IIFE, page-start callbacks, the callbacks of a promise
//     chain run at the top level, a function whose one mention is a call or page-start registration
//     made there, a Vue plugin's install, root services): no stop needed;
//   - handed off (returned, passed on, stored where this file cannot follow): the receiver's business;
//   - bounded (a function, a request handler, a React effect, an Angular component, a Vue component):
//     it must be stopped on the way out, in the place that owner runs on its way out.
// Each kind of owner has a file here that says how to recognise its scope and where its way out is.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from '../ast.js';
import { contains, enclosingFunction, isFunction } from '../ast.js';
import type { ConnectionFlow, Slot } from '../flow.js';
import type { ClassNode, Connection, SignalRModel } from '../model.js';
import type { AngularComponentOwner } from './angular.js';
import { angularComponentStartedBy, angularRole } from './angular.js';
import type { FunctionOwner } from './function.js';
import { isImmediatelyInvoked } from './function.js';
import type { HandlerOwner } from './handler.js';
import { handlersOf } from './handler.js';
import { stopSites } from '../stops.js';
import { isHeldForTheAppLifetime } from './module.js';
import { isPageStartCallback } from './page-start.js';
import { isRunOnceByName, leftListening, onceRunnerOf } from './run-once.js';
import type { ReactEffectOwner } from './react-effect.js';
import { effectCallOf, isEffectHelper } from './react-effect.js';
import type { ReactClassComponentOwner } from './react-class.js';
import { isReactClassComponent, isSetStateCallback, reactClassStartedBy } from './react-class.js';
import { isHeldByComponent } from './react-component.js';
import type { VueComponentOwner } from './vue-component.js';
import { isVueClassComponent, isVueHookCallback, isVueOptions, VUE_START_HOOKS, vueComponentOfSetup, vueComponentStartedBy, vueSetupOf } from './vue-component.js';
import { isVuePluginInstall } from './vue-app.js';
import { isInScriptSetup, isScriptSetupVariable, scriptSetupOwner } from './vue-script-setup.js';

/** A lifecycle that ends, and so must stop what it started. */
export type BoundedOwner = FunctionOwner | HandlerOwner | ReactEffectOwner | ReactClassComponentOwner | AngularComponentOwner | VueComponentOwner;

/** Who owns the code at a place, or a connection: an app-long scope, a receiver we cannot see, or a bounded owner. */
export type Owner =
  | { readonly kind: 'app'; readonly node: Node }
  | { readonly kind: 'handed-off'; readonly node: Node }
  | BoundedOwner;

/**
 * Which lifecycle owns code at `node`: the React effect, Vue `setup`, Angular start-up method, request
 * handler or plain function it runs in (looking through IIFEs and Vue start hooks, which run once as
 * part of their enclosing scope), or the app for module level, page-start callbacks (also promise chains
 * that app-long code runs, and functions that such code alone calls, once) and a Vue plugin's `install`.
 */
export function ownerOfScope(model: SignalRModel, node: Node, filename: string): Owner {
  let innermost: FunctionNode | undefined;
  for (let fn = isFunction(node) ? node : enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    innermost ??= fn;
    const effect = effectCallOf(model, fn);
    if (effect) return { kind: 'react-effect', node: fn, effect };
    if (isPageStartCallback(model, fn) || isVuePluginInstall(model, fn) || isRunOnceByAppCode(model, fn, filename)) return { kind: 'app', node: fn };
    const vueComponent = vueComponentOfSetup(model, fn);
    if (vueComponent) return { kind: 'vue-component', node: vueComponent, setup: fn };
    if (isImmediatelyInvoked(fn) || isEffectHelper(model, fn) || isVueHookCallback(model, fn, VUE_START_HOOKS) || isSetStateCallback(model, fn)) continue;
    const startedBy = angularComponentStartedBy(model, fn) ?? vueComponentStartedBy(model, fn) ?? reactClassStartedBy(model, fn);
    if (startedBy) return startedBy;
    const handlers = handlersOf(model, filename);
    const handler = handlers.handlerOf(fn) ?? handlers.enclosingHandler(fn);
    if (handler) return { kind: 'handler', node: innermost, handler };
    return { kind: 'function', node: innermost };
  }
  // The top level of a Vue `<script setup>` (and its start hooks) runs once per component instance.
  return node.type !== AST_NODE_TYPES.Program && isInScriptSetup(model, node) ? scriptSetupOwner(model) : { kind: 'app', node: model.program };
}

/**
 * Functions whose ownership is being decided: a function that only runs itself (`function poll() {
 * …; poll(); }`) would otherwise ask about itself forever.
 */
const deciding = new Set<FunctionNode>();

/**
 * A function that runs once per run of the place that runs it (core/owners/run-once.ts: a promise
 * chain's callback, a function named only where it is called or handed to page-start code): when
 * app-long code (the top level, a page-start callback, a top-level IIFE, another such function) runs
 * that place, the function is page start code too. One run by a function called many times (an event
 * handler, a component) stays a function.
 */
function isRunOnceByAppCode(model: SignalRModel, fn: FunctionNode, filename: string): boolean {
  if (deciding.has(fn)) return false;
  const runner = onceRunnerOf(model, fn);
  if (!runner) return false;
  deciding.add(fn);
  try {
    return ownerOfScope(model, runner, filename).kind === 'app';
  } finally {
    deciding.delete(fn);
  }
}

/**
 * Who owns the connection that `start` starts. A connection a React component keeps (in state, a ref,
 * a memo, what a custom hook gives back) belongs to the effect that starts it, even when another
 * effect or the render built it; started anywhere else, its stop is the component's business in a
 * way this file does not show. Otherwise the longest-lived holder decides.
 */
export function ownerOfConnection(model: SignalRModel, start: TSESTree.CallExpression, connection: Connection, flow: ConnectionFlow, filename: string): Owner {
  if (isHeldForTheAppLifetime(flow, (variable) => isScriptSetupVariable(model, variable))) return { kind: 'app', node: model.program };
  if (isHeldByComponent(model, connection, flow)) {
    const startOwner = ownerOfScope(model, start, filename);
    return startOwner.kind === 'react-effect' ? startOwner : { kind: 'handed-off', node: start };
  }
  if (flow.handOffs.length > 0) return { kind: 'handed-off', node: flow.handOffs[0]!.node };

  const fieldOwners = flow.slots.flatMap((slot) => (slot.kind === 'field' ? [ownerOfField(model, slot.owner)] : []));
  if (fieldOwners.length > 0) {
    return fieldOwners.find((owner) => owner.kind === 'app') ?? fieldOwners.find((owner) => owner.kind === 'handed-off') ?? fieldOwners[0]!;
  }

  const locals = flow.slots.filter((slot): slot is Extract<Slot, { kind: 'variable' }> => slot.kind === 'variable' && !slot.borrowed);
  let owner: Owner;
  if (locals.length > 0) {
    const outermost = locals.reduce((a, b) => (contains(b.variable.scope.variableScope.block, a.variable.scope.variableScope.block) ? b : a));
    const home = outermost.variable.scope.variableScope.block;
    owner = isScriptSetupVariable(model, outermost.variable) ? scriptSetupOwner(model) : ownerOfScope(model, home, filename);
    // A helper (or IIFE) of an effect that stops the connection it declares uses it once: a function
    // owner, which must stop it on every path. One that leaves it running leaves it to the effect.
    if (owner.kind === 'react-effect' && home !== owner.node && isFunction(home) && stopSites(model, home, flow).length > 0) owner = { kind: 'function', node: home };
  } else {
    owner = ownerOfScope(model, [...flow.creations][0]!, filename);
  }
  // A function that app code runs once by name (`main();`, `$(init)`) keeps for the app's life only a
  // connection it leaves listening; one started to do a job and forgotten keeps a Node script alive.
  if (owner.kind === 'app' && isFunction(owner.node) && isRunOnceByName(model, owner.node) && !leftListening(model, flow)) {
    owner = { kind: 'function', node: owner.node };
  }
  // A plain function that hands a callback using the connection to others (a DOM listener, a timer)
  // means the connection outlives the call on purpose.
  if ((owner.kind === 'function' || owner.kind === 'handler') && flow.escapingClosures.length > 0) {
    return { kind: 'handed-off', node: flow.escapingClosures[0]! };
  }
  return owner;
}

/** The owner of a class's or object literal's fields. */
function ownerOfField(model: SignalRModel, owner: ClassNode | TSESTree.ObjectExpression): Owner {
  if (owner.type === AST_NODE_TYPES.ObjectExpression) {
    return isVueOptions(model, owner) ? { kind: 'vue-component', node: owner, setup: vueSetupOf(owner) } : { kind: 'handed-off', node: owner };
  }
  if (isReactClassComponent(model, owner)) return { kind: 'react-class-component', node: owner };
  if (isVueClassComponent(model, owner)) return { kind: 'vue-component', node: owner, setup: undefined };
  switch (angularRole(model, owner)) {
    case 'view':
      return { kind: 'angular-component', node: owner };
    case 'app-service':
      return { kind: 'app', node: owner };
    default:
      // A plain class owns its fields; when its instances go away is up to whoever creates them.
      return { kind: 'handed-off', node: owner };
  }
}
