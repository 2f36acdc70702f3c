// Which files a run looks at: the files named on the command line as they are, and the files under
// the directories named there, minus what git ignores, dependencies, build output and --ignore-pattern.
//
// Synchronous on purpose: nothing else runs while the tree is walked, and one `readdir` per directory
// with no promise per entry is several times faster than the asynchronous walk it replaced. A
// directory's `.gitignore` is read only when its listing shows one.
import type { Ignore } from 'ignore';
import type { Dirent } from 'node:fs';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

import type { Failure } from './results.js';
import { byPath } from './results.js';

/** Directories never entered below a given path: dependencies, build output, version control. */
export const SKIPPED_DIRECTORIES: readonly string[] = ['node_modules', 'dist', 'build', 'out', '.next', 'coverage', '.git', '.hg', '.svn'];

/** Scripts, and Vue components (their script blocks). HTML, Razor and Web Forms pages only on request. */
export const DEFAULT_EXTENSIONS: readonly string[] = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts', '.vue'];

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
  /** The directory the patterns are relative to, with a trailing separator. */
  readonly base: string;
  readonly rules: Ignore;
}

interface PendingDirectory {
  readonly path: string;
  /** Shallowest first: a deeper .gitignore overrides a shallower one. */
  readonly layers: readonly IgnoreLayer[];
}

const SKIPPED = new Set(SKIPPED_DIRECTORIES);

export function discoverFiles(options: DiscoveryOptions): Discovery {
  const roots = options.paths.map((path) => realpathSync(path));
  const files = new Set<string>();
  const failures: { path: string; failure: Failure }[] = [];
  const commandLine = options.ignorePatterns.length > 0 ? [layer(options.cwd, [...options.ignorePatterns])] : [];
  const extensions = new Set(options.extensions);
  const pending: PendingDirectory[] = [];

  for (const root of roots) {
    const stats = statSync(root);
    if (stats.isDirectory()) pending.push({ path: root, layers: ancestorLayers(root, options.cwd) });
    else if (stats.isFile()) files.add(root);
    else failures.push({ path: root, failure: { kind: 'unreadable', reason: 'is not a regular file.' } });
  }

  for (let directory = pending.pop(); directory; directory = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(directory.path, { withFileTypes: true });
    } catch (error) {
      const reason = `is a directory that cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); its files were not looked at.`;
      failures.push({ path: directory.path, failure: { kind: 'unreadable', reason } });
      continue;
    }
    const gitignore = entries.some((entry) => entry.name === '.gitignore' && !entry.isDirectory()) ? layerOf(directory.path, '.gitignore') : [];
    const layers = gitignore.length > 0 ? [...directory.layers, ...gitignore] : directory.layers;
    // Deepest first: the first layer that ignores or explicitly re-includes a path decides, as in git.
    const deciding = [...commandLine, ...[...layers].reverse()];
    const prefix = directory.path.endsWith(sep) ? directory.path : directory.path + sep;
    for (const entry of entries) {
      const path = prefix + entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name) && !isIgnored(deciding, path, true)) pending.push({ path, layers });
        continue;
      }
      if (!extensions.has(extensionOf(entry.name)) || isIgnored(deciding, path, false)) continue;
      if (entry.isFile()) files.add(path);
      else if (entry.isSymbolicLink()) {
        const failure = outsideSymlinkFailure(path, roots);
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
function outsideSymlinkFailure(path: string, roots: readonly string[]): Failure | undefined {
  let target: string;
  try {
    target = realpathSync(path);
    if (!statSync(target).isFile()) return undefined;
  } catch {
    return undefined;
  }
  if (roots.some((root) => contains(root, target))) return undefined;
  return { kind: 'symlink-outside', reason: `is a symbolic link to ${target}, outside the given paths; it was not followed.` };
}

/** Lower-case, with the dot, as `path.extname` would give it. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

function contains(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function isIgnored(deciding: readonly IgnoreLayer[], path: string, isDirectory: boolean): boolean {
  for (const { base, rules } of deciding) {
    if (!path.startsWith(base)) continue;
    const rel = path.slice(base.length);
    const result = rules.test((sep === '/' ? rel : rel.split(sep).join('/')) + (isDirectory ? '/' : ''));
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

function layerOf(directory: string, file: string, base: string = directory): IgnoreLayer[] {
  let text: string;
  try {
    text = readFileSync(join(directory, file), 'utf8');
  } catch {
    return [];
  }
  return [layer(base, text)];
}

type IgnoreFactory = (options?: object) => Ignore;
let ignoreFactory: IgnoreFactory | undefined;

/** `ignore` is loaded with the first rules, so a tree without any pays nothing for it. */
function layer(base: string, patterns: string | string[]): IgnoreLayer {
  ignoreFactory ??= createRequire(import.meta.url)('ignore') as IgnoreFactory;
  return { base: base.endsWith(sep) ? base : base + sep, rules: ignoreFactory().add(patterns) };
}

/**
 * The ignore rules that apply to `root` from above it: every `.gitignore` from the top of its git
 * work tree (with `.git/info/exclude`) down to its parent. Outside a work tree, the `.gitignore`
 * files from `cwd` down, so `src` and `.` agree about `src/`.
 */
function ancestorLayers(root: string, cwd: string): IgnoreLayer[] {
  const above: string[] = [];
  for (let directory = root; dirname(directory) !== directory; ) {
    directory = dirname(directory);
    above.push(directory);
  }
  const gitTop = [root, ...above].find((directory) => existsSync(join(directory, '.git')));
  const top = gitTop ?? (contains(cwd, root) ? cwd : root);
  const ancestors = above.slice(0, above.indexOf(top) + 1).reverse();
  const gitDirectory = gitTop && join(gitTop, '.git');
  const exclude = gitDirectory && statSync(gitDirectory).isDirectory() ? layerOf(join(gitDirectory, 'info'), 'exclude', gitTop) : [];
  return [...exclude, ...ancestors.flatMap((directory) => layerOf(directory, '.gitignore'))];
}
