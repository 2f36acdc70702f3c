// Where control can go inside a function: whether a statement can complete normally, loops, exits.
// A small, conservative version of ECMAScript's rules.
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from './ast.js';
import { isFunction, walk } from './ast.js';

/** Whether control can reach the end of `statement` (a small, conservative version of ECMAScript's rules). */
export function canCompleteNormally(statement: Node): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
      return false;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.every((inner) => canCompleteNormally(inner));
    case AST_NODE_TYPES.IfStatement:
      return !statement.alternate || canCompleteNormally(statement.consequent) || canCompleteNormally(statement.alternate);
    case AST_NODE_TYPES.TryStatement:
      if (statement.finalizer && !canCompleteNormally(statement.finalizer)) return false;
      return canCompleteNormally(statement.block) || (statement.handler !== null && canCompleteNormally(statement.handler.body));
    case AST_NODE_TYPES.SwitchStatement: {
      const hasDefault = statement.cases.some((switchCase) => switchCase.test === null);
      if (!hasDefault || breaksOutOf(statement)) return true;
      const last = statement.cases[statement.cases.length - 1];
      return !last || last.consequent.every((inner) => canCompleteNormally(inner));
    }
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForStatement: {
      const test = statement.test;
      const endless = test === null || (test.type === AST_NODE_TYPES.Literal && test.value === true);
      return !endless || breaksOutOf(statement);
    }
    case AST_NODE_TYPES.LabeledStatement:
      return canCompleteNormally(statement.body) || breaksOutOf(statement);
    default:
      return true;
  }
}

/** A `break` that leaves `target` (unlabelled inside it, or naming its label). */
function breaksOutOf(target: Node): boolean {
  const label = target.type === AST_NODE_TYPES.LabeledStatement ? target.label.name : undefined;
  const body = target.type === AST_NODE_TYPES.LabeledStatement ? target.body : target;
  let found = false;
  const visit = (node: Node, nested: boolean): void => {
    walk(node, (inner) => {
      if (inner === node) return undefined;
      if (isFunction(inner)) return false;
      if (inner.type === AST_NODE_TYPES.BreakStatement) {
        if (inner.label ? inner.label.name === label : !nested && label === undefined) found = true;
        return false;
      }
      if (isLoop(inner) || inner.type === AST_NODE_TYPES.SwitchStatement) {
        visit(inner, true);
        return false;
      }
      return undefined;
    });
  };
  visit(body, false);
  return found;
}

export function isLoop(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement ||
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.ForOfStatement
  );
}

export function exits(statement: Node): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  return statement.type === AST_NODE_TYPES.BlockStatement && statement.body.length > 0 && exits(statement.body[statement.body.length - 1]!);
}
