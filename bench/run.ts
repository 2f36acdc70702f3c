// `npm run bench`: what the plugin adds to a lint run and how the `signalr-codemod` CLI compares with
// plain jscodeshift and with grep, each as a ratio against a baseline measured in the same run, on
// generated trees; then how both grow up to 50,000 files, and what the plugin adds to typed linting.
// Prints Markdown tables, writes bench/results.json and the results section of docs/performance.md.
//
//   tsx bench/run.ts [--quick] [--sections lint,codemods,typed,scaling] [--out FILE] [--no-docs]
//                    [--corpus-files N] [--plain-files N] [--typed-files N] [--scales N,N,…]
//
// `--quick` (a few minutes) measures smaller trees once, for day-to-day use, and writes neither
// bench/results.json nor the docs unless --out is given. See docs/performance.md.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus as cpuList, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import type { CodemodBenchmark, CodemodSetup, StartupBenchmark, ToolMeasurement } from './codemods.js';
import { benchmarkAgainstGrep, benchmarkCodemods, comparedMemoryKiB, findCodemods } from './codemods.js';
import type { CorpusFile } from './corpus.js';
import { DEFAULT_CORPUS, generateCorpus, writeCorpus } from './corpus.js';
import type { BuiltPlugin, LintTreeResult } from './lint.js';
import { benchmarkLintTree, loadBuiltPlugin } from './lint.js';
import { formatMiB, formatMs, formatRatio, MEMORY_METHOD, table } from './measure.js';
import type { TypedBenchmark } from './typed.js';
import { benchmarkTyped, writeTypedProject } from './typed.js';

const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = join(REPOSITORY_ROOT, 'docs/performance.md');
const RESULTS_START = '<!-- bench:results:start (written by `npm run bench`) -->';
const RESULTS_END = '<!-- bench:results:end -->';

/** The goals, checked on every run. */
const GOALS = {
  lintPlain: 0.02,
  lintCorpus: 0.03,
  cliVsJscodeshift: 0.05,
  cliVsGrep: 5,
} as const;

type Section = 'lint' | 'codemods' | 'typed' | 'scaling';
const SECTIONS: readonly Section[] = ['lint', 'codemods', 'typed', 'scaling'];

interface Settings {
  readonly quick: boolean;
  /** The bench corpus: files, 2 % of them with SignalR. */
  readonly corpusFiles: number;
  /** The tree without SignalR. */
  readonly plainFiles: number;
  /** How many of its files the lint section lints. */
  readonly lintPlainFiles: number;
  readonly lintRounds: number;
  readonly codemodRounds: number;
  readonly grepRounds: number;
  readonly typedFiles: number;
  readonly typedRounds: number;
  /** Tree sizes of the scaling section; jscodeshift runs only up to `jscodeshiftUpTo` files. */
  readonly scales: readonly number[];
  readonly jscodeshiftUpTo: number;
  /** Workers for jscodeshift and the CLI alike: jscodeshift's own default, cores − 1. */
  readonly cpus: number;
}

const FULL: Settings = {
  quick: false,
  corpusFiles: 5000,
  plainFiles: 5000,
  lintPlainFiles: 3000,
  lintRounds: 3,
  codemodRounds: 3,
  grepRounds: 11,
  typedFiles: 200,
  typedRounds: 2,
  scales: [500, 5000, 50_000],
  // The 5,000-file point is the codemods section's corpus: jscodeshift is measured there.
  jscodeshiftUpTo: 500,
  cpus: Math.max(1, availableParallelism() - 1),
};

const QUICK: Settings = {
  ...FULL,
  quick: true,
  corpusFiles: 1000,
  plainFiles: 1000,
  lintPlainFiles: 1000,
  lintRounds: 3,
  codemodRounds: 1,
  grepRounds: 3,
  typedFiles: 60,
  typedRounds: 1,
  scales: [500, 5000],
  jscodeshiftUpTo: 0,
};

interface ScalePoint {
  readonly files: number;
  readonly signalrFiles: number;
  readonly lint: LintTreeResult;
  readonly codemods: CodemodBenchmark;
}

