// The worker pool that runs codemods in parallel, for runs with many files to transform (a run with
// few transforms them on the main thread: see run.ts).
//
// Why our own `node:worker_threads` pool and not jscodeshift's Runner: the Runner calls
// `process.exit` inside the host process, caps its workers at cores − 1 (one worker on a 2-core CI
// runner), reads and writes files itself (no prefilter before its workers, no size or encoding
// checks, no atomic writes) and reports per-file outcomes only as console text. Here the main thread
// owns all file access and each worker only maps text to text through the same `Transform` + `API`
// contract jscodeshift uses, so codemods run unchanged under both.
//
// Workers start lazily, up to `size`. A worker that dies while on a file (running out of memory, a
// native crash) fails that file and is replaced.
import { Worker } from 'node:worker_threads';

import type { WorkerJob, WorkerMessage, WorkerReply, WorkerSetup } from './protocol.js';
import { CodemodLoadError } from './protocol.js';

interface PendingJob {
  readonly job: WorkerJob;
  readonly resolve: (reply: WorkerReply) => void;
  readonly reject: (error: Error) => void;
}

interface PoolWorker {
  readonly worker: Worker;
  ready: boolean;
  current: PendingJob | undefined;
}

export class WorkerPool {
  private readonly workers = new Set<PoolWorker>();
  private readonly queue: PendingJob[] = [];
  private nextId = 0;
  private loadError: CodemodLoadError | undefined;

  constructor(
    private readonly size: number,
    private readonly setup: WorkerSetup,
    private readonly workerUrl: URL = new URL('./worker.js', import.meta.url),
  ) {}

  /** Runs the codemods on one file's text. Rejects only with CodemodLoadError. */
  run(path: string, source: string): Promise<WorkerReply> {
    if (this.loadError) return Promise.reject(this.loadError);
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, path, source }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    const workers = [...this.workers];
    this.workers.clear();
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = [...this.workers].find((entry) => !entry.current) ?? this.spawn();
      if (!idle) return;
      const pending = this.queue.shift() as PendingJob;
      idle.current = pending;
      idle.worker.postMessage(pending.job);
    }
  }

  private spawn(): PoolWorker | undefined {
    if (this.workers.size >= this.size) return undefined;
    const entry: PoolWorker = { worker: new Worker(this.workerUrl, { workerData: this.setup }), ready: false, current: undefined };
    this.workers.add(entry);
    entry.worker.on('message', (message: WorkerMessage) => this.onMessage(entry, message));
    entry.worker.on('error', (error: Error) => this.onStopped(entry, error.message));
    entry.worker.on('exit', (code: number) => this.onStopped(entry, `it exited with code ${code}`));
    return entry;
  }

  private onMessage(entry: PoolWorker, message: WorkerMessage): void {
    if (message.kind === 'ready') {
      entry.ready = true;
      return;
    }
    const pending = entry.current;
    entry.current = undefined;
    pending?.resolve(message);
    this.dispatch();
  }

  /** 'error' and then 'exit' both arrive for a crash; only the first one counts. */
  private onStopped(entry: PoolWorker, why: string): void {
    if (!this.workers.delete(entry)) return;
    const pending = entry.current;
    entry.current = undefined;
    if (!entry.ready) {
      // Every worker loads the same modules: if one cannot, none can, and retrying would loop.
      if (pending) this.queue.unshift(pending);
      this.failEverything(new CodemodLoadError(`The codemods could not be loaded: ${why}`));
      return;
    }
    pending?.resolve({
      kind: 'failed',
      id: pending.job.id,
      failure: { kind: 'codemod', reason: `the worker running the codemods stopped while on this file: ${why}` },
      reports: [],
    });
    this.dispatch();
  }

  private failEverything(error: CodemodLoadError): void {
    this.loadError = error;
    const pending = [...this.queue.splice(0), ...[...this.workers].flatMap((entry) => (entry.current ? [entry.current] : []))];
    for (const job of pending) job.reject(error);
    void this.close();
  }
}
