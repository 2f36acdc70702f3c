// What a Vue app keeps for all its components: a value given to `app.provide` or set on
// `app.config.globalProperties` (Vue 2: `Vue.prototype`) lives as long as the app, that is the page,
// whichever component first reaches it (core/flow.ts treats such a holder as app-long). A plugin's
// `install(app)` runs once, when the app takes the plugin: its own scope is app-long too.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from '../ast.js';
import { isFunction, outermostWrapper, skipWrappers, staticPropertyName } from '../ast.js';
import { callGraphOf } from '../calls.js';
import { exportNamesOfValue, exportNamesOfVariable } from '../exports.js';
import type { SignalRModel } from '../model.js';
import { isImportedFrom } from '../model/imports.js';
import { VUE_MODULE } from './vue-component.js';

/** Vue's app factories: what they return lives as long as the page. */
const VUE_APP_FACTORIES: readonly string[] = ['createApp', 'createSSRApp'];
/** App methods that return the app, so that calls chain (`createApp(App).use(router)`). */
const VUE_APP_CHAIN_METHODS: readonly string[] = ['use', 'component', 'directive', 'mixin', 'provide'];
/** `app.provide(key, value)`: every component of the app can inject the value. */
const VUE_APP_PROVIDE = 'provide';
/** `app.config.globalProperties.<name>` (Vue 3) and `Vue.prototype.<name>` (Vue 2) reach every component as `this.<name>`. */
const VUE_APP_CONFIG = 'config';
const VUE_GLOBAL_PROPERTIES = 'globalProperties';
const VUE_2_PROTOTYPE = 'prototype';
/** A plugin is an object with an `install(app)` method (or that function itself, given to `app.use`). */
const VUE_PLUGIN_INSTALL = 'install';
/** `app.use(plugin)` (Vue 2: `Vue.use(plugin)`): the app runs the plugin's `install` once. */
const VUE_USE = 'use';
/** How many helper calls deep a plugin's `app` parameter is followed (`install(app) { setUp(app); }`). */
const MAX_APP_PARAMETER_DEPTH = 3;

/**
 * `app.provide(key, value)` on a Vue app, `value` being `argument`: the app keeps the value for as long
 * as it runs, and hands it to every component that injects it.
 */
export function isAppProvide(model: SignalRModel, call: TSESTree.CallExpression | TSESTree.NewExpression, argument: Node): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== argument) return false;
  const callee = skipWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(callee) === VUE_APP_PROVIDE && isVueApp(model, callee.object, 0);
}

/** `app.config.globalProperties.<name>` or Vue 2's `Vue.prototype.<name>`: a property every component sees as `this.<name>`. */
export function isAppGlobalProperty(model: SignalRModel, target: Node): boolean {
  const member = skipWrappers(target);
  if (member.type !== AST_NODE_TYPES.MemberExpression) return false;
  const holder = skipWrappers(member.object);
  if (holder.type !== AST_NODE_TYPES.MemberExpression) return false;
  const holderName = staticPropertyName(holder);
  if (holderName === VUE_2_PROTOTYPE) return isImportedFrom(model, holder.object, [VUE_MODULE], ['default']) || isVueApp(model, holder.object, 0);
  const config = skipWrappers(holder.object);
  return (
    holderName === VUE_GLOBAL_PROPERTIES &&
    config.type === AST_NODE_TYPES.MemberExpression &&
    staticPropertyName(config) === VUE_APP_CONFIG &&
    isVueApp(model, config.object, 0)
  );
}