interface Goal {
  readonly goal: string;
  readonly measured: string;
  readonly met: boolean | undefined;
}

function readOptions(): { settings: Settings; sections: Section[]; out: string | undefined; docs: boolean } {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      sections: { type: 'string', default: SECTIONS.join(',') },
      out: { type: 'string' },
      'no-docs': { type: 'boolean', default: false },
      'corpus-files': { type: 'string' },
      'plain-files': { type: 'string' },
      'typed-files': { type: 'string' },
      scales: { type: 'string' },
    },
  });
  const count = (name: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number of at least 1, not "${text}"`);
    return value;
  };
  const sections = values.sections.split(',').map((section) => section.trim());
  const unknown = sections.filter((section) => !SECTIONS.includes(section as Section));
  if (unknown.length > 0) throw new Error(`--sections: unknown ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);
  const preset = values.quick ? QUICK : FULL;
  const settings: Settings = {
    ...preset,
    corpusFiles: count('corpus-files', values['corpus-files']) ?? preset.corpusFiles,
    plainFiles: count('plain-files', values['plain-files']) ?? preset.plainFiles,
    lintPlainFiles: count('plain-files', values['plain-files']) ?? preset.lintPlainFiles,
    typedFiles: count('typed-files', values['typed-files']) ?? preset.typedFiles,
    scales: values.scales?.split(',').map((scale) => count('scales', scale.trim())!) ?? preset.scales,
  };
  const customised = settings !== preset && JSON.stringify(settings) !== JSON.stringify(preset);
  // Only a full run of every section, at the full sizes, describes the project: the rest print.
  const describesTheProject = !settings.quick && !customised && sections.length === SECTIONS.length;
  const out = values.out ? resolve(values.out) : describesTheProject ? join(REPOSITORY_ROOT, 'bench/results.json') : undefined;
  const docs = describesTheProject && !values['no-docs'];
  return { settings, sections: sections as Section[], out, docs };
}

