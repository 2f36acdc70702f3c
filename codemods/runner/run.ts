// One run of the codemods over the given paths: discover, prefilter, transform, write, and hand each
// file's result on in path order as soon as it is known, so that reports stream and no text is kept
// once its result is out.
//
// Discovery and reading are synchronous on the main thread: nothing else runs meanwhile, and a tree
// without SignalR is done in about the time it takes to read it. Files that pass the text check are
// transformed on the main thread when they are few, and by a pool of worker threads when there are
// enough of them to repay starting the workers.
//
// Files whose new text imports generated helpers wait until every file is done, when the helpers'
// place is known (./helpers.ts): they, and the helpers module, are handed on last.
import type { SignalRSettings } from '../../core/settings.js';
import type { TransformOptions } from '../utils/source.js';
import { discoverFiles } from './discover.js';
import type { ProgressCounts } from './progress.js';
import type { CodemodModule, TransformReply, WorkerSetup } from './protocol.js';
import { CodemodLoadError } from './protocol.js';
import { prefilterFile, readForCodemods, textToWrite } from './read.js';
import type { PendingWrite } from './helpers.js';
import { displayPath } from './report.js';
import type { Failure, FileResult } from './results.js';
import { byPath, skipFromReport } from './results.js';
import type { Shard } from './shard.js';
import { inShard } from './shard.js';

/** Loaded only when some file passed the text check (see runCodemods). */
type HelpersModule = typeof import('./helpers.js');

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
  /** Only this part of the files (by path relative to `cwd`). */
  readonly shard?: Shard;
  readonly onProgress?: (counts: ProgressCounts) => void;
  /** --format: changed files go through the project's Prettier before they are written. */
  readonly format?: boolean;
}

/** What a run counted; per-file outcomes go to the `onFile` callback. */
export interface RunCounts {
  /** Files found under the given paths after ignore rules, extensions and --shard. */
  readonly scanned: number;
  /** Files whose text cannot use SignalR: never parsed. */
  readonly prefilteredOut: number;
  /** Files handed to the codemods (they passed the prefilter). */
  readonly parsed: number;
}

/**
 * Runs the codemods; `onFile` gets every parsed or failed file, and is awaited: in path order, then
 * the files that waited for the generated helpers, and the helpers module (./helpers.ts).
 */
export async function runCodemods(options: RunOptions, onFile: (file: FileResult) => Promise<void> | void): Promise<RunCounts> {
  const belongs = (path: string): boolean => !options.shard || inShard(displayPath(path, options.cwd), options.shard);
  const discovery = discoverFiles(options);
  const files = discovery.files.filter(belongs);
  const failures = discovery.failures.filter(({ path }) => belongs(path)).map(({ path, failure }): FileResult => failedFile(path, failure));
  const counts = { scanned: files.length + failures.length, prefilteredOut: 0, parsed: 0 };
  const done = { files: 0, changed: 0, failed: 0 };
  const reportProgress = (): void =>
    options.onProgress?.({ done: counts.prefilteredOut + done.files, total: counts.scanned, changed: done.changed, failed: done.failed });

  // First the text check over everything, keeping only the paths that pass: their number decides
  // where the codemods run, and no text is held meanwhile.
  const candidates: string[] = [];
  for (const path of files) {
    const outcome = prefilterFile(path, options.maxSize, options.settings);
    if (outcome === 'prefiltered') counts.prefilteredOut++;
    else if (outcome === 'candidate') candidates.push(path);
    else failures.push(failedFile(path, outcome));
    reportProgress();
  }
  failures.sort(byPath);

  // Failures found so far go out in their place among the transformed files.
  const deliver = async (file: FileResult): Promise<void> => {
    done.files++;
    if (file.status === 'changed') done.changed++;
    if (file.status === 'failed') done.failed++;
    await onFile(file);
    reportProgress();
  };
  const deliverFailuresBefore = async (path: string | undefined): Promise<void> => {
    while (failures.length > 0 && (path === undefined || (failures[0] as FileResult).path < path)) await deliver(failures.shift() as FileResult);
  };

  const waiting: { readonly file: FileResult; readonly pending: PendingWrite }[] = [];
  // The helpers' code parses (it loads typescript-estree and TypeScript, most of a run's start-up):
  // it is loaded only once some file passed the text check, so a tree without SignalR never pays for it.
  let helpers: HelpersModule | undefined;
  if (candidates.length > 0) {
    helpers = await import('./helpers.js');
    const { needsHelpers } = helpers;
    const transformer = await createTransformer(candidates.length, options);
    try {
      await mapInOrder(
        candidates,
        transformer.concurrency,
        async (path) => {
          // Read again: the text to transform is then as fresh as possible when the write compares stamps.
          const read = readForCodemods(path, options.maxSize, options.settings);
          if (read.kind === 'prefiltered') {
            counts.prefilteredOut++;
            return undefined;
          }
          if (read.kind === 'failed') return failedFile(path, read.failure);
          counts.parsed++;
          const reply = await transformer.run(path, read.source);
          if (reply.kind === 'done' && reply.output !== undefined && needsHelpers(reply.output)) {
            waiting.push({ file: settle(path, read, reply), pending: { path, bom: read.bom, stamp: read.stamp, helpersBy: reply.helpersBy } });
            return undefined;
          }
          const file = await formatChanged(settle(path, read, reply), options.format, helpers);
          return options.write && file.status === 'changed' ? write(file, read) : file;
        },
        async (file) => {
          if (!file) return;
          await deliverFailuresBefore(file.path);
          await deliver(file);
        },
      );
    } finally {
      await transformer.close();
    }
  }
  await deliverFailuresBefore(undefined);
  if (helpers && waiting.length > 0) {
    const settled = await helpers.settleHelpers(
      waiting.map((entry) => entry.file),
      waiting.map((entry) => entry.pending),
      { ...options, codemodOptions: transformOptionsOf(options) },
    );
    for (const file of settled) await deliver(file);
  }
  return counts;
}

