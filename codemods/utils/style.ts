// How a file is written, so that code a codemod adds reads as if the file's author wrote it: its
// indentation, quotes, semicolons, trailing commas, and the language level it keeps to (no arrow
// functions in a file that has none, `var` where it never says `const`). Read from the file itself,
// once per transform; every codemod that inserts code prints it through a FileStyle.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { walk } from '../../core/ast.js';

/** Where an added line should break: a call added to a chain that would pass this goes on its own line. */
export const LINE_WIDTH = 100;

export type ModuleKind = 'esm' | 'commonjs' | 'script';

/** What the file's language allows, judged by what it already uses. */
export interface LanguageLevel {
  /** A `.ts`/`.tsx`/`.mts`/`.cts` file: type annotations, and every modern construct. */
  readonly typescript: boolean;
  readonly arrows: boolean;
  /** `const`/`let`. */
  readonly blockScoped: boolean;
  /** `**` (ES2016). */
  readonly exponent: boolean;
  /** `import`/`export`, `require`, or neither (a classic script: helpers can only be inlined). */
  readonly moduleKind: ModuleKind;
}

export interface FileStyle {
  /** One level of indentation: a tab, or some spaces. */
  readonly indent: string;
  readonly quote: "'" | '"';
  /** Statements end with `;`. */
  readonly semicolons: boolean;
  /** Multi-line object literals and argument lists end with a comma. */
  readonly trailingCommas: boolean;
  readonly language: LanguageLevel;
}

export function isTypeScriptPath(path: string): boolean {
  return /\.[cm]?tsx?$/i.test(path);
}

/** The style of `source` (whose syntax tree is `program`), for a file at `path`. */
export function detectStyle(source: string, program: TSESTree.Program, path: string): FileStyle {
  const typescript = isTypeScriptPath(path);
  const seen = { arrows: false, blockScoped: false, exponent: false, async: false, classes: false };
  let withSemicolon = 0;
  let withoutSemicolon = 0;
  walk(program, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
        seen.arrows = true;
        break;
      case AST_NODE_TYPES.VariableDeclaration:
        if (node.kind !== 'var') seen.blockScoped = true;
        break;
      case AST_NODE_TYPES.BinaryExpression:
        if (node.operator === '**') seen.exponent = true;
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        if (node.operator === '**=') seen.exponent = true;
        break;
      case AST_NODE_TYPES.AwaitExpression:
        seen.async = true;
        break;
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.ClassExpression:
        seen.classes = true;
        break;
      default:
        break;
    }
    if ((node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression) && node.async) seen.async = true;
    if (isSemicolonStatement(node)) {
      if (source[node.range[1] - 1] === ';') withSemicolon++;
      else withoutSemicolon++;
    }
    return undefined;
  });
  // `async` (ES2017) and classes imply the ES2015 constructs; TypeScript compiles them all down.
  const modern = typescript || seen.async || seen.classes;
  return {
    indent: detectIndent(source),
    quote: detectQuote(program),
    semicolons: withSemicolon >= withoutSemicolon,
    trailingCommas: detectTrailingCommas(source, program),
    language: {
      typescript,
      arrows: modern || seen.arrows,
      blockScoped: typescript || seen.blockScoped,
      exponent: typescript || seen.async || seen.exponent,
      moduleKind: moduleKindOf(program),
    },
  };
}

function isSemicolonStatement(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ExpressionStatement ||
    (node.type === AST_NODE_TYPES.VariableDeclaration && node.parent?.type !== AST_NODE_TYPES.ForStatement && node.parent?.type !== AST_NODE_TYPES.ForInStatement && node.parent?.type !== AST_NODE_TYPES.ForOfStatement && !node.declare) ||
    node.type === AST_NODE_TYPES.ReturnStatement ||
    node.type === AST_NODE_TYPES.ImportDeclaration
  );
}

/**
 * The most common step between the indentation of a line and that of the line after it, or a tab
 * when tab-indented lines outnumber space-indented ones. Lines inside block comments (` * …`) and
 * blank lines do not count; two spaces when nothing is indented.
 */
export function detectIndent(source: string): string {
  let tabs = 0;
  let spaces = 0;
  const steps = new Map<number, number>();
  let previous = 0;
  for (const line of source.split(/\r?\n/)) {
    if (line.trim() === '' || /^\s*\*/.test(line)) continue;
    const leading = /^[ \t]*/.exec(line)![0];
    if (leading.startsWith('\t')) tabs++;
    else if (leading.length > 0) spaces++;
    const width = leading.startsWith('\t') ? previous : leading.length;
    if (!leading.startsWith('\t') && width > previous) steps.set(width - previous, (steps.get(width - previous) ?? 0) + 1);
    previous = width;
  }
  if (tabs > spaces) return '\t';
  let best = 2;
  let bestCount = 0;
  for (const [step, count] of steps) {
    if (step <= 8 && (count > bestCount || (count === bestCount && step < best))) {
      best = step;
      bestCount = count;
    }
  }
  return ' '.repeat(best);
}

function detectQuote(program: TSESTree.Program): "'" | '"' {
  let single = 0;
  let double = 0;
  walk(program, (node) => {
    if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && node.parent?.type !== AST_NODE_TYPES.JSXAttribute) {
      if (node.raw.startsWith("'")) single++;
      else if (node.raw.startsWith('"')) double++;
    }
    return undefined;
  });
  return double > single ? '"' : "'";
}

