// Typed linting: what the plugin adds to an ESLint run whose parser builds a TypeScript program
// (`parserOptions.projectService`), on a generated project with a tsconfig.json and the SignalR
// client's types. Both variants run typescript-eslint's typed parse; the difference is the plugin.
// A bench-only rule records the program each file was linted with: the plugin must not make another.
import tsParser from '@typescript-eslint/parser';
import type { Linter, Rule } from 'eslint';
import { ESLint } from 'eslint';
import { existsSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CorpusOptions } from './corpus.js';
import { writeCorpus } from './corpus.js';
import type { BuiltPlugin } from './lint.js';
import { collectGarbage, interleave, median } from './measure.js';

const LINTED_FILES = ['**/*.{ts,tsx,js}'];

export interface TypedRun {
  readonly wallMs: number;
  readonly cpuMs: number;
  /** The plugin's rules' time by ESLint's stats (create() and listeners), ms. */
  readonly pluginRulesMs: number;
  /** Parse time by ESLint's stats: typescript-eslint's typed parse, ms. */
  readonly parseMs: number;
  /** Distinct TypeScript programs the files were linted with. */
  readonly programs: number;
  readonly pluginReports: number;
}

export interface TypedBenchmark {
  readonly files: number;
  readonly signalrFiles: number;
  readonly rounds: number;
  readonly withoutPlugin: readonly TypedRun[];
  readonly withPlugin: readonly TypedRun[];
  /** Median wall (CPU) with the plugin / without. */
  readonly wallRatio: number;
  readonly cpuRatio: number;
  /** The plugin's rule time (stats) / the typed parse time (stats), medians. */
  readonly pluginRulesShareOfParse: number;
  /** The plugin's rule time (stats) / the run's wall time without the plugin, medians. */
  readonly pluginRulesShareOfRun: number;
  /** Distinct programs in each run, with and without the plugin. */
  readonly programs: { readonly withoutPlugin: number; readonly withPlugin: number };
  /** Modules under dist/rules and dist/core that import `typescript` or `ts-morph` (none: no program of its own). */
  readonly pluginModulesImportingTypeScript: readonly string[];
}

/** Writes a typed project: the corpus files, a tsconfig.json, and the repository's node_modules for the types. */
export function writeTypedProject(root: string, repositoryRoot: string, corpus: CorpusOptions): { signalrFiles: number; files: number } {
  const written = writeCorpus(root, corpus);
  writeFileSync(
    join(root, 'tsconfig.json'),
    `${JSON.stringify(
      {
        compilerOptions: {
          target: 'es2022',
          module: 'esnext',
          moduleResolution: 'bundler',
          jsx: 'react-jsx',
          allowJs: true,
          strict: true,
          skipLibCheck: true,
          noEmit: true,
          types: [],
        },
        include: ['packages/**/*'],
      },
      null,
      2,
    )}\n`,
  );
  if (!existsSync(join(root, 'node_modules'))) symlinkSync(join(repositoryRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { files: written.files.length, signalrFiles: written.files.filter((file) => file.usesSignalR).length };
}

export async function benchmarkTyped(plugin: BuiltPlugin, repositoryRoot: string, root: string, rounds: number): Promise<TypedBenchmark> {
  const files = countFiles(join(root, 'packages'));
  const signalrFiles = countSignalRFiles(join(root, 'packages'));
  const variants = ['withoutPlugin', 'withPlugin'] as const;
  const run = (variant: (typeof variants)[number]): Promise<TypedRun> => typedRun(plugin, root, variant === 'withPlugin');
  // The first typed run of a process loads TypeScript and the libraries' types: not counted.
  await run('withoutPlugin');
  await run('withPlugin');
  const samples = await interleave(variants, rounds, run);
  const medianOf = (runs: readonly TypedRun[], pick: (run: TypedRun) => number): number => median(runs.map(pick));
  const without = samples.withoutPlugin;
  const withIt = samples.withPlugin;
  return {
    files,
    signalrFiles,
    rounds,
    withoutPlugin: without,
    withPlugin: withIt,
    wallRatio: medianOf(withIt, (r) => r.wallMs) / medianOf(without, (r) => r.wallMs),
    cpuRatio: medianOf(withIt, (r) => r.cpuMs) / medianOf(without, (r) => r.cpuMs),
    pluginRulesShareOfParse: medianOf(withIt, (r) => r.pluginRulesMs) / medianOf(withIt, (r) => r.parseMs),
    pluginRulesShareOfRun: medianOf(withIt, (r) => r.pluginRulesMs) / medianOf(without, (r) => r.wallMs),
    programs: { withoutPlugin: Math.max(...without.map((r) => r.programs)), withPlugin: Math.max(...withIt.map((r) => r.programs)) },
    pluginModulesImportingTypeScript: modulesImportingTypeScript(repositoryRoot),
  };
}

async function typedRun(plugin: BuiltPlugin, root: string, withPlugin: boolean): Promise<TypedRun> {
  const programs = new Set<unknown>();
  const programRecorder: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      const services = context.sourceCode.parserServices as { program?: unknown } | undefined;
      if (services?.program) programs.add(services.program);
      return {};
    },
  };
  const base: Linter.Config = {
    files: LINTED_FILES,
    languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { projectService: true, tsconfigRootDir: root } },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    plugins: { bench: { rules: { 'record-program': programRecorder } } },
    rules: { 'no-debugger': 'error', 'bench/record-program': 'error' },
  };
  const config = withPlugin ? [base, { ...plugin.configs['all'], files: LINTED_FILES }] : [base];
  collectGarbage();
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config, stats: true });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const results = await eslint.lintFiles(['packages']);
  const cpu = process.cpuUsage(cpuBefore);
  const wallMs = performance.now() - started;
  let pluginRulesMs = 0;
  let parseMs = 0;
  let pluginReports = 0;
  for (const result of results) {
    if (result.fatalErrorCount > 0) throw new Error(`${result.filePath} did not parse in the typed run: ${result.messages[0]?.message}`);
    for (const pass of result.stats?.times.passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [id, { total }] of Object.entries(pass.rules ?? {})) if (id.startsWith('signalr/')) pluginRulesMs += total;
    }
    pluginReports += result.messages.filter((message) => message.ruleId?.startsWith('signalr/')).length;
  }
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, pluginRulesMs, parseMs, programs: programs.size, pluginReports };
}

function countFiles(directory: string): number {
  let count = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    count += entry.isDirectory() ? countFiles(join(directory, entry.name)) : 1;
  }
  return count;
}

function countSignalRFiles(directory: string): number {
  let count = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) count += countSignalRFiles(path);
    else if (/signalr/i.test(readFileSync(path, 'utf8'))) count++;
  }
  return count;
}

/** The built plugin's modules (what a lint run loads) that import TypeScript or ts-morph. */
function modulesImportingTypeScript(repositoryRoot: string): string[] {
  const found: string[] = [];
  const visit = (directory: string): void => {
    for (const name of readdirSync(directory)) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (name.endsWith('.js') && /(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"](?:typescript|ts-morph)['"]/.test(readFileSync(path, 'utf8'))) {
        found.push(path.slice(repositoryRoot.length + 1));
      }
    }
  };
  for (const part of ['dist/rules', 'dist/core']) if (existsSync(join(repositoryRoot, part))) visit(join(repositoryRoot, part));
  return found;
}
