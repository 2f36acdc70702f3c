// Which files a run looks at: the files named on the command line as they are, and the files under
// the directories named there, minus what git ignores, dependencies, build output and --ignore-pattern.
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import type { Dirent } from 'node:fs';
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, relative, sep } from 'node:path';

import type { Failure } from './results.js';
import { byPath } from './results.js';

/** Directories never entered below a given path: dependencies, build output, version control. */
export const SKIPPED_DIRECTORIES: readonly string[] = ['node_modules', 'dist', 'build', 'out', '.next', 'coverage', '.git', '.hg', '.svn'];

export const DEFAULT_EXTENSIONS: readonly string[] = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts'];

export interface DiscoveryOptions {
  /** Absolute paths that exist. */
  readonly paths: readonly string[];
  /** Lower-case, with the dot. Applies to files found in directories, not to files named directly. */
  readonly extensions: readonly string[];
  /** .gitignore-syntax patterns, relative to `cwd`. */
  readonly ignorePatterns: readonly string[];
  readonly cwd: string;
}

export interface Discovery {
  /** Absolute, symlink-free, unique, sorted. */
  readonly files: readonly string[];
  /** Files that cannot be looked at (a symlink leading outside the given paths, not a regular file). */
  readonly failures: readonly { readonly path: string; readonly failure: Failure }[];
}

/** The rules of one .gitignore-style file, relative to its directory. */
interface IgnoreLayer {
  readonly base: string;
  readonly rules: Ignore;
}

interface PendingDirectory {
  readonly path: string;
  /** Shallowest first: a deeper .gitignore overrides a shallower one. */
  readonly layers: readonly IgnoreLayer[];
}

export async function discoverFiles(options: DiscoveryOptions): Promise<Discovery> {
  const roots = await Promise.all(options.paths.map((path) => realpath(path)));
  const files = new Set<string>();
  const failures: { path: string; failure: Failure }[] = [];
  const commandLineLayer: IgnoreLayer = { base: options.cwd, rules: ignore().add([...options.ignorePatterns]) };
  const extensions = new Set(options.extensions);
  const pending: PendingDirectory[] = [];

  for (const root of roots) {
    const stats = await stat(root);
    if (stats.isDirectory()) pending.push({ path: root, layers: await ancestorLayers(root, options.cwd) });
    else if (stats.isFile()) files.add(root);
    else failures.push({ path: root, failure: { kind: 'unreadable', reason: 'is not a regular file.' } });
  }

  for (let directory = pending.pop(); directory; directory = pending.pop()) {
    const layers = [...directory.layers, ...(await layerOf(directory.path, '.gitignore'))];
    let entries: Dirent[];
    try {
      entries = await readdir(directory.path, { withFileTypes: true });
    } catch (error) {
      const reason = `is a directory that cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); its files were not looked at.`;
      failures.push({ path: directory.path, failure: { kind: 'unreadable', reason } });
      continue;
    }
    for (const entry of entries) {
      const path = join(directory.path, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.includes(entry.name) && !isIgnored(commandLineLayer, layers, path, true)) {
          pending.push({ path, layers });
        }
        continue;
      }
      if (!extensions.has(extname(entry.name).toLowerCase()) || isIgnored(commandLineLayer, layers, path, false)) continue;
      if (entry.isFile()) files.add(path);
      else if (entry.isSymbolicLink()) {
        const failure = await outsideSymlinkFailure(path, roots);
        if (failure) failures.push({ path, failure });
      }
    }
  }
  return { files: [...files].sort(), failures: failures.sort(byPath) };
}

/**
 * Symlinks are not followed: one to a file inside the given paths is left to that file (so nothing is
 * transformed twice, and no rename replaces a link with a copy); one leading outside is named, since
 * the user may have expected it to be fixed. Links to directories and dangling links are passed over.
 */
async function outsideSymlinkFailure(path: string, roots: readonly string[]): Promise<Failure | undefined> {
  const target = await realpath(path).catch(() => undefined);
  const isFile = target !== undefined && (await stat(target).catch(() => undefined))?.isFile();
  if (!target || !isFile || roots.some((root) => contains(root, target))) return undefined;
  return { kind: 'symlink-outside', reason: `is a symbolic link to ${target}, outside the given paths; it was not followed.` };
}

function contains(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Deepest layer first; the first that ignores or explicitly re-includes the path decides, as in git. */
function isIgnored(commandLine: IgnoreLayer, layers: readonly IgnoreLayer[], path: string, isDirectory: boolean): boolean {
  for (const layer of [commandLine, ...[...layers].reverse()]) {
    const rel = relative(layer.base, path);
    if (!contains(layer.base, path) || rel === '') continue;
    const result = layer.rules.test(rel.split(sep).join('/') + (isDirectory ? '/' : ''));
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

async function layerOf(directory: string, file: string, base: string = directory): Promise<IgnoreLayer[]> {
  const text = await readFile(join(directory, file), 'utf8').catch(() => undefined);
  return text === undefined ? [] : [{ base, rules: ignore().add(text) }];
}

/**
 * The ignore rules that apply to `root` from above it: every `.gitignore` from the top of its git
 * work tree (with `.git/info/exclude`) down to its parent. Outside a work tree, the `.gitignore`
 * files from `cwd` down, so `src` and `.` agree about `src/`.
 */
async function ancestorLayers(root: string, cwd: string): Promise<IgnoreLayer[]> {
  const above: string[] = [];
  for (let directory = root; dirname(directory) !== directory; ) {
    directory = dirname(directory);
    above.push(directory);
  }
  const gitTop = [root, ...above].find((directory) => existsSync(join(directory, '.git')));
  const top = gitTop ?? (contains(cwd, root) ? cwd : root);
  const ancestors = above.slice(0, above.indexOf(top) + 1).reverse();
  const gitDirectory = gitTop && join(gitTop, '.git');
  const exclude = gitDirectory && statSync(gitDirectory).isDirectory() ? await layerOf(join(gitDirectory, 'info'), 'exclude', gitTop) : [];
  const gitignores = await Promise.all(ancestors.map((directory) => layerOf(directory, '.gitignore')));
  return [...exclude, ...gitignores.flat()];
}
