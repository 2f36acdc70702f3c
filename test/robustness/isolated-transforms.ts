// Runs codemods in a node process of their own, the way jscodeshift's workers run one transform each.
// In a shared process one transform's side effects (say, types it registers with ast-types for recast)
// would hide another's missing ones, and a codemod that crashes on its own would pass here.
//
// As a module: `transformInIsolation(codemods, files)`. As a process (spawned by it): reads a
// `WorkerRequest` as JSON on stdin and writes `TransformOutcome[]` as JSON on stdout.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { runTransform } from '../codemods/harness.js';
import type { SourceFile } from './inputs.js';

interface WorkerRequest {
  /** Applied in this order to each file, each to the previous one's output (as `signalr-codemod all` does). */
  readonly codemods: readonly string[];
  readonly files: readonly SourceFile[];
}

export interface TransformOutcome {
  readonly path: string;
  /** What the first pass threw (stack head). */
  readonly error?: string;
  /** The first pass's result, when it changed the file. */
  readonly output?: string;
  /** A second pass over `output`: what it threw, or its result when it changed `output` again. */
  readonly secondError?: string;
  readonly secondOutput?: string;
}

const THIS_FILE = fileURLToPath(import.meta.url);

/** Runs `codemods` (by registry name, loaded from source) over `files` in a fresh node process. */
export function transformInIsolation(codemods: readonly string[], files: readonly SourceFile[]): Promise<TransformOutcome[]> {
  const request: WorkerRequest = { codemods, files };
  return new Promise((resolvePromise, reject) => {
    // `--import tsx` resolves from the working directory: any folder of the repository will do.
    const child = spawn(process.execPath, ['--import', 'tsx', THIS_FILE], { cwd: dirname(THIS_FILE), stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`the transform process for ${codemods.join(', ')} exited with ${code}:\n${Buffer.concat(stderr).toString('utf8')}`));
        return;
      }
      resolvePromise(JSON.parse(Buffer.concat(stdout).toString('utf8')) as TransformOutcome[]);
    });
    child.stdin.end(JSON.stringify(request));
  });
}

type Transform = Parameters<typeof runTransform>[0];

async function applyAll(transforms: readonly Transform[], path: string, source: string): Promise<string | undefined> {
  let current = source;
  for (const transform of transforms) {
    const { output } = await runTransform(transform, path, current);
    if (typeof output === 'string') current = output;
  }
  return current === source ? undefined : current;
}

function stackHead(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 8).join('\n') : String(error);
}

async function serve(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as WorkerRequest;
  const transforms = await Promise.all(
    request.codemods.map(async (name) => ((await import(`../../codemods/${name}.js`)) as { default: Transform }).default),
  );
  const outcomes: TransformOutcome[] = [];
  for (const file of request.files) {
    let output: string | undefined;
    try {
      output = await applyAll(transforms, file.path, file.text);
    } catch (error) {
      outcomes.push({ path: file.path, error: stackHead(error) });
      continue;
    }
    if (output === undefined) {
      outcomes.push({ path: file.path });
      continue;
    }
    try {
      const secondOutput = await applyAll(transforms, file.path, output);
      outcomes.push({ path: file.path, output, ...(secondOutput !== undefined && { secondOutput }) });
    } catch (error) {
      outcomes.push({ path: file.path, output, secondError: stackHead(error) });
    }
  }
  process.stdout.write(JSON.stringify(outcomes));
}

if (process.argv[1] && resolve(process.argv[1]) === THIS_FILE) await serve();
