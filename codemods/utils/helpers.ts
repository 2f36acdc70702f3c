// Generated helpers: small functions a codemod's rewrite calls (`startWithRetry(connection)`),
// written once per project. A transform asks `FileHelpers.use(name)` for the name to call and then
// `finish()`: the file gets an import of the helper from the project's helpers module, under a
// placeholder specifier that the `signalr-codemod` CLI settles once every file is done
// (codemods/utils/shared-helpers.ts): it writes the module in the folder holding the files that need it and
// points each import there, or, when only one file needs helpers, puts them into that file instead.
// Run as a plain jscodeshift transform (no CLI to settle anything), the helpers go into each file.
//
// A helper is declared in the style of the file or module it lands in (codemods/utils/style.ts).
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { skipWrappers } from '../../core/ast.js';
import { endOfLine } from './edits.js';
import type { FileStyle } from './style.js';
import { constKeyword, quoted, semicolon } from './style.js';

/** The module specifier of a helper import that the CLI has yet to settle. Never left in a written file. */
export const SHARED_HELPERS_SPECIFIER = 'signalr-codemod:helpers';
/** The helpers module's file name (before its extension), unless the CLI is told another path. */
export const HELPERS_MODULE_NAME = 'signalr-helpers';

/**
 * The line of `text` that imports helpers still to be settled (transforms write it on one line), or
 * undefined: a codemod whose output has another such line than its input called new helpers.
 */
export function helperImportLine(text: string): string | undefined {
  const at = text.indexOf(SHARED_HELPERS_SPECIFIER);
  if (at === -1) return undefined;
  const end = text.indexOf('\n', at);
  return text.slice(text.lastIndexOf('\n', at) + 1, end === -1 ? undefined : end);
}

/** What a helper's declaration is printed with. */
export interface HelperContext {
  readonly style: FileStyle;
  /** The name another helper has where this one is declared. */
  ref(name: string): string;
}

export interface HelperDefinition {
  /** The name it is declared and imported under (a file that already uses it gets a numbered one). */
  readonly name: string;
  /** Exported from the helpers module; private helpers are state or code the exported ones share. */
  readonly exported: boolean;
  /** The helpers its declaration refers to. */
  readonly uses: readonly string[];
  /** The declaration (with its comment), declaring `context.ref(name)`; lines indented by two spaces a step. */
  declaration(context: HelperContext): string;
}

const definitions = new Map<string, HelperDefinition>();

/** Makes helpers known by name; each codemod family registers its own (codemods/utils/reconnect-helpers.ts). */
export function defineHelpers(...helpers: readonly HelperDefinition[]): void {
  for (const helper of helpers) {
    if (definitions.has(helper.name)) throw new Error(`helper ${helper.name} is defined twice`);
    definitions.set(helper.name, helper);
  }
}

function definitionOf(name: string): HelperDefinition {
  const definition = definitions.get(name);
  if (!definition) throw new Error(`unknown helper ${name}`);
  return definition;
}

/** `names` and every helper they use, in the order they were defined (each after the ones it uses). */
export function withDependencies(names: Iterable<string>): string[] {
  const needed = new Set<string>();
  const visit = (name: string): void => {
    if (needed.has(name)) return;
    needed.add(name);
    for (const used of definitionOf(name).uses) visit(used);
  };
  for (const name of names) visit(name);
  return [...definitions.keys()].filter((name) => needed.has(name));
}

/** Whether `source` already declares helper `name` under its own name, as this module would write it in `style`. */
export function declaresHelper(source: string, name: string, style: FileStyle): boolean {
  const printed = printInStyle(style, definitionOf(name).declaration({ style, ref: (other) => other }));
  return source.includes(printed);
}

/**
 * The declarations of `names` (and what they use), separated by blank lines, in `style`; `localName`
 * gives each helper's name where it is declared. `exported` puts `export` before the exported ones.
 */
export function helperDeclarations(names: Iterable<string>, style: FileStyle, localName: (name: string) => string, exported: boolean, omit: readonly string[] = []): string {
  const context: HelperContext = { style, ref: localName };
  return withDependencies(names)
    .filter((name) => !omit.includes(name))
    .map((name) => {
      const definition = definitionOf(name);
      const text = printInStyle(style, definition.declaration(context));
      return exported && definition.exported ? exportDeclaration(text) : text;
    })
    .join('\n\n');
}

