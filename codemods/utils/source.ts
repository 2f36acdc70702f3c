// What every transform starts from: the file parsed with the rules' parser, scopes analysed, and the
// shared SignalR model of core/. Analyse first, then rewrite: nodes a transform creates have no
// `parent` and no scope.
import { analyze } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { parse, simpleTraverse } from '@typescript-eslint/typescript-estree';
import type { API, Collection, FileInfo, JSCodeshift, Transform } from 'jscodeshift';

import type { Node } from '../../core/ast.js';
import type { SignalRModel } from '../../core/model.js';
import { getSignalRModel } from '../../core/model.js';
import { mayUseSignalR } from '../../core/prefilter.js';
import type { SignalRSettings } from '../../core/settings.js';
import { DEFAULT_SETTINGS } from '../../core/settings.js';
import './estree-types.js';
import { usesJsx } from './parser.js';
import { detectIndent } from './style.js';

export interface ParsedFile {
  readonly j: JSCodeshift;
  readonly root: Collection<unknown>;
  readonly program: TSESTree.Program;
  readonly model: SignalRModel;
}

/** Options a transform receives (from jscodeshift's command line or the `signalr-codemod` CLI). */
export interface TransformOptions {
  readonly signalrSettings?: SignalRSettings;
  readonly [key: string]: unknown;
}

export interface AnalyzedFile {
  readonly program: TSESTree.Program;
  readonly model: SignalRModel;
}

/**
 * Parses `file` for a transform that rewrites through recast (`root.toSource()`). recast hands the
 * parser its own copy of the text (no BOM, `\n` line ends, tabs expanded), so node ranges here are not
 * offsets into `file.source`: transforms that edit text use `analyzeFile`. Undefined when the file
 * cannot use SignalR: the transform then returns undefined and recast never prints the file.
 */
export function parseFile(file: FileInfo, api: API, options: TransformOptions = {}): ParsedFile | undefined {
  const settings = options.signalrSettings ?? DEFAULT_SETTINGS;
  if (!mayUseSignalR(file.source, settings)) return undefined;
  const jsx = usesJsx(file.path);
  const j = api.jscodeshift.withParser({
    parse(source: string): TSESTree.Program {
      const ast = parseForAnalysis(source, jsx);
      // recast expects comments among the tokens, as Babel gives them; without them it crashes on a
      // file that ends with two comments after its last statement.
      ast.tokens = [...(ast.tokens ?? []), ...(ast.comments ?? [])].sort((a, b) => a.range[0] - b.range[0]) as typeof ast.tokens;
      return ast;
    },
  });
  // recast expands tabs when it parses, and indents what it prints with these: tabs stay tabs.
  const root = j(file.source, recastOptions(detectIndent(file.source)));
  const program = (root.get().node as { program: TSESTree.Program }).program;
  const model = modelOf(program, file.source, jsx, settings, file.path);
  return model && { j, root, program, model };
}

/** recast's parse and print options for a file indented with `indent` (see `ParsedFile.print`). */
export function recastOptions(indent: string): { useTabs: boolean; tabWidth: number } {
  return { useTabs: indent === '\t', tabWidth: indent === '\t' ? 4 : indent.length };
}

/**
 * The last analysis made, for the next codemod that asks about the same text: when several codemods
 * run on a file one after the other (the CLI, `all`), each one that changes nothing leaves the next
 * the same text, which is then parsed and analysed once. Shared, so read-only: transforms that edit
 * text never change the tree they analysed.
 */
let lastAnalysis:
  | { readonly source: string; readonly path: string; readonly jsx: boolean; readonly settings: SignalRSettings; readonly analyzed: AnalyzedFile | undefined }
  | undefined;

/**
 * Parses `file.source` itself, for transforms that edit text: node ranges are offsets into it,
 * whatever its BOM, line ends or tabs. Undefined when the file cannot use SignalR.
 */
export function analyzeFile(file: FileInfo, options: TransformOptions = {}): AnalyzedFile | undefined {
  const settings = options.signalrSettings ?? DEFAULT_SETTINGS;
  if (!mayUseSignalR(file.source, settings)) return undefined;
  const jsx = usesJsx(file.path);
  if (lastAnalysis?.source === file.source && lastAnalysis.path === file.path && lastAnalysis.jsx === jsx && lastAnalysis.settings === settings) return lastAnalysis.analyzed;
  // Text edits need no tokens: leaving them out makes the parse markedly cheaper.
  const program = parseForAnalysis(file.source, jsx, { tokens: false });
  const model = modelOf(program, file.source, jsx, settings, file.path);
  const analyzed = model && { program, model };
  lastAnalysis = { source: file.source, path: file.path, jsx, settings, analyzed };
  return analyzed;
}

/**
 * Throws the parser's error when `source` does not parse as a file at `path`; returns at once when
 * the last analysis was of this very text (it parsed then).
 */
export function checkSyntax(path: string, source: string): void {
  const jsx = usesJsx(path);
  if (lastAnalysis?.source === source && lastAnalysis.jsx === jsx) return;
  parse(source, { jsx });
}

function parseForAnalysis(source: string, jsx: boolean, { tokens }: { readonly tokens: boolean } = { tokens: true }): TSESTree.Program {
  const ast = parse(source, { loc: true, range: true, tokens, comment: true, jsx });
  // Parent pointers set here survive recast's copy of the tree; set later they would make recast
  // reprint untouched code.
  simpleTraverse(ast, { enter(): void {} }, true);
  return ast;
}

function modelOf(program: TSESTree.Program, text: string, jsx: boolean, settings: SignalRSettings, filename: string): SignalRModel | undefined {
  // No lib globals (`lib: []`): the model tells globals by their missing definitions, which holds for
  // names left unresolved as for lib variables, and declaring hundreds of them cost most of the analysis.
  const scopeManager = analyze(program, { sourceType: 'module', jsxPragma: jsx ? 'React' : null, lib: [] });
  return getSignalRModel(program, text, scopeManager, settings, { filename });
}

/**
 * Tells the user a change was not made and why (`api.report`), as `path:line:column: skipped: reason`.
 * The CLI collects these into its summary; plain jscodeshift prints them.
 */
export function reportSkip(api: API, file: FileInfo, node: Node, reason: string): void {
  // recast drops the `loc` of some nodes it parses (a default-exported object literal, its methods).
  const start = node.loc?.start ?? positionAt(file.source, node.range[0]);
  api.report(`${file.path}:${start.line}:${start.column + 1}: skipped: ${reason}`);
}

function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) };
}

/**
 * Runs `transform` on the file with `\r\n` line ends turned into `\n`, and turns them back in its
 * output. recast parses with `\n` line ends, so node ranges only match text with `\n` line ends;
 * transforms that edit text by range need this. A changed file that mixed both ends gets `\r\n` only.
 */
export function preservingLineEnds<Options extends TransformOptions>(
  transform: (file: FileInfo, api: API, options: Options) => ReturnType<Transform>,
): (file: FileInfo, api: API, options: Options) => Promise<string | undefined> {
  return async (file, api, options) => {
    const lf = file.source.replace(/\r\n/g, '\n');
    const output = await transform(lf === file.source ? file : { ...file, source: lf }, api, options);
    if (typeof output !== 'string' || output === lf) return undefined;
    return lf === file.source ? output : output.replace(/\r?\n/g, '\r\n');
  };
}
