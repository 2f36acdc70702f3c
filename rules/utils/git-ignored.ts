// Whether git would leave a file out of commits: the .gitignore files from the top of its work tree
// down to its folder, and `.git/info/exclude`. Read synchronously and cached per folder; only rules
// that have already found something ask, so a lint run without findings reads nothing.
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

interface IgnoreLayer {
  readonly base: string;
  readonly rules: Ignore;
}

/** Per folder: the layers that apply to files in it, shallowest first; undefined outside a work tree. */
const layersByFolder = new Map<string, readonly IgnoreLayer[] | undefined>();

/**
 * True when a .gitignore of the file's work tree, or its `.git/info/exclude`, ignores `file`.
 * What it cannot know: the user's global excludes file, and files added with `git add --force`.
 */
export function isGitIgnored(file: string): boolean {
  const layers = layersOf(dirname(file));
  if (!layers) return false;
  for (const layer of [...layers].reverse()) {
    const path = relative(layer.base, file).split(sep).join('/');
    if (path === '' || path.startsWith('../')) continue;
    const result = layer.rules.test(path);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

function layersOf(folder: string): readonly IgnoreLayer[] | undefined {
  if (layersByFolder.has(folder)) return layersByFolder.get(folder);
  let layers: readonly IgnoreLayer[] | undefined;
  if (existsSync(join(folder, '.git'))) {
    layers = [...layerOf(join(folder, '.git', 'info', 'exclude'), folder), ...layerOf(join(folder, '.gitignore'), folder)];
  } else {
    const parent = dirname(folder);
    const above = parent === folder ? undefined : layersOf(parent);
    layers = above && [...above, ...layerOf(join(folder, '.gitignore'), folder)];
  }
  layersByFolder.set(folder, layers);
  return layers;
}

function layerOf(file: string, base: string): IgnoreLayer[] {
  try {
    return [{ base, rules: ignore().add(readFileSync(file, 'utf8')) }];
  } catch {
    return [];
  }
}
