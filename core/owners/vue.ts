// A Vue component owns what `setup`, its start hooks (`onMounted`) and its start options (`created`,
// `mounted`) start, and what its `this` fields hold: its way out is `onUnmounted`/`onBeforeUnmount` in
// `setup`, or the `beforeUnmount`/`unmounted` option (`beforeDestroy`/`destroyed` in Vue 2).
// A component is an options object (given to `defineComponent` or `Vue.extend`, or the default export
// of a file that imports Vue or is a `.vue` file), or a class of vue-class-component (`@Component`,
// `@Options`, `extends Vue`), whose methods are its options.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from '../ast.js';
import { isFunction, outermostWrapper, skipWrappers, staticPropertyName, walk } from '../ast.js';
import { callGraphOf } from '../calls.js';
import { localFunctionOf, memberFunction } from '../functions.js';
import type { ClassNode, SignalRModel } from '../model.js';
import { isImportedFrom } from '../model/imports.js';

const VUE_MODULE = 'vue';
/** Functions that take a component's options: `defineComponent` (Vue 3, 2.7) and Vue 2's `Vue.extend`. */
const VUE_COMPONENT_DEFINERS: readonly string[] = ['defineComponent', 'extend'];
/** A single-file component: its script, as a linter (`Chat.vue`) or the codemods (`Chat.vue.ts`) see it. */
const VUE_FILE = /\.vue(?:\.[cm]?[jt]sx?)?$/i;
/** Libraries of class components, whose methods are the component's options. */
const VUE_CLASS_MODULES: readonly string[] = ['vue-class-component', 'vue-property-decorator', 'vue-facing-decorator'];
/** Their class decorators: `@Component` (the default export of vue-class-component 7), `@Options` (8). */
const VUE_CLASS_DECORATORS: readonly string[] = ['default', 'Component', 'Options'];
/** Their base classes: `Vue` itself, or `mixins(A, B)`. */
const VUE_CLASS_BASES: readonly string[] = ['Vue'];
const VUE_CLASS_MIXINS: readonly string[] = ['mixins', 'Mixins'];
const VUE_SETUP = 'setup';
/** Composition-API hooks that run their callback once per component instance, while it starts. */
export const VUE_START_HOOKS: readonly string[] = ['onBeforeMount', 'onMounted'];
/** Composition-API hooks that run their callback when the component goes away. */
export const VUE_UNMOUNT_HOOKS: readonly string[] = ['onUnmounted', 'onBeforeUnmount', 'onScopeDispose'];
/** Options-API methods that run once when a component starts (Vue 2 and 3). */
export const VUE_INIT_OPTIONS: readonly string[] = ['beforeCreate', 'created', 'beforeMount', 'mounted'];
/** Options whose functions Vue calls with `this` the component: `this.<name>` reaches those of `methods`. */
export const VUE_METHOD_GROUPS: readonly string[] = ['methods', 'computed', 'watch'];
const VUE_METHODS = 'methods';
/** Options-API methods that run when a component goes away (Vue 3 names, then Vue 2's). */
export const VUE_UNMOUNT_OPTIONS: readonly string[] = ['beforeUnmount', 'unmounted', 'beforeDestroy', 'destroyed'];
const VUE_3_UNMOUNT_OPTIONS: readonly string[] = ['beforeUnmount', 'unmounted'];
const VUE_2_UNMOUNT_OPTIONS: readonly string[] = ['beforeDestroy', 'destroyed'];
/** Class-component libraries written for Vue 3: vue-class-component 8's `@Options`, vue-facing-decorator. */
const VUE_3_CLASS_DECORATORS: readonly { module: string; name: string }[] = [
  { module: 'vue-class-component', name: 'Options' },
  { module: 'vue-facing-decorator', name: 'Component' },
];

/**
 * A Vue component: `node` is its options object (or the function given to `defineComponent`);
 * `onUnmounted`/`onBeforeUnmount` in `setup`, or the `beforeUnmount`/`unmounted` option, must stop it.
 */
export interface VueComponentOwner {
  readonly kind: 'vue-component';
  /** The options, the setup function, the class, or the Program whose `<script setup>` is the setup. */
  readonly node: TSESTree.ObjectExpression | FunctionNode | ClassNode | TSESTree.Program;
  readonly setup: FunctionNode | undefined;
}

/**
 * For an option Vue runs once while a component starts (`created`, `mounted`), the component: what it
 * starts, the component must stop.
 */
