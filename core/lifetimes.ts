// Who owns a connection, and does the owner stop it on the way out (DESIGN.md, "Lifetimes: who owns
// a connection"). A started connection is followed from where it is created to every place that
// holds it; the longest-lived holder decides the owner:
//   - app lifetime (module level, a top-level IIFE, page-start callbacks, root services): no stop needed;
//   - handed off (returned, passed on, stored where this file cannot follow): the receiver's business;
//   - bounded (a function, a request handler, a React effect, an Angular component, a Vue component):
//     it must be stopped on the way out, in the place that owner runs on its way out.
// `require-stop` reports what `unstoppedConnections` finds; `add-disposal` rewrites the same findings.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { calledMethod, contains, enclosingFunction, isFunction, outermostWrapper, skipWrappers, staticPropertyName, walk } from './ast.js';
import type { Handler } from './handlers.js';
import { functionOf, handlersOf } from './handlers.js';
import type { ClassNode, Connection, SignalRModel } from './model.js';
import { classOfThis, objectOfThis } from './model.js';
import { CLASSIC_PROXY_FACTORY, CONNECTION_METHODS } from './signalr.js';
import { findProperty } from './values.js';

// ---- framework vocabulary: what marks a scope's lifecycle ----

const REACT_MODULES: readonly string[] = ['react'];
/** Effects that may return a cleanup, which React runs before the next run and on unmount. */
const REACT_EFFECT_HOOKS: readonly string[] = ['useEffect', 'useLayoutEffect'];
const REACT_REF_HOOK = 'useRef';
/** Hooks whose first argument is the function they hand back: a call of the result runs that function. */
const REACT_FUNCTION_HOOKS: readonly string[] = ['useCallback'];

const ANGULAR_MODULE = '@angular/core';
/** Decorators of classes whose instances come and go with the view: they must clean up in `ngOnDestroy`. */
const ANGULAR_VIEW_DECORATORS: readonly string[] = ['Component', 'Directive'];
const ANGULAR_SERVICE_DECORATOR = 'Injectable';
/** `providedIn` values that make a service live as long as the application (or the page). */
const ANGULAR_APP_SCOPES: readonly string[] = ['root', 'platform'];
/** Methods Angular calls once when a component starts: what they start belongs to the component. */
export const ANGULAR_INIT_METHODS: readonly string[] = ['constructor', 'ngOnInit', 'ngOnChanges', 'ngAfterContentInit', 'ngAfterViewInit'];
export const ANGULAR_DESTROY_METHOD = 'ngOnDestroy';
export const ANGULAR_DESTROY_INTERFACE = 'OnDestroy';
/** `inject(DestroyRef).onDestroy(fn)` registers a destroy callback. */
const ANGULAR_DESTROY_REGISTRATION = 'onDestroy';

const VUE_MODULE = 'vue';
const VUE_DEFINE_COMPONENT = 'defineComponent';
const VUE_SETUP = 'setup';
/** Composition-API hooks that run their callback once per component instance, while it starts. */
export const VUE_START_HOOKS: readonly string[] = ['onBeforeMount', 'onMounted'];
/** Composition-API hooks that run their callback when the component goes away. */
export const VUE_UNMOUNT_HOOKS: readonly string[] = ['onUnmounted', 'onBeforeUnmount', 'onScopeDispose'];
/** Options-API methods that run once when a component starts (Vue 2 and 3). */
export const VUE_INIT_OPTIONS: readonly string[] = ['beforeCreate', 'created', 'beforeMount', 'mounted'];
/** Options-API methods that run when a component goes away (Vue 3 names, then Vue 2's). */
export const VUE_UNMOUNT_OPTIONS: readonly string[] = ['beforeUnmount', 'unmounted', 'beforeDestroy', 'destroyed'];

/** Browser objects whose `load`/`DOMContentLoaded` events fire once per page. */
const PAGE_OBJECTS: readonly string[] = ['window', 'document', 'globalThis', 'self'];
const PAGE_START_EVENTS: readonly string[] = ['DOMContentLoaded', 'load'];
const PAGE_LOAD_PROPERTY = 'onload';
/** `$(document).ready(fn)`; `$(window).on('load', fn)`. */
const JQUERY_READY = 'ready';
const JQUERY_ON = 'on';
/** Promise (and jQuery Deferred) methods: callbacks chained on a connection's own promise stay with it. */
const PROMISE_CHAIN_METHODS: readonly string[] = ['then', 'catch', 'finally', 'done', 'fail', 'always'];
/** Array methods that call their callback before they return and keep no reference to it. */
const SYNCHRONOUS_CALLBACK_METHODS: readonly string[] = ['forEach', 'map', 'flatMap', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'some', 'every', 'reduce', 'reduceRight'];

// ---- owners ----

/** A lifecycle that ends, and so must stop what it started. */
export type BoundedOwner =
  /** A function body: the connection must be stopped before it returns (or throws). */
  | { readonly kind: 'function'; readonly node: FunctionNode }
  /** A serverless or request handler (core/handlers.ts); `node` is the function that holds the connection. */
  | { readonly kind: 'handler'; readonly node: FunctionNode; readonly handler: Handler }
  /** A React effect: `node` is its callback; the cleanup it returns must stop the connection. */
  | { readonly kind: 'react-effect'; readonly node: FunctionNode; readonly effect: TSESTree.CallExpression }
  /** An Angular `@Component`/`@Directive`: `ngOnDestroy` must stop the connection. */
  | { readonly kind: 'angular-component'; readonly node: ClassNode }
  /**
   * A Vue component: `node` is its options object (or the function given to `defineComponent`);
   * `onUnmounted`/`onBeforeUnmount` in `setup`, or the `beforeUnmount`/`unmounted` option, must stop it.
   */
  | { readonly kind: 'vue-component'; readonly node: TSESTree.ObjectExpression | FunctionNode; readonly setup: FunctionNode | undefined };

