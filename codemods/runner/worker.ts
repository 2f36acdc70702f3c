// A codemod worker thread: loads the selected codemods once, then runs them, in order, on each file
// the main thread sends, each codemod on the previous one's output. It never touches the file
// system: the main thread reads, checks and writes, so a failing codemod cannot leave a file half done.
import { TSError } from '@typescript-eslint/typescript-estree';
import type { API, Transform } from 'jscodeshift';
import jscodeshift from 'jscodeshift';
import { parentPort, workerData } from 'node:worker_threads';

import type { TransformOptions } from '../utils/source.js';
import { parserFor } from '../utils/parser.js';
import type { CodemodModule, WorkerJob, WorkerMessage, WorkerReply, WorkerReport, WorkerSetup } from './protocol.js';
import type { Failure } from './results.js';

interface LoadedCodemod {
  readonly name: string;
  readonly transform: Transform;
}

const port = parentPort;
if (!port) throw new Error('codemods/runner/worker.js runs only as a worker thread.');
const setup = workerData as WorkerSetup;
const options: TransformOptions = { ...setup.codemodOptions, signalrSettings: setup.settings };
const codemods = await Promise.all(setup.codemods.map(loadCodemod));

port.on('message', (job: WorkerJob) => {
  void transformFile(job).then((reply) => port.postMessage(reply satisfies WorkerMessage));
});
port.postMessage({ kind: 'ready' } satisfies WorkerMessage);

async function loadCodemod(codemod: CodemodModule): Promise<LoadedCodemod> {
  const module = (await import(codemod.url)) as { default?: unknown };
  if (typeof module.default !== 'function') {
    throw new Error(`${codemod.url} does not default-export a jscodeshift transform.`);
  }
  return { name: codemod.name, transform: module.default as Transform };
}

async function transformFile(job: WorkerJob): Promise<WorkerReply> {
  const reports: WorkerReport[] = [];
  const changedBy: string[] = [];
  let source = job.source;
  for (const { name, transform } of codemods) {
    const api = apiFor(job.path, (message) => reports.push({ codemod: name, message }));
    try {
      const output = await transform({ path: job.path, source }, api, options);
      if (typeof output === 'string' && output !== source) {
        source = output;
        changedBy.push(name);
      }
    } catch (error) {
      return { kind: 'failed', id: job.id, failure: describeError(name, error), reports };
    }
  }
  if (changedBy.length === 0) return { kind: 'done', id: job.id, output: undefined, changedBy, reports };
  // A codemod bug must not turn a user's file into one that no longer parses.
  try {
    parserFor(job.path).parse(source);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const reason = `${changedBy.join(', ')} produced code that does not parse (${detail}); the file was left as it was.`;
    return { kind: 'failed', id: job.id, failure: { kind: 'codemod', reason }, reports };
  }
  return { kind: 'done', id: job.id, output: source, changedBy, reports };
}

/** The `api` jscodeshift hands a transform, with the parser chosen by file extension. */
function apiFor(path: string, report: (message: string) => void): API {
  const j = jscodeshift.withParser(parserFor(path));
  return { j, jscodeshift: j, stats: () => {}, report };
}

function describeError(codemod: string, error: unknown): Failure {
  if (error instanceof TSError) {
    const { line, column } = error.location.start;
    return { kind: 'syntax', reason: `does not parse: ${error.message} (${line}:${column + 1})` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'codemod', reason: `${codemod} failed: ${message}` };
}
