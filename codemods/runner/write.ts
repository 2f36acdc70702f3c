// Atomic replacement of a file's content: a reader (an editor, a watcher, a crash half-way) sees
// the old file or the new one, never a truncated mix.
import { constants } from 'node:fs';
import { access, lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import type { FileStamp } from './read.js';

/** Why a file could not be replaced; the file is unchanged. */
export class WriteError extends Error {
  override name = 'WriteError';
}

let temporaryFiles = 0;

/**
 * Writes `text` to a temporary file next to `path` (same directory, so the rename cannot cross file
 * systems), gives it the original's mode (and, when running as root, its owner), then renames it
 * over `path`.
 */
export async function writeAtomically(path: string, text: string, stamp: FileStamp): Promise<void> {
  const stats = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    throw new WriteError(`cannot be written: it is gone (${error.code ?? error.message}).`);
  });
  if (!stats.isFile() || stats.ino !== stamp.ino || stats.size !== stamp.size || stats.mtimeMs !== stamp.mtimeMs) {
    throw new WriteError('cannot be written: it changed on disk while the codemods ran; run again.');
  }
  const mode = stats.mode & 0o7777;
  // rename() never asks the file itself for permission, and root passes every permission check: a
  // file nobody may write is a statement by its owner that we honour ourselves.
  if ((mode & 0o222) === 0) {
    throw new WriteError(`cannot be written: it is read-only (mode ${mode.toString(8)}); make it writable to let the codemods change it.`);
  }
  await access(path, constants.W_OK).catch((error: NodeJS.ErrnoException) => {
    throw new WriteError(`cannot be written: ${error.code ?? error.message}.`);
  });
  // Unique within this process by the counter, across processes by the pid; `wx` refuses to reuse a
  // name some crash left behind.
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${temporaryFiles++}.signalr-codemod.tmp`);
  const failure = (error: unknown): WriteError =>
    new WriteError(`cannot be written: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message} while replacing it through a temporary file in its directory.`);
  const handle = await open(temporary, 'wx', mode).catch((error: unknown) => {
    throw failure(error);
  });
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.chmod(mode); // open()'s mode went through the umask
      if (process.getuid?.() === 0 && (stats.uid !== 0 || stats.gid !== 0)) await handle.chown(stats.uid, stats.gid);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    // Only what this run created: a file of that name it could not create is someone else's.
    await unlink(temporary).catch(() => undefined);
    throw failure(error);
  }
}

/** Creates `path` with `text`, and the folders it needs (`--helpers-module` may name a new one); fails (WriteError) if something is already there. */
export async function writeNewFile(path: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    const handle = await open(path, 'wx', 0o666);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new WriteError(`cannot be created: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}