export function vueComponentStartedBy(model: SignalRModel, fn: FunctionNode): VueComponentOwner | undefined {
  const member = fn.parent;
  if (member?.type === AST_NODE_TYPES.MethodDefinition && member.value === fn && !member.static) {
    const name = staticPropertyName(member);
    const classNode = member.parent.parent;
    if (name === undefined || !VUE_INIT_OPTIONS.includes(name) || !isVueClassComponent(model, classNode)) return undefined;
    return { kind: 'vue-component', node: classNode, setup: undefined };
  }
  if (member?.type !== AST_NODE_TYPES.Property || member.value !== fn || member.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const name = staticPropertyName(member);
  if (name === undefined || !VUE_INIT_OPTIONS.includes(name) || !isVueOptions(model, member.parent)) return undefined;
  return { kind: 'vue-component', node: member.parent, setup: vueSetupOf(member.parent) };
}

/**
 * A Vue component's options: the argument of `defineComponent` or `Vue.extend`, or the default export
 * of a file that imports Vue or is a single-file component (`.vue`), which need import nothing.
 */
export function isVueOptions(model: SignalRModel, object: TSESTree.ObjectExpression): boolean {
  const wrapper = outermostWrapper(object);
  const parent = wrapper.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === wrapper) {
    return isImportedFrom(model, parent.callee, [VUE_MODULE], VUE_COMPONENT_DEFINERS);
  }
  return parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration && (isVueFile(model) || importsVue(model));
}

/** The file is a Vue single-file component (its script). */
export function isVueFile(model: SignalRModel): boolean {
  return model.filename !== undefined && VUE_FILE.test(model.filename);
}

function importsVue(model: SignalRModel): boolean {
  return model.program.body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === VUE_MODULE);
}

/**
 * A class component of vue-class-component, vue-property-decorator or vue-facing-decorator: decorated
 * with their `@Component`/`@Options`, or extending `Vue` (or their `mixins(…)`).
 */
export function isVueClassComponent(model: SignalRModel, classNode: ClassNode): boolean {
  // espree (ESLint's default parser for plain JavaScript) leaves `decorators` out.
  for (const decorator of classNode.decorators ?? []) {
    const expression = skipWrappers(decorator.expression);
    const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
    if (isImportedFrom(model, callee, VUE_CLASS_MODULES, VUE_CLASS_DECORATORS)) return true;
  }
  const base = classNode.superClass && skipWrappers(classNode.superClass);
  if (!base) return false;
  if (base.type === AST_NODE_TYPES.CallExpression) return isImportedFrom(model, base.callee, VUE_CLASS_MODULES, VUE_CLASS_MIXINS);
  return isImportedFrom(model, base, [VUE_MODULE], ['default']) || isImportedFrom(model, base, VUE_CLASS_MODULES, VUE_CLASS_BASES);
}

/** The function under the `methods` option of a component's options, which `this.<name>()` calls. */
export function vueMethodOf(options: TSESTree.ObjectExpression, name: string): FunctionNode | undefined {
  for (const member of options.properties) {
    if (member.type !== AST_NODE_TYPES.Property || staticPropertyName(member) !== VUE_METHODS) continue;
    const methods = skipWrappers(member.value);
    if (methods.type === AST_NODE_TYPES.ObjectExpression) return memberFunction(methods, name);
  }
  return undefined;
}

export function vueSetupOf(options: TSESTree.ObjectExpression): FunctionNode | undefined {
  return memberFunction(options, VUE_SETUP);
}

/** For `setup` of a Vue component (or the function given to `defineComponent`), the component. */
export function vueComponentOfSetup(model: SignalRModel, fn: FunctionNode): TSESTree.ObjectExpression | FunctionNode | undefined {
  const wrapper = outermostWrapper(fn);
  const parent = wrapper.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === wrapper) {
    return isImportedFrom(model, parent.callee, [VUE_MODULE], VUE_COMPONENT_DEFINERS) ? fn : undefined;
  }
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === wrapper && staticPropertyName(parent) === VUE_SETUP) {
    const options = parent.parent;
    return options.type === AST_NODE_TYPES.ObjectExpression && isVueOptions(model, options) ? options : undefined;
  }
  return undefined;
}

export function isVueHookCallback(model: SignalRModel, fn: FunctionNode, hooks: readonly string[]): boolean {
  const wrapper = outermostWrapper(fn);
  const parent = wrapper.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === wrapper && isImportedFrom(model, parent.callee, [VUE_MODULE], hooks);
}

/** The functions a Vue component runs when it goes away. */
export function vueUnmountCallbacks(model: SignalRModel, owner: VueComponentOwner): FunctionNode[] {
  const callbacks: FunctionNode[] = [];
  if (owner.node.type === AST_NODE_TYPES.Program) {
    for (const statement of scriptSetupStatements(model)) collectUnmountHooks(model, statement, callbacks);
    return callbacks;
  }
  if (!isFunction(owner.node)) {
    for (const name of VUE_UNMOUNT_OPTIONS) {
      const option = memberFunction(owner.node, name);
      if (option) callbacks.push(option);
    }
  }
  const setup = owner.setup ?? (isFunction(owner.node) ? owner.node : undefined);
  if (setup) collectUnmountHooks(model, setup.body, callbacks);
  return callbacks;
}

