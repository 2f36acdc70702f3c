#!/usr/bin/env node
// `signalr-codemod <codemod…|all> <paths…> [options]`: the command line over codemods/runner/.
// This file owns the interface (arguments, help, messages, exit codes); the runner owns the work.
// It runs only the codemods of codemods/registry.ts, from this package's own build: nothing it loads
// or executes comes from the code it is pointed at.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import type { SignalRSettings } from '../core/settings.js';
import { DEFAULT_SETTINGS, readSettings, SettingsError } from '../core/settings.js';
import { packageInfo } from '../rules/utils/package-info.js';
import type { CodemodInfo } from './registry.js';
import { CODEMODS } from './registry.js';
import { DEFAULT_EXTENSIONS, SKIPPED_DIRECTORIES } from './runner/discover.js';
import type { UncommittedFile } from './runner/git.js';
import { uncommittedChanges } from './runner/git.js';
import { CodemodLoadError } from './runner/pool.js';
import { createProgress } from './runner/progress.js';
import type { CodemodModule } from './runner/protocol.js';
import type { Mode } from './runner/report.js';
import { changedFiles, displayPath, failedFiles, formatDiffs, formatFailures, formatSummary, toJsonReport } from './runner/report.js';
import type { RunResult } from './runner/results.js';
import { runCodemods } from './runner/run.js';

const EXIT = {
  /** Done: files written (or nothing to do). */
  ok: 0,
  /** --check: at least one file would change. */
  changesFound: 1,
  /** At least one file failed (named on the output, with the reason); the others were processed. */
  failed: 2,
  /** Bad command line or a refusal (dirty git tree): nothing was done. */
  usage: 3,
} as const;

const DEFAULT_MAX_SIZE = 1024 * 1024;
const DIRTY_FILES_SHOWN = 10;