/** Who owns the code at a place, or a connection: an app-long scope, a receiver we cannot see, or a bounded owner. */
export type Owner =
  | { readonly kind: 'app'; readonly node: Node }
  | { readonly kind: 'handed-off'; readonly node: Node }
  | BoundedOwner;

/**
 * Which lifecycle owns code at `node`: the React effect, Vue `setup`, Angular start-up method, request
 * handler or plain function it runs in (looking through IIFEs and Vue start hooks, which run once as
 * part of their enclosing scope), or the app for module level and page-start callbacks.
 */
export function ownerOfScope(model: SignalRModel, node: Node, filename: string): Owner {
  let innermost: FunctionNode | undefined;
  for (let fn = isFunction(node) ? node : enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    innermost ??= fn;
    const effect = effectCallOf(model, fn);
    if (effect) return { kind: 'react-effect', node: fn, effect };
    if (isPageStartCallback(model, fn)) return { kind: 'app', node: fn };
    const vueComponent = vueComponentOfSetup(model, fn);
    if (vueComponent) return { kind: 'vue-component', node: vueComponent, setup: fn };
    if (isImmediatelyInvoked(fn) || isVueHookCallback(model, fn, VUE_START_HOOKS)) continue;
    const startedBy = componentStartedBy(model, fn);
    if (startedBy) return startedBy;
    const handlers = handlersOf(model, filename);
    const handler = handlers.handlerOf(fn) ?? handlers.enclosingHandler(fn);
    if (handler) return { kind: 'handler', node: innermost, handler };
    return { kind: 'function', node: innermost };
  }
  return { kind: 'app', node: model.program };
}

/** `useEffect(fn, deps)` / `useLayoutEffect` from React, when `fn` is its callback. */
export function effectCallOf(model: SignalRModel, fn: FunctionNode): TSESTree.CallExpression | undefined {
  const call = outermostWrapper(fn).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || skipWrappers(call.arguments[0] ?? call) !== fn) return undefined;
  return isImportedFrom(model, call.callee, REACT_MODULES, REACT_EFFECT_HOOKS) ? call : undefined;
}

/**
 * A guard in an effect that reads a ref (`if (connectionRef.current) return;`, `if (started.current)`):
 * the effect deliberately keeps what it built across React StrictMode's unmount/remount, so a cleanup
 * that stops it would leave the remounted component without a connection.
 */
