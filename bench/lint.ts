// Lint benchmark: ESLint's Node API with @typescript-eslint/parser and no rules (the baseline) against
// the same with this plugin's `all` config, on the same files, interleaved; per-rule time from ESLint's
// `stats`, split between files with and without SignalR.
import tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { CorpusFile } from './corpus.js';
import { collectGarbage, interleave, median } from './measure.js';

/** What the benchmark needs of the built plugin (dist/rules/index.js). */
interface BuiltPlugin {
  readonly rules: Readonly<Record<string, unknown>>;
  readonly configs: Readonly<Record<string, Linter.Config>>;
}

const LINTED_FILES = ['**/*.{ts,tsx,js}'];

export interface RuleCost {
  readonly rule: string;
  /** Median over the plugin runs of the rule's total time (create() and listeners), ms. */
  readonly totalMs: number;
  /** Mean time per file without SignalR, µs: what bailing out costs. */
  readonly perPlainFileUs: number;
  /** Mean time per file with SignalR, µs. */
  readonly perSignalRFileUs: number;
  readonly reportsOnSignalRFiles: number;
  readonly reportsOnPlainFiles: number;
}

/**
 * `baseline`: parser, no rules. `oneRule`: the same with one core rule (`no-debugger`), what any real
 * setup runs at least: ESLint itself costs more per file once a single rule is on, and that part of
 * the difference to the baseline is not this plugin's. `plugin`: the same with the `all` config.
 */
export type LintVariant = 'baseline' | 'oneRule' | 'plugin';

export interface VariantTimes {
  readonly wallMs: readonly number[];
  /** This process's CPU time (user + system): other processes' load disturbs it much less than wall time. */
  readonly cpuMs: readonly number[];
  readonly medianWallMs: number;
  readonly medianCpuMs: number;
}

export interface LintBenchmark {
  readonly files: number;
  readonly signalrFiles: number;
  readonly rounds: number;
  readonly variants: Readonly<Partial<Record<LintVariant, VariantTimes>>>;
  /** Median plugin wall time / median baseline wall time. */
  readonly ratio: number;
  /** The same for CPU time. */
  readonly cpuRatio: number;
  /** Median plugin wall (CPU) time / median one-rule wall (CPU) time, when that variant ran. */
  readonly ratioToOneRule: number | undefined;
  readonly cpuRatioToOneRule: number | undefined;
  /** Median parse time summed over the files in the baseline runs, ms (ESLint's stats). */
  readonly parseMs: number;
  readonly rules: readonly RuleCost[];
  /** The plugin's rule time (ESLint's stats, all rules) / the baseline's median wall time. */
  readonly ruleShare: number;
  /** Files that did not parse: must be none, or both sides measure error handling. */
  readonly fatalErrors: number;
}

interface LintRun {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly parseMs: number;
  readonly fatalErrors: number;
  /** Per rule: time on files without and with SignalR, and reports on each. */
  readonly rules: ReadonlyMap<string, { plainMs: number; signalrMs: number; plainReports: number; signalrReports: number }>;
}

export async function loadBuiltPlugin(repositoryRoot: string): Promise<BuiltPlugin> {
  const entry = pathToFileURL(join(repositoryRoot, 'dist/rules/index.js')).href;
  return ((await import(entry)) as { default: BuiltPlugin }).default;
}

/**
 * Lints `files` (written under `root`) `rounds` times with each variant, alternating the order.
 * `stats` is on in every variant: it times parsing, and each rule in the plugin runs; its timing
 * wrappers sit only on rule listeners, and a file without SignalR gets none.
 */
