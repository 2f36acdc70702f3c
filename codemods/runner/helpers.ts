// The run's last step when codemods called generated helpers: the files that import them (under the
// placeholder of codemods/utils/helpers.ts) are written only now, once codemods/utils/shared-helpers.ts
// has decided where the helpers live: one module for the project, or the single file that needs them.
import { lstat } from 'node:fs/promises';
import { resolve } from 'node:path';

import { SHARED_HELPERS_SPECIFIER } from '../utils/helpers.js';
import { HELPERS_MODULE_OPTION, optionKey } from './command-line.js';
import { settleSharedHelpers } from '../utils/shared-helpers.js';
import type { CodemodModule } from './protocol.js';
import type { FileStamp } from './read.js';
import { textToWrite } from './read.js';
import type { ChangedFile, FileResult, Skip } from './results.js';
import { byPath } from './results.js';
import { formatWithProjectPrettier } from '../utils/format.js';
import { WriteError, writeAtomically, writeNewFile } from './write.js';

/** A changed file whose write waits for the helpers to be settled. */
export interface PendingWrite {
  readonly path: string;
  readonly bom: boolean;
  readonly stamp: FileStamp;
  /** The codemods whose change to it called new helpers: they are the ones that change the helpers module. */
  readonly helpersBy: readonly string[];
}

export interface HelperRunOptions {
  /** The run's codemods, in the order they run. */
  readonly codemods: readonly Pick<CodemodModule, 'name'>[];
  readonly write: boolean;
  readonly format?: boolean;
  readonly cwd: string;
  readonly codemodOptions: Readonly<Record<string, boolean | string>>;
}

/** The transform key of the option that says where the helpers module goes. */
const HELPERS_MODULE_KEY = optionKey(HELPERS_MODULE_OPTION);

export function needsHelpers(output: string): boolean {
  return output.includes(SHARED_HELPERS_SPECIFIER);
}

/** The run's results with the pending files settled (and written), plus the helpers module if one was written. */
export async function settleHelpers(files: readonly FileResult[], pending: readonly PendingWrite[], options: HelperRunOptions): Promise<FileResult[]> {
  const byPending = new Map(pending.map((entry) => [entry.path, entry]));
  const changed = files.filter((file): file is ChangedFile => file.status === 'changed' && byPending.has(file.path));
  const configured = options.codemodOptions[HELPERS_MODULE_KEY];
  const settled = settleSharedHelpers(
    changed.map((file) => ({ path: file.path, text: file.after })),
    typeof configured === 'string' ? { modulePath: resolve(options.cwd, configured) } : {},
  );
  const results: FileResult[] = files.filter((file) => !(changed as readonly FileResult[]).includes(file));
  for (const file of changed) {
    const { after, skip } = await formatted(file.path, settled.texts.get(file.path) ?? file.after, options.format);
    const notes = settled.notes.filter((note) => note.path === file.path).map((note) => ({ codemod: 'helpers', reason: note.reason }));
    const result: ChangedFile = { ...file, after, skips: [...file.skips, ...notes, ...(skip ? [skip] : [])] };
    results.push(options.write ? await write(result, byPending.get(file.path)!) : result);
  }
  // The module is changed by the codemods whose changes called the helpers, in run order.
  const changedBy = options.codemods.filter((codemod) => pending.some((entry) => entry.helpersBy.includes(codemod.name))).map((codemod) => codemod.name);
  for (const module of settled.modules) {
    const { after } = await formatted(module.path, module.text, options.format);
    const result: ChangedFile = { status: 'changed', path: module.path, changedBy, skips: [], before: module.before, after, created: module.before === '' };
    results.push(options.write ? await writeModule(result) : result);
  }
  return results.sort(byPath);
}

async function write(file: ChangedFile, pending: PendingWrite): Promise<FileResult> {
  try {
    await writeAtomically(file.path, textToWrite(file.after, pending.bom), pending.stamp);
    return file;
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    return { status: 'failed', path: file.path, changedBy: file.changedBy, skips: file.skips, failure: { kind: 'write', reason: error.message } };
  }
}

async function writeModule(file: ChangedFile): Promise<FileResult> {
  try {
    if (file.created) await writeNewFile(file.path, file.after);
    else {
      const stats = await lstat(file.path);
      await writeAtomically(file.path, file.after, { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino });
    }
    return file;
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    return { status: 'failed', path: file.path, changedBy: file.changedBy, skips: [], failure: { kind: 'write', reason: error.message } };
  }
}

/** With --format, `text` as the project's Prettier formats it, and a skip saying why not when it could not. */
export async function formatted(path: string, text: string, format: boolean | undefined): Promise<{ after: string; skip?: Skip }> {
  if (!format) return { after: text };
  const result = await formatWithProjectPrettier(path, text);
  return result.problem ? { after: result.text, skip: { codemod: 'format', reason: result.problem } } : { after: result.text };
}