export function refGuardOf(model: SignalRModel, effectCallback: FunctionNode): TSESTree.IfStatement | undefined {
  if (effectCallback.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  let guard: TSESTree.IfStatement | undefined;
  walk(effectCallback.body, (node) => {
    if (guard || (node !== effectCallback.body && isFunction(node))) return false;
    if (node.type === AST_NODE_TYPES.IfStatement && readsRef(model, node.test)) guard = node;
    return undefined;
  });
  return guard;
}

/** The functions an effect's callback returns as its cleanup. */
export function effectCleanups(model: SignalRModel, effectCallback: FunctionNode): FunctionNode[] {
  const returned: Node[] = [];
  if (effectCallback.body.type !== AST_NODE_TYPES.BlockStatement) returned.push(effectCallback.body);
  else {
    walk(effectCallback.body, (node) => {
      if (isFunction(node)) return false;
      if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(node.argument);
      return undefined;
    });
  }
  return returned.map((node) => localFunctionOf(model, node)).filter((fn): fn is FunctionNode => fn !== undefined);
}

// ---- following a connection ----

/** How a connection leaves for an owner this file does not show. */
export type HandOffKind = 'passed' | 'returned' | 'state' | 'stored';

export interface HandOff {
  readonly node: Node;
  readonly how: HandOffKind;
}

/** A place that holds the connection. */
export type Slot =
  /** A variable: a local, a module-level one, or (`borrowed`) the parameter of a helper it is passed to. */
  | { readonly kind: 'variable'; readonly variable: Variable; readonly borrowed: boolean }
  /** A field: `this.x` of a class, or of an object literal's methods (Vue options API). */
  | { readonly kind: 'field'; readonly owner: ClassNode | TSESTree.ObjectExpression; readonly property: string; readonly isStatic: boolean }
  /** `ref.current` of a React `useRef`. */
  | { readonly kind: 'ref'; readonly variable: Variable }
  /** A property of a global object (`window.connection = …`). */
  | { readonly kind: 'global' };

export interface ConnectionFlow {
  /** The expressions that create the connection. */
  readonly creations: ReadonlySet<Node>;
  readonly slots: readonly Slot[];
  /** Every variable in `slots`, for quick membership tests. */
  readonly variables: ReadonlySet<Variable>;
  readonly handOffs: readonly HandOff[];
  /** Functions that capture a variable holding it and are themselves passed on or stored. */
  readonly escapingClosures: readonly FunctionNode[];
}

/**
 * Where the connections created by `creations` go: the variables, fields and refs that hold them
 * (through aliases and the parameters of helpers in this file), and every hand-off to code this file
 * cannot follow. Handlers registered on the connection itself (`connection.on(...)`) and callbacks
 * chained on its own promises do not hand it off.
 */
export function followConnection(model: SignalRModel, creations: readonly Node[]): ConnectionFlow {
  const key = [...creations].sort((a, b) => a.range[0] - b.range[0]);
  const cache = flowCache(model);
  const cacheKey = key.map((node) => node.range.join(':')).join(',');
  let flow = cache.get(cacheKey);
  if (!flow) {
    flow = new FlowBuilder(model, key).build();
    cache.set(cacheKey, flow);
  }
  return flow;
}

const flowCaches = new WeakMap<SignalRModel, Map<string, ConnectionFlow>>();
function flowCache(model: SignalRModel): Map<string, ConnectionFlow> {
  let cache = flowCaches.get(model);
  if (!cache) flowCaches.set(model, (cache = new Map()));
  return cache;
}

class FlowBuilder {
  private readonly slots: Slot[] = [];
  private readonly variables = new Set<Variable>();
  private readonly handOffs: HandOff[] = [];
  private readonly closures = new Set<FunctionNode>();
  /** Helpers whose parameter receives the connection, with the calls that pass it. */
  private readonly helperCalls = new Map<FunctionNode, TSESTree.CallExpression[]>();
  /** Helpers that return the parameter they received it in: their calls give the connection back. */
  private readonly returningHelpers = new Set<FunctionNode>();
  private readonly fieldKeys = new Set<string>();

  constructor(
    private readonly model: SignalRModel,
    private readonly creations: readonly Node[],
  ) {}

  build(): ConnectionFlow {
    for (const creation of this.creations) this.value(creation);
    return {
      creations: new Set(this.creations),
      slots: this.slots,
      variables: this.variables,
      handOffs: this.handOffs,
      escapingClosures: [...this.closures].filter((fn) => closureEscapes(this.model, fn)),
    };
  }

  /** Follows the value of `node`, which is the connection, to wherever its parent sends it. */
  private value(node: Node): void {
    let current = outermostWrapper(node);
    let parent = current.parent;
    // Expressions that pass the value through unchanged.
    while (
      parent &&
      ((parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== current) ||
        parent.type === AST_NODE_TYPES.LogicalExpression ||
        parent.type === AST_NODE_TYPES.AwaitExpression ||
        (parent.type === AST_NODE_TYPES.SequenceExpression && parent.expressions.at(-1) === current))
    ) {
      current = outermostWrapper(parent);
      parent = current.parent;
    }
    if (!parent) return;
    switch (parent.type) {
      case AST_NODE_TYPES.VariableDeclarator:
        // Destructuring reads members of the connection; it does not pass the connection on.
        if (parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier) this.variable(parent.id, false);
        return;
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.right === current) this.assigned(parent.left);
        return;
      case AST_NODE_TYPES.PropertyDefinition:
        if (parent.value === current) {
          const classNode = parent.parent.parent;
          if (classNode.type === AST_NODE_TYPES.ClassDeclaration || classNode.type === AST_NODE_TYPES.ClassExpression) {
            const property = staticPropertyName(parent);
            if (property !== undefined) this.field(classNode, property, parent.static);
          }
        }
        return;
      case AST_NODE_TYPES.ReturnStatement:
        this.returned(enclosingFunction(parent), parent);
        return;
      case AST_NODE_TYPES.ArrowFunctionExpression:
        if (parent.body === current) this.returned(parent, parent);
        return;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        if (parent.arguments.includes(current as TSESTree.CallExpressionArgument)) this.passed(parent, current);
        return;
      case AST_NODE_TYPES.MemberExpression:
        // A member of the connection: `connection.on(...)`, `connection.start()`. The classic client's
        // hub proxy keeps a reference to its connection, so where the proxy goes the connection goes.
        if (parent.object === current && staticPropertyName(parent) === CLASSIC_PROXY_FACTORY) {
          const call = outermostWrapper(parent).parent;
          if (call?.type === AST_NODE_TYPES.CallExpression && skipWrappers(call.callee) === parent) this.value(call);
        }
        return;
      case AST_NODE_TYPES.Property:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.SpreadElement:
        this.contained(parent);
        return;
      case AST_NODE_TYPES.JSXExpressionContainer:
        this.handOffs.push({ node: parent, how: 'passed' });
        return;
      case AST_NODE_TYPES.YieldExpression:
        this.handOffs.push({ node: parent, how: 'returned' });
        return;
      default:
        // Tests, comparisons, `typeof`, template text, statements: uses that keep nothing.
        return;
    }
  }

  private variable(identifier: TSESTree.Identifier, borrowed: boolean): void {
    const variable = this.model.variableOf(identifier);
    if (!variable) {
      this.slots.push({ kind: 'global' });
      return;
    }
    if (this.variables.has(variable)) return;
    this.variables.add(variable);
    this.slots.push({ kind: 'variable', variable, borrowed });
    const home = variable.scope.variableScope.block;
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const closure = outermostFunctionBetween(reference.identifier, home);
      if (closure) this.closures.add(closure);
      this.value(reference.identifier);
    }
  }

  private assigned(target: Node): void {
    const left = skipWrappers(target);
    if (left.type === AST_NODE_TYPES.Identifier) {
      this.variable(left, false);
      return;
    }
    if (left.type !== AST_NODE_TYPES.MemberExpression) return;
    const object = skipWrappers(left.object);
    const property = staticPropertyName(left);
    if (object.type === AST_NODE_TYPES.ThisExpression && property !== undefined) {
      const owner = classOfThis(object) ?? objectOfThis(object);
      if (owner) {
        this.field(owner, property, false);
        return;
      }
    }
    if (object.type === AST_NODE_TYPES.Identifier) {
      const variable = this.model.variableOf(object);
      if (!variable && PAGE_OBJECTS.includes(object.name)) {
        this.slots.push({ kind: 'global' });
        return;
      }
      if (variable && property === 'current' && isReactRef(this.model, variable)) {
        this.slots.push({ kind: 'ref', variable });
        return;
      }
    }
    this.handOffs.push({ node: left, how: 'stored' });
  }

  private field(owner: ClassNode | TSESTree.ObjectExpression, property: string, isStatic: boolean): void {
    const key = `${owner.range.join(':')}/${property}/${isStatic}`;
    if (this.fieldKeys.has(key)) return;
    this.fieldKeys.add(key);
    this.slots.push({ kind: 'field', owner, property, isStatic });
  }

  private returned(fn: FunctionNode | undefined, node: Node): void {
    if (!fn) return;
    const calls = this.helperCalls.get(fn);
    if (calls) {
      this.returningHelpers.add(fn);
      for (const call of calls) this.value(call);
      return;
    }
    // `setup()` returns the bindings its template uses; the component still owns them.
    if (vueComponentOfSetup(this.model, fn)) return;
    this.handOffs.push({ node, how: 'returned' });
  }

  private passed(call: TSESTree.CallExpression | TSESTree.NewExpression, argument: Node): void {
    if (call.type === AST_NODE_TYPES.CallExpression) {
      if (isConsoleCall(this.model, call)) return;
      if (isStateSetter(this.model, call.callee)) {
        this.handOffs.push({ node: call, how: 'state' });
        return;
      }
      const helper = localFunctionOf(this.model, call.callee);
      const parameter = helper?.params[call.arguments.indexOf(argument as TSESTree.CallExpressionArgument)];
      if (helper && parameter?.type === AST_NODE_TYPES.Identifier) {
        const calls = this.helperCalls.get(helper) ?? [];
        calls.push(call);
        this.helperCalls.set(helper, calls);
        if (this.returningHelpers.has(helper)) this.value(call);
        this.variable(parameter, true);
        return;
      }
    }
    this.handOffs.push({ node: call, how: 'passed' });
  }

  /**
   * The connection went into an object or array literal (`part` is the property, element list or
   * spread holding it): kept only when the outermost literal is what Vue's `setup()` returns.
   */
  private contained(part: Node): void {
    let literal: Node = part.type === AST_NODE_TYPES.ArrayExpression ? part : part.parent!;
    for (;;) {
      const wrapper = outermostWrapper(literal);
      const parent = wrapper.parent;
      if (parent?.type === AST_NODE_TYPES.ArrayExpression) literal = parent;
      else if ((parent?.type === AST_NODE_TYPES.Property && parent.value === wrapper) || parent?.type === AST_NODE_TYPES.SpreadElement) literal = parent.parent!;
      else break;
    }
    const wrapper = outermostWrapper(literal);
    const holder = wrapper.parent;
    const fn =
      holder?.type === AST_NODE_TYPES.ReturnStatement
        ? enclosingFunction(holder)
        : holder?.type === AST_NODE_TYPES.ArrowFunctionExpression && holder.body === wrapper
          ? holder
          : undefined;
    if (fn && vueComponentOfSetup(this.model, fn)) return;
    this.handOffs.push({ node: part, how: 'stored' });
  }
}

