// A Vue component owns what `setup`, its start hooks (`onMounted`) and its start options (`created`,
// `mounted`) start, and what its `this` fields hold: its way out is `onUnmounted`/`onBeforeUnmount` in
// `setup`, or the `beforeUnmount`/`unmounted` option (`beforeDestroy`/`destroyed` in Vue 2).
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode } from '../ast.js';
import { isFunction, outermostWrapper, staticPropertyName, walk } from '../ast.js';
import { localFunctionOf, memberFunction } from '../functions.js';
import type { SignalRModel } from '../model.js';
import { isImportedFrom } from '../model/imports.js';

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

/**
 * A Vue component: `node` is its options object (or the function given to `defineComponent`);
 * `onUnmounted`/`onBeforeUnmount` in `setup`, or the `beforeUnmount`/`unmounted` option, must stop it.
 */
export interface VueComponentOwner {
  readonly kind: 'vue-component';
  readonly node: TSESTree.ObjectExpression | FunctionNode;
  readonly setup: FunctionNode | undefined;
}

/**
 * For an option Vue runs once while a component starts (`created`, `mounted`), the component: what it
 * starts, the component must stop.
 */
export function vueComponentStartedBy(model: SignalRModel, fn: FunctionNode): VueComponentOwner | undefined {
  const member = fn.parent;
  if (member?.type !== AST_NODE_TYPES.Property || member.value !== fn || member.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const name = staticPropertyName(member);
  if (name === undefined || !VUE_INIT_OPTIONS.includes(name) || !isVueOptions(model, member.parent)) return undefined;
  return { kind: 'vue-component', node: member.parent, setup: vueSetupOf(member.parent) };
}

/** A Vue component's options: the argument of `defineComponent`, or the default export of a file importing Vue. */
export function isVueOptions(model: SignalRModel, object: TSESTree.ObjectExpression): boolean {
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

export function vueSetupOf(options: TSESTree.ObjectExpression): FunctionNode | undefined {
  return memberFunction(options, VUE_SETUP);
}

/** For `setup` of a Vue component (or the function given to `defineComponent`), the component. */
export function vueComponentOfSetup(model: SignalRModel, fn: FunctionNode): TSESTree.ObjectExpression | FunctionNode | undefined {
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

export function isVueHookCallback(model: SignalRModel, fn: FunctionNode, hooks: readonly string[]): boolean {
  const wrapper = outermostWrapper(fn);
  const parent = wrapper.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === wrapper && isImportedFrom(model, parent.callee, [VUE_MODULE], hooks);
}

/** The functions a Vue component runs when it goes away. */
export function vueUnmountCallbacks(model: SignalRModel, owner: VueComponentOwner): FunctionNode[] {
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
