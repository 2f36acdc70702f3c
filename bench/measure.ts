// Timing and memory measurement shared by the benchmark sections.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The median; for an even count, the mean of the middle two. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Runs `measure` for each variant, `rounds` times, alternating the order every round (A B, B A, …) so
 * that drift in background load and heap growth falls on every variant alike.
 */
export async function interleave<K extends string, T>(
  variants: readonly K[],
  rounds: number,
  measure: (variant: K, round: number) => Promise<T>,
): Promise<Record<K, T[]>> {
  const samples = Object.fromEntries(variants.map((variant) => [variant, [] as T[]])) as Record<K, T[]>;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) samples[variant].push(await measure(variant, round));
  }
  return samples;
}

let gc: (() => void) | undefined;

/**
 * Collects what the previous measurement left behind, so that its garbage is not collected during the
 * next one. `gc` is exposed at run time: `npm run bench` starts node without --expose-gc.
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

export interface CommandRun {
  readonly wallMs: number;
  /** Peak resident set size of the largest process of the command (the command or one of its workers), KiB. */
  readonly maxRssKiB: number | undefined;
  /**
   * Peak of the summed resident set sizes of the command and every process under it, sampled every
   * few milliseconds (Linux /proc), KiB: what the whole command holds at once, workers included.
   */
  readonly treeRssKiB: number | undefined;
  /** User + system CPU time of the command and the children it waited for, ms (from `/usr/bin/time -v`). */
  readonly cpuMs: number | undefined;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const GNU_TIME = '/usr/bin/time';
const RSS_PRELOAD = join(fileURLToPath(new URL('.', import.meta.url)), 'max-rss.mjs');

/** How peak memory is measured on this machine, for the report. */
export const MEMORY_METHOD = existsSync(GNU_TIME)
  ? '`/usr/bin/time -v` (maximum resident set size)'
  : "each node process's `process.resourceUsage().maxRSS`, via a preloaded module";

/**
 * Runs a command to completion and measures it. Peak memory comes from `/usr/bin/time -v` when it
 * exists (its figure covers the command's waited-for children too), otherwise from a module preloaded
 * into every node process of the command (through NODE_OPTIONS, which forked workers inherit).
 */
export function runCommand(command: string, args: readonly string[], options: { cwd?: string } = {}): Promise<CommandRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'signalr-bench-'));
  const memoryFile = join(scratch, 'memory.txt');
  const useGnuTime = existsSync(GNU_TIME);
  const [file, argv] = useGnuTime ? [GNU_TIME, ['-v', '-o', memoryFile, command, ...args]] : [command, [...args]];
  const env = useGnuTime
    ? process.env
    : { ...process.env, BENCH_MAX_RSS_FILE: memoryFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${RSS_PRELOAD}`.trim() };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const treeMemory = child.pid === undefined ? undefined : sampleTreeMemory(child.pid);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const wallMs = performance.now() - started;
      const treeRssKiB = treeMemory?.stop();
      const report = existsSync(memoryFile) ? readFileSync(memoryFile, 'utf8') : undefined;
      const maxRssKiB = report === undefined ? undefined : peakRss(report, useGnuTime);
      const cpuMs = report === undefined || !useGnuTime ? undefined : cpuTime(report);
      rmSync(scratch, { recursive: true, force: true });
      resolve({ wallMs, maxRssKiB, treeRssKiB, cpuMs, exitCode, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

/** How often the process tree's memory is read, and how often its members are looked for again. */
const TREE_SAMPLE_MS = 10;
const TREE_RESCAN_MS = 100;

/**
 * Samples the summed resident set of `root` and its descendants until `stop()`, which returns the
 * peak (KiB), or undefined without /proc. Descendants are found by their parent ids in /proc/<pid>/stat.
 */
function sampleTreeMemory(root: number): { stop(): number | undefined } | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  let members = [root];
  let peak = 0;
  let lastScan = performance.now();
  const sample = (): void => {
    if (performance.now() - lastScan >= TREE_RESCAN_MS) {
      members = descendantsOf(root);
      lastScan = performance.now();
    }
    const total = members.reduce((sum, pid) => sum + residentKiB(pid), 0);
    peak = Math.max(peak, total);
  };
  members = descendantsOf(root);
  const timer = setInterval(sample, TREE_SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      return peak > 0 ? peak : undefined;
    },
  };
}

/** `root` and every process whose chain of parents leads to it. */
function descendantsOf(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name, in parentheses, may hold spaces: the parent id is the second field after it.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const tree = [root];
  for (let index = 0; index < tree.length; index++) {
    for (const [pid, parent] of parents) if (parent === tree[index]) tree.push(pid);
  }
  return tree;
}

function residentKiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function cpuTime(report: string): number | undefined {
  const user = /User time \(seconds\): ([\d.]+)/.exec(report);
  const system = /System time \(seconds\): ([\d.]+)/.exec(report);
  return user && system ? (Number(user[1]) + Number(system[1])) * 1000 : undefined;
}

function peakRss(report: string, fromGnuTime: boolean): number | undefined {
  if (fromGnuTime) {
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
    return match ? Number(match[1]) : undefined;
  }
  const values = report.split('\n').filter(Boolean).map(Number);
  return values.length > 0 ? Math.max(...values) : undefined;
}

// ---- formatting ----

export function formatMs(ms: number | undefined): string {
  if (ms === undefined || Number.isNaN(ms)) return 'n/a';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
}

export function formatRatio(ratio: number | undefined): string {
  return ratio === undefined || !Number.isFinite(ratio) ? 'n/a' : `${ratio >= 100 ? ratio.toFixed(0) : ratio.toFixed(ratio >= 10 ? 1 : 3)}×`;
}

export function formatMiB(kib: number | undefined): string {
  return kib === undefined ? 'n/a' : `${(kib / 1024).toFixed(0)} MiB`;
}

/** A Markdown table, columns padded so that it also reads well on a terminal. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
