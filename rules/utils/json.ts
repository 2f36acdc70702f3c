// ESLint glue for rules that also run on JSON (ESLint's JSON language, `@eslint/json`): which
// language a file is in, listeners and reports on JSON nodes.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { basename } from 'node:path';

import type { JsonDocument, JsonNode } from '../../core/json.js';
import { isJsonDocument } from '../../core/json.js';

/** The JSON languages of `@eslint/json` such a rule declares in `meta.languages`, beside `js/js`. */
export const JSON_LANGUAGES = ['json/json', 'json/jsonc'];

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The JSON document being linted, or undefined when the file is JavaScript or TypeScript. */
export function jsonDocumentOf(context: AnyContext): JsonDocument | undefined {
  const ast: unknown = context.sourceCode.ast;
  return isJsonDocument(ast) ? ast : undefined;
}

/** The file's name without its folders (`function.json`). */
export function fileNameOf(context: AnyContext): string {
  return basename(context.filename);
}

/** Listeners that call `check` once for the JSON document (its root node is `Document`). */
export function onJsonDocument(check: () => void): TSESLint.RuleListener {
  return { Document: check } as unknown as TSESLint.RuleListener;
}

/** A JSON node where a report's `node` is expected: ESLint reads its `loc` in the JSON language's terms. */
export function asReportNode(node: JsonNode): TSESTree.Node {
  return node as unknown as TSESTree.Node;
}