/** The outermost function strictly between `node` and `home` (a function or the Program), if any. */
function outermostFunctionBetween(node: Node, home: Node): FunctionNode | undefined {
  let found: FunctionNode | undefined;
  for (let current = node.parent; current && current !== home; current = current.parent) {
    if (isFunction(current)) found = current;
  }
  return found;
}

/**
 * A function that captures the connection escapes when something else may call it later: it is passed
 * to a call (other than the connection's own methods and promise chains, array iteration, an IIFE or
 * `new Promise`), stored, or returned. A named function escapes when its name does.
 */
function closureEscapes(model: SignalRModel, fn: FunctionNode): boolean {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id ? nameEscapes(model, fn.id) : false;
  const wrapper = outermostWrapper(fn);
  const parent = wrapper.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.CallExpression:
      return parent.callee !== wrapper && !keepsNoCallback(model, parent);
    case AST_NODE_TYPES.NewExpression:
      return !(parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'Promise' && !model.variableOf(parent.callee));
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.type === AST_NODE_TYPES.Identifier ? nameEscapes(model, parent.id) : true;
    default:
      return true;
  }
}

/** True unless every use of the function named `id` calls it, or gives it to a call that keeps no callback. */
function nameEscapes(model: SignalRModel, id: TSESTree.Identifier): boolean {
  const variable = model.variableOf(id);
  if (!variable) return true;
  return variable.references.some((reference) => {
    if (!reference.isRead()) return false;
    const use = outermostWrapper(reference.identifier);
    const parent = use.parent;
    if (parent?.type !== AST_NODE_TYPES.CallExpression) return true;
    return parent.callee !== use && !keepsNoCallback(model, parent);
  });
}

/**
 * Calls whose callbacks stay with the connection or run before the call returns: the connection's own
 * methods (`connection.on`), its promises (`connection.start().then`), array iteration.
 */
function keepsNoCallback(model: SignalRModel, call: TSESTree.CallExpression): boolean {
  const method = calledMethod(call);
  return method !== undefined && (SYNCHRONOUS_CALLBACK_METHODS.includes(method.name) || isRootedInConnection(model, method.object));
}

/** `connection`, or a promise one of its methods returned (`connection.start().then(...)`). */
function isRootedInConnection(model: SignalRModel, node: Node): boolean {
  const target = skipWrappers(node);
  if (model.connectionOf(target)) return true;
  if (target.type !== AST_NODE_TYPES.CallExpression) return false;
  const method = calledMethod(target);
  if (!method) return false;
  if (PROMISE_CHAIN_METHODS.includes(method.name)) return isRootedInConnection(model, method.object);
  return model.connectionOf(method.object) !== undefined;
}

// ---- stops ----

/** True when `call` is `<this connection>.stop()`. `connection.stop` without the call is not a stop. */
export function isStopOf(model: SignalRModel, call: Node, flow: ConnectionFlow): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const method = calledMethod(call);
  if (method?.name !== CONNECTION_METHODS.stop) return false;
  const object = skipWrappers(method.object);
  if (object.type === AST_NODE_TYPES.Identifier) {
    const variable = model.variableOf(object);
    if (variable && flow.variables.has(variable)) return true;
  }
  const held = model.connectionOf(object);
  return held !== undefined && held.creations.some((creation) => flow.creations.has(creation));
}

/**
 * The calls in `root` that stop the connection: its `stop()` calls, and calls of functions of this file
 * (local helpers, `this` methods, `useCallback`s) that stop it.
 */
