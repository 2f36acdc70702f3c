// Lint benchmark: what the plugin's `all` config adds to the time ESLint spends on each file.
//
// In one process, through ESLint's `Linter`, file by file: the file is linted from its text with the
// baseline config (the parser and one core rule), which gives the per-file time of a lint run; the
// SourceCode that run parsed is then linted again with the baseline config and with the baseline plus
// the plugin, in alternating order from file to file and from round to round. Parsing is done once and
// outside the compared runs, so the difference between the last two is the plugin's own cost, with
// none of the parser's noise in it. Each run is timed by the process's CPU time (user + system), which
// other jobs on a shared machine disturb far less than wall time; wall time is recorded too.
//
// The figure is each file's median difference over the rounds, summed over the files, garbage
// collection apart, plus the collection time the plugin's runs had beyond the baseline's. A
// collection, or the CPU time of V8's background threads (concurrent marking, optimizing compiles),
// lands in one of the two compared runs at random and adds hundreds of microseconds to one file in
// one round: the median leaves that noise out, and the collections the plugin's allocations cause
// are counted in full all the same.
import tsParser from '@typescript-eslint/parser';
import type { Linter, SourceCode } from 'eslint';
import { Linter as ESLintLinter } from 'eslint';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

import type { CorpusFile } from './corpus.js';
import { collectGarbage, median } from './measure.js';

/** What the benchmark needs of the built plugin (dist/rules/index.js). */
export interface BuiltPlugin {
  readonly rules: Readonly<Record<string, unknown>>;
  readonly configs: Readonly<Record<string, Linter.Config>>;
}

const LINTED_FILES = ['**/*.{ts,tsx,js}'];
/** Files linted before measuring when the options ask for no full warm-up pass. */
const WARM_UP_FILES = 300;
/** Where the in-memory files live: the configs' patterns are relative to it. */
const VIRTUAL_ROOT = '/bench-tree';

/** Sums over the files of one round, CPU ms (and wall ms). */
export interface LintRound {
  /** The full lint from text with the baseline config (parse included). */
  readonly baselineMs: number;
  /** The baseline config on the parsed SourceCode. */
  readonly withoutPluginMs: number;
  /** The baseline config plus the plugin's `all` config on the same SourceCode. */
  readonly withPluginMs: number;
  readonly wall: { readonly baselineMs: number; readonly withoutPluginMs: number; readonly withPluginMs: number };
}

export interface LintTreeResult {
  readonly files: number;
  readonly signalrFiles: number;
  readonly rounds: readonly LintRound[];
  /** Median over rounds: the per-file CPU time of linting with the baseline config, µs. */
  readonly baselinePerFileUs: number;
  /** Sum over files of each file's median over rounds of (with plugin − without), / files, CPU µs. */
  readonly addedPerFileUs: number;
  /** addedPerFileUs / baselinePerFileUs. */
  readonly addedShare: number;
  /** The same share by wall time, for comparison: noisier on a loaded machine. */
  readonly addedShareWall: number;
  /** What the first, unmeasured pass over every file added per file (CPU µs): JIT warm-up included. */
  readonly firstPassAddedPerFileUs: number | undefined;
  /** Garbage collection (ms, all rounds) that fell into the compared runs, with the plugin and without. */
  readonly gcMs: { readonly withPlugin: number; readonly withoutPlugin: number };
  /** The smallest and largest round's share: how much the rounds agree. */
  readonly addedShareRange: readonly [number, number];
  readonly reportsOnSignalRFiles: number;
  readonly reportsOnPlainFiles: number;
  /** Files that did not parse: must be none, or the runs measure error handling. */
  readonly fatalErrors: number;
  /** V8 heap in use after a full collection once the tree is done, MiB. */
  readonly heapAfterMiB: number;
}

export interface LintOptions {
  readonly rounds: number;
  /**
   * Lint every file once with both configs before measuring (the JIT settles on the plugin's code and
   * on ESLint's handling of its rules); otherwise only the first few hundred files.
   */
  readonly warmUpPass: boolean;
  /**
   * Parse only the files that pass the text check; give the others an empty program. For trees too
   * large to parse within the bench's time: the plugin's rules read only the text of such files, so
   * what it adds is measured all the same, and ESLint's own per-file cost is left out.
   */
  readonly parseOnlyCandidates?: boolean;
  readonly onProgress?: (message: string) => void;
}

export async function loadBuiltPlugin(repositoryRoot: string): Promise<BuiltPlugin> {
  const entry = pathToFileURL(join(repositoryRoot, 'dist/rules/index.js')).href;
  return ((await import(entry)) as { default: BuiltPlugin }).default;
}

type ConfigArray = Linter.Config[] & { getConfig(path: string): unknown };

