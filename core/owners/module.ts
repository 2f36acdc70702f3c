// The module, and whatever lives as long as the page or process: a connection held at module level,
// in a global (`window.connection`) or a static field, or the classic client's `$.connection.hub`, is
// the app's. It has no way out to stop it in, and needs none.
import type { Variable } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { ConnectionFlow } from '../flow.js';

/**
 * The connection is the app's: the classic client's one generated-proxy connection (`$.connection.hub`),
 * or held in a global, a static field, or a module-level variable (not one lent to a helper's parameter,
 * nor one of `perInstance`: the top level of a Vue `<script setup>` runs once per component).
 */
export function isHeldForTheAppLifetime(flow: ConnectionFlow, perInstance: (variable: Variable) => boolean = () => false): boolean {
  if ([...flow.creations].some((creation) => creation.type === AST_NODE_TYPES.MemberExpression)) return true;
  if (flow.slots.some((slot) => slot.kind === 'global' || (slot.kind === 'field' && slot.isStatic))) return true;
  return flow.slots.some((slot) => slot.kind === 'variable' && !slot.borrowed && isModuleLevel(slot.variable) && !perInstance(slot.variable));
}

function isModuleLevel(variable: Variable): boolean {
  const type = variable.scope.variableScope.type;
  return type === 'module' || type === 'global';
}