export function stopSites(model: SignalRModel, root: Node, flow: ConnectionFlow): TSESTree.CallExpression[] {
  const sites: TSESTree.CallExpression[] = [];
  const stoppingFunctions = new Map<FunctionNode, boolean>();
  walk(root, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && stopsThroughCall(model, node, flow, stoppingFunctions)) sites.push(node);
    return undefined;
  });
  return sites;
}

/** `call` stops the connection, itself or through a function of this file (each function judged once). */
function stopsThroughCall(model: SignalRModel, call: TSESTree.CallExpression, flow: ConnectionFlow, stoppingFunctions: Map<FunctionNode, boolean>): boolean {
  if (isStopOf(model, call, flow)) return true;
  const fn = localFunctionOf(model, call.callee);
  if (!fn) return false;
  const known = stoppingFunctions.get(fn);
  if (known !== undefined) return known;
  // Recursion meets `false` while the function is being judged.
  stoppingFunctions.set(fn, false);
  let stops = false;
  walk(fn.body, (node) => {
    if (stops) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && stopsThroughCall(model, node, flow, stoppingFunctions)) stops = true;
    return undefined;
  });
  stoppingFunctions.set(fn, stops);
  return stops;
}

/**
 * The function `node` denotes when this file defines it: a function expression, a function
 * declaration or `const` holding one, a `useCallback(fn)`, or a method (or arrow-function field) of
 * the class or object `this` refers to.
 */
export function localFunctionOf(model: SignalRModel, node: Node): FunctionNode | undefined {
  const target = skipWrappers(node);
  const direct = functionOf(model, target);
  if (direct) return direct;
  if (target.type === AST_NODE_TYPES.Identifier) {
    const init = model.resolveConst(target);
    if (init?.type === AST_NODE_TYPES.CallExpression && isImportedFrom(model, init.callee, REACT_MODULES, REACT_FUNCTION_HOOKS)) {
      const wrapped = init.arguments[0] && skipWrappers(init.arguments[0]);
      return wrapped && isFunction(wrapped) ? wrapped : undefined;
    }
    return undefined;
  }
  if (target.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = skipWrappers(target.object);
  const name = staticPropertyName(target);
  if (object.type !== AST_NODE_TYPES.ThisExpression || name === undefined) return undefined;
  const owner = classOfThis(object) ?? objectOfThis(object);
  return owner && memberFunction(owner, name);
}

/** The method (or function-valued field/property) `name` of a class or object literal. */
function memberFunction(owner: ClassNode | TSESTree.ObjectExpression, name: string): FunctionNode | undefined {
  const members = owner.type === AST_NODE_TYPES.ObjectExpression ? owner.properties : owner.body.body;
  for (const member of members) {
    if (member.type !== AST_NODE_TYPES.Property && member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    if (staticPropertyName(member) !== name || !member.value) continue;
    const value = skipWrappers(member.value);
    if (isFunction(value)) return value;
  }
  return undefined;
}

// ---- the findings ----

export type StopProblem =
  /** Nothing stops it on the owner's way out. */
  | 'not-stopped'
  /** A function stops it, but only when nothing between `start()` and `stop()` throws or returns early. */
  | 'stopped-only-on-success';

export interface UnstoppedConnection {
  /** The first `start()` of the connection in its owner: where the finding is reported. */
  readonly start: TSESTree.CallExpression;
  /** The connection `start()` is called on, as the model names it. */
  readonly connection: Connection;
  readonly owner: BoundedOwner;
  readonly problem: StopProblem;
  readonly flow: ConnectionFlow;
  /** For `stopped-only-on-success`: the stops that a failure before them skips. */
  readonly successPathStops: readonly TSESTree.CallExpression[];
}

const findings = new WeakMap<SignalRModel, readonly UnstoppedConnection[]>();

/**
 * Every connection this file starts in a bounded scope without stopping it on the way out (the
 * findings of `require-stop`, and what `add-disposal` fixes). Computed once per file.
 */
export function unstoppedConnections(model: SignalRModel, filename: string): readonly UnstoppedConnection[] {
  let found = findings.get(model);
  if (!found) {
    found = findUnstopped(model, filename);
    findings.set(model, found);
  }
  return found;
}

function findUnstopped(model: SignalRModel, filename: string): UnstoppedConnection[] {
  // One finding per connection and owner, at the first start the owner makes itself rather than in
  // a callback (an `onclose` restart written before the first start).
  const startsByConnection = new Map<string, { start: TSESTree.CallExpression; connection: Connection; owner: BoundedOwner; flow: ConnectionFlow }[]>();
  for (const start of startCalls(model)) {
    const connection = model.connectionCall(start, CONNECTION_METHODS.start)!;
    if (connection.creations.length === 0) continue;
    const flow = followConnection(model, connection.creations);
    const owner = ownerOfConnection(model, start, connection, flow, filename);
    if (owner.kind === 'app' || owner.kind === 'handed-off') continue;
    const key = `${[...flow.creations].map((node) => node.range[0]).join(',')}@${owner.node.range[0]}`;
    const starts = startsByConnection.get(key) ?? [];
    starts.push({ start, connection, owner, flow });
    startsByConnection.set(key, starts);
  }
  const results: UnstoppedConnection[] = [];
  for (const starts of startsByConnection.values()) {
    const chosen = starts.find(({ start, owner }) => enclosingFunction(start) === owner.node) ?? starts[0]!;
    const finding = stopProblemOf(model, chosen.owner, chosen.start, chosen.flow);
    if (finding) results.push({ ...chosen, ...finding });
  }
  return results.sort((a, b) => a.start.range[0] - b.start.range[0]);
}

/** Every `<connection>.start()` in source order. */
export function startCalls(model: SignalRModel): TSESTree.CallExpression[] {
  const starts: TSESTree.CallExpression[] = [];
  walk(model.program, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && model.connectionCall(node, CONNECTION_METHODS.start)) starts.push(node);
  });
  return starts;
}

