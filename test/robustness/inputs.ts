// The programs the robustness tests throw at every rule and codemod: the corpus generator's files
// without SignalR, a deterministic sample of the TypeScript and JavaScript that ships in node_modules
// of the dev dependencies, examples/, and codemod fixtures; plus the ESLint setup that lints them.
import tsParser from '@typescript-eslint/parser';
import { analyze } from '@typescript-eslint/scope-manager';
import { parse, simpleTraverse } from '@typescript-eslint/typescript-estree';
import type { Linter } from 'eslint';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { generatePlainFiles } from '../../bench/corpus.js';
import { usesJsx } from '../../codemods/utils/parser.js';
import { getSignalRModel } from '../../core/model.js';
import { DEFAULT_SETTINGS } from '../../core/settings.js';
import plugin from '../../rules/index.js';
import type { TransformOutcome } from './isolated-transforms.js';

export const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface SourceFile {
  /** Relative and `/`-separated; never under `node_modules/`, which ESLint would ignore. */
  readonly path: string;
  readonly text: string;
}

/** The extensions that rules and codemods must handle. */
const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);

// ---- the programs ----

/** Files of the corpus generator's templates that do not use SignalR. */
export function corpusPlainFiles(count: number): SourceFile[] {
  return generatePlainFiles(count).map(({ path, text }) => ({ path: `corpus/${path}`, text }));
}

export interface NodeModulesSampleOptions {
  /** How many files that are not `.d.ts`. */
  readonly sources: number;
  /** How many `.d.ts` files: declaration files would dominate a uniform sample. */
  readonly declarations: number;
  /** Larger files are left out; the adversarial suite covers a multi-megabyte file on purpose. */
  readonly maxBytes: number;
}

/**
 * Packages that use or define SignalR or Web PubSub: every file of theirs is in the sample, since
 * they are where the analyses do the most work on code they were not written for.
 */
const SIGNALR_PACKAGES = ['@microsoft/signalr', '@aspnet/signalr', '@azure/web-pubsub', '@types/signalr', '@azure/functions'];

/**
 * A sample of the source files in node_modules of the dev dependencies: every file of the SignalR
 * packages, then files of the others in an order given by a hash of their path, which is stable for a
 * given install and spreads the sample over all packages.
 */
export function nodeModulesSample(options: NodeModulesSampleOptions): SourceFile[] {
  const manifest = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
  const candidates: { path: string; absolute: string }[] = [];
  for (const dependency of Object.keys(manifest.devDependencies ?? {}).sort()) {
    const folder = join(REPOSITORY_ROOT, 'node_modules', dependency);
    for (const absolute of sourceFilesUnder(folder, options.maxBytes)) {
      // ESLint ignores `**/node_modules/`, nested ones included: the virtual path avoids the name.
      const path = relative(join(REPOSITORY_ROOT, 'node_modules'), absolute).split(sep).join('/').replaceAll('/node_modules/', '/_modules/');
      candidates.push({ path: `deps/${path}`, absolute });
    }
  }
  const always = candidates.filter((file) => SIGNALR_PACKAGES.some((name) => file.path.startsWith(`deps/${name}/`)));
  const others = candidates.filter((file) => !always.includes(file)).sort((a, b) => fnv1a(a.path) - fnv1a(b.path));
  const isDeclaration = (path: string): boolean => /\.d\.[mc]?ts$/.test(path);
  const chosen = [
    ...always,
    ...others.filter((file) => !isDeclaration(file.path)).slice(0, Math.max(0, options.sources - always.length)),
    ...others.filter((file) => isDeclaration(file.path)).slice(0, options.declarations),
  ];
  return chosen.map(({ path, absolute }) => ({ path, text: readFileSync(absolute, 'utf8') }));
}

/** Every source file of examples/. */
export function exampleFiles(): SourceFile[] {
  return sourceFilesUnder(join(REPOSITORY_ROOT, 'examples'), Number.POSITIVE_INFINITY).map((absolute) => ({
    path: relative(REPOSITORY_ROOT, absolute).split(sep).join('/'),
    text: readFileSync(absolute, 'utf8'),
  }));
}

