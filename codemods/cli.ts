#!/usr/bin/env node
// `signalr-codemod <codemod…|all> <paths…> [options]`: the command line over codemods/runner/.
// This file owns the interface (arguments, help, messages, exit codes); the runner owns the work.
// It runs only the codemods of codemods/registry.ts, from this package's own build: nothing it loads
// or executes comes from the code it is pointed at.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import nodeModule from 'node:module';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { SignalRSettings } from '../core/settings.js';
import { DEFAULT_SETTINGS, readSettings, SettingsError } from '../core/settings.js';
import { packageInfo } from '../rules/utils/package-info.js';
import type { CodemodInfo, CodemodOption } from './registry.js';
import { CODEMODS } from './registry.js';
import { inRunOrder } from './runner/run-order.js';
import type { OptionSpec, OptionValues } from './runner/command-line.js';
import { closestMatch, optionKey, optionsOf, parseCommandLine, UsageError } from './runner/command-line.js';
import { DEFAULT_EXTENSIONS, SKIPPED_DIRECTORIES } from './runner/discover.js';
import type { UncommittedFile } from './runner/git.js';
import { createProgress } from './runner/progress.js';
import type { CodemodModule } from './runner/protocol.js';
import { CodemodLoadError } from './runner/protocol.js';
import type { Mode } from './runner/report.js';
import { displayPath, RunReport } from './runner/report.js';
import type { RunCounts } from './runner/run.js';
import { runCodemods } from './runner/run.js';
import type { Shard } from './runner/shard.js';
import { parseShard } from './runner/shard.js';

// Node 22.1+ keeps the compiled code of the modules it loads (TypeScript, the parser, recast) on disk,
// so later runs skip compiling them, as ESLint's own command does; Node 20 has no such cache.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const EXIT = {
  /** Done: files written (or nothing to do). */
  ok: 0,
  /** --check: at least one file would change. */
  changesFound: 1,
  /** At least one file failed (named on the output, with the reason); the others were processed. */
  failed: 2,
  /** Bad command line or a refusal (dirty git tree): nothing was done. */
  usage: 3,
  /** The codemods could not be loaded (an incomplete install), or the CLI itself failed: nothing was changed. */
  cannotRun: 4,
} as const;

const USAGE = 'Usage: signalr-codemod <codemod…|all> <paths…> [options]';
const DEFAULT_MAX_SIZE = 1024 * 1024;
const DIRTY_FILES_SHOWN = 10;

/** The CLI's own options; `help` lines after the first are continuation lines in --help. */
interface CliOption extends OptionSpec {
  readonly value?: string;
  readonly help: readonly string[];
}

const OPTIONS: readonly CliOption[] = [
  { name: 'dry', short: 'd', type: 'boolean', help: ['Write nothing.'] },
  { name: 'print', short: 'p', type: 'boolean', help: ['Print a unified diff of every change.'] },
  { name: 'check', type: 'boolean', help: ['Write nothing; exit 1 if any file would change, and name those files', '(for CI).'] },
  { name: 'json', type: 'boolean', help: ['Print a JSON report on stdout (per file: changes with diffs, skips,', 'failures); the summary goes to stderr.'] },
  { name: 'force', short: 'f', type: 'boolean', help: ['Write even when the git work tree has uncommitted changes.'] },
  { name: 'cpus', type: 'string', value: '<n>', help: [`Worker threads to use (default: ${availableParallelism()}, the CPUs here).`] },
  { name: 'extensions', type: 'string', value: '<list>', help: ['Comma-separated extensions to search directories for', `(default: ${DEFAULT_EXTENSIONS.join(',')}).`] },
  {
    name: 'ignore-pattern',
    type: 'string',
    value: '<p>',
    multiple: true,
    help: ['Skip files matching this .gitignore-style pattern, relative to the', 'current directory (repeatable).'],
  },
  { name: 'max-size', type: 'string', value: '<size>', help: ['Fail files larger than this that may use SignalR (the others are only searched):', 'bytes, or with a K or M suffix (KiB, MiB) (default: 1M).'] },
  { name: 'settings', type: 'string', value: '<file>', help: ["A JSON file holding the plugin's settings.signalr object."] },
  {
    name: 'shard',
    type: 'string',
    value: '<i/n>',
    help: ['Only the i-th of n parts of the files, split by path (stable whatever other', 'files exist), for parallel CI jobs run from the same directory.'],
  },
  { name: 'format', type: 'boolean', help: ["Run the project's own Prettier on changed files that have a Prettier", 'config (it runs that code; see the docs).'] },
  { name: 'silent', short: 's', type: 'boolean', help: ['No progress display and no summary; failures are still named on stderr.'] },
  { name: 'list', type: 'boolean', help: ['List the codemods and exit.'] },
  { name: 'version', type: 'boolean', help: ['Print the version and exit.'] },
  { name: 'help', short: 'h', type: 'boolean', help: ['Print this help and exit.'] },
];

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
  /** --format: the project's Prettier on the changed files (codemods/utils/format.ts). */
  readonly format: boolean;
  /** The codemods' own options that were given, by the key the transforms read. */
  readonly codemodOptions: Readonly<Record<string, boolean | string>>;
  readonly shard: Shard | undefined;
}