/**
 * A normalized config array, made once: `Linter#verify` given a plain array normalizes it (and
 * validates every rule's options) on every call, which ESLint's own runs do once per run.
 */
function configArray(repositoryRoot: string, configs: readonly Linter.Config[]): ConfigArray {
  const require = createRequire(join(repositoryRoot, 'package.json'));
  const eslintDirectory = dirname(require.resolve('eslint/package.json'));
  const { FlatConfigArray } = require(join(eslintDirectory, 'lib/config/flat-config-array.js')) as {
    FlatConfigArray: new (configs: readonly Linter.Config[], options: { basePath: string }) => ConfigArray & { normalizeSync(): void };
  };
  const array = new FlatConfigArray(configs, { basePath: VIRTUAL_ROOT });
  array.normalizeSync();
  return array;
}

export async function benchmarkLintTree(
  repositoryRoot: string,
  plugin: BuiltPlugin,
  files: readonly CorpusFile[],
  options: LintOptions,
): Promise<LintTreeResult> {
  const parser = options.parseOnlyCandidates ? candidatesOnlyParser() : (tsParser as Linter.Parser);
  const base: Linter.Config = {
    files: LINTED_FILES,
    languageOptions: { parser },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: { 'no-debugger': 'error' },
  };
  const baseline = configArray(repositoryRoot, [base]);
  const withPlugin = configArray(repositoryRoot, [base, { ...plugin.configs['all'], files: LINTED_FILES }]);
  const linter = new ESLintLinter({ configType: 'flat', cwd: VIRTUAL_ROOT });

  const cpuNow = (): number => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };

  // Loads the parser and the plugin, and lets the JIT settle: the first files run slower.
  let firstPassAddedMs = 0;
  files.slice(0, options.warmUpPass ? files.length : WARM_UP_FILES).forEach((file, index) => {
    const filename = join(VIRTUAL_ROOT, file.path);
    linter.verify(file.text, baseline, { filename });
    const sourceCode = linter.getSourceCode();
    for (const withThePlugin of index % 2 === 0 ? [true, false] : [false, true]) {
      const started = cpuNow();
      linter.verify(sourceCode, withThePlugin ? withPlugin : baseline, { filename });
      firstPassAddedMs += (withThePlugin ? 1 : -1) * (cpuNow() - started);
    }
  });

  // Every garbage collection of the measured rounds, to take it out of the run it fell into.
  const collections: Collection[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) collections.push({ start: entry.startTime, duration: entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });

  const rounds: LintRound[] = [];
  const comparedRuns: ComparedRun[] = [];
  let reportsOnSignalRFiles = 0;
  let reportsOnPlainFiles = 0;
  let fatalErrors = 0;
  for (let round = 0; round < options.rounds; round++) {
    collectGarbage();
    const cpu = { baselineMs: 0, withoutPluginMs: 0, withPluginMs: 0 };
    const wall = { baselineMs: 0, withoutPluginMs: 0, withPluginMs: 0 };
    const timed = <T>(key: keyof typeof cpu, run: () => T): { result: T; start: number; end: number; cpuMs: number } => {
      const cpuBefore = cpuNow();
      const start = performance.now();
      const result = run();
      const end = performance.now();
      const cpuMs = cpuNow() - cpuBefore;
      wall[key] += end - start;
      cpu[key] += cpuMs;
      return { result, start, end, cpuMs };
    };
    reportsOnSignalRFiles = 0;
    reportsOnPlainFiles = 0;
    fatalErrors = 0;
    files.forEach((file, index) => {
      const filename = join(VIRTUAL_ROOT, file.path);
      const { result: messages } = timed('baselineMs', () => linter.verify(file.text, baseline, { filename }));
      if (messages.some((message) => message.fatal)) {
        fatalErrors++;
        return;
      }
      const sourceCode = linter.getSourceCode() as SourceCode;
      // Which goes first alternates, so that neither gains from the other's warm caches.
      const pluginFirst = (index + round) % 2 === 0;
      for (const withThePlugin of pluginFirst ? [true, false] : [false, true]) {
        const { result, ...run } = timed(withThePlugin ? 'withPluginMs' : 'withoutPluginMs', () => linter.verify(sourceCode, withThePlugin ? withPlugin : baseline, { filename }));
        comparedRuns.push({ file: index, withThePlugin, ...run, collectionMs: 0 });
        if (!withThePlugin) continue;
        const reports = result.filter((message) => message.ruleId?.startsWith('signalr/')).length;
        if (file.usesSignalR) reportsOnSignalRFiles += reports;
        else reportsOnPlainFiles += reports;
      }
    });
    rounds.push({ ...cpu, wall });
    options.onProgress?.(
      `  round ${round + 1}: baseline ${(cpu.baselineMs / 1000).toFixed(1)} s CPU (${(wall.baselineMs / 1000).toFixed(1)} s wall), the plugin adds ${(cpu.withPluginMs - cpu.withoutPluginMs).toFixed(0)} ms CPU (${(wall.withPluginMs - wall.withoutPluginMs).toFixed(0)} ms wall)`,
    );
  }
  // The observer hears of the collections on later turns of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  collectGarbage();
  const heapAfterMiB = process.memoryUsage().heapUsed / 2 ** 20;

  const gcMs = chargeCollections(comparedRuns, collections);
  const linted = files.length - fatalErrors;
  const gcAddedMs = (gcMs.withPlugin - gcMs.withoutPlugin) / options.rounds;
  const added = (time: (run: ComparedRun) => number): number => (sum(medianDifferences(comparedRuns, files.length, time)) + gcAddedMs) * 1000 / linted;
  const addedPerFileUs = added((run) => run.cpuMs - run.collectionMs);
  const addedPerFileWallUs = added((run) => run.end - run.start - run.collectionMs);
  const shares = rounds.map((round) => (round.withPluginMs - round.withoutPluginMs) / round.baselineMs);
  const baselinePerFileUs = (median(rounds.map((round) => round.baselineMs)) * 1000) / linted;
  const baselinePerFileWallUs = (median(rounds.map((round) => round.wall.baselineMs)) * 1000) / linted;
  return {
    files: files.length,
    signalrFiles: files.filter((file) => file.usesSignalR).length,
    rounds,
    baselinePerFileUs,
    addedPerFileUs,
    addedShare: addedPerFileUs / baselinePerFileUs,
    addedShareWall: addedPerFileWallUs / baselinePerFileWallUs,
    addedShareRange: [Math.min(...shares), Math.max(...shares)],
    firstPassAddedPerFileUs: options.warmUpPass ? (firstPassAddedMs * 1000) / files.length : undefined,
    gcMs,
    reportsOnSignalRFiles,
    reportsOnPlainFiles,
    fatalErrors,
    heapAfterMiB,
  };
}