/** Every input and output file of the codemod fixtures (`test/codemods/__fixtures__/**`). */
export function fixtureFiles(): SourceFile[] {
  const root = join(REPOSITORY_ROOT, 'test/codemods/__fixtures__');
  return sourceFilesUnder(root, Number.POSITIVE_INFINITY).map((absolute) => ({
    path: relative(REPOSITORY_ROOT, absolute).split(sep).join('/'),
    text: readFileSync(absolute, 'utf8'),
  }));
}

function sourceFilesUnder(folder: string, maxBytes: number): string[] {
  const found: string[] = [];
  const visit = (directory: string): void => {
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const absolute = join(directory, entry.name);
      if (entry.isDirectory()) visit(absolute);
      else if (entry.isFile() && SOURCE_EXTENSIONS.has(extname(entry.name)) && !entry.name.endsWith('.min.js') && statSync(absolute).size <= maxBytes) {
        found.push(absolute);
      }
    }
  };
  visit(folder);
  return found;
}

/** 32-bit FNV-1a: a stable, well-spread order for paths. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

// ---- what a file is ----

/** The parser's complaint about the file (typescript-estree, JSX by extension), or undefined when it parses. */
export function parseError(file: SourceFile): string | undefined {
  try {
    parse(file.text, { jsx: usesJsx(file.path), range: true, loc: true });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The file parses with the rules' and codemods' parser. */
export function parses(file: SourceFile): boolean {
  return parseError(file) === undefined;
}

/**
 * The file uses SignalR or the Web PubSub SDK as core/ sees it (imports, globals, the jQuery client).
 * Files that merely mention SignalR in a comment or a setting name do not.
 */
export function usesSignalR(file: SourceFile): boolean {
  let program;
  try {
    program = parse(file.text, { jsx: usesJsx(file.path), range: true, loc: true });
  } catch {
    return false;
  }
  simpleTraverse(program, { enter(): void {} }, true);
  const model = getSignalRModel(program, file.text, analyze(program, { sourceType: 'module' }), DEFAULT_SETTINGS);
  return model !== undefined && (model.usesSignalR || model.usesWebPubSub);
}

// ---- linting ----

const LINTED = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];

/**
 * The flat config of the robustness runs: @typescript-eslint/parser and the plugin's `all` config, or
 * no rules (`none`: the baseline, and the base for instrumented copies). Inline config is off:
 * dependencies carry `eslint-disable` comments for rules this config does not load.
 */
export function lintConfig(rules: 'all' | 'none' = 'all'): Linter.Config[] {
  const base: Linter.Config = {
    files: LINTED,
    languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' },
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
  };
  if (rules === 'none') return [base];
  return [base, { ...(plugin.configs['all'] as Linter.Config), files: LINTED }];
}

// ---- codemods ----

export interface TransformProblems {
  /** `path: stack` where a transform threw on a file that parses (or on its own output). */
  readonly crashes: string[];
  /** Paths whose output does not parse. */
  readonly unparsableOutputs: string[];
  /** Paths where a second run changed the output again. */
  readonly notIdempotent: string[];
  /** Paths of files without SignalR (as core/ sees it) that were changed. */
  readonly changedWithoutSignalR: string[];
}

/** What went wrong in `transformInIsolation`'s outcomes for `files` (same order). */
export function transformProblems(files: readonly SourceFile[], outcomes: readonly TransformOutcome[]): TransformProblems {
  const problems: TransformProblems = { crashes: [], unparsableOutputs: [], notIdempotent: [], changedWithoutSignalR: [] };
  files.forEach((file, i) => {
    const outcome = outcomes[i];
    if (outcome?.path !== file.path) throw new Error(`no outcome for ${file.path}`);
    // A file the parser rejects may make a transform throw: that is the parser's answer, not a crash.
    if (outcome.error !== undefined && parses(file)) problems.crashes.push(`${file.path}: ${outcome.error}`);
    if (outcome.secondError !== undefined) problems.crashes.push(`${file.path} (second run): ${outcome.secondError}`);
    if (outcome.output === undefined) return;
    if (!parses({ path: file.path, text: outcome.output })) problems.unparsableOutputs.push(file.path);
    if (outcome.secondOutput !== undefined) problems.notIdempotent.push(file.path);
    if (!usesSignalR(file)) problems.changedWithoutSignalR.push(file.path);
  });
  return problems;
}