export async function benchmarkLint(
  plugin: BuiltPlugin,
  root: string,
  files: readonly CorpusFile[],
  rounds: number,
  options: { readonly withOneRule: boolean },
): Promise<LintBenchmark> {
  const signalrPaths = new Set(files.filter((file) => file.usesSignalR).map((file) => join(root, file.path)));
  const configs: Record<LintVariant, Linter.Config[]> = {
    baseline: [baseConfig()],
    oneRule: [baseConfig(), { files: LINTED_FILES, rules: { 'no-debugger': 'error' } }],
    plugin: [baseConfig(), { ...plugin.configs['all'], files: LINTED_FILES }],
  };
  const variants: LintVariant[] = options.withOneRule ? ['baseline', 'oneRule', 'plugin'] : ['baseline', 'plugin'];

  // Loads the parser and the plugin, and gives the JIT a first look at every path.
  const warmUpFiles = files.slice(0, 100).map((file) => join(root, file.path));
  for (const variant of variants) await lintOnce(root, configs[variant], warmUpFiles, signalrPaths);

  const samples = await interleave(variants, rounds, (variant) => lintOnce(root, configs[variant], ['.'], signalrPaths));
  const times = Object.fromEntries(
    variants.map((variant) => {
      const wallMs = samples[variant].map((run) => run.wallMs);
      const cpuMs = samples[variant].map((run) => run.cpuMs);
      return [variant, { wallMs, cpuMs, medianWallMs: median(wallMs), medianCpuMs: median(cpuMs) }];
    }),
  ) as Partial<Record<LintVariant, VariantTimes>>;
  const baseline = times.baseline!;
  const withPlugin = times.plugin!;
  const signalrFiles = signalrPaths.size;
  const plainFiles = files.length - signalrFiles;

  const rules = Object.keys(plugin.rules).map((name): RuleCost => {
    const id = `signalr/${name}`;
    const per = samples.plugin.map((run) => run.rules.get(id) ?? { plainMs: 0, signalrMs: 0, plainReports: 0, signalrReports: 0 });
    const last = per[per.length - 1]!;
    return {
      rule: name,
      totalMs: median(per.map((cost) => cost.plainMs + cost.signalrMs)),
      perPlainFileUs: plainFiles === 0 ? 0 : (median(per.map((cost) => cost.plainMs)) * 1000) / plainFiles,
      perSignalRFileUs: signalrFiles === 0 ? 0 : (median(per.map((cost) => cost.signalrMs)) * 1000) / signalrFiles,
      reportsOnSignalRFiles: last.signalrReports,
      reportsOnPlainFiles: last.plainReports,
    };
  });

  const allRuns = variants.flatMap((variant) => samples[variant]);
  return {
    files: files.length,
    signalrFiles,
    rounds,
    variants: times,
    ratio: withPlugin.medianWallMs / baseline.medianWallMs,
    cpuRatio: withPlugin.medianCpuMs / baseline.medianCpuMs,
    ratioToOneRule: times.oneRule && withPlugin.medianWallMs / times.oneRule.medianWallMs,
    cpuRatioToOneRule: times.oneRule && withPlugin.medianCpuMs / times.oneRule.medianCpuMs,
    parseMs: median(samples.baseline.map((run) => run.parseMs)),
    rules,
    ruleShare: rules.reduce((sum, rule) => sum + rule.totalMs, 0) / baseline.medianWallMs,
    fatalErrors: Math.max(...allRuns.map((run) => run.fatalErrors)),
  };
}

function baseConfig(): Linter.Config {
  return {
    files: LINTED_FILES,
    languageOptions: { parser: tsParser as Linter.Parser },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  };
}

async function lintOnce(root: string, config: readonly Linter.Config[], patterns: readonly string[], signalrPaths: ReadonlySet<string>): Promise<LintRun> {
  collectGarbage();
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [...config], stats: true });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const results = await eslint.lintFiles([...patterns]);
  const cpu = process.cpuUsage(cpuBefore);
  const wallMs = performance.now() - started;
  const cpuMs = (cpu.user + cpu.system) / 1000;

  let parseMs = 0;
  let fatalErrors = 0;
  const rules = new Map<string, { plainMs: number; signalrMs: number; plainReports: number; signalrReports: number }>();
  const entry = (id: string): { plainMs: number; signalrMs: number; plainReports: number; signalrReports: number } => {
    let found = rules.get(id);
    if (!found) rules.set(id, (found = { plainMs: 0, signalrMs: 0, plainReports: 0, signalrReports: 0 }));
    return found;
  };
  for (const result of results) {
    const usesSignalR = signalrPaths.has(result.filePath);
    fatalErrors += result.fatalErrorCount;
    for (const pass of result.stats?.times.passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [id, { total }] of Object.entries(pass.rules ?? {})) {
        if (usesSignalR) entry(id).signalrMs += total;
        else entry(id).plainMs += total;
      }
    }
    for (const message of result.messages) {
      if (!message.ruleId) continue;
      if (usesSignalR) entry(message.ruleId).signalrReports++;
      else entry(message.ruleId).plainReports++;
    }
  }
  return { wallMs, cpuMs, parseMs, fatalErrors, rules };
}
