// Codemod benchmark: `signalr-codemod all --dry` against plain jscodeshift running the same
// transforms over every file (one jscodeshift run per transform, as its CLI takes one `-t`), and
// against `grep -rl` for the same text hints (reading every file once), and against the least any run
// on this stack must do (./floor.mjs: one parse and analysis of each SignalR file). Interleaved rounds,
// medians; peak memory of each.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { TEXT_HINTS } from '../core/signalr.js';
import type { CommandRun } from './measure.js';
import { interleave, median, runCommand } from './measure.js';

/** The file extensions of the corpus, for every tool alike. */
const EXTENSIONS = ['ts', 'tsx', 'js'] as const;

export interface ToolMeasurement {
  readonly wallMs: readonly number[];
  readonly medianMs: number;
  /** Median user + system CPU time, ms, when the machine has /usr/bin/time. */
  readonly medianCpuMs: number | undefined;
  /** Largest peak RSS of one process over the rounds (and, for jscodeshift, over its per-transform runs), KiB. */
  readonly maxRssKiB: number | undefined;
  /** Largest peak of the whole command (every process of it at once, see CommandRun), KiB. */
  readonly treeRssKiB: number | undefined;
  /** Files the tool reports: matched (grep) or changed (the codemod runners). */
  readonly files: number | undefined;
}

export interface CodemodBenchmark {
  readonly codemods: readonly string[];
  readonly cpus: number;
  readonly rounds: number;
  readonly grep: ToolMeasurement;
  readonly jscodeshift: ToolMeasurement | undefined;
  readonly cli: ToolMeasurement | undefined;
  /** ./floor.mjs: start, discovery, text check, loading, one parse and analysis per SignalR file. */
  readonly floor: ToolMeasurement | undefined;
  /** CLI / jscodeshift, median wall times. */
  readonly cliVsJscodeshift: number | undefined;
  /** CLI / grep, median wall times. */
  readonly cliVsGrep: number | undefined;
  /** CLI / jscodeshift, median CPU times. */
  readonly cliVsJscodeshiftCpu: number | undefined;
  /** CLI / jscodeshift, peak RSS. */
  readonly cliVsJscodeshiftMemory: number | undefined;
  /** floor / jscodeshift, median wall times: the lowest CLI / jscodeshift ratio this stack allows. */
  readonly floorVsJscodeshift: number | undefined;
  /** Why a section did not run. */
  readonly notes: readonly string[];
}

export interface CodemodSetup {
  /** Where the measured build is: a folder holding `dist/`. */
  readonly repositoryRoot: string;
  /** Names from the built registry whose transform is built. */
  readonly codemods: readonly string[];
  readonly cliPath: string | undefined;
  readonly notes: readonly string[];
}

/** What is built and can be measured: the registry's codemods and the CLI, from dist/. */
export async function findCodemods(repositoryRoot: string): Promise<CodemodSetup> {
  const notes: string[] = [];
  const registryPath = join(repositoryRoot, 'dist/codemods/registry.js');
  let names: string[] = [];
  if (existsSync(registryPath)) {
    const { CODEMODS } = (await import(pathToFileURL(registryPath).href)) as { CODEMODS: readonly { name: string }[] };
    names = CODEMODS.map((codemod) => codemod.name);
  }
  const built = names.filter((name) => existsSync(transformPath(repositoryRoot, name)));
  if (built.length === 0) notes.push('No codemods are registered and built yet: the jscodeshift and CLI measurements were skipped.');
  else if (built.length < names.length) notes.push(`Registered but not built, left out: ${names.filter((name) => !built.includes(name)).join(', ')}.`);
  const cli = join(repositoryRoot, 'dist/codemods/cli.js');
  const cliPath = existsSync(cli) ? cli : undefined;
  if (!cliPath) notes.push('dist/codemods/cli.js does not exist yet: the signalr-codemod measurement was skipped.');
  return { repositoryRoot, codemods: built, cliPath, notes };
}

type Sample = { wallMs: number; cpuMs: number | undefined; maxRssKiB: number | undefined; treeRssKiB: number | undefined; files: number | undefined };