/**
 * Who owns the connection that `start` starts. A connection held in React state or a ref and started in
 * an effect belongs to that effect, even when another effect built it; otherwise the longest-lived
 * holder decides.
 */
export function ownerOfConnection(model: SignalRModel, start: TSESTree.CallExpression, connection: Connection, flow: ConnectionFlow, filename: string): Owner {
  // `$.connection.hub` is the page's one generated-proxy connection.
  if ([...flow.creations].some((creation) => creation.type === AST_NODE_TYPES.MemberExpression)) return { kind: 'app', node: model.program };
  if (flow.slots.some((slot) => slot.kind === 'global' || (slot.kind === 'field' && slot.isStatic))) return { kind: 'app', node: model.program };
  for (const slot of flow.slots) {
    if (slot.kind === 'variable' && !slot.borrowed && isModuleLevel(slot.variable)) return { kind: 'app', node: model.program };
  }
  if (isComponentHeld(model, connection) && flow.handOffs.every((handOff) => handOff.how === 'state')) {
    const startOwner = ownerOfScope(model, start, filename);
    if (startOwner.kind === 'react-effect') return startOwner;
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
    owner = ownerOfScope(model, outermost.variable.scope.variableScope.block, filename);
  } else if (flow.slots.some((slot) => slot.kind === 'ref')) {
    const startOwner = ownerOfScope(model, start, filename);
    owner = startOwner.kind === 'react-effect' ? startOwner : { kind: 'handed-off', node: start };
  } else {
    owner = ownerOfScope(model, [...flow.creations][0]!, filename);
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

function stopProblemOf(
  model: SignalRModel,
  owner: BoundedOwner,
  start: TSESTree.CallExpression,
  flow: ConnectionFlow,
): { problem: StopProblem; successPathStops: TSESTree.CallExpression[] } | undefined {
  switch (owner.kind) {
    case 'function':
    case 'handler':
      return functionStopProblem(model, owner.node, start, flow);
    case 'react-effect':
      return reactEffectStops(model, flow) ? undefined : { problem: 'not-stopped', successPathStops: [] };
    case 'angular-component':
      return angularComponentStops(model, owner.node, flow) ? undefined : { problem: 'not-stopped', successPathStops: [] };
    case 'vue-component':
      return vueComponentStops(model, owner, flow) ? undefined : { problem: 'not-stopped', successPathStops: [] };
  }
}

/** Some effect's cleanup stops it (the effect that started it, or another one of the component's). */
function reactEffectStops(model: SignalRModel, flow: ConnectionFlow): boolean {
  return effectCallbacks(model).some((callback) => effectCleanups(model, callback).some((cleanup) => stopSites(model, cleanup, flow).length > 0));
}

function effectCallbacks(model: SignalRModel): FunctionNode[] {
  const callbacks: FunctionNode[] = [];
  walk(model.program, (node) => {
    if (isFunction(node) && effectCallOf(model, node)) callbacks.push(node);
  });
  return callbacks;
}

/** `ngOnDestroy` (through the methods it calls) or a `DestroyRef.onDestroy` callback stops it. */
function angularComponentStops(model: SignalRModel, classNode: ClassNode, flow: ConnectionFlow): boolean {
  const destroy = memberFunction(classNode, ANGULAR_DESTROY_METHOD);
  // An inherited `ngOnDestroy` this file cannot see may stop it.
  if (!destroy && classNode.superClass) return true;
  if (destroy && stopSites(model, destroy, flow).length > 0) return true;
  let registered = false;
  walk(classNode.body, (node) => {
    if (registered) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && calledMethod(node)?.name === ANGULAR_DESTROY_REGISTRATION) {
      const callback = node.arguments[0] && localFunctionOf(model, node.arguments[0]);
      if (callback && stopSites(model, callback, flow).length > 0) registered = true;
    }
    return undefined;
  });
  return registered;
}

/** `onUnmounted`/`onBeforeUnmount` in `setup`, or the `beforeUnmount`/`unmounted` option, stops it. */
function vueComponentStops(model: SignalRModel, owner: Extract<BoundedOwner, { kind: 'vue-component' }>, flow: ConnectionFlow): boolean {
  for (const callback of vueUnmountCallbacks(model, owner)) {
    if (stopSites(model, callback, flow).length > 0) return true;
  }
  return false;
}

/** The functions a Vue component runs when it goes away. */
export function vueUnmountCallbacks(model: SignalRModel, owner: Extract<BoundedOwner, { kind: 'vue-component' }>): FunctionNode[] {
  const callbacks: FunctionNode[] = [];
  if (owner.node.type === AST_NODE_TYPES.ObjectExpression) {
    for (const name of VUE_UNMOUNT_OPTIONS) {
      const option = memberFunction(owner.node, name);
      if (option) callbacks.push(option);
    }
  }
  const setup = owner.setup ?? (isFunction(owner.node) ? owner.node : undefined);
  if (setup) {
    walk(setup.body, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression || !isImportedFrom(model, node.callee, [VUE_MODULE], VUE_UNMOUNT_HOOKS)) return undefined;
      const callback = node.arguments[0] && localFunctionOf(model, node.arguments[0]);
      if (callback) callbacks.push(callback);
      return undefined;
    });
  }
  return callbacks;
}

/**
 * A function owner stops the connection on every path when a stop runs in `finally`, or when nothing
 * between `start()` and the first stop after it can throw or return. Stops in callbacks and helpers the
 * function hands the connection to are taken on trust: they may run on any path.
 */
