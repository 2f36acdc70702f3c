// What runs every time a React function component (or a custom hook) renders: its own body, the
// arguments it passes to hooks, and its parameters' defaults. A connection built there is built
// again on every render: a new object each time, thrown away unless something keeps it, and a new
// connection per render once an effect starts what the render built. The analysis behind
// `no-connection-in-render` (and the lazy-`useState` rewrite of its codemod), which also reports a
// handler registered there on a connection that outlives the render.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { calledMethod, contains, isFunction, skipWrappers, walk } from './ast.js';
import { callGraphOf } from './calls.js';
import { returnsNewConnection } from './factories.js';
import { functionOf } from './functions.js';
import type { SignalRModel } from './model.js';
import { isImportedFrom } from './model/imports.js';
import { renderingFunctionName } from './owners/react-component.js';
import { readsRef, REACT_MODULES } from './owners/react-hooks.js';
import { CONNECTION_METHODS } from './signalr.js';

/** Hooks whose first argument is the initial value: evaluated on every render, used on the first. */
const INITIAL_VALUE_HOOKS = { state: 'useState', ref: 'useRef' } as const;
/** How many functions deep a factory call is followed to see whether it builds a new connection. */
const MAX_FACTORY_DEPTH = 2;

/** Where in a render the connection is built. */
export type RenderPlace = 'body' | 'default-parameter' | 'ref-initializer' | 'state-initializer';

export interface RenderCreation {
  /** `….build()`, `$.hubConnection(…)`, or a call of a function of this file that returns a new one. */
  readonly creation: TSESTree.CallExpression;
  /** The component or hook whose render runs it, and how messages name it. */
  readonly component: FunctionNode;
  readonly componentName: string;
  readonly place: RenderPlace;
  /** For the initializers: the `useState(…)`/`useRef(…)` call. */
  readonly hook: TSESTree.CallExpression | undefined;
}

/**
 * A handler a render registers on a connection that outlives it: `connection.on(…)` with a function
 * made in that render (the client skips only a handler it already has, by identity), or any
 * `onclose`/`onreconnecting`/`onreconnected` callback (kept in a list, never skipped). Each render adds
 * one more: a message is handled once per render so far.
 */
export interface RenderRegistration {
  readonly call: TSESTree.CallExpression;
  readonly component: FunctionNode;
  readonly componentName: string;
}

/** Lifecycle registrations keep every callback they are given, the same one again included. */
const LIFECYCLE_REGISTRATIONS: readonly string[] = [CONNECTION_METHODS.onclose, CONNECTION_METHODS.onreconnecting, CONNECTION_METHODS.onreconnected];

const analyses = new WeakMap<SignalRModel, readonly RenderCreation[]>();

/** Every connection the file builds while a component renders. Computed once per file. */
export function creationsInRender(model: SignalRModel): readonly RenderCreation[] {
  let found = analyses.get(model);
  if (!found) {
    found = findCreations(model);
    analyses.set(model, found);
  }
  return found;
}

function findCreations(model: SignalRModel): RenderCreation[] {
  if (!usesReact(model)) return [];
  const found: RenderCreation[] = [];
  walk(model.program, (node) => {
    if (!isFunction(node)) return;
    const name = renderingFunctionName(model, node);
    if (name === undefined) return;
    for (const creation of ownCreations(model, node)) {
      const place = placeOf(model, creation, node);
      if (place) found.push({ creation, component: node, componentName: name, ...place });
    }
  });
  return found;
}

/** Every handler registration the file makes while a component renders, on a connection the render does not build anew. */
export function registrationsInRender(model: SignalRModel): RenderRegistration[] {
  if (!usesReact(model)) return [];
  // A connection built anew by each render gets its handler once: that is the creation's report.
  const newEachRender = new Set<Node>(creationsInRender(model).filter(({ hook }) => hook === undefined).map(({ creation }) => creation));
  const found: RenderRegistration[] = [];
  walk(model.program, (node) => {
    if (!isFunction(node)) return;
    const componentName = renderingFunctionName(model, node);
    if (componentName === undefined) return;
    walkOwn(node, (child) => {
      if (child.type !== AST_NODE_TYPES.CallExpression || !addsHandlerEachRender(model, child, node)) return;
      const connection = model.connectionOf(calledMethod(child)!.object);
      if (connection?.flavour === 'core' && !connection.creations.some((creation) => newEachRender.has(creation))) found.push({ call: child, component: node, componentName });
    });
  });
  return found;
}