export async function benchmarkCodemods(
  setup: CodemodSetup,
  root: string,
  rounds: number,
  cpus: number,
  options: { readonly jscodeshift: boolean } = { jscodeshift: true },
): Promise<CodemodBenchmark> {
  const canTransform = setup.codemods.length > 0;
  const variants = [
    'grep',
    ...(canTransform && options.jscodeshift ? ['jscodeshift' as const] : []),
    ...(canTransform && setup.cliPath ? ['cli' as const, 'floor' as const] : []),
  ];
  const parsers = new Map(await Promise.all(setup.codemods.map(async (name) => [name, await exportedParserName(setup.repositoryRoot, name)] as const)));

  const samples = await interleave(variants, rounds, async (variant): Promise<Sample> => {
    if (variant === 'grep') return grepRun(root);
    if (variant === 'jscodeshift') return jscodeshiftRun(setup, parsers, root, cpus);
    if (variant === 'floor') return floorRun(setup.repositoryRoot, root);
    return cliRun(setup.cliPath!, root, cpus);
  });

  const grep = summarise(samples.grep)!;
  const jscodeshift = summarise(samples.jscodeshift);
  const cli = summarise(samples.cli);
  const floor = summarise(samples.floor);
  return {
    codemods: setup.codemods,
    cpus,
    rounds,
    grep,
    jscodeshift,
    cli,
    floor,
    cliVsJscodeshift: cli && jscodeshift ? cli.medianMs / jscodeshift.medianMs : undefined,
    cliVsGrep: cli ? cli.medianMs / grep.medianMs : undefined,
    cliVsJscodeshiftCpu: cli?.medianCpuMs !== undefined && jscodeshift?.medianCpuMs !== undefined ? cli.medianCpuMs / jscodeshift.medianCpuMs : undefined,
    cliVsJscodeshiftMemory: memoryRatio(cli, jscodeshift),
    floorVsJscodeshift: floor && jscodeshift ? floor.medianMs / jscodeshift.medianMs : undefined,
    notes: setup.notes,
  };
}

export interface StartupBenchmark {
  readonly rounds: number;
  readonly grep: ToolMeasurement;
  /** `node -e 0`: what starting Node costs, the floor of any Node CLI. */
  readonly node: ToolMeasurement;
  readonly cli: ToolMeasurement;
  /** CLI / grep, median wall times (Node's start included). */
  readonly cliVsGrep: number;
  readonly nodeVsGrep: number;
}

/** On a tree where no file passes the text check: the CLI against `grep -rl` and against Node starting and doing nothing. */
export async function benchmarkAgainstGrep(cliPath: string, root: string, rounds: number): Promise<StartupBenchmark> {
  const samples = await interleave(['grep', 'node', 'cli'] as const, rounds, async (variant): Promise<Sample> => {
    if (variant === 'grep') return grepRun(root);
    if (variant === 'cli') return cliRun(cliPath, root, 1);
    const run = await runCommand(process.execPath, ['-e', '0']);
    return { wallMs: run.wallMs, cpuMs: run.cpuMs, maxRssKiB: run.maxRssKiB, treeRssKiB: run.treeRssKiB, files: undefined };
  });
  const grep = summarise(samples.grep)!;
  const node = summarise(samples.node)!;
  const cli = summarise(samples.cli)!;
  return { rounds, grep, node, cli, cliVsGrep: cli.medianMs / grep.medianMs, nodeVsGrep: node.medianMs / grep.medianMs };
}

/**
 * The CLI's peak memory over jscodeshift's, whole commands against each other: jscodeshift holds its
 * main process and its workers at once, the CLI one process whose threads its peak includes. Largest
 * processes against each other where the whole commands could not be sampled.
 */
export function memoryRatio(cli: ToolMeasurement | undefined, jscodeshift: ToolMeasurement | undefined): number | undefined {
  if (cli?.treeRssKiB !== undefined && jscodeshift?.treeRssKiB !== undefined) return cli.treeRssKiB / jscodeshift.treeRssKiB;
  return cli?.maxRssKiB !== undefined && jscodeshift?.maxRssKiB !== undefined ? cli.maxRssKiB / jscodeshift.maxRssKiB : undefined;
}

/** The figure `memoryRatio` compares. */
export function comparedMemoryKiB(tool: ToolMeasurement | undefined): number | undefined {
  return tool?.treeRssKiB ?? tool?.maxRssKiB;
}

function summarise(runs: readonly Sample[] | undefined): ToolMeasurement | undefined {
  if (!runs || runs.length === 0) return undefined;
  const memory = runs.map((run) => run.maxRssKiB).filter((value): value is number => value !== undefined);
  const tree = runs.map((run) => run.treeRssKiB).filter((value): value is number => value !== undefined);
  const cpu = runs.map((run) => run.cpuMs).filter((value): value is number => value !== undefined);
  return {
    wallMs: runs.map((run) => run.wallMs),
    medianMs: median(runs.map((run) => run.wallMs)),
    medianCpuMs: cpu.length === runs.length ? median(cpu) : undefined,
    maxRssKiB: memory.length > 0 ? Math.max(...memory) : undefined,
    treeRssKiB: tree.length === runs.length ? Math.max(...tree) : undefined,
    files: runs[runs.length - 1]!.files,
  };
}

