// `--shard i/n`: a stable split of a run's files into n parts, so that CI can spread `--check` over
// parallel jobs. A file's shard depends on its path alone (relative to the directory the command runs
// in), not on which other files exist: adding a file never moves another one to a different shard.

/** Shard `index` (1-based) of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** `i/n` with 1 ≤ i ≤ n; undefined when the text is not that. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && index <= count ? { index, count } : undefined;
}

/** Whether the file at `relativePath` (`/`-separated, relative to the current directory) belongs to `shard`. */
export function inShard(relativePath: string, shard: Shard): boolean {
  return fnv1a(relativePath) % shard.count === shard.index - 1;
}

/** FNV-1a, 32 bits, over UTF-16 code units: the same number on every machine and Node version. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