/** Every option the registry's codemods take, once, with the codemods that take it. */
function codemodOptions(): { readonly option: CodemodOption; readonly codemods: readonly CodemodInfo[] }[] {
  const byName = new Map<string, { readonly option: CodemodOption; readonly codemods: CodemodInfo[] }>();
  for (const codemod of CODEMODS) {
    for (const option of optionsOf(codemod)) {
      const entry = byName.get(option.name) ?? { option, codemods: [] };
      entry.codemods.push(codemod);
      byName.set(option.name, entry);
    }
  }
  return [...byName.values()];
}

const OPTION_COLUMN = 28;
const HELP_WIDTH = 100;

/** Words of `text` in lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && `${lines[last]} ${word}`.length <= width) lines[last] = `${lines[last]} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function optionLine(flags: string, help: readonly string[]): string {
  const [first = '', ...rest] = help;
  const lead = `  ${flags}`;
  const firstLine = lead.length < OPTION_COLUMN ? `${lead.padEnd(OPTION_COLUMN)}${first}` : `${lead}\n${' '.repeat(OPTION_COLUMN)}${first}`;
  return [firstLine, ...rest.map((line) => `${' '.repeat(OPTION_COLUMN)}${line}`)].join('\n');
}

function helpText(): string {
  const nameWidth = Math.max(3, ...CODEMODS.map((codemod) => codemod.name.length)) + 2;
  const fixes = (codemod: CodemodInfo): string => (codemod.fixes.length > 0 ? ` Fixes: ${codemod.fixes.join(', ')}.` : '');
  const codemodLines = inRunOrder(CODEMODS).map((codemod) => `  ${codemod.name.padEnd(nameWidth)}${codemod.description}${fixes(codemod)}`);
  const flags = (option: CliOption): string => `${option.short ? `-${option.short}, ` : '    '}--${option.name}${option.value ? ` ${option.value}` : ''}`;
  const optionLines = OPTIONS.map((option) => optionLine(flags(option), option.help));
  const valueOf = (option: CodemodOption): string => (option.type === 'boolean' ? '' : ` ${option.choices ? `<${option.choices.join('|')}>` : (option.value ?? '<value>')}`);
  const codemodOptionLines = codemodOptions().map(({ option, codemods }) =>
    optionLine(`    --${option.name}${valueOf(option)}`, wrap(`${codemods.map((codemod) => codemod.name).join(', ')}: ${option.description}`, HELP_WIDTH - OPTION_COLUMN)),
  );
  return `${USAGE}

Rewrites code that uses SignalR to fix what the eslint-plugin-signalr rules report.
Directories are searched for files with the --extensions, except files that .gitignore
ignores and these directories: ${SKIPPED_DIRECTORIES.join(', ')}.
Files named directly are always processed.

Codemods (run in this order):
${codemodLines.join('\n') || '  (none registered)'}
  ${'all'.padEnd(nameWidth)}Every codemod above.

Options:
${optionLines.join('\n')}
${codemodOptionLines.length > 0 ? `\nCodemod options (each for the codemods it names; the run must include one of them):\n${codemodOptionLines.join('\n')}\n` : ''}
Exit codes:
  0  done
  1  --check: some files would change (they are named)
  2  some files failed (each named, with the reason); the others were processed
  3  usage error, or a refusal to write into a git work tree with uncommitted changes
  4  could not run: the codemods could not be loaded (an incomplete or broken install),
     or an internal error (printed with its stack)

Examples:
  signalr-codemod all src --dry --print
  signalr-codemod add-awaits add-disposal packages/web
  signalr-codemod all . --check
`;
}

function listText(): string {
  return CODEMODS.map((codemod) => `${codemod.name}\t${codemod.description}\tfixes: ${codemod.fixes.join(', ')}\n`).join('');
}

/** What the command line asks for: a text to print (--help, --list, --version) or a run. Throws UsageError. */
function parseInvocation(argv: readonly string[], cwd: string): { readonly answer: string } | Invocation {
  const declared = codemodOptions();
  const { values, positionals } = parseCommandLine(argv, [...OPTIONS, ...declared.map(({ option }) => option)]);
  if (values['help']) return { answer: helpText() };
  if (values['list']) return { answer: listText() };
  if (values['version']) return { answer: `${packageInfo().version}\n` };

  const isCodemodName = (word: string): boolean => word === 'all' || CODEMODS.some((codemod) => codemod.name === word);
  const firstPath = positionals.findIndex((word) => !isCodemodName(word));
  const names = firstPath < 0 ? positionals : positionals.slice(0, firstPath);
  const paths = firstPath < 0 ? [] : positionals.slice(firstPath);
  if (CODEMODS.length === 0) throw new UsageError('no codemods are registered in this build.');
  if (names.length === 0) throw new UsageError(paths[0] === undefined ? 'name a codemod (or all) and the paths to run it on.' : notACodemodMessage(paths[0], cwd));
  if (paths.length === 0) throw new UsageError('name the files or directories to run the codemods on.');
  for (const path of paths) {
    if (existsSync(resolve(cwd, path))) continue;
    if (isCodemodName(path)) throw new UsageError(`${path} is a codemod, but it comes after the paths: name every codemod first, then the paths.`);
    throw new UsageError(`no such file or directory: ${path}`);
  }
  const codemods = inRunOrder(names.includes('all') ? CODEMODS : CODEMODS.filter((codemod) => names.includes(codemod.name)));

  return {
    codemods,
    paths: paths.map((path) => resolve(cwd, path)),
    mode: values['check'] ? 'check' : values['dry'] ? 'dry' : 'write',
    print: values['print'] === true,
    json: values['json'] === true,
    force: values['force'] === true,
    silent: values['silent'] === true,
    cpus: typeof values['cpus'] === 'string' ? parsePositiveInteger(values['cpus'], '--cpus') : availableParallelism(),
    extensions: typeof values['extensions'] === 'string' ? parseExtensions(values['extensions']) : DEFAULT_EXTENSIONS,
    ignorePatterns: (values['ignore-pattern'] as readonly string[] | undefined) ?? [],
    maxSize: typeof values['max-size'] === 'string' ? parseSize(values['max-size']) : DEFAULT_MAX_SIZE,
    settings: typeof values['settings'] === 'string' ? loadSettings(resolve(cwd, values['settings'])) : DEFAULT_SETTINGS,
    format: values['format'] === true,
    codemodOptions: readCodemodOptions(values, codemods),
    shard: typeof values['shard'] === 'string' ? readShard(values['shard']) : undefined,
  };
}

