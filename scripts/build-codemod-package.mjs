#!/usr/bin/env node
// Fills packages/signalr-codemod/dist with the built codemods (everything in dist/codemods) and every
// module they import from the rest of dist/ (core/, …), at the same relative paths. The codemods then
// ship in their own package, so that a user who only lints installs no jscodeshift, ts-morph or
// TypeScript. Run after `tsc -p tsconfig.build.json` (`npm run build` does both).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist');
const target = join(root, 'packages/signalr-codemod/dist');

/** Every `.js` file under `folder`. */
function javascriptFiles(folder) {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The files `file` imports by relative path (static imports, re-exports, `import()` with a literal). */
function relativeImports(file) {
  return ts
    .preProcessFile(readFileSync(file, 'utf8'), true, true)
    .importedFiles.map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(dirname(file), specifier));
}

const pending = javascriptFiles(join(built, 'codemods'));
const needed = new Set(pending);
while (pending.length > 0) {
  for (const imported of relativeImports(pending.pop())) {
    if (needed.has(imported)) continue;
    if (!existsSync(imported)) throw new Error(`${relative(root, imported)} is imported but was not built`);
    needed.add(imported);
    pending.push(imported);
  }
}

rmSync(target, { recursive: true, force: true });
for (const file of needed) {
  const copy = join(target, relative(built, file));
  mkdirSync(dirname(copy), { recursive: true });
  cpSync(file, copy);
}