function transformPath(repositoryRoot: string, name: string): string {
  return join(repositoryRoot, 'dist/codemods', `${name}.js`);
}

/**
 * jscodeshift's `--parser` takes only its own parser names; a transform that exports a parser object
 * (ours export typescript-estree) has jscodeshift use that object without the flag.
 */
async function exportedParserName(repositoryRoot: string, name: string): Promise<string | undefined> {
  const module = (await import(pathToFileURL(transformPath(repositoryRoot, name)).href)) as { parser?: unknown };
  return typeof module.parser === 'string' ? module.parser : undefined;
}

async function grepRun(root: string): Promise<Sample> {
  const args = ['-rlIi', ...EXTENSIONS.map((extension) => `--include=*.${extension}`), ...TEXT_HINTS.flatMap((hint) => ['-F', '-e', hint]), root];
  const run = await runCommand('grep', args);
  // grep exits 1 when nothing matched: that is a result, not a failure.
  if (run.exitCode !== 0 && run.exitCode !== 1) throw commandFailure('grep', run);
  return { wallMs: run.wallMs, cpuMs: run.cpuMs, maxRssKiB: run.maxRssKiB, treeRssKiB: run.treeRssKiB, files: run.stdout.split('\n').filter(Boolean).length };
}

async function jscodeshiftRun(
  setup: CodemodSetup,
  parsers: ReadonlyMap<string, string | undefined>,
  root: string,
  cpus: number,
): Promise<Sample> {
  const bin = join(dirname(createRequire(import.meta.url).resolve('jscodeshift/package.json')), 'bin/jscodeshift.js');
  let wallMs = 0;
  let cpuMs: number | undefined = 0;
  let maxRssKiB: number | undefined;
  let treeRssKiB: number | undefined = 0;
  let changed = 0;
  for (const name of setup.codemods) {
    const parser = parsers.get(name);
    const args = [
      bin,
      '-t',
      transformPath(setup.repositoryRoot, name),
      `--extensions=${EXTENSIONS.join(',')}`,
      ...(parser ? [`--parser=${parser}`] : []),
      // The transforms are built JavaScript: compiling them again with Babel would only add start-up time.
      '--no-babel',
      '--dry',
      `--cpus=${cpus}`,
      root,
    ];
    const run = await runCommand(process.execPath, args);
    if (run.exitCode !== 0) throw commandFailure(`jscodeshift -t ${name}`, run);
    const errors = /(\d+) errors/.exec(run.stdout);
    if (errors && Number(errors[1]) > 0) throw commandFailure(`jscodeshift -t ${name} (${errors[1]} files failed)`, run);
    wallMs += run.wallMs;
    cpuMs = cpuMs === undefined || run.cpuMs === undefined ? undefined : cpuMs + run.cpuMs;
    if (run.maxRssKiB !== undefined) maxRssKiB = Math.max(maxRssKiB ?? 0, run.maxRssKiB);
    treeRssKiB = treeRssKiB === undefined || run.treeRssKiB === undefined ? undefined : Math.max(treeRssKiB, run.treeRssKiB);
    changed += Number(/(\d+) ok/.exec(run.stdout)?.[1] ?? 0);
  }
  return { wallMs, cpuMs, maxRssKiB, treeRssKiB, files: changed };
}

async function cliRun(cliPath: string, root: string, cpus: number): Promise<Sample> {
  const run = await runCommand(process.execPath, [cliPath, 'all', root, '--dry', '--json', `--cpus=${cpus}`]);
  if (run.exitCode !== 0) throw commandFailure('signalr-codemod all --dry', run);
  let changed: number | undefined;
  try {
    changed = (JSON.parse(run.stdout) as { summary?: { changed?: number } }).summary?.changed;
  } catch {
    // An older or newer report shape: the timing still counts.
  }
  return { wallMs: run.wallMs, cpuMs: run.cpuMs, maxRssKiB: run.maxRssKiB, treeRssKiB: run.treeRssKiB, files: changed };
}

async function floorRun(repositoryRoot: string, root: string): Promise<Sample> {
  const run = await runCommand(process.execPath, [fileURLToPath(new URL('./floor.mjs', import.meta.url)), repositoryRoot, root]);
  if (run.exitCode !== 0) throw commandFailure('bench/floor.mjs', run);
  return { wallMs: run.wallMs, cpuMs: run.cpuMs, maxRssKiB: run.maxRssKiB, treeRssKiB: run.treeRssKiB, files: Number(run.stdout.trim()) };
}

function commandFailure(what: string, run: CommandRun): Error {
  const output = `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-20).join('\n');
  return new Error(`${what} exited with ${run.exitCode}:\n${output}`);
}