/** A Vue app: what `createApp` returns (also through a `const` and chained calls), or a plugin's `app` parameter. */
function isVueApp(model: SignalRModel, node: Node, depth: number): boolean {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.CallExpression) {
    if (isImportedFrom(model, target.callee, [VUE_MODULE], VUE_APP_FACTORIES)) return true;
    const callee = skipWrappers(target.callee);
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
    return callee.type === AST_NODE_TYPES.MemberExpression && name !== undefined && VUE_APP_CHAIN_METHODS.includes(name) && isVueApp(model, callee.object, depth);
  }
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const bound = model.resolveConst(target);
  if (bound) return isVueApp(model, bound, depth);
  const def = model.variableOf(target)?.defs[0];
  if (def?.type !== 'Parameter' || !isFunction(def.node)) return false;
  const fn = def.node;
  const index = fn.params.indexOf(def.name as TSESTree.Parameter);
  if (index === 0 && isPluginInstall(fn)) return true;
  // A helper of the plugin that receives the app: every call of it in this file passes one.
  if (depth >= MAX_APP_PARAMETER_DEPTH || index < 0) return false;
  const calls = callGraphOf(model).callsOf(fn);
  return calls.length > 0 && calls.every((call) => call.arguments[index] !== undefined && isVueApp(model, call.arguments[index]!, depth + 1));
}

/** `install(app) { … }` of a plugin object, or `export default function install(app)`. */
function isPluginInstall(fn: FunctionNode): boolean {
  const holder = outermostWrapper(fn).parent;
  if ((holder?.type === AST_NODE_TYPES.Property || holder?.type === AST_NODE_TYPES.MethodDefinition) && staticPropertyName(holder) === VUE_PLUGIN_INSTALL) return true;
  return fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id?.name === VUE_PLUGIN_INSTALL;
}

/**
 * A Vue plugin's `install(app)`: Vue runs it once, when the app takes the plugin, so what it starts
 * there (not in the callbacks it sets up) lives as long as the app. The plugin is an object or class
 * with an `install` method (also set as `plugin.install = function …`), or an `install` function, and
 * it leaves this file the way plugins do: exported, or given to `.use(…)` here. An `install` method of
 * anything else is an ordinary method that may run any number of times.
 */
export function isVuePluginInstall(model: SignalRModel, fn: FunctionNode): boolean {
  const wrapper = outermostWrapper(fn);
  const holder = wrapper.parent;
  let plugin: Node | undefined;
  let variable: Variable | undefined;
  if (holder?.type === AST_NODE_TYPES.Property && holder.value === wrapper && staticPropertyName(holder) === VUE_PLUGIN_INSTALL) {
    if (holder.parent.type !== AST_NODE_TYPES.ObjectExpression) return false;
    plugin = holder.parent;
  } else if (holder?.type === AST_NODE_TYPES.MethodDefinition && holder.static && staticPropertyName(holder) === VUE_PLUGIN_INSTALL) {
    plugin = holder.parent.parent;
  } else if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id?.name === VUE_PLUGIN_INSTALL) {
    plugin = fn;
    variable = model.variableOf(fn.id);
  } else if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === wrapper) {
    const target = skipWrappers(holder.left);
    if (target.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(target) !== VUE_PLUGIN_INSTALL) return false;
    const object = skipWrappers(target.object);
    if (object.type !== AST_NODE_TYPES.Identifier) return false;
    variable = model.variableOf(object);
    if (!variable) return false;
  } else {
    return false;
  }
  if (plugin) {
    if (isGivenToUse(plugin) || exportNamesOfValue(model, plugin).length > 0) return true;
    variable ??= variableHolding(model, plugin);
  }
  if (!variable) return false;
  return exportNamesOfVariable(model, variable).length > 0 || variable.references.some((reference) => reference.isRead() && isGivenToUse(reference.identifier));
}

/** `value` is what `something.use(value)` receives first. */
function isGivenToUse(value: Node): boolean {
  const argument = outermostWrapper(value);
  const call = argument.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== argument) return false;
  const callee = skipWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(callee) === VUE_USE;
}

/** The variable an object literal or class is declared as (`const plugin = { … }`, `class Plugin { … }`). */
function variableHolding(model: SignalRModel, node: Node): Variable | undefined {
  if (node.type === AST_NODE_TYPES.ClassDeclaration && node.id) {
    const variable = model.variableOf(node.id);
    // A class's name is bound inside the class too: the module knows it by the outer binding.
    return variable?.scope.type === 'class' ? (variable.scope.upper?.set.get(variable.name) ?? variable) : variable;
  }
  const holder = outermostWrapper(node).parent;
  return holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier ? model.variableOf(holder.id) : undefined;
}
