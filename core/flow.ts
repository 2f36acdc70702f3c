// Following a connection: from the expressions that create it to every variable, field and ref that
// holds it (through aliases and the parameters of helpers in this file), and every hand-off to code
// this file cannot follow. Owners (core/owners/) and stops (core/stops.ts) are judged over this flow.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { calledMethod, enclosingFunction, isFunction, outermostWrapper, skipWrappers, staticPropertyName, walk } from './ast.js';
import { callGraphOf } from './calls.js';
import { localFunctionOf } from './functions.js';
import type { ClassNode, SignalRModel } from './model.js';
import { classOfThis, componentStateField, objectOfThis, stateObjectClass } from './model/slots.js';
import { PAGE_OBJECTS } from './owners/page-start.js';
import { isCustomHook } from './owners/react-component.js';
import { isDependencyList, isReactRef, isStateSetter, valueHookOf } from './owners/react-hooks.js';
import { isAppGlobalProperty, isAppProvide } from './owners/vue-app.js';
import { vueComponentOfSetup } from './owners/vue-component.js';
import { JQUERY_DEFERRED_METHODS, PROMISE_CHAIN_METHODS } from './promises.js';
import { CLASSIC_PROXY_FACTORY, CONNECTION_METHODS } from './signalr.js';

/** Promise (and jQuery Deferred) methods: callbacks chained on a connection's own promise stay with it. */
const CHAINED_CALLBACK_METHODS: readonly string[] = [...PROMISE_CHAIN_METHODS, ...JQUERY_DEFERRED_METHODS];

/** Array methods that call their callback before they return and keep no reference to it. */
const SYNCHRONOUS_CALLBACK_METHODS: readonly string[] = ['forEach', 'map', 'flatMap', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'some', 'every', 'reduce', 'reduceRight'];

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
  /** A property of a global object (`window.connection = …`), or a Vue app's (`app.provide`, `globalProperties`). */
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

/** Every `<connection>.start()` in source order. */
export function startCalls(model: SignalRModel): TSESTree.CallExpression[] {
  const starts: TSESTree.CallExpression[] = [];
  walk(model.program, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && model.connectionCall(node, CONNECTION_METHODS.start)) starts.push(node);
  });
  return starts;
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
    // `app.config.globalProperties.$hub = connection`: the Vue app keeps it for as long as it runs.
    if (isAppGlobalProperty(this.model, left)) {
      this.slots.push({ kind: 'global' });
      return;
    }
    const object = skipWrappers(left.object);
    const property = staticPropertyName(left);
    const self = this.model.thisOf(object);
    if (self && property !== undefined) {
      const owner = classOfThis(self) ?? objectOfThis(self);
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

  /**
   * `call` is `useState(…)`, `useRef(…)` or `useMemo(…)` given the connection (or a function returning
   * it): follows it to the state variable, the ref, or the memo's result, and says whether it did.
   */
  private keptByValueHook(call: TSESTree.CallExpression): boolean {
    const kind = valueHookOf(this.model, call);
    if (!kind) return false;
    const declarator = outermostWrapper(call).parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator) return false;
    if (kind === 'memo') {
      this.value(call);
      return true;
    }
    const id = declarator.id;
    if (kind === 'ref') {
      const variable = id.type === AST_NODE_TYPES.Identifier ? this.model.variableOf(id) : undefined;
      if (variable) this.slots.push({ kind: 'ref', variable });
      return variable !== undefined;
    }
    const state = id.type === AST_NODE_TYPES.ArrayPattern ? id.elements[0] : undefined;
    if (state?.type !== AST_NODE_TYPES.Identifier) return false;
    this.variable(state, false);
    return true;
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
    // A lazy initializer (`useState(() => build())`, `useMemo(() => build(), [])`): the hook keeps it.
    const wrapper = outermostWrapper(fn);
    const hookCall = wrapper.parent;
    if (hookCall?.type === AST_NODE_TYPES.CallExpression && hookCall.arguments[0] === wrapper && this.keptByValueHook(hookCall)) return;
    // A custom hook gives it to the component that calls it: across the hook boundary, to its callers here.
    const callers = isCustomHook(fn) ? callGraphOf(this.model).callsOf(fn) : [];
    if (callers.length > 0) {
      for (const call of callers) this.value(call);
      return;
    }
    this.handOffs.push({ node, how: 'returned' });
  }

  private passed(call: TSESTree.CallExpression | TSESTree.NewExpression, argument: Node): void {
    // `app.provide('hub', connection)`: the Vue app keeps it for as long as it runs.
    if (isAppProvide(this.model, call, argument)) {
      this.slots.push({ kind: 'global' });
      return;
    }
    if (call.type === AST_NODE_TYPES.CallExpression) {
      if (isConsoleCall(this.model, call)) return;
      if (isStateSetter(this.model, call.callee)) {
        this.handOffs.push({ node: call, how: 'state' });
        return;
      }
      if (call.arguments[0] === argument && this.keptByValueHook(call)) return;
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
    // `this.setState({ connection })`: the component's state holds it.
    if (part.type === AST_NODE_TYPES.Property && part.parent.type === AST_NODE_TYPES.ObjectExpression) {
      const stateClass = stateObjectClass(part.parent);
      const property = staticPropertyName(part);
      if (stateClass && property !== undefined) {
        this.field(stateClass, componentStateField(property), false);
        return;
      }
    }
    let literal: Node = part.type === AST_NODE_TYPES.ArrayExpression ? part : part.parent!;
    for (;;) {
      const wrapper = outermostWrapper(literal);
      const parent = wrapper.parent;
      if (parent?.type === AST_NODE_TYPES.ArrayExpression) literal = parent;
      else if ((parent?.type === AST_NODE_TYPES.Property && parent.value === wrapper) || parent?.type === AST_NODE_TYPES.SpreadElement) literal = parent.parent!;
      else break;
    }
    const wrapper = outermostWrapper(literal);
    // `useEffect(fn, [connection])`: React compares the list between renders and keeps nothing.
    if (isDependencyList(this.model, wrapper)) return;
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
export function isRootedInConnection(model: SignalRModel, node: Node): boolean {
  const target = skipWrappers(node);
  if (model.connectionOf(target)) return true;
  if (target.type !== AST_NODE_TYPES.CallExpression) return false;
  const method = calledMethod(target);
  if (!method) return false;
  if (CHAINED_CALLBACK_METHODS.includes(method.name)) return isRootedInConnection(model, method.object);
  return model.connectionOf(method.object) !== undefined;
}

/** `node` reads this connection: a variable that holds it (a lent parameter too), or a field, ref or state of it. */
export function isOnConnection(model: SignalRModel, node: Node, flow: ConnectionFlow): boolean {
  const object = skipWrappers(node);
  if (object.type === AST_NODE_TYPES.Identifier) {
    const variable = model.variableOf(object);
    if (variable && flow.variables.has(variable)) return true;
  }
  const held = model.connectionOf(object);
  return held !== undefined && held.creations.some((creation) => flow.creations.has(creation));
}

export function isConsoleCall(model: SignalRModel, call: TSESTree.CallExpression): boolean {
  const method = calledMethod(call);
  const object = method && skipWrappers(method.object);
  return object?.type === AST_NODE_TYPES.Identifier && object.name === 'console' && !model.variableOf(object);
}
