// `npm run bench`: lint and codemod costs as ratios against baselines measured in the same run, on a
// generated corpus, then the same at several corpus sizes. Prints Markdown tables and writes
// bench/results.json. See docs/performance.md.
//
//   tsx bench/run.ts [--files 5000] [--signalr-fraction 0.02] [--seed N] [--rounds 2] [--codemod-rounds 3]
//                    [--scales 1,4,16] [--scale-files 100] [--cpus N] [--sections lint,codemods,scaling]
//                    [--corpus-dir DIR] [--out bench/results.json]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus as cpuList, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import type { CodemodBenchmark, CodemodSetup } from './codemods.js';
import { benchmarkCodemods, findCodemods } from './codemods.js';
import type { CorpusOptions } from './corpus.js';
import { DEFAULT_CORPUS, writeCorpus } from './corpus.js';
import type { LintBenchmark, LintVariant } from './lint.js';
import { benchmarkLint, loadBuiltPlugin } from './lint.js';
import { formatMiB, formatMs, formatRatio, MEMORY_METHOD, table } from './measure.js';

const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The plugin may add at most this share to a lint run on the default corpus. */
const LINT_OVERHEAD_TARGET = 0.05;

type Section = 'lint' | 'codemods' | 'scaling';
const SECTIONS: readonly Section[] = ['lint', 'codemods', 'scaling'];

interface BenchOptions {
  readonly corpus: CorpusOptions;
  readonly rounds: number;
  readonly codemodRounds: number;
  readonly scales: readonly number[];
  readonly scaleFiles: number;
  readonly cpus: number;
  readonly sections: readonly Section[];
  readonly corpusDir: string | undefined;
  readonly out: string;
}

interface ScalePoint {
  readonly scale: number;
  readonly files: number;
  readonly lint?: LintBenchmark;
  readonly codemods?: CodemodBenchmark;
}

function readOptions(): BenchOptions {
  const { values } = parseArgs({
    options: {
      files: { type: 'string', default: String(DEFAULT_CORPUS.files) },
      'signalr-fraction': { type: 'string', default: String(DEFAULT_CORPUS.signalrFraction) },
      seed: { type: 'string', default: String(DEFAULT_CORPUS.seed) },
      rounds: { type: 'string', default: '2' },
      'codemod-rounds': { type: 'string', default: '3' },
      scales: { type: 'string', default: '1,4,16' },
      'scale-files': { type: 'string', default: '100' },
      // jscodeshift's own default: one worker fewer than the cores, at least one.
      cpus: { type: 'string', default: String(Math.max(1, availableParallelism() - 1)) },
      sections: { type: 'string', default: SECTIONS.join(',') },
      'corpus-dir': { type: 'string' },
      out: { type: 'string', default: join(REPOSITORY_ROOT, 'bench/results.json') },
    },
  });
  const positiveInteger = (name: string, text: string): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number of at least 1, not "${text}"`);
    return value;
  };
  const sections = values.sections.split(',').map((section) => section.trim());
  const unknown = sections.filter((section) => !SECTIONS.includes(section as Section));
  if (unknown.length > 0) throw new Error(`--sections: unknown ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);
  return {
    corpus: { files: positiveInteger('files', values.files), signalrFraction: Number(values['signalr-fraction']), seed: Number(values.seed) },
    rounds: positiveInteger('rounds', values.rounds),
    codemodRounds: positiveInteger('codemod-rounds', values['codemod-rounds']),
    scales: values.scales.split(',').map((scale) => positiveInteger('scales', scale.trim())),
    scaleFiles: positiveInteger('scale-files', values['scale-files']),
    cpus: positiveInteger('cpus', values.cpus),
    sections: sections as Section[],
    corpusDir: values['corpus-dir'],
    out: resolve(values.out),
  };
}