async function main(): Promise<void> {
  const { settings, sections, out, docs } = readOptions();
  const started = performance.now();
  const scratch = mkdtempSync(join(tmpdir(), 'signalr-bench-'));
  // A copy of the build, inside the repository so that it finds node_modules and package.json: a
  // rebuild while the bench runs (for twenty minutes and more) must not change what it measures.
  mkdirSync(join(REPOSITORY_ROOT, '.tmp'), { recursive: true });
  const build = mkdtempSync(join(REPOSITORY_ROOT, '.tmp', 'bench-build-'));
  cpSync(join(REPOSITORY_ROOT, 'dist'), join(build, 'dist'), { recursive: true });
  const plugin = await loadBuiltPlugin(build);
  const codemodSetup = await findCodemods(build);
  const loadAtStart = loadavg();
  const machine = `${availableParallelism()} CPUs (${cpuList()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  log(`Machine: ${machine}; load average ${loadAtStart.map((load) => load.toFixed(1)).join(', ')}`);
  log(`Rules: ${Object.keys(plugin.rules).length}; codemods: ${codemodSetup.codemods.join(', ')}; ${settings.quick ? 'quick mode' : 'full run'}`);
  for (const note of codemodSetup.notes) log(`Note: ${note}`);

  let lintPlain: LintTreeResult | undefined;
  let lintCorpus: LintTreeResult | undefined;
  let codemods: CodemodBenchmark | undefined;
  let againstGrep: StartupBenchmark | undefined;
  let typed: TypedBenchmark | undefined;
  const scaling: ScalePoint[] = [];
  const loads: number[] = [loadAtStart[0]!];
  const progress = (message: string): void => {
    loads.push(loadavg()[0]!);
    log(message);
  };
  try {
    const corpusOptions = { ...DEFAULT_CORPUS, files: settings.corpusFiles };
    const plainOptions = { ...DEFAULT_CORPUS, files: settings.plainFiles, signalrFraction: 0 };
    if (sections.includes('lint')) {
      progress(`\n## Lint: ${settings.lintPlainFiles} files without SignalR`);
      const plainFiles = generateCorpus({ ...plainOptions, files: Math.min(settings.lintPlainFiles, settings.plainFiles) });
      lintPlain = await benchmarkLintTree(REPOSITORY_ROOT, plugin, plainFiles, { rounds: settings.lintRounds, warmUpPass: true, onProgress: progress });
      progress(`\n## Lint: the bench corpus, ${settings.corpusFiles} files`);
      lintCorpus = await benchmarkLintTree(REPOSITORY_ROOT, plugin, generateCorpus(corpusOptions), { rounds: settings.lintRounds, warmUpPass: true, onProgress: progress });
      log(`\n${lintTable(lintPlain, lintCorpus)}`);
    }
    if (sections.includes('codemods')) {
      const corpusRoot = join(scratch, 'corpus');
      writeCorpus(corpusRoot, corpusOptions);
      progress(`\n## Codemods: the bench corpus (${settings.codemodRounds} rounds)`);
      codemods = await benchmarkCodemods(codemodSetup, corpusRoot, settings.codemodRounds, settings.cpus);
      rmSync(corpusRoot, { recursive: true, force: true });
      const plainRoot = join(scratch, 'plain');
      writeCorpus(plainRoot, plainOptions);
      progress(`\n## Codemods: ${settings.plainFiles} files without SignalR, against grep (${settings.grepRounds} rounds)`);
      if (codemodSetup.cliPath) againstGrep = await benchmarkAgainstGrep(codemodSetup.cliPath, plainRoot, settings.grepRounds);
      rmSync(plainRoot, { recursive: true, force: true });
      log(`\n${codemodTable(codemods)}\n\n${againstGrep ? grepTable(againstGrep) : ''}`);
    }
    if (sections.includes('typed')) {
      const typedRoot = join(scratch, 'typed');
      writeTypedProject(typedRoot, REPOSITORY_ROOT, { ...DEFAULT_CORPUS, files: settings.typedFiles, signalrFraction: 0.1 });
      progress(`\n## Typed linting: ${settings.typedFiles} files (${settings.typedRounds} rounds)`);
      typed = await benchmarkTyped(plugin, build, typedRoot, settings.typedRounds);
      rmSync(typedRoot, { recursive: true, force: true });
      log(`\n${typedTable(typed)}`);
    }
    if (sections.includes('scaling')) {
      for (const files of settings.scales) {
        progress(`\n## Scaling: ${files} files`);
        scaling.push(await measureScale(settings, files, scratch, plugin, codemodSetup, progress));
      }
      log(`\n${scalingTable(scaling)}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    rmSync(build, { recursive: true, force: true });
  }

  const durationSeconds = Math.round((performance.now() - started) / 1000);
  const goals = checkGoals(lintPlain, lintCorpus, codemods, againstGrep, typed, scaling);
  log(`\n${goalTable(goals)}\n\nDone in ${durationSeconds} s.`);
  const load = { atStart: loadAtStart[0], min: Math.min(...loads), max: Math.max(...loads), median: [...loads].sort((a, b) => a - b)[Math.floor(loads.length / 2)] };
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: availableParallelism(), cpuModel: cpuList()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, memoryMethod: MEMORY_METHOD },
    /** One-minute load average, sampled between measurements: other jobs shared the machine when it is above the CPU count. */
    load,
    settings,
    sections,
    durationSeconds,
    goals,
    lint: lintPlain && lintCorpus ? { plain: lintPlain, corpus: lintCorpus } : undefined,
    codemods: codemods && { corpus: codemods, againstGrep },
    typed,
    scaling,
  };
  if (out) {
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    log(`Results written to ${out}`);
  }
  if (docs && lintPlain && lintCorpus && codemods && againstGrep && typed) {
    const section = [
      `Run of ${results.date.slice(0, 10)}: ${machine}; one-minute load average ${load.min.toFixed(1)}–${load.max.toFixed(1)} (median ${load.median!.toFixed(1)}) while it ran, on ${availableParallelism()} CPUs; ${durationSeconds} s in all.`,
      goalTable(goals),
      '### Lint',
      lintTable(lintPlain, lintCorpus),
      '### Codemods',
      codemodTable(codemods),
      grepTable(againstGrep),
      '### Typed linting',
      typedTable(typed),
      '### Scaling',
      scalingTable(scaling),
    ].join('\n\n');
    const text = readFileSync(DOCS, 'utf8');
    const start = text.indexOf(RESULTS_START);
    const end = text.indexOf(RESULTS_END);
    if (start < 0 || end < start) throw new Error(`${DOCS} has no ${RESULTS_START} … ${RESULTS_END} section to write the results into`);
    writeFileSync(DOCS, `${text.slice(0, start + RESULTS_START.length)}\n\n${section}\n\n${text.slice(end)}`);
    log(`Results written to ${DOCS}`);
  }
}

async function measureScale(
  settings: Settings,
  files: number,
  scratch: string,
  plugin: BuiltPlugin,
  codemodSetup: CodemodSetup,
  progress: (message: string) => void,
): Promise<ScalePoint> {
  const root = join(scratch, `scale-${files}`);
  const corpus: readonly CorpusFile[] = writeCorpus(root, { ...DEFAULT_CORPUS, files }).files;
  try {
    const lint = await benchmarkLintTree(REPOSITORY_ROOT, plugin, corpus, { rounds: 1, warmUpPass: false, parseOnlyCandidates: true, onProgress: progress });
    const codemods = await benchmarkCodemods(codemodSetup, root, 1, settings.cpus, { jscodeshift: files <= settings.jscodeshiftUpTo });
    return { files, signalrFiles: corpus.filter((file) => file.usesSignalR).length, lint, codemods };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function checkGoals(
  lintPlain: LintTreeResult | undefined,
  lintCorpus: LintTreeResult | undefined,
  codemods: CodemodBenchmark | undefined,
  againstGrep: StartupBenchmark | undefined,
  typed: TypedBenchmark | undefined,
  scaling: readonly ScalePoint[],
): Goal[] {
  const percent = (share: number): string => `${(share * 100).toFixed(2)} %`;
  const goals: Goal[] = [];
  if (lintPlain) goals.push({ goal: `lint, tree without SignalR: the plugin adds ≤ ${GOALS.lintPlain * 100} % per file`, measured: percent(lintPlain.addedShare), met: lintPlain.addedShare <= GOALS.lintPlain });
  if (lintCorpus) goals.push({ goal: `lint, bench corpus: the plugin adds ≤ ${GOALS.lintCorpus * 100} % per file`, measured: percent(lintCorpus.addedShare), met: lintCorpus.addedShare <= GOALS.lintCorpus });
  if (codemods?.cliVsJscodeshift !== undefined) {
    // The floor says whether the goal is within reach of this stack at all.
    const floor = codemods.floorVsJscodeshift === undefined ? '' : ` (floor of this stack: ${formatRatio(codemods.floorVsJscodeshift)})`;
    goals.push({ goal: `codemods, bench corpus: CLI / jscodeshift ≤ ${GOALS.cliVsJscodeshift} (wall)`, measured: `${formatRatio(codemods.cliVsJscodeshift)}${floor}`, met: codemods.cliVsJscodeshift <= GOALS.cliVsJscodeshift });
  }
  if (codemods?.cliVsJscodeshiftMemory !== undefined) {
    goals.push({
      goal: 'codemods, bench corpus: CLI peak memory ≤ jscodeshift’s (whole commands)',
      measured: `${formatMiB(comparedMemoryKiB(codemods.cli))} / ${formatMiB(comparedMemoryKiB(codemods.jscodeshift))}`,
      met: codemods.cliVsJscodeshiftMemory <= 1,
    });
  }
  if (againstGrep) goals.push({ goal: `codemods, tree without SignalR: CLI within ${GOALS.cliVsGrep}× grep -rl (wall, Node's start included)`, measured: formatRatio(againstGrep.cliVsGrep), met: againstGrep.cliVsGrep <= GOALS.cliVsGrep });
  if (typed) goals.push({ goal: 'typed linting: no second program', measured: `${typed.programs.withPlugin} program(s) with the plugin, ${typed.programs.withoutPlugin} without; plugin modules importing TypeScript: ${typed.pluginModulesImportingTypeScript.length}`, met: typed.programs.withPlugin === typed.programs.withoutPlugin && typed.pluginModulesImportingTypeScript.length === 0 });
  if (scaling.length >= 2) {
    const first = scaling[0]!;
    const last = scaling[scaling.length - 1]!;
    const lintGrowth = last.lint.addedPerFileUs / first.lint.addedPerFileUs;
    goals.push({
      goal: `scaling to ${last.files} files: the plugin's lint cost per file stays flat`,
      measured: `${first.lint.addedPerFileUs.toFixed(1)} µs → ${last.lint.addedPerFileUs.toFixed(1)} µs per file`,
      met: lintGrowth <= 1.5,
    });
    const cliFirst = first.codemods.cli;
    const cliLast = last.codemods.cli;
    if (cliFirst && cliLast) {
      goals.push({
        goal: `scaling to ${last.files} files: CLI peak memory bounded`,
        measured: `${formatMiB(cliFirst.maxRssKiB)} at ${first.files} files, ${formatMiB(cliLast.maxRssKiB)} at ${last.files}`,
        met: undefined,
      });
    }
  }
  return goals;
}

// ---- tables ----

function lintTable(plain: LintTreeResult, corpus: LintTreeResult): string {
  const row = (name: string, result: LintTreeResult): string[] => [
    name,
    `${result.files} (${result.signalrFiles})`,
    formatMs(result.baselinePerFileUs / 1000),
    `${result.addedPerFileUs.toFixed(1)} µs`,
    `**${(result.addedShare * 100).toFixed(2)} %**`,
    result.rounds.map((round) => `${(((round.withPluginMs - round.withoutPluginMs) / round.baselineMs) * 100).toFixed(2)} %`).join(', '),
    `${(result.addedShareWall * 100).toFixed(2)} %`,
    result.firstPassAddedPerFileUs === undefined ? 'n/a' : `${result.firstPassAddedPerFileUs.toFixed(1)} µs`,
    `${formatMs(result.gcMs.withPlugin)} / ${formatMs(result.gcMs.withoutPlugin)}`,
    `${result.reportsOnSignalRFiles} / ${result.reportsOnPlainFiles}`,
  ];
  return table(
    [
      'tree',
      'files (with SignalR)',
      'per-file lint time, baseline',
      'the plugin adds per file',
      'share',
      'share in each round (sums)',
      'share by wall time',
      'first pass adds per file',
      'GC in the runs with / without the plugin',
      'reports: SignalR files / others',
    ],
    [row('without SignalR', plain), row('bench corpus', corpus)],
  );
}

/** `/usr/bin/time` counts CPU time in hundredths of a second. */
function formatCpu(ms: number | undefined): string {
  return ms === 0 ? '< 10 ms' : formatMs(ms);
}

function toolRow(name: string, tool: ToolMeasurement | undefined, ratio: string): string[] {
  return tool
    ? [name, formatMs(tool.medianMs), tool.wallMs.map(formatMs).join(', '), formatCpu(tool.medianCpuMs), `${formatMiB(tool.maxRssKiB)} / ${formatMiB(tool.treeRssKiB)}`, String(tool.files ?? ''), ratio]
    : [name, 'not run', '', '', '', '', ''];
}

function codemodTable(result: CodemodBenchmark): string {
  const rows = [
    toolRow('grep -rl (text hints)', result.grep, ''),
    toolRow(`jscodeshift, ${result.codemods.length} transform runs summed`, result.jscodeshift, '1×'),
    toolRow(
      `signalr-codemod all --dry --json --cpus ${result.cpus}`,
      result.cli,
      `${formatRatio(result.cliVsJscodeshift)} wall, ${formatRatio(result.cliVsJscodeshiftCpu)} CPU, ${formatRatio(result.cliVsJscodeshiftMemory)} memory`,
    ),
    toolRow('floor: find, load, one parse and analysis a file (bench/floor.mjs)', result.floor, `${formatRatio(result.floorVsJscodeshift)} wall`),
  ];
  return table(['bench corpus', 'wall (median)', 'all runs', 'CPU (median)', 'peak RSS: largest process / whole command', 'files matched / changed', 'against jscodeshift'], rows);
}

function grepTable(result: StartupBenchmark): string {
  return table(
    ['tree without SignalR', 'wall (median)', 'all runs', 'CPU (median)', 'peak RSS: largest process / whole command', '', 'against grep (wall)'],
    [
      toolRow('grep -rl (text hints)', result.grep, '1×'),
      toolRow('node -e 0 (Node starting)', result.node, formatRatio(result.nodeVsGrep)),
      toolRow('signalr-codemod all --dry --json', result.cli, formatRatio(result.cliVsGrep)),
    ],
  );
}

function typedTable(result: TypedBenchmark): string {
  const medianOf = (runs: readonly { wallMs: number }[]): number => [...runs.map((run) => run.wallMs)].sort((a, b) => a - b)[Math.floor((runs.length - 1) / 2)]!;
  return table(
    ['typed run (projectService)', 'files (with SignalR)', 'wall', 'plugin rules (stats)', 'share of the typed parse', 'share of the run', 'wall ratio', 'CPU ratio', 'programs'],
    [
      [
        'baseline + `all` against baseline',
        `${result.files} (${result.signalrFiles})`,
        `${formatMs(medianOf(result.withPlugin))} / ${formatMs(medianOf(result.withoutPlugin))}`,
        formatMs(result.withPlugin.map((run) => run.pluginRulesMs).sort((a, b) => a - b)[0]),
        `${(result.pluginRulesShareOfParse * 100).toFixed(2)} %`,
        `${(result.pluginRulesShareOfRun * 100).toFixed(2)} %`,
        formatRatio(result.wallRatio),
        formatRatio(result.cpuRatio),
        `${result.programs.withPlugin} / ${result.programs.withoutPlugin}`,
      ],
    ],
  );
}

function scalingTable(points: readonly ScalePoint[]): string {
  const rows = points.map((point) => [
    String(point.files),
    `${point.lint.addedPerFileUs.toFixed(1)} µs`,
    formatMs(point.lint.rounds[0] ? point.lint.rounds[0].withPluginMs - point.lint.rounds[0].withoutPluginMs : undefined),
    `${point.lint.heapAfterMiB.toFixed(0)} MiB`,
    formatMs(point.codemods.grep.medianMs),
    formatMs(point.codemods.cli?.medianMs),
    formatMs(point.codemods.cli?.medianCpuMs),
    point.codemods.cli?.medianCpuMs === undefined ? 'n/a' : `${((point.codemods.cli.medianCpuMs * 1000) / point.files).toFixed(0)} µs`,
    formatMiB(point.codemods.cli?.maxRssKiB),
    point.codemods.jscodeshift ? `${formatMs(point.codemods.jscodeshift.medianMs)}, ${formatMiB(point.codemods.jscodeshift.maxRssKiB)}` : 'not run',
  ]);
  return table(
    ['files', 'lint: plugin adds per file', 'lint: plugin adds in all', 'lint: heap after', 'grep', 'CLI wall', 'CLI CPU', 'CLI CPU per file', 'CLI peak RSS', 'jscodeshift wall, peak RSS'],
    rows,
  );
}

function goalTable(goals: readonly Goal[]): string {
  return table(
    ['goal', 'measured', 'met'],
    goals.map((goal) => [goal.goal, goal.measured, goal.met === undefined ? 'see the table' : goal.met ? 'yes' : '**no**']),
  );
}

function log(message: string): void {
  console.log(message);
}

await main();
