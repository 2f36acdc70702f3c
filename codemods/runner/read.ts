// Reading one file and deciding, from its text alone, whether the codemods need to see it.
// Synchronous: a run reads its files one after the other on the main thread, where nothing else
// waits, and a promise chain per file cost more than the reading itself.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

import { latin1Suffices, longestHintBytes, mayUseSignalR } from '../../core/prefilter.js';
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

/**
 * The text check alone, for the first pass over every file: reads into one reused buffer, and asks
 * for the file's size only when it fills that buffer. `readForCodemods` reads the files that pass.
 * A file larger than `maxSize` fails only when it may use SignalR: a vendored bundle or generated
 * file without it is no reason to fail a run, and is searched a buffer at a time, never held whole.
 */
export function prefilterFile(path: string, maxSize: number, settings: SignalRSettings): 'prefiltered' | 'candidate' | Failure {
  let descriptor: number;
  try {
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return cannotRead(error).failure;
  }
  try {
    // Up to one byte more than --max-size, so that a larger file shows itself without being read whole.
    let length = readInto(descriptor, scratch, 0, Math.min(scratch.length, maxSize + 1));
    if (length === scratch.length || length > maxSize) {
      const { size } = fstatSync(descriptor);
      if (size > maxSize) return searchInChunks(descriptor, length, settings) ? tooLarge(size, maxSize).failure : 'prefiltered';
      if (size + 1 > scratch.length) scratch = Buffer.concat([scratch.subarray(0, length)], size + 1);
      length += readInto(descriptor, scratch, length, scratch.length);
    }
    return mayUseSignalR(scratch.toString(latin1Suffices(settings) ? 'latin1' : 'utf8', 0, length), settings) ? 'candidate' : 'prefiltered';
  } catch (error) {
    return cannotRead(error).failure;
  } finally {
    closeSync(descriptor);
  }
}

/**
 * `mayUseSignalR` over a file of any size, one `scratch` at a time, each chunk starting with the end
 * of the one before (a hint cut in two is whole in the next); `length` bytes of it are read already.
 */
function searchInChunks(descriptor: number, length: number, settings: SignalRSettings): boolean {
  const encoding = latin1Suffices(settings) ? 'latin1' : 'utf8';
  const carried = longestHintBytes(settings) - 1;
  let filled = length + readInto(descriptor, scratch, length, scratch.length);
  for (;;) {
    // A character cut at either end decodes as U+FFFD, and no hint starts inside one.
    if (mayUseSignalR(scratch.toString(encoding, 0, filled), settings)) return true;
    if (filled < scratch.length) return false;
    scratch.copy(scratch, 0, filled - carried, filled);
    const read = readInto(descriptor, scratch, carried, scratch.length);
    if (read === 0) return false;
    filled = carried + read;
  }
}

/** Reused by `prefilterFile`; grows to the largest file it had to read, up to --max-size. */
let scratch = Buffer.allocUnsafe(64 * 1024);

/** Reads from `descriptor` into `buffer` from `start` until `end` or the end of the file; returns the bytes read. */
function readInto(descriptor: number, buffer: Buffer, start: number, end: number): number {
  let length = start;
  for (let count = -1; count !== 0 && length < end; length += count) count = readSync(descriptor, buffer, length, end - length, null);
  return length - start;
}

export function readForCodemods(path: string, maxSize: number, settings: SignalRSettings): ReadOutcome {
  const read = readBytes(path, maxSize);
  if ('failure' in read) return { kind: 'failed', failure: read.failure };
  const { bytes, stamp } = read;
  // A lenient decode answers the prefilter even for a file in another encoding (the hints are ASCII):
  // such a file fails only when it could need a codemod.
  const searchable = bytes.toString(latin1Suffices(settings) ? 'latin1' : 'utf8');
  if (!mayUseSignalR(searchable, settings)) return { kind: 'prefiltered' };
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

function readBytes(path: string, maxSize: number): { readonly bytes: Buffer; readonly stamp: FileStamp } | { readonly failure: Failure } {
  let descriptor: number;
  try {
    // O_NONBLOCK: a FIFO that took the place of a file between discovery and now must not hang the run.
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return cannotRead(error);
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return failed('unreadable', 'is not a regular file.');
    if (stats.size > maxSize) return tooLarge(stats.size, maxSize);
    // As many bytes as fstat saw: a file that changes meanwhile no longer matches its stamp, and is
    // then not written.
    const bytes = Buffer.allocUnsafe(stats.size);
    const length = readInto(descriptor, bytes, 0, bytes.length);
    return { bytes: bytes.subarray(0, length), stamp: { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino } };
  } catch (error) {
    return cannotRead(error);
  } finally {
    closeSync(descriptor);
  }
}

function tooLarge(size: number, maxSize: number): { readonly kind: 'failed'; readonly failure: Failure } {
  return failed('too-large', `is ${size} bytes, larger than --max-size (${maxSize} bytes); raise --max-size or ignore the file.`);
}

function cannotRead(error: unknown): { readonly failure: Failure } {
  return { failure: { kind: 'unreadable', reason: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.` } };
}

function failed(kind: Failure['kind'], reason: string): { readonly kind: 'failed'; readonly failure: Failure } {
  return { kind: 'failed', failure: { kind, reason } };
}
