import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** Removes an object property together with the comma that separates it from its neighbour. */
export function removeProperty(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  property: TSESTree.Node,
): TSESLint.RuleFix {
  const after = sourceCode.getTokenAfter(property);
  if (after?.value === ',') {
    const next = sourceCode.getTokenAfter(after, { includeComments: true });
    return fixer.removeRange([property.range[0], next ? next.range[0] : after.range[1]]);
  }
  const before = sourceCode.getTokenBefore(property);
  if (before?.value === ',') return fixer.removeRange([before.range[0], property.range[1]]);
  return fixer.remove(property);
}