function functionStopProblem(
  model: SignalRModel,
  fn: FunctionNode,
  start: TSESTree.CallExpression,
  flow: ConnectionFlow,
): { problem: StopProblem; successPathStops: TSESTree.CallExpression[] } | undefined {
  const sites = stopSites(model, fn, flow);
  if (sites.length === 0) return { problem: 'not-stopped', successPathStops: [] };
  const direct = sites.filter((site) => enclosingFunction(site) === fn);
  if (direct.length < sites.length || enclosingFunction(start) !== fn) return undefined;
  if (direct.some((site) => isInFinally(site, fn))) return undefined;
  const after = direct.filter((site) => site.range[0] >= start.range[1]);
  const firstStop = after[0];
  if (!firstStop) return undefined;
  return mayLeaveBetween(model, fn, start, firstStop, flow) ? { problem: 'stopped-only-on-success', successPathStops: after } : undefined;
}

function isInFinally(node: Node, fn: FunctionNode): boolean {
  for (let current: Node = node; current.parent && current !== fn; current = current.parent) {
    if (current.parent.type === AST_NODE_TYPES.TryStatement && current.parent.finalizer === current) return true;
  }
  return false;
}

/**
 * True when code of `fn` between `start` and `stop` may leave the function: an `await` (a rejection
 * throws), a call (it may throw), `throw`, `return` or `yield`, unless a `try` whose `catch` swallows
 * the failure before the stop, or stops the connection itself, covers it.
 */
function mayLeaveBetween(model: SignalRModel, fn: FunctionNode, start: Node, stop: Node, flow: ConnectionFlow): boolean {
  let leaves = false;
  walk(fn.body, (node) => {
    if (leaves || (node !== fn.body && isFunction(node))) return false;
    // Only a node that overlaps the gap between `start()` and `stop()` can hold something inside it.
    if (node.range[1] <= start.range[1] || node.range[0] >= stop.range[0]) return false;
    const inGap = node.range[0] >= start.range[1] && node.range[1] <= stop.range[0];
    if (inGap && mayLeave(model, node) && !isCovered(model, node, fn, stop, flow)) leaves = true;
    return undefined;
  });
  return leaves;
}

function mayLeave(model: SignalRModel, node: Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.YieldExpression:
      return true;
    case AST_NODE_TYPES.CallExpression:
      // The connection's own methods report failures through their promises, not by throwing.
      return !isConsoleCall(model, node) && !isRootedInConnection(model, node);
    default:
      return false;
  }
}

function isCovered(model: SignalRModel, node: Node, fn: FunctionNode, stop: Node, flow: ConnectionFlow): boolean {
  for (let current: Node = node; current.parent && current !== fn; current = current.parent) {
    const parent = current.parent;
    if (parent.type !== AST_NODE_TYPES.TryStatement || parent.block !== current) continue;
    if (parent.finalizer && stopSites(model, parent.finalizer, flow).length > 0) return true;
    if (parent.handler && (parent.range[1] <= stop.range[0] || stopSites(model, parent.handler, flow).length > 0)) return true;
  }
  return false;
}

// ---- recognising lifecycles ----

function isModuleLevel(variable: Variable): boolean {
  const type = variable.scope.variableScope.type;
  return type === 'module' || type === 'global';
}

/** `connectionRef.current` or React state: the component holds it between renders. */
export function isComponentHeld(model: SignalRModel, connection: Connection): boolean {
  if (!connection.variable) return false;
  if (connection.kind === 'property') return connection.property === 'current' && isReactRef(model, connection.variable);
  if (connection.kind !== 'variable') return false;
  const def = connection.variable.defs[0];
  return def?.type === 'Variable' && def.name.parent?.type === AST_NODE_TYPES.ArrayPattern;
}

/** `const ref = useRef(...)` from React. */
function isReactRef(model: SignalRModel, variable: Variable): boolean {
  const def = variable.defs[0];
  if (def?.type !== 'Variable') return false;
  const init = (def.node as TSESTree.VariableDeclarator).init;
  const call = init && skipWrappers(init);
  return call?.type === AST_NODE_TYPES.CallExpression && isImportedFrom(model, call.callee, REACT_MODULES, [REACT_REF_HOOK]);
}

function readsRef(model: SignalRModel, node: Node): boolean {
  let found = false;
  walk(node, (inner) => {
    if (found) return false;
    if (inner.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(inner) === 'current') {
      const object = skipWrappers(inner.object);
      const variable = object.type === AST_NODE_TYPES.Identifier ? model.variableOf(object) : undefined;
      if (variable && isReactRef(model, variable)) found = true;
    }
    return undefined;
  });
  return found;
}

/** `const [value, setValue] = useState(...)`: `callee` is `setValue`. */
export function isStateSetter(model: SignalRModel, callee: Node): boolean {
  const target = skipWrappers(callee);
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const def = model.variableOf(target)?.defs[0];
  const pattern = def?.name.parent;
  return def?.type === 'Variable' && pattern?.type === AST_NODE_TYPES.ArrayPattern && pattern.elements[1] === def.name;
}

function isConsoleCall(model: SignalRModel, call: TSESTree.CallExpression): boolean {
  const method = calledMethod(call);
  const object = method && skipWrappers(method.object);
  return object?.type === AST_NODE_TYPES.Identifier && object.name === 'console' && !model.variableOf(object);
}

/** `node` is `name` imported (named, or through a namespace/default import) from one of `modules`. */
function isImportedFrom(model: SignalRModel, node: Node, modules: readonly string[], names: readonly string[]): boolean {
  const binding = model.moduleBindingOf(node);
  return binding !== undefined && modules.includes(binding.module) && names.includes(binding.name);
}

export function isImmediatelyInvoked(fn: FunctionNode): boolean {
  const wrapper = outermostWrapper(fn);
  const parent = wrapper.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === wrapper) return true;
  // `fn.call(this)`, `fn.apply(this)`
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== wrapper) return false;
  const name = staticPropertyName(parent);
  const call = parent.parent;
  return (name === 'call' || name === 'apply') && call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent;
}

