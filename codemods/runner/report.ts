// What a run tells the user: unified diffs, the human summary, and the JSON report. Paths are shown
// relative to the directory the command ran in, with `/` separators on every platform.
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { relative, sep } from 'node:path';

import type { ChangedFile, FailedFile, FailureKind, FileResult, RunResult, Skip } from './results.js';

/** write: change files; dry: write nothing; check: write nothing, and changes fail the run. */
export type Mode = 'write' | 'dry' | 'check';

export interface ReportContext {
  readonly mode: Mode;
  readonly codemods: readonly string[];
  readonly cwd: string;
}

export function displayPath(path: string, cwd: string): string {
  return relative(cwd, path).split(sep).join('/') || '.';
}

/** A git-style unified diff (`--- a/…`, `+++ b/…`) of one changed file. */
export function diffOf(file: ChangedFile, cwd: string): string {
  const path = displayPath(file.path, cwd);
  return createTwoFilesPatch(file.created ? '/dev/null' : `a/${path}`, `b/${path}`, file.before, file.after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
}

export function formatDiffs(result: RunResult, cwd: string): string {
  return changedFiles(result)
    .map((file) => diffOf(file, cwd))
    .join('');
}

/** One line per failed file: `path: reason`. */
export function formatFailures(result: RunResult, cwd: string): string {
  return failedFiles(result)
    .map((file) => `${displayPath(file.path, cwd)}: ${file.failure.reason}\n`)
    .join('');
}

export function formatSummary(result: RunResult, context: ReportContext): string {
  const changedLabel = context.mode === 'write' ? 'changed' : 'would change';
  const failed = failedFiles(result);
  const skipped = result.files.flatMap((file) => file.skips.map((skip) => ({ file, skip })));
  const counts: [string, number][] = [
    ['files scanned', result.scanned],
    ['prefiltered out', result.prefilteredOut],
    ['parsed', result.parsed],
    [changedLabel, changedFiles(result).length],
    ['changes skipped', skipped.length],
    ['failed', failed.length],
  ];
  const width = Math.max(...counts.map(([label]) => label.length)) + 1;
  const digits = Math.max(...counts.map(([, count]) => String(count).length));
  const lines = [`signalr-codemod ${context.codemods.join(', ')}: ${MODE_TITLES[context.mode]}`];
  for (const [label, count] of counts) lines.push(`  ${`${label}:`.padEnd(width)} ${String(count).padStart(digits)}`);
  if (skipped.length > 0) {
    lines.push('', 'Skipped (left as they were):');
    for (const { file, skip } of skipped) lines.push(`  ${skipLocation(file, skip, context.cwd)}: ${skip.codemod}: ${skip.reason}`);
  }
  if (failed.length > 0) {
    lines.push('', 'Failed (left untouched):');
    for (const file of failed) lines.push(`  ${displayPath(file.path, context.cwd)}: ${file.failure.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

const MODE_TITLES: Readonly<Record<Mode, string>> = {
  write: 'changes written',
  dry: 'dry run, nothing written',
  check: 'check, nothing written',
};

function skipLocation(file: FileResult, skip: Skip, cwd: string): string {
  const path = displayPath(file.path, cwd);
  return skip.line === undefined ? path : `${path}:${skip.line}:${skip.column ?? 1}`;
}

/** The `--json` report. `version` changes only when a field changes meaning or disappears. */
export interface JsonReport {
  readonly version: 1;
  readonly mode: Mode;
  readonly codemods: readonly string[];
  readonly summary: {
    readonly scanned: number;
    readonly prefilteredOut: number;
    readonly parsed: number;
    /** Files changed, or that would change with --dry/--check. */
    readonly changed: number;
    readonly unchanged: number;
    readonly skipped: number;
    readonly failed: number;
  };
  /** Every parsed or failed file, sorted by path; files the prefilter left out are not listed. */
  readonly files: readonly JsonFile[];
}

export interface JsonFile {
  readonly path: string;
  readonly status: FileResult['status'];
  /** Codemods that changed the file (or would have), in the order they ran. */
  readonly changedBy: readonly string[];
  readonly skipped: readonly Skip[];
  /** Present when status is `changed`: the unified diff. */
  readonly diff?: string;
  /** Present when status is `failed`. */
  readonly failure?: { readonly kind: FailureKind; readonly reason: string };
}

export function toJsonReport(result: RunResult, context: ReportContext): JsonReport {
  return {
    version: 1,
    mode: context.mode,
    codemods: context.codemods,
    summary: {
      scanned: result.scanned,
      prefilteredOut: result.prefilteredOut,
      parsed: result.parsed,
      changed: changedFiles(result).length,
      unchanged: result.files.filter((file) => file.status === 'unchanged').length,
      skipped: result.files.reduce((sum, file) => sum + file.skips.length, 0),
      failed: failedFiles(result).length,
    },
    files: result.files.map((file) => ({
      path: displayPath(file.path, context.cwd),
      status: file.status,
      changedBy: file.changedBy,
      skipped: file.skips,
      ...(file.status === 'changed' ? { diff: diffOf(file, context.cwd) } : {}),
      ...(file.status === 'failed' ? { failure: file.failure } : {}),
    })),
  };
}

export function changedFiles(result: RunResult): ChangedFile[] {
  return result.files.filter((file): file is ChangedFile => file.status === 'changed');
}

export function failedFiles(result: RunResult): FailedFile[] {
  return result.files.filter((file): file is FailedFile => file.status === 'failed');
}
