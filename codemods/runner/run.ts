// One run of the codemods over the given paths: discover, prefilter, transform in workers, write.
// Files flow through a bounded number of in-flight tasks, so the texts held in memory stay few
// however large the tree.
import type { SignalRSettings } from '../../core/settings.js';
import { discoverFiles } from './discover.js';
import { WorkerPool } from './pool.js';
import type { ProgressCounts } from './progress.js';
import type { CodemodModule } from './protocol.js';
import type { ReadOutcome } from './read.js';
import { readForCodemods, textToWrite } from './read.js';
import type { Failure, FileResult, RunResult } from './results.js';
import { byPath, skipFromReport } from './results.js';
import { needsHelpers } from './helpers.js';
import { WriteError, writeAtomically } from './write.js';
import { settleHelpers } from './helpers.js';
import type { PendingWrite } from './helpers.js';

export interface RunOptions {
  /** In the order they run on each file. */
  readonly codemods: readonly CodemodModule[];
  /** Absolute paths that exist. */
  readonly paths: readonly string[];
  readonly cwd: string;
  readonly extensions: readonly string[];
  readonly ignorePatterns: readonly string[];
  readonly maxSize: number;
  /** Worker threads at most. */
  readonly cpus: number;
  /** False for --dry and --check. */
  readonly write: boolean;
  readonly settings: SignalRSettings;
  /** The codemods' own options, by the key the transforms read. */
  readonly codemodOptions: Readonly<Record<string, boolean | string>>;
  readonly onProgress?: (counts: ProgressCounts) => void;
}

export async function runCodemods(options: RunOptions): Promise<RunResult> {
  const discovery = await discoverFiles(options);
  const files: FileResult[] = discovery.failures.map(({ path, failure }) => failedFile(path, failure));
  const total = discovery.files.length + discovery.failures.length;
  let prefilteredOut = 0;
  let parsed = 0;
  const reportProgress = (): void =>
    options.onProgress?.({
      done: prefilteredOut + files.length,
      total,
      changed: files.filter((file) => file.status === 'changed').length,
      failed: files.filter((file) => file.status === 'failed').length,
    });

  // First the prefilter over everything, keeping only the paths that pass: their number decides how
  // many workers are worth starting, and no text is held meanwhile.
  const candidates: string[] = [];
  const pending: PendingWrite[] = [];
  await forEachConcurrently(discovery.files, READ_CONCURRENCY, async (path) => {
    const read = await readForCodemods(path, options.maxSize, options.settings);
    if (read.kind === 'prefiltered') prefilteredOut++;
    else if (read.kind === 'failed') files.push(failedFile(path, read.failure));
    else candidates.push(path);
    if (read.kind !== 'candidate') reportProgress();
  });

  if (candidates.length > 0) {
    const workers = Math.min(options.cpus, Math.ceil(candidates.length / FILES_PER_WORKER));
    // Helpers go into one module per project, settled once every file is done (./helpers.ts).
    const codemodOptions = { ...options.codemodOptions, sharedHelpers: true };
    const pool = new WorkerPool(workers, { codemods: options.codemods, settings: options.settings, codemodOptions });
    try {
      // A few files queued per worker keep every worker busy while bounding the texts in memory.
      await forEachConcurrently(candidates, workers * 4, async (path) => {
        // Read again: the text to transform is then as fresh as possible when the write compares stamps.
        const read = await readForCodemods(path, options.maxSize, options.settings);
        if (read.kind === 'prefiltered') prefilteredOut++;
        else if (read.kind === 'failed') files.push(failedFile(path, read.failure));
        else {
          parsed++;
          files.push(await transformAndWrite(pool, path, read, options.write, pending));
        }
        reportProgress();
      });
    } finally {
      await pool.close();
    }
  }
  if (pending.length > 0) files.splice(0, files.length, ...(await settleHelpers(files, pending, options)));
  return { scanned: total, prefilteredOut, parsed, files: files.sort(byPath) };
}

const READ_CONCURRENCY = 16;

/**
 * Starting a worker (loading TypeScript, the parser, jscodeshift and the codemods) took ~1.3 s of CPU
 * on the development machine, about what the codemods spend on 35 files that use SignalR: a run
 * starts one worker per this many such files, up to --cpus, so small runs do not pay for idle workers.
 */
const FILES_PER_WORKER = 40;

async function transformAndWrite(
  pool: WorkerPool,
  path: string,
  read: Extract<ReadOutcome, { kind: 'candidate' }>,
  write: boolean,
  pending: PendingWrite[],
): Promise<FileResult> {
  const reply = await pool.run(path, read.source);
  const skips = reply.reports.map((report) => skipFromReport(report.codemod, path, report.message));
  if (reply.kind === 'failed') return { status: 'failed', path, changedBy: [], skips, failure: reply.failure };
  if (reply.output === undefined) return { status: 'unchanged', path, changedBy: [], skips };
  if (needsHelpers(reply.output)) {
    pending.push({ path, bom: read.bom, stamp: read.stamp });
    return { status: 'changed', path, changedBy: reply.changedBy, skips, before: read.source, after: reply.output };
  }
  if (write) {
    try {
      await writeAtomically(path, textToWrite(reply.output, read.bom), read.stamp);
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      return { status: 'failed', path, changedBy: reply.changedBy, skips, failure: { kind: 'write', reason: error.message } };
    }
  }
  return { status: 'changed', path, changedBy: reply.changedBy, skips, before: read.source, after: reply.output };
}

function failedFile(path: string, failure: Failure): FileResult {
  return { status: 'failed', path, changedBy: [], skips: [], failure };
}

/** Calls `task` on every item, at most `limit` at a time. */
async function forEachConcurrently<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runner = async (): Promise<void> => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
}
