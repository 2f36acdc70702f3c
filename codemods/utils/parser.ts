// The parser every codemod uses: typescript-estree, the parser behind the lint rules, so both front
// ends see the same AST and share every analysis in core/.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { parse } from '@typescript-eslint/typescript-estree';
import { extname } from 'node:path';

export interface EstreeParser {
  parse(source: string): TSESTree.Program;
}

/** JSX is on for `.tsx`/`.jsx` and plain JavaScript; off for `.ts`, where it would break `<T>expr` casts. */
export function usesJsx(path: string): boolean {
  return !['.ts', '.mts', '.cts'].includes(extname(path).toLowerCase());
}

/** A jscodeshift parser object (`--parser` or `withParser`) for a file of this path. */
export function parserFor(path: string): EstreeParser {
  const jsx = usesJsx(path);
  return {
    parse(source: string): TSESTree.Program {
      return parse(source, { loc: true, range: true, tokens: true, comment: true, jsx });
    },
  };
}

/** The parser a transform module exports for `jscodeshift -t`: TSX-aware, like `parserFor('x.tsx')`. */
export const parser: EstreeParser = parserFor('file.tsx');