async function main(): Promise<void> {
  const options = readOptions();
  const started = performance.now();
  const scratch = options.corpusDir ? resolve(options.corpusDir) : mkdtempSync(join(tmpdir(), 'signalr-corpus-'));
  const needsPlugin = options.sections.includes('lint') || options.sections.includes('scaling');
  const plugin = needsPlugin ? await loadBuiltPlugin(REPOSITORY_ROOT) : undefined;
  const codemodSetup = await findCodemods(REPOSITORY_ROOT);
  log(`Machine: ${availableParallelism()} CPUs (${cpuList()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  log(`Rules: ${plugin ? Object.keys(plugin.rules).join(', ') : '(not measured)'}`);
  log(`Codemods: ${codemodSetup.codemods.join(', ') || '(none built)'}; CLI: ${codemodSetup.cliPath ? 'built' : 'not built'}`);
  for (const note of codemodSetup.notes) log(`Note: ${note}`);

  let lint: LintBenchmark | undefined;
  let codemods: CodemodBenchmark | undefined;
  const scaling: ScalePoint[] = [];
  try {
    if (options.sections.includes('lint') || options.sections.includes('codemods')) {
      const root = join(scratch, 'main');
      const corpus = writeCorpus(root, options.corpus);
      log(`\nCorpus: ${corpus.files.length} files, ${corpus.files.filter((file) => file.usesSignalR).length} with SignalR, ${(corpus.bytes / 1e6).toFixed(1)} MB, in ${root}`);
      if (plugin && options.sections.includes('lint')) {
        lint = await benchmarkLint(plugin, root, corpus.files, options.rounds, { withOneRule: true });
        log(`\n## Lint (${lint.files} files, ${lint.rounds} rounds of each variant, interleaved)\n\n${lintTable(lint)}\n\n${ruleTable(lint)}`);
      }
      if (options.sections.includes('codemods')) {
        codemods = await benchmarkCodemods(codemodSetup, root, options.codemodRounds, options.cpus);
        log(`\n## Codemods (${corpus.files.length} files, ${codemods.rounds} rounds each, interleaved, --cpus ${codemods.cpus})\n\n${codemodTable(codemods)}`);
      }
    }
    if (options.sections.includes('scaling')) {
      for (const scale of options.scales) scaling.push(await measureScale(options, scale, scratch, plugin, codemodSetup));
      log(`\n## Scaling (${options.scaleFiles} files × ${options.scales.join(', ')})\n\n${scalingTable(scaling)}\n\n${linearityTable(scaling)}`);
    }
  } finally {
    if (!options.corpusDir) rmSync(scratch, { recursive: true, force: true });
  }

  const totalSeconds = (performance.now() - started) / 1000;
  log(`\nDone in ${totalSeconds.toFixed(0)} s.`);
  if (lint) {
    const verdict = (overhead: number | undefined): string =>
      overhead === undefined ? 'n/a' : `${(overhead * 100).toFixed(1)} % (${overhead <= LINT_OVERHEAD_TARGET ? 'within' : 'over'} the ${LINT_OVERHEAD_TARGET * 100} % target)`;
    log(`What the plugin adds to a lint run: its rules' time by ESLint stats ${verdict(lint.ruleShare)}.`);
    log(`  Against no rules: wall ${verdict(lint.ratio - 1)}, CPU ${verdict(lint.cpuRatio - 1)}.`);
    log(`  Against one core rule: wall ${verdict(lint.ratioToOneRule && lint.ratioToOneRule - 1)}, CPU ${verdict(lint.cpuRatioToOneRule && lint.cpuRatioToOneRule - 1)}.`);
  }
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: availableParallelism(), cpuModel: cpuList()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, memoryMethod: MEMORY_METHOD },
    options: { ...options, out: undefined, corpusDir: undefined },
    durationSeconds: Math.round(totalSeconds),
    lint,
    codemods,
    scaling,
  };
  writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
  log(`Results written to ${options.out}`);
}