/**
 * Callbacks that run once when the page starts: `$(fn)`, `$(document).ready(fn)`,
 * `$(window).on('load', fn)`, `addEventListener('DOMContentLoaded' | 'load', fn)` on the window or
 * document, `window.onload = fn`.
 */
function isPageStartCallback(model: SignalRModel, fn: FunctionNode): boolean {
  const wrapper = outermostWrapper(fn);
  const parent = wrapper.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === wrapper) {
    const left = skipWrappers(parent.left);
    return left.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(left) === PAGE_LOAD_PROPERTY && isPageObject(model, left.object);
  }
  if (parent?.type !== AST_NODE_TYPES.CallExpression) return false;
  const index = parent.arguments.indexOf(wrapper as TSESTree.CallExpressionArgument);
  if (index === 0 && model.isJQuery(parent.callee)) return true;
  const callee = skipWrappers(parent.callee);
  const method = calledMethod(parent);
  const event = parent.arguments[0];
  const isStartEvent = event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && PAGE_START_EVENTS.includes(event.value);
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'addEventListener' && !model.variableOf(callee)) return index === 1 && isStartEvent;
  if (!method) return false;
  if (method.name === 'addEventListener') return index === 1 && isStartEvent && isPageObject(model, method.object);
  const jqueryObject = skipWrappers(method.object);
  const onJQuery = jqueryObject.type === AST_NODE_TYPES.CallExpression && model.isJQuery(jqueryObject.callee);
  if (method.name === JQUERY_READY) return index === 0 && onJQuery;
  return method.name === JQUERY_ON && index === 1 && isStartEvent && onJQuery;
}

function isPageObject(model: SignalRModel, node: Node): boolean {
  const target = skipWrappers(node);
  return target.type === AST_NODE_TYPES.Identifier && PAGE_OBJECTS.includes(target.name) && !model.variableOf(target);
}

type AngularRole = 'app-service' | 'plain' | 'view';

function angularRole(model: SignalRModel, classNode: ClassNode): AngularRole {
  // espree (ESLint's default parser for plain JavaScript) leaves `decorators` out.
  for (const decorator of classNode.decorators ?? []) {
    const expression = skipWrappers(decorator.expression);
    if (expression.type !== AST_NODE_TYPES.CallExpression) continue;
    if (isImportedFrom(model, expression.callee, [ANGULAR_MODULE], ANGULAR_VIEW_DECORATORS)) return 'view';
    if (isImportedFrom(model, expression.callee, [ANGULAR_MODULE], [ANGULAR_SERVICE_DECORATOR]) && expression.arguments[0]) {
      const providedIn = findProperty(model, expression.arguments[0], 'providedIn');
      if (providedIn && providedIn !== 'unknown' && providedIn.value.type === AST_NODE_TYPES.Literal && ANGULAR_APP_SCOPES.includes(String(providedIn.value.value))) {
        return 'app-service';
      }
    }
  }
  return 'plain';
}

/**
 * For a method Angular or Vue runs once while a component starts (`ngOnInit`, a component's
 * constructor, Vue's `mounted`), the component: what it starts, the component must stop.
 */
function componentStartedBy(model: SignalRModel, fn: FunctionNode): Owner | undefined {
  const member = fn.parent;
  if (member?.type === AST_NODE_TYPES.MethodDefinition && member.value === fn && !member.static) {
    const name = member.kind === 'constructor' ? 'constructor' : staticPropertyName(member);
    const classNode = member.parent.parent;
    if (name === undefined || !ANGULAR_INIT_METHODS.includes(name)) return undefined;
    const role = angularRole(model, classNode);
    if (role === 'view') return { kind: 'angular-component', node: classNode };
    return role === 'app-service' ? { kind: 'app', node: classNode } : undefined;
  }
  if (member?.type === AST_NODE_TYPES.Property && member.value === fn && member.parent.type === AST_NODE_TYPES.ObjectExpression) {
    const name = staticPropertyName(member);
    if (name !== undefined && VUE_INIT_OPTIONS.includes(name) && isVueOptions(model, member.parent)) {
      return { kind: 'vue-component', node: member.parent, setup: vueSetupOf(member.parent) };
    }
  }
  return undefined;
}

/** A Vue component's options: the argument of `defineComponent`, or the default export of a file importing Vue. */
function isVueOptions(model: SignalRModel, object: TSESTree.ObjectExpression): boolean {
  const wrapper = outermostWrapper(object);
  const parent = wrapper.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === wrapper) {
    return isImportedFrom(model, parent.callee, [VUE_MODULE], [VUE_DEFINE_COMPONENT]);
  }
  return parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration && importsVue(model);
}

function importsVue(model: SignalRModel): boolean {
  return model.program.body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === VUE_MODULE);
}

function vueSetupOf(options: TSESTree.ObjectExpression): FunctionNode | undefined {
  return memberFunction(options, VUE_SETUP);
}

/** For `setup` of a Vue component (or the function given to `defineComponent`), the component. */
function vueComponentOfSetup(model: SignalRModel, fn: FunctionNode): TSESTree.ObjectExpression | FunctionNode | undefined {
  const wrapper = outermostWrapper(fn);
  const parent = wrapper.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === wrapper) {
    return isImportedFrom(model, parent.callee, [VUE_MODULE], [VUE_DEFINE_COMPONENT]) ? fn : undefined;
  }
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === wrapper && staticPropertyName(parent) === VUE_SETUP) {
    const options = parent.parent;
    return options.type === AST_NODE_TYPES.ObjectExpression && isVueOptions(model, options) ? options : undefined;
  }
  return undefined;
}

function isVueHookCallback(model: SignalRModel, fn: FunctionNode, hooks: readonly string[]): boolean {
  const wrapper = outermostWrapper(fn);
  const parent = wrapper.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === wrapper && isImportedFrom(model, parent.callee, [VUE_MODULE], hooks);
}
