import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** Longer callee texts are cut in messages. */
const MAX_CALLEE_TEXT = 40;

/** A call as messages name it: `connectToHub()`, `this.registerHandlers()`, cut from the left when long. */
export function callText(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): string {
  const text = sourceCode.getText(call.callee).replace(/\s+/g, '');
  return `${text.length > MAX_CALLEE_TEXT ? `…${text.slice(-MAX_CALLEE_TEXT)}` : text}()`;
}