/** `export ` before the declaration, after its leading comment. */
function exportDeclaration(text: string): string {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => !/^\s*(?:\/\/|\/\*\*?|\*)/.test(line));
  lines[first] = `export ${lines[first]}`;
  return lines.join('\n');
}

/** Two-space steps to the style's indentation; statement semicolons dropped where the file has none. */
function printInStyle(style: FileStyle, code: string): string {
  return code
    .split('\n')
    .map((line) => {
      const leading = /^ */.exec(line)![0].length;
      let printed = style.indent.repeat(Math.floor(leading / 2)) + ' '.repeat(leading % 2) + line.slice(leading);
      if (!style.semicolons && !/^\s*(?:\/\/|\*|\/\*)/.test(printed)) printed = printed.replace(/;$/, '');
      return printed;
    })
    .join('\n');
}


/** The helpers one file calls: their names there, and the edit that makes them available. */
export class FileHelpers {
  private readonly used = new Set<string>();
  private readonly names = new Map<string, string>();

  constructor(
    private readonly source: string,
    private readonly program: TSESTree.Program,
    private readonly style: FileStyle,
  ) {}

  /** The name helper `name` has in this file, without making it available (see `use`). */
  nameOf(name: string): string {
    definitionOf(name);
    if (declaresHelper(this.source, name, this.style)) return name;
    let local = this.names.get(name);
    if (!local) {
      local = freeName(this.source, name, [...this.names.values()]);
      this.names.set(name, local);
    }
    return local;
  }

  /** The name to call helper `name` by in this file; `importEdit` makes it available. */
  use(name: string): string {
    // A helper an earlier run declared in the file is used as it is.
    if (!declaresHelper(this.source, name, this.style)) this.used.add(name);
    return this.nameOf(name);
  }

  get isUsed(): boolean {
    return this.used.size > 0;
  }

  /**
   * The insertion that makes the used helpers available: an import of them from the helpers module
   * (`import { a } from '…'` or `const { a } = require('…')`, after the file's imports), which
   * `inlineHelpers` (or the CLI) then settles. Undefined when no helper is used.
   */
  importEdit(): { readonly at: number; readonly text: string } | undefined {
    if (this.used.size === 0) return undefined;
    // The import goes among the file's imports: in their quotes, where the rest of the file may differ.
    const style = { ...this.style, quote: importQuote(this.program) ?? this.style.quote };
    const specifiers = [...this.used].sort().map((name) => ({ name, local: this.names.get(name)! }));
    const statement =
      style.language.moduleKind === 'commonjs'
        ? `${constKeyword(style)} { ${specifiers.map(({ name, local }) => (name === local ? name : `${name}: ${local}`)).join(', ')} } = require(${quoted(style, SHARED_HELPERS_SPECIFIER)})${semicolon(style)}`
        : `import { ${specifiers.map(({ name, local }) => (name === local ? name : `${name} as ${local}`)).join(', ')} } from ${quoted(style, SHARED_HELPERS_SPECIFIER)}${semicolon(style)}`;
    const anchor = lastPreamble(this.program);
    // Past a comment that ends the last import's line: it stays with that import.
    if (anchor) return { at: endOfLine(this.source, anchor.range[1]), text: `\n${statement}` };
    const at = topInsertionPoint(this.source, this.program);
    return { at, text: `${blankLineBefore(this.source, at)}${statement}\n\n` };
  }
}

/** The quote the file's first import or `require` writes its module name in. */
function importQuote(program: TSESTree.Program): FileStyle['quote'] | undefined {
  for (const statement of program.body) {
    let specifier: TSESTree.Node | undefined;
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) specifier = statement.source;
    else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      const init = statement.declarations[0]?.init;
      const call = init && skipWrappers(init);
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'require') specifier = call.arguments[0];
    }
    if (specifier?.type === AST_NODE_TYPES.Literal && typeof specifier.value === 'string') return specifier.raw.startsWith('"') ? '"' : "'";
  }
  return undefined;
}

