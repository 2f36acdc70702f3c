// An Angular `@Component`/`@Directive` owns what its start-up methods (`constructor`, `ngOnInit`, …)
// start and what its fields hold: its way out is `ngOnDestroy` or a `DestroyRef.onDestroy` callback.
// A service `providedIn: 'root'` lives as long as the app.
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode } from '../ast.js';
import { calledMethod, skipWrappers, staticPropertyName, walk } from '../ast.js';
import { localFunctionOf, memberFunction } from '../functions.js';
import type { ClassNode, SignalRModel } from '../model.js';
import { isImportedFrom } from '../model/imports.js';
import { findProperty } from '../values.js';
import type { Owner } from './index.js';

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

/** An Angular `@Component`/`@Directive`: `ngOnDestroy` must stop the connection. */
export interface AngularComponentOwner {
  readonly kind: 'angular-component';
  readonly node: ClassNode;
}

type AngularRole = 'app-service' | 'plain' | 'view';

export function angularRole(model: SignalRModel, classNode: ClassNode): AngularRole {
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
 * For a method Angular runs once while a component starts (`ngOnInit`, a component's constructor), the
 * component: what it starts, the component must stop. What a root service starts is the app's.
 */
export function angularComponentStartedBy(model: SignalRModel, fn: FunctionNode): Owner | undefined {
  const member = fn.parent;
  if (member?.type !== AST_NODE_TYPES.MethodDefinition || member.value !== fn || member.static) return undefined;
  const name = member.kind === 'constructor' ? 'constructor' : staticPropertyName(member);
  const classNode = member.parent.parent;
  if (name === undefined || !ANGULAR_INIT_METHODS.includes(name)) return undefined;
  const role = angularRole(model, classNode);
  if (role === 'view') return { kind: 'angular-component', node: classNode };
  return role === 'app-service' ? { kind: 'app', node: classNode } : undefined;
}

/**
 * The functions an Angular class runs when it is destroyed: its `ngOnDestroy` and the callbacks it
 * registers with `DestroyRef.onDestroy`. `inherited`: it has no `ngOnDestroy` of its own but extends a
 * class, whose `ngOnDestroy` this file may not show.
 */
export function angularDestroyCallbacks(model: SignalRModel, classNode: ClassNode): { callbacks: FunctionNode[]; inherited: boolean } {
  const destroy = memberFunction(classNode, ANGULAR_DESTROY_METHOD);
  const callbacks = destroy ? [destroy] : [];
  walk(classNode.body, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && calledMethod(node)?.name === ANGULAR_DESTROY_REGISTRATION) {
      const callback = node.arguments[0] && localFunctionOf(model, node.arguments[0]);
      if (callback) callbacks.push(callback);
    }
    return undefined;
  });
  return { callbacks, inherited: !destroy && Boolean(classNode.superClass) };
}
