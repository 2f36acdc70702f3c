// Messages between the CLI's main thread and its codemod workers (structured-clone data only).
import type { SignalRSettings } from '../../core/settings.js';
import type { Failure } from './results.js';

/** A codemod as the workers load it: its registry name and the URL of its built module. */
export interface CodemodModule {
  readonly name: string;
  readonly url: string;
}

/** `workerData`: what every worker loads once, and the options every transform receives. */
export interface WorkerSetup {
  readonly codemods: readonly CodemodModule[];
  readonly settings: SignalRSettings;
  /** The codemods' own options, by the key the transforms read (`restartOnClose`). */
  readonly codemodOptions: Readonly<Record<string, boolean | string>>;
}

/** One file to transform; `source` has no byte-order mark. */
export interface WorkerJob {
  readonly id: number;
  readonly path: string;
  readonly source: string;
}

/** An `api.report` message and the codemod that sent it. */
export interface WorkerReport {
  readonly codemod: string;
  readonly message: string;
}

/** What running the codemods on one text gave, wherever they ran. */
export type TransformReply =
  | {
      readonly kind: 'done';
      /** The text after every codemod ran; undefined when none changed it. */
      readonly output: string | undefined;
      readonly changedBy: readonly string[];
      /** Those of `changedBy` whose change called generated helpers not called before. */
      readonly helpersBy: readonly string[];
      readonly reports: readonly WorkerReport[];
    }
  | {
      readonly kind: 'failed';
      readonly failure: Failure;
      readonly reports: readonly WorkerReport[];
    };

export type WorkerReply = TransformReply & { readonly id: number };

/** Sent once a worker has loaded every codemod, before it answers any job. */
export interface WorkerReady {
  readonly kind: 'ready';
}

export type WorkerMessage = WorkerReply | WorkerReady;

/** The codemods could not even be loaded: nothing can run. */
export class CodemodLoadError extends Error {
  override name = 'CodemodLoadError';
}
