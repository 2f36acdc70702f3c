// The dirty-tree guard: before writing, make sure every file a run may rewrite is committed, so the
// user can review the codemods' work with `git diff` and undo it with `git checkout`.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';

/** A file with uncommitted changes (or untracked), relative to its work tree's top. */
export interface UncommittedFile {
  readonly workTree: string;
  readonly path: string;
}

/**
 * Uncommitted changes and untracked files under `paths`. Paths outside any git work tree, or on a
 * machine without git, have none: there is nothing to protect them with. Throws when git knows the
 * work tree but cannot list its changes.
 * Changes elsewhere in the work tree do not count: a run cannot touch them.
 */
export function uncommittedChanges(paths: readonly string[]): UncommittedFile[] {
  const byWorkTree = new Map<string, string[]>();
  for (const path of paths) {
    const directory = statSync(path).isDirectory() ? path : dirname(path);
    const top = git(directory, ['rev-parse', '--show-toplevel'])?.trim();
    if (top) byWorkTree.set(top, [...(byWorkTree.get(top) ?? []), path]);
  }
  const dirty: UncommittedFile[] = [];
  for (const [workTree, pathspecs] of byWorkTree) {
    const status = git(workTree, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...pathspecs]);
    if (status === undefined) throw new Error(`\`git status\` failed in ${workTree}, so its uncommitted changes are unknown.`);
    // -z entries are `XY path`; a rename or copy is followed by an entry holding its old path.
    const entries = status.split('\0').filter(Boolean);
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index] as string;
      dirty.push({ workTree, path: entry.slice(3) });
      if (/^[RC]|^.[RC]/.test(entry)) index++;
    }
  }
  return dirty;
}

/**
 * Runs git with the repository's command-running settings turned off (`core.fsmonitor` would let a
 * repository's config run a program of its choosing) and without taking the index lock, so a run
 * never blocks the user's own git commands. Undefined when git fails or is not installed.
 */
function git(cwd: string, args: readonly string[]): string | undefined {
  const result = spawnSync('git', ['-c', 'core.fsmonitor=false', '-C', cwd, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return result.status === 0 ? result.stdout : undefined;
}
