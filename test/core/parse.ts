// Builds the core model of a snippet the way the codemods do (typescript-estree + scope-manager),
// so core/ is tested without ESLint.
import { analyze } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { parse, simpleTraverse } from '@typescript-eslint/typescript-estree';

import type { Node } from '../../core/ast.js';
import { walk } from '../../core/ast.js';
import { SignalRModel } from '../../core/model.js';
import type { SignalRSettings } from '../../core/settings.js';
import { DEFAULT_SETTINGS } from '../../core/settings.js';

export interface ParsedSnippet {
  readonly program: TSESTree.Program;
  readonly model: SignalRModel;
  /** The first node whose source text is exactly `text` (and, if given, of `type`). */
  node(text: string, type?: string): Node;
}

export function parseSnippet(code: string, settings: SignalRSettings = DEFAULT_SETTINGS, jsx = false): ParsedSnippet {
  const program = parse(code, { range: true, loc: true, jsx });
  simpleTraverse(program, { enter(): void {} }, true);
  const model = new SignalRModel(program, analyze(program, { sourceType: 'module' }), settings);
  return {
    program,
    model,
    node(text: string, type?: string): Node {
      let found: Node | undefined;
      walk(program, (node) => {
        if (found) return false;
        if (code.slice(node.range[0], node.range[1]) === text && (!type || node.type === type)) found = node;
        return undefined;
      });
      if (!found) throw new Error(`no node ${type ?? ''} with text ${JSON.stringify(text)}`);
      return found;
    },
  };
}