/** Whether multi-line object literals, arrays and argument lists of the file end with a comma. */
function detectTrailingCommas(source: string, program: TSESTree.Program): boolean {
  let withComma = 0;
  let without = 0;
  walk(program, (node) => {
    const items =
      node.type === AST_NODE_TYPES.ObjectExpression ? node.properties : node.type === AST_NODE_TYPES.ArrayExpression ? node.elements : undefined;
    const last = items?.at(-1);
    // By range: recast drops the `loc` of some nodes it parses (a default-exported object literal).
    if (!items || !last || !source.slice(node.range[0], node.range[1]).includes('\n')) return undefined;
    const between = source.slice(last.range[1], node.range[1] - 1);
    if (!between.includes('\n')) return undefined;
    if (/^\s*,/.test(between)) withComma++;
    else without++;
    return undefined;
  });
  return withComma > without;
}

function moduleKindOf(program: TSESTree.Program): ModuleKind {
  let kind: ModuleKind = 'script';
  for (const statement of program.body) {
    if (
      statement.type === AST_NODE_TYPES.ImportDeclaration ||
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      statement.type === AST_NODE_TYPES.ExportAllDeclaration ||
      statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration
    ) {
      return 'esm';
    }
  }
  walk(program, (node) => {
    if (kind !== 'script') return false;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require') kind = 'commonjs';
    if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.Identifier && node.object.name === 'module' && node.property.type === AST_NODE_TYPES.Identifier && node.property.name === 'exports') kind = 'commonjs';
    return undefined;
  });
  return kind;
}

// ---- printing in the file's style ----

/** A string literal in the file's quotes. */
export function quoted(style: FileStyle, text: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(new RegExp(style.quote, 'g'), `\\${style.quote}`);
  return `${style.quote}${escaped}${style.quote}`;
}

/** `;` or nothing, as the file ends its statements. */
export function semicolon(style: FileStyle): string {
  return style.semicolons ? ';' : '';
}

/** `const`, or `var` in a file that never uses `const`/`let`. */
export function constKeyword(style: FileStyle): string {
  return style.language.blockScoped ? 'const' : 'var';
}

/**
 * The keyword of a top-level binding that generated code adds. Classic scripts (no import, no
 * export) on one page share one global scope, where a `const` or `let` that two of them declare
 * throws "has already been declared" when the second loads; `var` may be declared again.
 */
export function topLevelKeyword(style: FileStyle): string {
  return style.language.moduleKind === 'script' ? 'var' : constKeyword(style);
}

/**
 * `name = init` for top-level state that generated code adds. In a classic script, `name = name ||
 * init`: another script on the page that declares the same state may have run first, and the
 * helpers it declared (which ours replace) still use what it holds. `annotation` is its `: type` in
 * TypeScript, which cannot infer the type of a variable read in its own initializer.
 */
export function topLevelState(style: FileStyle, name: string, init: string, annotation = ''): string {
  if (style.language.moduleKind !== 'script') return `${constKeyword(style)} ${name} = ${init}`;
  // `!`: TypeScript would call the read in `name || init` a use before assignment.
  const assignment = `${name} = ${name} || ${init}`;
  if (!annotation) return `var ${assignment}`;
  // Broken after `=`, as Prettier does, where the line would be too long.
  return `var ${name}!${annotation}${semicolon(style)}\n${assignment.length < LINE_WIDTH ? assignment : `${name} =\n  ${name} || ${init}`}`;
}

/** The comment line `topLevelState` gets in a classic script, where `name ||` needs a why. */
export function topLevelStateNote(style: FileStyle): string {
  return style.language.moduleKind === 'script' ? "\n// Shared with the page's other scripts, which may have declared it first." : '';
}

/**
 * A function expression taking `params` whose body is the expression `body`: `(a) => body`, or
 * `function (a) { return body; }` where the file has no arrow functions. `inner` is the indentation
 * of the line the function starts on (for the `function` form's body).
 */
export function functionExpression(style: FileStyle, params: readonly string[], body: string, lineIndent: string): string {
  if (style.language.arrows) return `(${params.join(', ')}) => ${body}`;
  return `function (${params.join(', ')}) {\n${lineIndent}${style.indent}return ${body}${semicolon(style)}\n${lineIndent}}`;
}

/** `base ** exponent`, or `Math.pow(base, exponent)` below ES2016. */
export function power(style: FileStyle, base: string, exponent: string): string {
  if (style.language.exponent) return `${base} ** ${/^[\w.]+$/.test(exponent) ? exponent : `(${exponent})`}`;
  return `Math.pow(${base}, ${exponent})`;
}

/** Re-indents generated code written with two-space steps (and `\n` line ends) to the file's indentation, below `base`. */
export function indentBlock(style: FileStyle, code: string, base = ''): string {
  return code
    .split('\n')
    .map((line) => {
      if (line === '') return line;
      const leading = /^ */.exec(line)![0].length;
      return base + style.indent.repeat(Math.floor(leading / 2)) + line.slice(leading - (leading % 2));
    })
    .join('\n');
}