/** `call` registers a handler that this render adds once more: see `RenderRegistration`. Not behind a ref check. */
function addsHandlerEachRender(model: SignalRModel, call: TSESTree.CallExpression, component: FunctionNode): boolean {
  const method = calledMethod(call);
  if (!method || placeOf(model, call, component)?.place !== 'body') return false;
  if (LIFECYCLE_REGISTRATIONS.includes(method.name)) return call.arguments.length > 0;
  if (method.name !== CONNECTION_METHODS.on) return false;
  const handler = call.arguments[1] && functionOf(model, call.arguments[1]);
  return handler !== undefined && contains(component, handler);
}

const reactFiles = new WeakMap<SignalRModel, boolean>();

/** The file imports React, or renders JSX. Asked by both analyses of a file: searched once. */
function usesReact(model: SignalRModel): boolean {
  let known = reactFiles.get(model);
  if (known === undefined) reactFiles.set(model, (known = searchesReact(model)));
  return known;
}

function searchesReact(model: SignalRModel): boolean {
  let found = false;
  walk(model.program, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.ImportDeclaration && REACT_MODULES.includes(node.source.value)) found = true;
    if (node.type === AST_NODE_TYPES.JSXElement || node.type === AST_NODE_TYPES.JSXFragment) found = true;
    return undefined;
  });
  return found;
}

/** The calls in `fn`'s own code (its body and parameter defaults, not nested functions) that build a new connection. */
function ownCreations(model: SignalRModel, fn: FunctionNode): TSESTree.CallExpression[] {
  const creations: TSESTree.CallExpression[] = [];
  walkOwn(fn, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && buildsNewConnection(model, node, 0)) creations.push(node);
  });
  return creations;
}

/**
 * `call` returns a connection it has just built: `….build()`, `$.hubConnection(…)`, or a function of
 * this file that returns one it builds (core/factories.ts). A getter that returns a kept one does not.
 */
function buildsNewConnection(model: SignalRModel, call: TSESTree.CallExpression, depth: number): boolean {
  if (model.isBuildCall(call) || model.classicCreations.includes(call)) return true;
  const callee = depth < MAX_FACTORY_DEPTH ? callGraphOf(model).calleeOf(call) : undefined;
  return callee !== undefined && returnsNewConnection(model, callee, (value) => isNewConnection(model, value, depth + 1));
}

function isNewConnection(model: SignalRModel, value: Node, depth: number): boolean {
  const target = skipWrappers(value);
  return target.type === AST_NODE_TYPES.CallExpression && buildsNewConnection(model, target, depth);
}

/**
 * Where `creation` runs in `component`'s render, or undefined when it does not run on every render:
 * behind a check of a ref (`if (!ref.current) ref.current = build()`), or assigned with `??=`/`||=`
 * to a ref, the lazy patterns.
 */
function placeOf(model: SignalRModel, creation: TSESTree.CallExpression, component: FunctionNode): { place: RenderPlace; hook: TSESTree.CallExpression | undefined } | undefined {
  let child: Node = creation;
  for (let current: Node | undefined = creation.parent; current && current !== component; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (current.test !== child && readsRef(model, current.test)) return undefined;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (current.right === child && readsRef(model, current.left)) return undefined;
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        if (current.right === child && current.operator !== '=' && readsRef(model, current.left)) return undefined;
        break;
      case AST_NODE_TYPES.AssignmentPattern:
        if (current.right === child && component.params.some((param) => contains(param, child))) return { place: 'default-parameter', hook: undefined };
        break;
      case AST_NODE_TYPES.CallExpression:
        if (current.arguments[0] === child) {
          if (isImportedFrom(model, current.callee, REACT_MODULES, [INITIAL_VALUE_HOOKS.state])) return { place: 'state-initializer', hook: current };
          if (isImportedFrom(model, current.callee, REACT_MODULES, [INITIAL_VALUE_HOOKS.ref])) return { place: 'ref-initializer', hook: current };
        }
        break;
      default:
        break;
    }
  }
  return { place: 'body', hook: undefined };
}

/** Visits `fn`'s parameters and body, but not the functions inside them. */
function walkOwn(fn: FunctionNode, visit: (node: Node) => void): void {
  for (const root of [...fn.params, fn.body]) {
    walk(root, (node) => {
      if (node !== fn && isFunction(node)) return false;
      visit(node);
      return undefined;
    });
  }
}
