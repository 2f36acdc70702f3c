// A codemod worker thread: loads the selected codemods once, then runs them on each file the main
// thread sends (codemods/runner/transform.ts).
import { parentPort, workerData } from 'node:worker_threads';

import type { TransformOptions } from '../utils/source.js';
import type { WorkerJob, WorkerMessage, WorkerSetup } from './protocol.js';
import { loadCodemods, transformFile } from './transform.js';

const port = parentPort;
if (!port) throw new Error('codemods/runner/worker.js runs only as a worker thread.');
const setup = workerData as WorkerSetup;
const options: TransformOptions = { ...setup.codemodOptions, signalrSettings: setup.settings };
const codemods = await loadCodemods(setup.codemods);

port.on('message', (job: WorkerJob) => {
  void transformFile(codemods, job.path, job.source, options).then((reply) => port.postMessage({ ...reply, id: job.id } satisfies WorkerMessage));
});
port.postMessage({ kind: 'ready' } satisfies WorkerMessage);