/** Why a first word is not a codemod, with the usage: it names a path, or is a misspelt codemod. */
function notACodemodMessage(word: string, cwd: string): string {
  const names = [...CODEMODS.map((codemod) => codemod.name), 'all'];
  const usage = `\n\n${USAGE}\n  Codemods: ${names.join(', ')}\n  For example: signalr-codemod all ${word}`;
  if (existsSync(resolve(cwd, word))) {
    const kind = statSync(resolve(cwd, word)).isDirectory() ? 'a directory' : 'a file';
    return `${word} is ${kind}, not a codemod: name the codemods to run first (or all), then the paths.${usage}`;
  }
  const suggestion = closestMatch(word, names);
  return `unknown codemod "${word}"${suggestion ? `; did you mean ${suggestion}?` : '.'} The codemods are: ${names.join(', ')}.`;
}

/** The given codemod options, by transform key; an option of a codemod the run leaves out is a mistake. */
function readCodemodOptions(values: OptionValues, selected: readonly CodemodInfo[]): Record<string, boolean | string> {
  const given: Record<string, boolean | string> = {};
  for (const { option, codemods } of codemodOptions()) {
    const value = values[option.name];
    if (value === undefined || Array.isArray(value)) continue;
    if (!codemods.some((codemod) => selected.includes(codemod))) throw new UsageError(notIncludedMessage(option, codemods));
    if (typeof value === 'string' && option.choices && !option.choices.includes(value)) {
      throw new UsageError(`--${option.name} takes one of ${option.choices.join(', ')}, not "${value}".`);
    }
    given[optionKey(option)] = value as boolean | string;
  }
  return given;
}