const OPTIONS = {
  dry: { type: 'boolean', short: 'd' },
  print: { type: 'boolean', short: 'p' },
  check: { type: 'boolean' },
  json: { type: 'boolean' },
  force: { type: 'boolean', short: 'f' },
  cpus: { type: 'string' },
  extensions: { type: 'string' },
  'ignore-pattern': { type: 'string', multiple: true },
  'max-size': { type: 'string' },
  settings: { type: 'string' },
  silent: { type: 'boolean', short: 's' },
  list: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

class UsageError extends Error {
  override name = 'UsageError';
}

interface Invocation {
  readonly codemods: readonly CodemodInfo[];
  readonly paths: readonly string[];
  readonly mode: Mode;
  readonly print: boolean;
  readonly json: boolean;
  readonly force: boolean;
  readonly silent: boolean;
  readonly cpus: number;
  readonly extensions: readonly string[];
  readonly ignorePatterns: readonly string[];
  readonly maxSize: number;
  readonly settings: SignalRSettings;
}

function helpText(): string {
  const nameWidth = Math.max(3, ...CODEMODS.map((codemod) => codemod.name.length)) + 2;
  const fixes = (codemod: CodemodInfo): string => (codemod.fixes.length > 0 ? ` Fixes: ${codemod.fixes.join(', ')}.` : '');
  const codemodLines = CODEMODS.map((codemod) => `  ${codemod.name.padEnd(nameWidth)}${codemod.description}${fixes(codemod)}`);
  return `Usage: signalr-codemod <codemod…|all> <paths…> [options]

Rewrites code that uses SignalR to fix what the eslint-plugin-signalr rules report.
Directories are searched for files with the --extensions, except files that .gitignore
ignores and these directories: ${SKIPPED_DIRECTORIES.join(', ')}.
Files named directly are always processed.

Codemods (run in this order):
${codemodLines.join('\n') || '  (none registered)'}
  ${'all'.padEnd(nameWidth)}Every codemod above.

Options:
  -d, --dry                 Write nothing.
  -p, --print               Print a unified diff of every change.
      --check               Write nothing; exit 1 if any file would change (for CI).
      --json                Print a JSON report on stdout (per file: changes with diffs, skips,
                            failures); the summary goes to stderr.
  -f, --force               Write even when the git work tree has uncommitted changes.
      --cpus <n>            Worker threads to use (default: ${availableParallelism()}, the CPUs here).
      --extensions <list>   Comma-separated extensions to search directories for
                            (default: ${DEFAULT_EXTENSIONS.join(',')}).
      --ignore-pattern <p>  Skip files matching this .gitignore-style pattern, relative to the
                            current directory (repeatable).
      --max-size <size>     Fail files larger than this: bytes, or with a K or M suffix (KiB, MiB)
                            (default: 1M).
      --settings <file>     A JSON file holding the plugin's settings.signalr object.
  -s, --silent              No progress display and no summary; failures are still named on stderr.
      --list                List the codemods and exit.
      --version             Print the version and exit.
  -h, --help                Print this help and exit.

Exit codes:
  0  done
  1  --check: some files would change
  2  some files failed (each named, with the reason); the others were processed
  3  usage error, or a refusal to write into a git work tree with uncommitted changes

Examples:
  signalr-codemod all src --dry --print
  signalr-codemod add-awaits add-disposal packages/web
  signalr-codemod all . --check
`;
}

function listText(): string {
  return CODEMODS.map((codemod) => `${codemod.name}\t${codemod.description}\tfixes: ${codemod.fixes.join(', ')}\n`).join('');
}

const PARSE_CONFIG = { options: OPTIONS, allowPositionals: true, strict: true } as const;

function parseCommandLine(argv: readonly string[]): ReturnType<typeof parseArgs<typeof PARSE_CONFIG>> {
  try {
    return parseArgs({ ...PARSE_CONFIG, args: [...argv] });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** What the command line asks for: a text to print (--help, --list, --version) or a run. Throws UsageError. */
function parseInvocation(argv: readonly string[], cwd: string): { readonly answer: string } | Invocation {
  const { values, positionals } = parseCommandLine(argv);
  if (values.help) return { answer: helpText() };
  if (values.list) return { answer: listText() };
  if (values.version) return { answer: `${packageInfo().version}\n` };

  const firstPath = positionals.findIndex((word) => word !== 'all' && !CODEMODS.some((codemod) => codemod.name === word));
  const names = firstPath < 0 ? positionals : positionals.slice(0, firstPath);
  const paths = firstPath < 0 ? [] : positionals.slice(firstPath);
  if (names.length === 0) {
    if (CODEMODS.length === 0) throw new UsageError('no codemods are registered in this build.');
    const word = paths[0];
    throw new UsageError(word === undefined ? 'name a codemod (or all) and the paths to run it on.' : `unknown codemod "${word}"; the codemods are: ${[...CODEMODS.map((codemod) => codemod.name), 'all'].join(', ')}.`);
  }
  if (paths.length === 0) throw new UsageError('name the files or directories to run the codemods on.');
  for (const path of paths) {
    if (!existsSync(resolve(cwd, path))) throw new UsageError(`no such file or directory: ${path}`);
  }
  const codemods = names.includes('all') ? CODEMODS : CODEMODS.filter((codemod) => names.includes(codemod.name));
  if (codemods.length === 0) throw new UsageError('no codemods are registered in this build.');

  return {
    codemods,
    paths: paths.map((path) => resolve(cwd, path)),
    mode: values.check ? 'check' : values.dry ? 'dry' : 'write',
    print: values.print ?? false,
    json: values.json ?? false,
    force: values.force ?? false,
    silent: values.silent ?? false,
    cpus: values.cpus === undefined ? availableParallelism() : parsePositiveInteger(values.cpus, '--cpus'),
    extensions: values.extensions === undefined ? DEFAULT_EXTENSIONS : parseExtensions(values.extensions),
    ignorePatterns: values['ignore-pattern'] ?? [],
    maxSize: values['max-size'] === undefined ? DEFAULT_MAX_SIZE : parseSize(values['max-size']),
    settings: values.settings === undefined ? DEFAULT_SETTINGS : loadSettings(resolve(cwd, values.settings)),
  };
}

function parsePositiveInteger(text: string, option: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`${option} takes a whole number of at least 1, not "${text}".`);
  return Number(text);
}

function parseExtensions(text: string): string[] {
  const extensions = text
    .split(',')
    .map((extension) => extension.trim().toLowerCase())
    .filter(Boolean)
    .map((extension) => (extension.startsWith('.') ? extension : `.${extension}`));
  if (extensions.length === 0) throw new UsageError('--extensions takes a comma-separated list such as .ts,.tsx.');
  return extensions;
}

const SIZE_UNITS: Readonly<Record<string, number>> = { '': 1, k: 1024, kib: 1024, m: 1024 * 1024, mib: 1024 * 1024 };

function parseSize(text: string): number {
  const match = /^(\d+)\s*([a-z]*)$/i.exec(text.trim());
  const unit = SIZE_UNITS[match?.[2]?.toLowerCase() ?? 'invalid'];
  if (!match || unit === undefined || Number(match[1]) < 1) {
    throw new UsageError(`--max-size takes a size such as 1048576, 512K or 2M, not "${text}".`);
  }
  return Number(match[1]) * unit;
}

function loadSettings(path: string): SignalRSettings {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--settings ${path}: ${(error as Error).message}`);
  }
  try {
    return readSettings({ signalr: json });
  } catch (error) {
    if (error instanceof SettingsError) throw new UsageError(`--settings ${path}: ${error.message}`);
    throw error;
  }
}

function moduleOf(codemod: CodemodInfo): CodemodModule {
  const url = new URL(`./${codemod.name}.js`, import.meta.url);
  if (!existsSync(fileURLToPath(url))) throw new CodemodLoadError(`${fileURLToPath(url)} is missing: the package build is incomplete.`);
  return { name: codemod.name, url: url.href };
}

async function main(argv: readonly string[]): Promise<number> {
  const cwd = realpathSync(process.cwd());
  let invocation: { readonly answer: string } | Invocation;
  try {
    invocation = parseInvocation(argv, cwd);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`signalr-codemod: ${error.message}\nRun \`signalr-codemod --help\` for usage.\n`);
    return EXIT.usage;
  }
  if ('answer' in invocation) {
    process.stdout.write(invocation.answer);
    return EXIT.ok;
  }

  if (invocation.mode === 'write' && !invocation.force) {
    const refusal = dirtyTreeRefusal(invocation.paths, cwd);
    if (refusal) {
      process.stderr.write(refusal);
      return EXIT.usage;
    }
  }

  const names = invocation.codemods.map((codemod) => codemod.name);
  const context = { mode: invocation.mode, codemods: names, cwd };
  const progress = createProgress(process.stderr, { silent: invocation.silent, changedLabel: invocation.mode === 'write' ? 'changed' : 'would change' });
  let result: RunResult;
  try {
    result = await runCodemods({ ...invocation, codemods: invocation.codemods.map(moduleOf), cwd, write: invocation.mode === 'write', onProgress: progress.update });
  } catch (error) {
    if (!(error instanceof CodemodLoadError)) throw error;
    progress.finish();
    process.stderr.write(`signalr-codemod: ${error.message}\n`);
    return EXIT.failed;
  }
  progress.finish();

  // stdout carries what was asked for (the JSON report or the diffs); the summary goes with the diffs,
  // or to stderr when stdout holds JSON.
  if (invocation.json) process.stdout.write(`${JSON.stringify(toJsonReport(result, context), null, 2)}\n`);
  else if (invocation.print) process.stdout.write(formatDiffs(result, cwd));
  const summaryStream = invocation.json ? process.stderr : process.stdout;
  const wouldChange = changedFiles(result).length;
  if (invocation.silent) process.stderr.write(formatFailures(result, cwd));
  else {
    summaryStream.write(formatSummary(result, context));
    if (invocation.mode === 'check' && wouldChange > 0) {
      const paths = invocation.paths.map((path) => displayPath(path, cwd)).join(' ');
      summaryStream.write(`\n${wouldChange} file(s) would change: run \`signalr-codemod ${names.join(' ')} ${paths}\` to apply the fixes.\n`);
    }
  }
  if (failedFiles(result).length > 0) return EXIT.failed;
  return invocation.mode === 'check' && wouldChange > 0 ? EXIT.changesFound : EXIT.ok;
}

/** The message refusing to write into uncommitted work, or undefined when writing is safe. */
function dirtyTreeRefusal(paths: readonly string[], cwd: string): string | undefined {
  let dirty: UncommittedFile[];
  try {
    dirty = uncommittedChanges(paths);
  } catch (error) {
    return `signalr-codemod: ${(error as Error).message} Use --force to write anyway, or --dry to look first.\n`;
  }
  if (dirty.length === 0) return undefined;
  const shown = dirty.slice(0, DIRTY_FILES_SHOWN).map((file) => `  ${displayPath(resolve(file.workTree, file.path), cwd)}\n`);
  const more = dirty.length > DIRTY_FILES_SHOWN ? `  … and ${dirty.length - DIRTY_FILES_SHOWN} more\n` : '';
  return (
    `signalr-codemod: refusing to write: these files have uncommitted changes, and the codemods' edits would mix with them:\n` +
    `${shown.join('')}${more}Commit or stash them first, or use --force to write anyway (--dry and --check never write).\n`
  );
}

// An unexpected error must not exit 1, which CI reads as "--check found changes".
process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`signalr-codemod: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.failed;
});
