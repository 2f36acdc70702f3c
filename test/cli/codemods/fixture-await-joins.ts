// A small real transform for the CLI tests: awaits `<x>.invoke('JoinGroup', …)` statements inside
// async functions and reports a skip for those in other functions. Join method names added through
// `settings.signalr.joinMethods` count too, so the tests can see --settings arrive.
import type { TSESTree } from '@typescript-eslint/utils';
import type { API, FileInfo } from 'jscodeshift';

import type { Node } from '../../../core/ast.js';
import { calledMethod, enclosingFunction, walk } from '../../../core/ast.js';
import type { TransformOptions } from '../../../codemods/utils/source.js';
import { parseFile, reportSkip } from '../../../codemods/utils/source.js';

export { parser } from '../../../codemods/utils/parser.js';

export default function transform(file: FileInfo, api: API, options: TransformOptions): string | undefined {
  const parsed = parseFile(file, api, options);
  if (!parsed) return undefined;
  const joinMethods = new Set(['JoinGroup', ...(options.signalrSettings?.joinMethods ?? [])]);
  const toAwait = new Set<object>();
  walk(parsed.program, (node: Node) => {
    if (node.type !== 'ExpressionStatement' || !isJoin(node.expression, joinMethods)) return;
    if (enclosingFunction(node)?.async) toAwait.add(node);
    else reportSkip(api, file, node, 'the enclosing function is not async');
  });
  if (toAwait.size === 0) return undefined;
  const { j, root } = parsed;
  root
    .find(j.ExpressionStatement)
    .filter((path) => toAwait.has(path.node))
    .forEach((path) => {
      path.node.expression = j.awaitExpression(path.node.expression);
    });
  return root.toSource();
}

function isJoin(expression: TSESTree.Expression, joinMethods: ReadonlySet<string>): boolean {
  if (expression.type !== 'CallExpression' || calledMethod(expression)?.name !== 'invoke') return false;
  const first = expression.arguments[0];
  return first?.type === 'Literal' && typeof first.value === 'string' && joinMethods.has(first.value);
}
