// What a run found out about each file, in the shape the summary, the JSON report and the exit code
// are computed from.

/** Why a file was left untouched against the user's wish; every kind makes the run exit 2. */
export type FailureKind =
  | 'unreadable'
  | 'too-large'
  | 'encoding'
  | 'symlink-outside'
  | 'syntax'
  | 'codemod'
  | 'write';

export interface Failure {
  readonly kind: FailureKind;
  /** A sentence for the user: what is wrong with the file and, where it helps, what to do. */
  readonly reason: string;
}

/** A change a codemod chose not to make, from its `api.report` (`reportSkip`'s format when it fits). */
export interface Skip {
  readonly codemod: string;
  readonly line?: number;
  readonly column?: number;
  readonly reason: string;
}

interface FileResultBase {
  /** Absolute, symlink-free path. */
  readonly path: string;
  /** Codemods that changed the file (or would have, in a dry run), in the order they ran. */
  readonly changedBy: readonly string[];
  readonly skips: readonly Skip[];
}

export interface ChangedFile extends FileResultBase {
  readonly status: 'changed';
  readonly before: string;
  readonly after: string;
  /** A file the run creates (the generated helpers module). */
  readonly created?: boolean;
}

export interface UnchangedFile extends FileResultBase {
  readonly status: 'unchanged';
}

export interface FailedFile extends FileResultBase {
  readonly status: 'failed';
  readonly failure: Failure;
}

/** Every file that was parsed, and every file that failed before or after parsing (prefiltered-out files have none). */
export type FileResult = ChangedFile | UnchangedFile | FailedFile;

/** Orders by path, code unit by code unit: the same order on every machine, whatever its locale. */
export function byPath(a: { readonly path: string }, b: { readonly path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

// `reportSkip` in codemods/utils/source.ts writes `<path>:<line>:<column>: skipped: <reason>`.
const SKIP_REPORT = /^(?<path>.*):(?<line>\d+):(?<column>\d+): skipped: (?<reason>[\s\S]*)$/;

/** Turns one `api.report` message into a Skip; a message in another shape is kept whole as the reason. */
export function skipFromReport(codemod: string, path: string, message: string): Skip {
  const match = SKIP_REPORT.exec(message);
  if (!match?.groups || match.groups['path'] !== path) return { codemod, reason: message };
  return {
    codemod,
    line: Number(match.groups['line']),
    column: Number(match.groups['column']),
    reason: match.groups['reason'] ?? '',
  };
}