function notIncludedMessage(option: CodemodOption, codemods: readonly CodemodInfo[]): string {
  const names = codemods.map((codemod) => codemod.name);
  if (names.length === 1) return `--${option.name} is an option of ${names[0]}, which this run does not include.`;
  const list = `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `--${option.name} is an option of ${list}, ${names.length === 2 ? 'neither' : 'none'} of which this run includes.`;
}

function readShard(text: string): Shard {
  const shard = parseShard(text);
  if (!shard) throw new UsageError(`--shard takes i/n with 1 ≤ i ≤ n, such as 2/4, not "${text}".`);
  return shard;
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
    const refusal = await dirtyTreeRefusal(invocation.paths, cwd);
    if (refusal) {
      process.stderr.write(refusal);
      return EXIT.usage;
    }
  }

  const progress = createProgress(process.stderr, { silent: invocation.silent, changedLabel: invocation.mode === 'write' ? 'changed' : 'would change' });
  // stdout carries what was asked for (the JSON report or the diffs), as each file is done; the
  // summary follows the diffs, or goes to stderr when stdout holds JSON.
  const report = new RunReport({
    mode: invocation.mode,
    codemods: invocation.codemods.map((codemod) => codemod.name),
    cwd,
    json: invocation.json,
    print: invocation.print,
    stdout: process.stdout,
    beforeOutput: progress.clear,
  });
  let counts: RunCounts;
  try {
    counts = await runCodemods(
      { ...invocation, codemods: invocation.codemods.map(moduleOf), cwd, write: invocation.mode === 'write', onProgress: progress.update },
      (file) => report.add(file),
    );
  } catch (error) {
    if (!(error instanceof CodemodLoadError)) throw error;
    progress.finish();
    process.stderr.write(`signalr-codemod: ${error.message}\n`);
    return EXIT.cannotRun;
  }
  progress.finish();
  const summary = report.finish(counts);
  const summaryStream = invocation.json ? process.stderr : process.stdout;
  const wouldChange = report.changed.length;
  if (invocation.silent) process.stderr.write(report.failures.map((line) => `${line}\n`).join(''));
  else {
    summaryStream.write(summary);
    if (invocation.mode === 'check' && wouldChange > 0) summaryStream.write(checkAdvice(report.changed, invocation, cwd));
  }
  if (report.failures.length > 0) return EXIT.failed;
  return invocation.mode === 'check' && wouldChange > 0 ? EXIT.changesFound : EXIT.ok;
}

/** For --check: the files that would change, and the command that changes them. */
function checkAdvice(changed: readonly string[], invocation: Invocation, cwd: string): string {
  const options = Object.entries(invocation.codemodOptions).map(([key, value]) => {
    const option = codemodOptions().find((entry) => optionKey(entry.option) === key)?.option;
    return value === true ? ` --${option?.name}` : ` --${option?.name}=${String(value)}`;
  });
  const paths = invocation.paths.map((path) => displayPath(path, cwd)).join(' ');
  const shard = invocation.shard ? ` --shard ${invocation.shard.index}/${invocation.shard.count}` : '';
  const command = `signalr-codemod ${invocation.codemods.map((codemod) => codemod.name).join(' ')} ${paths}${options.join('')}${shard}`;
  return `\n${changed.length} file(s) would change:\n${[...changed].sort().map((path) => `  ${path}\n`).join('')}Run \`${command}\` to apply the fixes.\n`;
}

/** The message refusing to write into uncommitted work, or undefined when writing is safe. */
async function dirtyTreeRefusal(paths: readonly string[], cwd: string): Promise<string | undefined> {
  const { uncommittedChanges } = await import('./runner/git.js');
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

// An unexpected error must not exit 1, which CI reads as "--check found changes": whether it reaches
// main's promise or escapes it (a codemod on the main thread throwing from a timer).
function internalError(error: unknown): number {
  process.stderr.write(`signalr-codemod: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.cannotRun;
}
process.on('uncaughtException', (error) => process.exit(internalError(error)));
// A reader that stops early (`signalr-codemod … --print | head`) closes stdout: what it did not read
// is not needed, so the run goes on (its writes too) and ends with its own exit code.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.exit(internalError(error));
});
process.exitCode = await main(process.argv.slice(2)).catch(internalError);
