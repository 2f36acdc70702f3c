// What a run tells the user: unified diffs, the human summary, and the JSON report. Paths are shown
// relative to the directory the command ran in, with `/` separators on every platform.
//
// Results stream: each file's diff or JSON entry is written when the file is done, and only what the
// summary lists (changed paths, skips, failures) is kept, so a run over a huge tree holds no report
// in memory.
import { relative, sep } from 'node:path';

import type { ChangedFile, FailureKind, FileResult, Skip } from './results.js';
import type { RunCounts } from './run.js';

/** write: change files; dry: write nothing; check: write nothing, and changes fail the run. */
export type Mode = 'write' | 'dry' | 'check';

export interface ReportContext {
  readonly mode: Mode;
  readonly codemods: readonly string[];
  readonly cwd: string;
}

export interface OutputStream {
  write(text: string): unknown;
}

export interface ReportOptions extends ReportContext {
  /** A JSON report on stdout. */
  readonly json: boolean;
  /** Diffs on stdout (inside the JSON report with `json`). */
  readonly print: boolean;
  readonly stdout: OutputStream;
  /** Called before anything is written to stdout (to erase a progress line sharing the terminal). */
  readonly beforeOutput?: () => void;
}

export function displayPath(path: string, cwd: string): string {
  return relative(cwd, path).split(sep).join('/') || '.';
}

type Diff = typeof import('diff');
let diffModule: Promise<Diff> | undefined;

/** A git-style unified diff (`--- a/…`, `+++ b/…`) of one changed file. `diff` is loaded with the first. */
async function diffOf(file: ChangedFile, cwd: string): Promise<string> {
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await (diffModule ??= import('diff'));
  const path = displayPath(file.path, cwd);
  return createTwoFilesPatch(file.created ? '/dev/null' : `a/${path}`, `b/${path}`, file.before, file.after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
}

/** The `--json` report. `version` changes only when a field changes meaning or disappears. */
export interface JsonReport {
  readonly version: 1;
  readonly mode: Mode;
  readonly codemods: readonly string[];
  /** Every parsed or failed file, sorted by path; files the prefilter left out are not listed. */
  readonly files: readonly JsonFile[];
  /** After `files`: it is known only once they are all done. */
  readonly summary: JsonSummary;
}

export interface JsonSummary {
  readonly scanned: number;
  readonly prefilteredOut: number;
  readonly parsed: number;
  /** Files changed, or that would change with --dry/--check. */
  readonly changed: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly failed: number;
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

/** Receives a run's files in path order and writes what was asked for as they come. */
export class RunReport {
  /** Display paths of the files changed (or that would change). */
  readonly changed: string[] = [];
  /** `path: reason` of every failed file. */
  readonly failures: string[] = [];
  private readonly skips: string[] = [];
  private unchanged = 0;
  private jsonEntries = 0;
  private jsonStarted = false;

  constructor(private readonly options: ReportOptions) {}

  async add(file: FileResult): Promise<void> {
    const path = displayPath(file.path, this.options.cwd);
    for (const skip of file.skips) this.skips.push(`${skip.line === undefined ? path : `${path}:${skip.line}:${skip.column ?? 1}`}: ${skip.codemod}: ${skip.reason}`);
    if (file.status === 'changed') this.changed.push(path);
    else if (file.status === 'failed') this.failures.push(`${path}: ${file.failure.reason}`);
    else this.unchanged++;
    const diff = file.status === 'changed' && (this.options.json || this.options.print) ? await diffOf(file, this.options.cwd) : undefined;
    if (this.options.json) {
      const entry: JsonFile = {
        path,
        status: file.status,
        changedBy: file.changedBy,
        skipped: file.skips,
        ...(diff !== undefined && { diff }),
        ...(file.status === 'failed' && { failure: file.failure }),
      };
      this.startJson();
      this.output(`${this.jsonEntries++ === 0 ? '' : ','}\n    ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n    ')}`);
    } else if (diff !== undefined) this.output(diff);
  }

  /** Closes the JSON report; returns the human summary (for stdout, or stderr when stdout holds JSON). */
  finish(counts: RunCounts): string {
    const summary: JsonSummary = {
      ...counts,
      changed: this.changed.length,
      unchanged: this.unchanged,
      skipped: this.skips.length,
      failed: this.failures.length,
    };
    if (this.options.json) {
      this.startJson();
      this.output(`${this.jsonEntries === 0 ? '' : '\n  '}],\n  "summary": ${JSON.stringify(summary, null, 2).replace(/\n/g, '\n  ')}\n}\n`);
    }
    return this.summaryText(summary);
  }

  /** Written with the first file, so that a run that cannot start leaves stdout empty. */
  private startJson(): void {
    if (this.jsonStarted) return;
    this.jsonStarted = true;
    const { mode, codemods } = this.options;
    this.output(`{\n  "version": 1,\n  "mode": ${JSON.stringify(mode)},\n  "codemods": ${JSON.stringify(codemods)},\n  "files": [`);
  }

  private summaryText(summary: JsonSummary): string {
    const { mode, codemods } = this.options;
    const rows: [string, number][] = [
      ['files scanned', summary.scanned],
      ['prefiltered out', summary.prefilteredOut],
      ['parsed', summary.parsed],
      [mode === 'write' ? 'changed' : 'would change', summary.changed],
      ['changes skipped', summary.skipped],
      ['failed', summary.failed],
    ];
    const width = Math.max(...rows.map(([label]) => label.length)) + 1;
    const digits = Math.max(...rows.map(([, count]) => String(count).length));
    const lines = [`signalr-codemod ${codemods.join(', ')}: ${MODE_TITLES[mode]}`];
    for (const [label, count] of rows) lines.push(`  ${`${label}:`.padEnd(width)} ${String(count).padStart(digits)}`);
    if (this.skips.length > 0) lines.push('', 'Skipped (left as they were):', ...this.skips.map((line) => `  ${line}`));
    if (this.failures.length > 0) lines.push('', 'Failed (left untouched):', ...this.failures.map((line) => `  ${line}`));
    return `${lines.join('\n')}\n`;
  }

  private output(text: string): void {
    this.options.beforeOutput?.();
    this.options.stdout.write(text);
  }
}

const MODE_TITLES: Readonly<Record<Mode, string>> = {
  write: 'changes written',
  dry: 'dry run, nothing written',
  check: 'check, nothing written',
};
