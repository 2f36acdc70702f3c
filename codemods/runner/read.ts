// Reading one file and deciding, from its text alone, whether the codemods need to see it.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

import { mayUseSignalR } from '../../core/prefilter.js';
import type { SignalRSettings } from '../../core/settings.js';
import type { Failure } from './results.js';

/** What the file looked like when read; a write is refused if it no longer looks like this. */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

export type ReadOutcome =
  | { readonly kind: 'prefiltered' }
  | { readonly kind: 'failed'; readonly failure: Failure }
  | {
      readonly kind: 'candidate';
      /** The text without a byte-order mark (`bom` says whether to put it back). */
      readonly source: string;
      readonly bom: boolean;
      readonly stamp: FileStamp;
    };

const BOM = '\uFEFF';
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export async function readForCodemods(path: string, maxSize: number, settings: SignalRSettings): Promise<ReadOutcome> {
  let bytes: Buffer;
  let stamp: FileStamp;
  try {
    // O_NONBLOCK: a FIFO that took the place of a file between discovery and now must not hang the run.
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) return failed('unreadable', 'is not a regular file.');
      if (stats.size > maxSize) {
        return failed('too-large', `is ${stats.size} bytes, larger than --max-size (${maxSize} bytes); raise --max-size or ignore the file.`);
      }
      stamp = { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    return failed('unreadable', `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  // The hints are ASCII, so a lenient decode answers the prefilter even for a file in another
  // encoding: such a file fails only when it could need a codemod.
  if (!mayUseSignalR(bytes.toString('utf8'), settings)) return { kind: 'prefiltered' };
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return failed('encoding', 'is not valid UTF-8; convert it to UTF-8 to let the codemods read it.');
  }
  const bom = text.startsWith(BOM);
  return { kind: 'candidate', source: bom ? text.slice(BOM.length) : text, bom, stamp };
}

/** The bytes to write back for a transformed text, with the byte-order mark the file had. */
export function textToWrite(source: string, bom: boolean): string {
  return bom ? BOM + source : source;
}

function failed(kind: Failure['kind'], reason: string): ReadOutcome {
  return { kind: 'failed', failure: { kind, reason } };
}