/**
 * Starting a worker (loading TypeScript, the parser, jscodeshift and the codemods) took ~1.3 s of CPU
 * on the development machine, about what the codemods spend on 35 files that use SignalR: a run
 * starts one worker per this many such files, up to --cpus, and transforms on the main thread when
 * one worker would do.
 */
const FILES_PER_WORKER = 40;
/** Files queued per worker: enough to keep each busy, few enough to bound the texts in memory. */
const QUEUED_PER_WORKER = 4;

interface Transformer {
  /** Files in flight at once. */
  readonly concurrency: number;
  /** Rejects only with CodemodLoadError. */
  run(path: string, source: string): Promise<TransformReply>;
  close(): Promise<void>;
}

async function createTransformer(candidates: number, options: RunOptions): Promise<Transformer> {
  const setup: WorkerSetup = { codemods: options.codemods, settings: options.settings, codemodOptions: transformOptionsOf(options) };
  const workers = Math.min(options.cpus, Math.ceil(candidates / FILES_PER_WORKER));
  if (workers <= 1) return inProcessTransformer(setup);
  const { WorkerPool } = await import('./pool.js');
  const pool = new WorkerPool(workers, setup);
  return { concurrency: workers * QUEUED_PER_WORKER, run: (path, source) => pool.run(path, source), close: () => pool.close() };
}

/** The codemods on the main thread, loaded with the first file that needs them. */
function inProcessTransformer(setup: WorkerSetup): Transformer {
  const options: TransformOptions = { ...setup.codemodOptions, signalrSettings: setup.settings };
  let loading: Promise<(path: string, source: string) => Promise<TransformReply>> | undefined;
  const load = async (): Promise<(path: string, source: string) => Promise<TransformReply>> => {
    try {
      const { loadCodemods, transformFile } = await import('./transform.js');
      const codemods = await loadCodemods(setup.codemods);
      return (path, source) => transformFile(codemods, path, source, options);
    } catch (error) {
      throw new CodemodLoadError(`The codemods could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return {
    concurrency: 1,
    run: async (path, source) => (await (loading ??= load()))(path, source),
    close: async () => {},
  };
}

type Candidate = Extract<ReturnType<typeof readForCodemods>, { kind: 'candidate' }>;

/** The file's result from the codemods' reply, before any write. */
function settle(path: string, read: Candidate, reply: TransformReply): FileResult {
  const skips = reply.reports.map((report) => skipFromReport(report.codemod, path, report.message));
  if (reply.kind === 'failed') return { status: 'failed', path, changedBy: [], skips, failure: reply.failure };
  if (reply.output === undefined) return { status: 'unchanged', path, changedBy: [], skips };
  return { status: 'changed', path, changedBy: reply.changedBy, skips, before: read.source, after: reply.output };
}

/** With --format, a changed file's new text as the project's Prettier formats it (or a skip saying why not). */
async function formatChanged(file: FileResult, format: boolean | undefined, helpers: HelpersModule | undefined): Promise<FileResult> {
  if (!format || !helpers || file.status !== 'changed') return file;
  const { after, skip } = await helpers.formatted(file.path, file.after, format);
  return { ...file, after, skips: skip ? [...file.skips, skip] : file.skips };
}

async function write(file: Extract<FileResult, { status: 'changed' }>, read: Candidate): Promise<FileResult> {
  const { WriteError, writeAtomically } = await import('./write.js');
  try {
    await writeAtomically(file.path, textToWrite(file.after, read.bom), read.stamp);
    return file;
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    return { status: 'failed', path: file.path, changedBy: file.changedBy, skips: file.skips, failure: { kind: 'write', reason: error.message } };
  }
}

/** What every transform receives besides the settings: the codemods' options, and helpers to be settled by the run. */
function transformOptionsOf(options: RunOptions): Readonly<Record<string, boolean | string>> {
  return { ...options.codemodOptions, sharedHelpers: true };
}

function failedFile(path: string, failure: Failure): FileResult {
  return { status: 'failed', path, changedBy: [], skips: [], failure };
}

/**
 * Calls `task` on every item with at most `limit` in flight, and `deliver` on the results in the
 * items' order. A slow item holds back delivery, never memory: at most `limit` results wait.
 */
async function mapInOrder<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>, deliver: (result: R) => Promise<void>): Promise<void> {
  const inFlight: Promise<R>[] = [];
  for (const item of items) {
    const result = task(item);
    // Handled here too: it may reject before its turn to be awaited comes.
    result.catch(() => {});
    inFlight.push(result);
    if (inFlight.length >= limit) await deliver(await (inFlight.shift() as Promise<R>));
  }
  while (inFlight.length > 0) await deliver(await (inFlight.shift() as Promise<R>));
}
