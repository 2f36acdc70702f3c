// The `<script setup>` block of a `.vue` file: its top level is the component's `setup`, so it runs
// once per component instance, and what it declares or starts belongs to the instance, not the app.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from '../ast.js';
import { skipWrappers } from '../ast.js';
import type { SignalRModel } from '../model.js';
import { isImportedFrom } from '../model/imports.js';
import type { VueComponentOwner } from './vue-component.js';
import { isVueFile, VUE_MODULE, VUE_START_HOOKS, VUE_UNMOUNT_HOOKS } from './vue-component.js';

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