/** The callbacks `root` registers with `onUnmounted`/`onBeforeUnmount`/`onScopeDispose`. */
function collectUnmountHooks(model: SignalRModel, root: Node, callbacks: FunctionNode[]): void {
  walk(root, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || !isImportedFrom(model, node.callee, [VUE_MODULE], VUE_UNMOUNT_HOOKS)) return undefined;
    const callback = node.arguments[0] && localFunctionOf(model, node.arguments[0]);
    if (callback) callbacks.push(callback);
    return undefined;
  });
}

/** Compiler macros that only the top level of `<script setup>` may call. */
const VUE_SETUP_MACROS: readonly string[] = ['defineProps', 'defineEmits', 'defineExpose', 'defineOptions', 'defineModel', 'defineSlots', 'withDefaults'];

/** A component whose `<script setup>` is its setup: what its top level holds, each instance holds. */
export function scriptSetupOwner(model: SignalRModel): VueComponentOwner {
  return { kind: 'vue-component', node: model.program, setup: undefined };
}

/**
 * `node` is in the `<script setup>` of a `.vue` file, whose top level runs once per component instance.
 * With vue-eslint-parser the model knows where that block is; a block on its own (as the codemods get
 * it) is `<script setup>` when its top level calls Vue's lifecycle hooks or compiler macros, which the
 * top level of a plain `<script>` may not.
 */
export function isInScriptSetup(model: SignalRModel, node: Node): boolean {
  if (!isVueFile(model)) return false;
  const range = model.scriptSetupRange;
  if (range) return range[0] <= node.range[0] && node.range[1] <= range[1];
  return callsSetupOnlyApi(model);
}

/** A variable declared at the top level of `<script setup>`: one per component instance. */
export function isScriptSetupVariable(model: SignalRModel, variable: Variable): boolean {
  const scope = variable.scope.variableScope.type;
  const declaration = variable.defs[0]?.node;
  return (scope === 'module' || scope === 'global') && declaration !== undefined && isInScriptSetup(model, declaration);
}

/** The top-level statements of `<script setup>`. */
export function scriptSetupStatements(model: SignalRModel): TSESTree.ProgramStatement[] {
  return model.program.body.filter((statement) => isInScriptSetup(model, statement));
}

const setupOnlyCalls = new WeakMap<SignalRModel, boolean>();

function callsSetupOnlyApi(model: SignalRModel): boolean {
  let calls = setupOnlyCalls.get(model);
  if (calls === undefined) {
    calls = model.program.body.some((statement) => {
      const expression =
        statement.type === AST_NODE_TYPES.ExpressionStatement
          ? statement.expression
          : statement.type === AST_NODE_TYPES.VariableDeclaration
            ? statement.declarations[0]?.init
            : undefined;
      const call = expression ? skipWrappers(expression) : undefined;
      if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipWrappers(call.callee);
      if (callee.type === AST_NODE_TYPES.Identifier && VUE_SETUP_MACROS.includes(callee.name) && !model.variableOf(callee)?.defs.length) return true;
      return isImportedFrom(model, call.callee, [VUE_MODULE], [...VUE_START_HOOKS, ...VUE_UNMOUNT_HOOKS]);
    });
    setupOnlyCalls.set(model, calls);
  }
  return calls;
}

/**
 * Which Vue a component is written for, as far as its file tells: the unmount option it already has,
 * its class-component library, or how it imports Vue (Vue 3 has no default export, Vue 2 had only that).
 * Undefined when the file does not say: a `.vue` file that imports nothing.
 */
export function vueMajorVersion(model: SignalRModel, owner: VueComponentOwner): 2 | 3 | undefined {
  if (owner.node.type === AST_NODE_TYPES.Program) return 3;
  if (!isFunction(owner.node)) {
    const options = owner.node;
    if (VUE_3_UNMOUNT_OPTIONS.some((name) => memberFunction(options, name))) return 3;
    if (VUE_2_UNMOUNT_OPTIONS.some((name) => memberFunction(options, name))) return 2;
  }
  if (owner.node.type === AST_NODE_TYPES.ClassDeclaration || owner.node.type === AST_NODE_TYPES.ClassExpression) {
    for (const decorator of owner.node.decorators ?? []) {
      const expression = skipWrappers(decorator.expression);
      const binding = model.moduleBindingOf(expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression);
      if (binding && VUE_CLASS_MODULES.includes(binding.module)) {
        return VUE_3_CLASS_DECORATORS.some(({ module, name }) => binding.module === module && binding.name === name) ? 3 : 2;
      }
    }
  }
  let version: 2 | 3 | undefined;
  for (const statement of model.program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== VUE_MODULE || statement.importKind === 'type') continue;
    if (statement.specifiers.some((specifier) => specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier)) return 2;
    if (statement.specifiers.length > 0) version = 3;
  }
  return version;
}

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
