// Callbacks that run once when the page starts (`DOMContentLoaded`, `load`, jQuery's ready): what they
// start lives as long as the page, like module-level code. (A promise chain the start-up code runs:
// core/owners/run-once.ts.)
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from '../ast.js';
import { calledMethod, outermostWrapper, skipWrappers, staticPropertyName } from '../ast.js';
import type { SignalRModel } from '../model.js';

/** Browser objects whose `load`/`DOMContentLoaded` events fire once per page. */
export const PAGE_OBJECTS: readonly string[] = ['window', 'document', 'globalThis', 'self'];
const PAGE_START_EVENTS: readonly string[] = ['DOMContentLoaded', 'load'];
const PAGE_LOAD_PROPERTY = 'onload';

/** `$(document).ready(fn)`; `$(window).on('load', fn)`. */
const JQUERY_READY = 'ready';
const JQUERY_ON = 'on';

/**
 * Callbacks that run once when the page starts: `$(fn)`, `$(document).ready(fn)`,
 * `$(window).on('load', fn)`, `addEventListener('DOMContentLoaded' | 'load', fn)` on the window or
 * document, `window.onload = fn`.
 */
export function isPageStartCallback(model: SignalRModel, fn: FunctionNode): boolean {
  return isPageStartCallbackSlot(model, fn);
}

/**
 * `node` (a function written in place, or the name of one: `$(init)`, `window.onload = init`) stands
 * where page-start code takes a callback.
 */
export function isPageStartCallbackSlot(model: SignalRModel, node: Node): boolean {
  const wrapper = outermostWrapper(node);
  const parent = wrapper.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === wrapper) {
    const left = skipWrappers(parent.left);
    return left.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(left) === PAGE_LOAD_PROPERTY && isPageObject(model, left.object);
  }
  if (parent?.type !== AST_NODE_TYPES.CallExpression) return false;
  const index = parent.arguments.indexOf(wrapper as TSESTree.CallExpressionArgument);
  if (index === 0 && model.isJQuery(parent.callee)) return true;
  const callee = skipWrappers(parent.callee);
  const method = calledMethod(parent);
  const event = parent.arguments[0];
  const isStartEvent = event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && PAGE_START_EVENTS.includes(event.value);
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'addEventListener' && !model.variableOf(callee)) return index === 1 && isStartEvent;
  if (!method) return false;
  if (method.name === 'addEventListener') return index === 1 && isStartEvent && isPageObject(model, method.object);
  const jqueryObject = skipWrappers(method.object);
  const onJQuery = jqueryObject.type === AST_NODE_TYPES.CallExpression && model.isJQuery(jqueryObject.callee);
  if (method.name === JQUERY_READY) return index === 0 && onJQuery;
  return method.name === JQUERY_ON && index === 1 && isStartEvent && onJQuery;
}

function isPageObject(model: SignalRModel, node: Node): boolean {
  const target = skipWrappers(node);
  return target.type === AST_NODE_TYPES.Identifier && PAGE_OBJECTS.includes(target.name) && !model.variableOf(target);
}
