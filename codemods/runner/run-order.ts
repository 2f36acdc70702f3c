// Apart from the registry, which the CLI tests replace with their own list of codemods.
import type { CodemodInfo } from '../registry.js';

/**
 * `codemods` in the order a run applies them: the registry's, except that a codemod goes right
 * before the first of those its `runsBefore` names.
 */
export function inRunOrder(codemods: readonly CodemodInfo[]): CodemodInfo[] {
  const ordered: CodemodInfo[] = [];
  for (const codemod of codemods) {
    const first = ordered.findIndex((placed) => codemod.runsBefore?.includes(placed.name));
    ordered.splice(first < 0 ? ordered.length : first, 0, codemod);
  }
  return ordered;
}