async function measureScale(
  options: BenchOptions,
  scale: number,
  scratch: string,
  plugin: Awaited<ReturnType<typeof loadBuiltPlugin>> | undefined,
  codemodSetup: CodemodSetup,
): Promise<ScalePoint> {
  const root = join(scratch, `scale-${scale}`);
  const corpus = writeCorpus(root, { ...options.corpus, files: options.scaleFiles * scale });
  log(`Scale ${scale}×: ${corpus.files.length} files…`);
  try {
    const lint = plugin ? await benchmarkLint(plugin, root, corpus.files, 1, { withOneRule: false }) : undefined;
    const codemods = await benchmarkCodemods(codemodSetup, root, 1, options.cpus);
    return { scale, files: corpus.files.length, lint, codemods };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// ---- tables ----

const VARIANT_NAMES: Readonly<Record<LintVariant, string>> = {
  baseline: 'ESLint + @typescript-eslint/parser, no rules',
  oneRule: '… + one core rule (`no-debugger`)',
  plugin: '… + signalr `all` config',
};

function lintTable(lint: LintBenchmark): string {
  const rows: string[][] = [];
  for (const clock of ['wall', 'CPU'] as const) {
    const baseline = lint.variants.baseline!;
    const baselineMs = clock === 'wall' ? baseline.medianWallMs : baseline.medianCpuMs;
    for (const variant of ['baseline', 'oneRule', 'plugin'] as const) {
      const times = lint.variants[variant];
      if (!times) continue;
      const runs = clock === 'wall' ? times.wallMs : times.cpuMs;
      const medianMs = clock === 'wall' ? times.medianWallMs : times.medianCpuMs;
      rows.push([`${VARIANT_NAMES[variant]}: ${clock} time`, formatMs(medianMs), runs.map(formatMs).join(', '), formatMs(medianMs / lint.files), formatRatio(medianMs / baselineMs)]);
    }
  }
  rows.push(['parsing (baseline runs, ESLint stats)', formatMs(lint.parseMs), '', formatMs(lint.parseMs / lint.files), formatRatio(lint.parseMs / lint.variants.baseline!.medianWallMs)]);
  return table(['run', 'median', 'all runs', 'per file', 'ratio to no rules'], rows);
}

function ruleTable(lint: LintBenchmark): string {
  const baseline = lint.variants.baseline!.medianWallMs;
  const rows = [...lint.rules]
    .sort((a, b) => b.totalMs - a.totalMs)
    .map((rule) => [
      rule.rule,
      formatMs(rule.totalMs),
      `${((rule.totalMs / baseline) * 100).toFixed(2)} %`,
      `${rule.perPlainFileUs.toFixed(1)} µs`,
      `${rule.perSignalRFileUs.toFixed(0)} µs`,
      `${rule.reportsOnSignalRFiles} / ${rule.reportsOnPlainFiles}`,
    ]);
  const total = lint.rules.reduce((sum, rule) => sum + rule.totalMs, 0);
  rows.push(['all rules', formatMs(total), `${((total / baseline) * 100).toFixed(2)} %`, '', '', '']);
  return table(['rule', 'time (stats)', 'of baseline run', 'per file without SignalR', 'per file with SignalR', 'reports: SignalR / other files'], rows);
}

function codemodTable(result: CodemodBenchmark): string {
  const row = (name: string, tool: CodemodBenchmark['grep'] | undefined, ratioToCli: string): string[] =>
    tool
      ? [name, formatMs(tool.medianMs), tool.wallMs.map(formatMs).join(', '), formatMiB(tool.maxRssKiB), String(tool.files ?? 'n/a'), ratioToCli]
      : [name, 'skipped', '', '', '', ''];
  const rows = [
    row('grep -rl (text hints; the floor)', result.grep, result.cliVsGrep === undefined ? '' : `CLI is ${formatRatio(result.cliVsGrep)} grep`),
    row(`jscodeshift, ${result.codemods.length} transform run(s) summed`, result.jscodeshift, result.cliVsJscodeshift === undefined ? '' : `CLI is ${formatRatio(result.cliVsJscodeshift)} jscodeshift`),
    row('signalr-codemod all --dry --json', result.cli, '1×'),
  ];
  const notes = result.notes.map((note) => `\n> ${note}`).join('');
  return `${table(['tool', 'wall time (median)', 'all runs', 'peak RSS', 'files matched / changed', 'ratio'], rows)}${notes}`;
}

function scalingTable(points: readonly ScalePoint[]): string {
  return table(
    ['scale', 'files', 'lint baseline', 'lint + plugin', 'lint ratio', 'grep', 'jscodeshift', 'signalr-codemod', 'CLI / jscodeshift', 'peak RSS CLI / jscodeshift'],
    points.map((point) => [
      `${point.scale}×`,
      String(point.files),
      formatMs(point.lint?.variants.baseline?.medianWallMs),
      formatMs(point.lint?.variants.plugin?.medianWallMs),
      formatRatio(point.lint?.ratio),
      formatMs(point.codemods?.grep.medianMs),
      formatMs(point.codemods?.jscodeshift?.medianMs),
      formatMs(point.codemods?.cli?.medianMs),
      formatRatio(point.codemods?.cliVsJscodeshift),
      `${formatMiB(point.codemods?.cli?.maxRssKiB)} / ${formatMiB(point.codemods?.jscodeshift?.maxRssKiB)}`,
    ]),
  );
}

/**
 * Cost per 1,000 more files between consecutive sizes: start-up cancels out, so equal figures down a
 * column mean the cost grows linearly in files.
 */
function linearityTable(points: readonly ScalePoint[]): string {
  const tools: readonly [string, (point: ScalePoint) => number | undefined][] = [
    ['lint baseline', (point) => point.lint?.variants.baseline?.medianWallMs],
    ['lint + plugin', (point) => point.lint?.variants.plugin?.medianWallMs],
    ['grep', (point) => point.codemods?.grep.medianMs],
    ['jscodeshift', (point) => point.codemods?.jscodeshift?.medianMs],
    ['signalr-codemod', (point) => point.codemods?.cli?.medianMs],
  ];
  const rows: string[][] = [];
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1]!;
    const to = points[i]!;
    rows.push([
      `${from.files} → ${to.files}`,
      ...tools.map(([, pick]) => {
        const a = pick(from);
        const b = pick(to);
        return a === undefined || b === undefined ? 'n/a' : formatMs(((b - a) / (to.files - from.files)) * 1000);
      }),
    ]);
  }
  return table(['marginal cost per 1,000 files', ...tools.map(([name]) => name)], rows);
}

function log(message: string): void {
  console.log(message);
}

await main();
