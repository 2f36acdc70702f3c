// The one-line progress display on a terminal. It redraws at most every REDRAW_MS, so thousands of
// prefiltered files cost a few writes, and it erases itself before the summary is printed.

export interface ProgressCounts {
  readonly done: number;
  readonly total: number;
  readonly changed: number;
  readonly failed: number;
}

export interface Progress {
  update(counts: ProgressCounts): void;
  /** Erases the line until the next update: call before printing anything to the same terminal. */
  clear(): void;
  /** Erases the line for good; call before printing the summary. */
  finish(): void;
}

export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): boolean;
}

const REDRAW_MS = 100;
const ERASE_LINE = '\r\u001b[2K';

const NO_PROGRESS: Progress = { update() {}, clear() {}, finish() {} };

/** A display on `stream` when it is a terminal and the user did not ask for silence; otherwise nothing. */
export function createProgress(stream: ProgressStream, options: { silent: boolean; changedLabel: string }): Progress {
  if (options.silent || !stream.isTTY) return NO_PROGRESS;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let drawn = false;
  let finished = false;
  const erase = (): void => {
    if (drawn) stream.write(ERASE_LINE);
    drawn = false;
  };
  return {
    update(counts) {
      if (finished) return;
      const now = Date.now();
      if (now - lastDraw < REDRAW_MS && counts.done < counts.total) return;
      lastDraw = now;
      drawn = true;
      stream.write(`${ERASE_LINE}${counts.done}/${counts.total} files · ${counts.changed} ${options.changedLabel} · ${counts.failed} failed`);
    },
    clear: erase,
    finish() {
      erase();
      finished = true;
    },
  };
}
