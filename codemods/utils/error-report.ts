// How code a codemod adds reports an error: through the logger the file already reports errors with,
// where that logger can be reached (`logger.error(…)`, `this.logger.error(…)`), else `console.error`.
// A maintainer expects a failure to land where the file's other failures land.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from '../../core/ast.js';
import { contains, isFunction, skipWrappers, staticPropertyName, walk } from '../../core/ast.js';
import type { SignalRModel } from '../../core/model.js';

/** The logging method added code calls. */
const ERROR_METHOD = 'error';
/** A receiver whose name says it logs: `logger`, `log`, `this._logger`, `appLog`. */
const LOGGER_NAME = /log/i;
const CONSOLE = 'console';

/**
 * The function to call with a message and the error, as text (`this.logger.error`, `console.error`),
 * for code inserted at `at`; undefined when neither a logger of the file nor the global `console`
 * can be reached there.
 */
export function errorReporterAt(model: SignalRModel, source: string, at: Node): string | undefined {
  let consoleShadowed = false;
  let found: string | undefined;
  walk(model.program, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.Identifier && node.name === CONSOLE && (model.variableOf(node)?.defs.length ?? 0) > 0) consoleShadowed = true;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = skipWrappers(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || staticPropertyName(callee) !== ERROR_METHOD) return undefined;
    const receiver = skipWrappers(callee.object);
    if (isReachableLogger(model, receiver, at)) found = source.slice(receiver.range[0], receiver.range[1]);
    return undefined;
  });
  if (found) return `${found}.${ERROR_METHOD}`;
  return consoleShadowed ? undefined : `${CONSOLE}.${ERROR_METHOD}`;
}

/** `logger` declared where `at` sees it, or `this.logger` where `at`'s `this` is the same object. */
function isReachableLogger(model: SignalRModel, receiver: Node, at: Node): boolean {
  if (receiver.type === AST_NODE_TYPES.Identifier) {
    if (receiver.name === CONSOLE || !LOGGER_NAME.test(receiver.name)) return false;
    const variable = model.variableOf(receiver);
    return variable !== undefined && variable.defs.length > 0 && contains(variable.scope.block, at);
  }
  if (receiver.type !== AST_NODE_TYPES.MemberExpression || receiver.computed || skipWrappers(receiver.object).type !== AST_NODE_TYPES.ThisExpression) return false;
  const name = staticPropertyName(receiver);
  if (name === undefined || !LOGGER_NAME.test(name)) return false;
  const classOfReceiver = methodClass(receiver);
  return classOfReceiver !== undefined && classOfReceiver === methodClass(at);
}

/** The class whose method (or field initializer) gives `node` its `this`: past arrow functions, not past other functions. */
function methodClass(node: Node): TSESTree.ClassBody | undefined {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.PropertyDefinition) return current.parent;
    if (!isFunction(current) || current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    const holder = current.parent;
    return holder?.type === AST_NODE_TYPES.MethodDefinition && holder.value === current ? holder.parent : undefined;
  }
  return undefined;
}
