// A Vue component's way out: the functions Vue runs when an instance goes away, which must stop what
// the instance started. Those are `onUnmounted`/`onBeforeUnmount` (or `onScopeDispose`) called in
// `setup` or at the top level of `<script setup>`, and the `beforeUnmount`/`unmounted` options
// (`beforeDestroy`/`destroyed` in Vue 2). What a component is, and which of its code runs once per
// instance, is core/owners/vue-component.ts.
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from '../ast.js';
import { isFunction, skipWrappers, walk } from '../ast.js';
import { localFunctionOf, memberFunction } from '../functions.js';
import type { SignalRModel } from '../model.js';
import { isImportedFrom } from '../model/imports.js';
import type { VueComponentOwner } from './vue-component.js';
import { VUE_CLASS_MODULES, VUE_MODULE, VUE_UNMOUNT_HOOKS } from './vue-component.js';
import { scriptSetupStatements } from './vue-script-setup.js';

// The codemods that write a way out (add-disposal) take all of its names from here.
export { VUE_UNMOUNT_HOOKS };

const VUE_3_UNMOUNT_OPTIONS: readonly string[] = ['beforeUnmount', 'unmounted'];
const VUE_2_UNMOUNT_OPTIONS: readonly string[] = ['beforeDestroy', 'destroyed'];
/** Options-API methods that run when a component goes away (Vue 3 names, then Vue 2's). */
export const VUE_UNMOUNT_OPTIONS: readonly string[] = [...VUE_3_UNMOUNT_OPTIONS, ...VUE_2_UNMOUNT_OPTIONS];
/** Class-component libraries written for Vue 3: vue-class-component 8's `@Options`, vue-facing-decorator. */
const VUE_3_CLASS_DECORATORS: readonly { module: string; name: string }[] = [
  { module: 'vue-class-component', name: 'Options' },
  { module: 'vue-facing-decorator', name: 'Component' },
];

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

/**
 * Which Vue a component is written for, as far as its file tells: the unmount option it already has,
 * its class-component library, or how it imports Vue (Vue 3 has no default export, Vue 2 had only that).
 * Undefined when the file does not say: a `.vue` file that imports nothing. A codemod that adds a way
 * out asks this to name the option Vue will call.
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
