// Running the selected codemods on one file's text, in order, each on the previous one's output: the
// same code on the main thread (a run with few files to transform) and in worker threads (many). It
// never touches the file system: the caller reads, checks and writes, so a failing codemod cannot
// leave a file half done. A page (Vue, HTML, Razor, Web Forms) is transformed block by block
// (./page-transform.ts).
import { TSError } from '@typescript-eslint/typescript-estree';
import type { API, JSCodeshift, Transform } from 'jscodeshift';
import { createRequire } from 'node:module';

import type { TransformOptions } from '../utils/source.js';
import { helperImportLine } from '../utils/helpers.js';
import { checkSyntax } from '../utils/source.js';
import { parserFor, usesJsx } from '../utils/parser.js';
import { transformPage } from './page-transform.js';
import type { CodemodModule, TransformReply, WorkerReport } from './protocol.js';
import type { Failure } from './results.js';
import { pageKindOf } from './script-blocks.js';

export interface LoadedCodemod {
  readonly name: string;
  readonly transform: Transform;
}

/** Loads every codemod module; rejects when one is missing, throws while loading or exports no transform. */
export async function loadCodemods(modules: readonly CodemodModule[]): Promise<LoadedCodemod[]> {
  return Promise.all(
    modules.map(async (codemod) => {
      const module = (await import(codemod.url)) as { default?: unknown };
      if (typeof module.default !== 'function') throw new Error(`${codemod.url} does not default-export a jscodeshift transform.`);
      return { name: codemod.name, transform: module.default as Transform };
    }),
  );
}

/** A codemod called `process.exit`: in this process that would end the whole run. */
class ExitCalled extends Error {
  constructor(readonly code: unknown) {
    super(`it called process.exit(${code === undefined ? '' : String(code)})`);
  }
}

/** Runs the codemods on a file: a script whole, a page one script block at a time. */
export async function transformFile(codemods: readonly LoadedCodemod[], path: string, source: string, options: TransformOptions): Promise<TransformReply> {
  const kind = pageKindOf(path);
  if (!kind) return transformSource(codemods, path, source, options);
  // A page's script cannot import the project's helpers module: each block declares what it uses.
  const blockOptions: TransformOptions = { ...options, sharedHelpers: false };
  return transformPage(path, source, kind, blockOptions, (blockPath, text, locate) => transformSource(codemods, blockPath, text, blockOptions, locate));
}

/** Where a position of the text being transformed is in the file the user knows (a page, for a block). */
type Locate = (line: number, column: number) => { readonly line: number; readonly column: number };

const HERE: Locate = (line, column) => ({ line, column });

async function transformSource(codemods: readonly LoadedCodemod[], path: string, original: string, options: TransformOptions, locate: Locate = HERE): Promise<TransformReply> {
  const reports: WorkerReport[] = [];
  const changedBy: string[] = [];
  const helpersBy: string[] = [];
  let source = original;
  for (const { name, transform } of codemods) {
    const api = apiFor(path, (message) => reports.push({ codemod: name, message }));
    try {
      const output = await withoutExit(() => transform({ path, source }, api, options));
      if (typeof output === 'string' && output !== source) {
        if (helperImportLine(output) !== helperImportLine(source)) helpersBy.push(name);
        source = output;
        changedBy.push(name);
      }
    } catch (error) {
      return { kind: 'failed', failure: describeError(name, error, locate), reports };
    }
  }
  if (changedBy.length === 0) return { kind: 'done', output: undefined, changedBy, helpersBy, reports };
  // A codemod bug must not turn a user's file into one that no longer parses.
  try {
    checkSyntax(path, source);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const reason = `${changedBy.join(', ')} produced code that does not parse (${detail}); the file was left as it was.`;
    return { kind: 'failed', failure: { kind: 'codemod', reason }, reports };
  }
  return { kind: 'done', output: source, changedBy, helpersBy, reports };
}

/** Runs `run` with `process.exit` turned into an exception, so a codemod cannot end the run. */
async function withoutExit<T>(run: () => T): Promise<Awaited<T>> {
  const exit = process.exit;
  process.exit = ((code?: unknown) => {
    throw new ExitCalled(code);
  }) as typeof process.exit;
  try {
    return await run();
  } finally {
    process.exit = exit;
  }
}

type JscodeshiftCore = JSCodeshift & { withParser(parser: unknown): JSCodeshift };
let jscodeshiftCore: JscodeshiftCore | undefined;
/** By JSX or not: `withParser` builds a new jscodeshift core each time, which is not cheap. */
const cores = new Map<boolean, JSCodeshift>();

/**
 * The `api` jscodeshift hands a transform, with the parser chosen by file extension. jscodeshift (and
 * recast behind it) is loaded on first use: transforms that edit text never touch it.
 */
function apiFor(path: string, report: (message: string) => void): API {
  const jsx = usesJsx(path);
  const core = (): JSCodeshift => {
    let j = cores.get(jsx);
    if (!j) {
      jscodeshiftCore ??= createRequire(import.meta.url)('jscodeshift') as JscodeshiftCore;
      cores.set(jsx, (j = jscodeshiftCore.withParser(parserFor(path))));
    }
    return j;
  };
  return {
    get j() {
      return core();
    },
    get jscodeshift() {
      return core();
    },
    stats: () => {},
    report,
  };
}

function describeError(codemod: string, error: unknown, locate: Locate): Failure {
  if (error instanceof TSError) {
    const { line, column } = locate(error.location.start.line, error.location.start.column + 1);
    return { kind: 'syntax', reason: `does not parse: ${error.message} (${line}:${column})` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'codemod', reason: `${codemod} failed: ${message}` };
}