/** `name`, or `name2`, `name3`… : the first that the file's text does not mention (a clash costs more than a suffix). */
export function freeName(source: string, name: string, taken: readonly string[] = []): string {
  for (let suffix = 1; ; suffix++) {
    const candidate = suffix === 1 ? name : `${name}${suffix}`;
    if (!taken.includes(candidate) && !new RegExp(`(?<![\\w$])${candidate}(?![\\w$])`).test(source)) return candidate;
  }
}

/** The last of the statements a module opens with: directives, imports, `require`s. Added code goes after them. */
export function lastPreamble(program: TSESTree.Program): TSESTree.ProgramStatement | undefined {
  let last: TSESTree.ProgramStatement | undefined;
  for (const statement of program.body) {
    const isDirective = statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined;
    const isImport = statement.type === AST_NODE_TYPES.ImportDeclaration || statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration;
    const isRequire =
      statement.type === AST_NODE_TYPES.VariableDeclaration &&
      statement.declarations.every((declarator) => {
        const init = declarator.init && skipWrappers(declarator.init);
        return init?.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'require';
      });
    if (!isDirective && !isImport && !isRequire) break;
    last = statement;
  }
  return last;
}

/** A line end to put before code inserted at `at`, so that a header comment right above stays apart from it. */
export function blankLineBefore(source: string, at: number): string {
  const before = source.slice(0, at);
  return before.trim() !== '' && !/\n[ \t]*\n[ \t]*$/.test(before) ? '\n' : '';
}

/**
 * The insertion that adds `code` (top-level declarations with their comments) to the file: after its
 * imports, else at its top (`topInsertionPoint`), set apart from what is around it by blank lines.
 */
export function topLevelCodeEdit(source: string, program: TSESTree.Program, code: string): { readonly at: number; readonly text: string } {
  const anchor = lastPreamble(program);
  if (anchor) {
    const at = endOfLine(source, anchor.range[1]);
    return { at, text: `\n\n${code}${blankLineAfter(source, at)}` };
  }
  const at = topInsertionPoint(source, program);
  return { at, text: `${blankLineBefore(source, at)}${code}\n\n` };
}

/** A line end to put after code inserted at `at` (a line's end), so that the line below stays apart from it. */
export function blankLineAfter(source: string, at: number): string {
  return /^[ \t]*\n[ \t]*\S/.test(source.slice(at)) ? '\n' : '';
}

/**
 * Where code goes in a file without imports: after the file's header, before its first statement
 * and the comments on the lines right above it, which describe it (or, as `eslint-disable-next-line`
 * and `@ts-expect-error` do, act on it). The header is the comments above those: any set apart by a
 * blank line, and file-wide ones (`fileComment`) wherever they are.
 */
export function topInsertionPoint(source: string, program: TSESTree.Program): number {
  const first = program.body[0];
  if (!first) return source.length;
  let start = first.range[0];
  for (const comment of [...(program.comments ?? [])].reverse()) {
    if (comment.range[1] > start) continue;
    const onTheLineAbove = /^[ \t]*\n?[ \t]*$/.test(source.slice(comment.range[1], start));
    if (!onTheLineAbove || isFileComment(source, comment)) break;
    start = comment.range[0];
  }
  return start;
}

/**
 * Comments about the whole file, which stay at its top: a hashbang; pragmas (`eslint-disable`,
 * `global`, `@ts-check`, `@flow`, `@jsx`, test environments); triple-slash directives, which
 * TypeScript reads only above the first statement; licence notices.
 */
const FILE_COMMENT =
  /^(?:eslint-(?:disable|enable)(?![\w-])|eslint-env\b|globals?\s|exported\s|jshint\b|jslint\b|@ts-(?:check|nocheck)\b|@flow\b|@jsx|@(?:jest|vitest)-environment\b|@license\b|@preserve\b|@file(?:overview)?\b|@module\b|!|\/\s*<(?:reference|amd-module|amd-dependency)\b)|\bcopyright\b|\bSPDX-License-Identifier\b/i;

function isFileComment(source: string, comment: TSESTree.Comment): boolean {
  return source.startsWith('#!', comment.range[0]) || FILE_COMMENT.test(comment.value.replace(/^[*\s]+/, ''));
}
