// Which code is a Vue component, and which of its code runs once per component instance: what that
// code starts, the component owns (its way out is in core/owners/vue.ts).
// A component is an options object (given to `defineComponent` or `Vue.extend`, or the default export
// of a file that imports Vue or is a `.vue` file), or a class of vue-class-component (`@Component`,
// `@Options`, `extends Vue`), whose methods are its options. Its per-instance code is `setup`, the
// callbacks of the start hooks it calls there (`onMounted`), its start options (`created`, `mounted`)
// and the top level of `<script setup>` (core/owners/vue-script-setup.ts).
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode } from '../ast.js';
import { outermostWrapper, skipWrappers, staticPropertyName } from '../ast.js';
import { memberFunction } from '../functions.js';
import type { ClassNode, SignalRModel } from '../model.js';
import { isImportedFrom } from '../model/imports.js';

export const VUE_MODULE = 'vue';
/** Functions that take a component's options: `defineComponent` (Vue 3, 2.7) and Vue 2's `Vue.extend`. */
const VUE_COMPONENT_DEFINERS: readonly string[] = ['defineComponent', 'extend'];
/** A single-file component: its script, as a linter (`Chat.vue`) or the codemods (`Chat.vue.ts`) see it. */
const VUE_FILE = /\.vue(?:\.[cm]?[jt]sx?)?$/i;
/** Libraries of class components, whose methods are the component's options. */
export const VUE_CLASS_MODULES: readonly string[] = ['vue-class-component', 'vue-property-decorator', 'vue-facing-decorator'];
/** Their class decorators: `@Component` (the default export of vue-class-component 7), `@Options` (8). */
const VUE_CLASS_DECORATORS: readonly string[] = ['default', 'Component', 'Options'];
/** Their base classes: `Vue` itself, or `mixins(A, B)`. */
const VUE_CLASS_BASES: readonly string[] = ['Vue'];
const VUE_CLASS_MIXINS: readonly string[] = ['mixins', 'Mixins'];
const VUE_SETUP = 'setup';
/** Composition-API hooks that run their callback once per component instance, while it starts. */
export const VUE_START_HOOKS: readonly string[] = ['onBeforeMount', 'onMounted'];
/**
 * Composition-API hooks that run their callback when the component goes away. They are the way out
 * (core/owners/vue.ts), but listed here with the start hooks: calling either kind is what tells a
 * `<script setup>` block apart from a plain `<script>`.
 */
export const VUE_UNMOUNT_HOOKS: readonly string[] = ['onUnmounted', 'onBeforeUnmount', 'onScopeDispose'];
/** Options-API methods that run once when a component starts (Vue 2 and 3). */
export const VUE_INIT_OPTIONS: readonly string[] = ['beforeCreate', 'created', 'beforeMount', 'mounted'];
/** Options whose functions Vue calls with `this` the component: `this.<name>` reaches those of `methods`. */
export const VUE_METHOD_GROUPS: readonly string[] = ['methods', 'computed', 'watch'];
const VUE_METHODS = 'methods';

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

/** `fn` is the callback given to one of Vue's composition-API `hooks` (`onMounted(fn)`). */
export function isVueHookCallback(model: SignalRModel, fn: FunctionNode, hooks: readonly string[]): boolean {
  const wrapper = outermostWrapper(fn);
  const parent = wrapper.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === wrapper && isImportedFrom(model, parent.callee, [VUE_MODULE], hooks);
}