interface Collection {
  /** performance.now() time. */
  readonly start: number;
  readonly duration: number;
}

/** One of the two compared runs of a file in a round. */
interface ComparedRun {
  readonly file: number;
  readonly withThePlugin: boolean;
  /** performance.now() times. */
  readonly start: number;
  readonly end: number;
  readonly cpuMs: number;
  /** The garbage collections that started during the run. */
  collectionMs: number;
}

/** Charges each collection to the run it started in; returns the totals of each side. */
function chargeCollections(runs: readonly ComparedRun[], collections: readonly Collection[]): { withPlugin: number; withoutPlugin: number } {
  const totals = { withPlugin: 0, withoutPlugin: 0 };
  let next = 0;
  for (const collection of [...collections].sort((a, b) => a.start - b.start)) {
    while (next < runs.length && runs[next]!.end < collection.start) next++;
    const run = runs[next];
    if (!run || run.start > collection.start) continue;
    run.collectionMs += collection.duration;
    if (run.withThePlugin) totals.withPlugin += collection.duration;
    else totals.withoutPlugin += collection.duration;
  }
  return totals;
}

/** Per file, the median over rounds of (with the plugin − without), by `time`. */
function medianDifferences(runs: readonly ComparedRun[], files: number, time: (run: ComparedRun) => number): number[] {
  const byFile = Array.from({ length: files }, () => ({ withPlugin: [] as number[], withoutPlugin: [] as number[] }));
  for (const run of runs) (run.withThePlugin ? byFile[run.file]!.withPlugin : byFile[run.file]!.withoutPlugin).push(time(run));
  return byFile
    .filter((file) => file.withPlugin.length > 0)
    .map((file) => median(file.withPlugin.map((withPlugin, round) => withPlugin - file.withoutPlugin[round]!)));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * @typescript-eslint/parser for files whose text names SignalR (or any hint of the plugin's rules);
 * an empty program, with no parsing, for the others.
 */
function candidatesOnlyParser(): Linter.Parser {
  const mayConcernThePlugin = /signalr|hubconnection|\.connection|web-pubsub|TLSv1|secureProtocol|secureOptions|DEFAULT_MAX_VERSION|jsonwebtoken|jose|AccessKey/i;
  return {
    meta: { name: 'bench-candidates-only' },
    parseForESLint(text: string, parserOptions: unknown) {
      if (mayConcernThePlugin.test(text)) return tsParser.parseForESLint(text, parserOptions as never);
      const lines = text.split('\n');
      const end = { line: lines.length, column: lines[lines.length - 1]!.length };
      return {
        ast: { type: 'Program', body: [], sourceType: 'module', comments: [], tokens: [], range: [0, text.length], loc: { start: { line: 1, column: 0 }, end } },
      };
    },
  } as unknown as Linter.Parser;
}
