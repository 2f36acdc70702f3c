#!/usr/bin/env node
// Fills packages/signalr-codemod/dist with the built codemods (everything in dist/codemods) and every
// module they import from the rest of dist/ (core/, …), at the same relative paths. The codemods then
// ship in their own package, so that a user who only lints installs no jscodeshift, ts-morph or
// TypeScript. Run after `tsc -p tsconfig.build.json` (`npm run build` does both).
//
// The parser, typescript-estree, goes in bundled with its dependencies (dist/vendor/), TypeScript
// left out: so it loads the TypeScript this package depends on. Installed as a dependency, its
// helper ts-api-utils would be hoisted next to the user's own TypeScript (7 with a plain
// `npm i -D typescript`, whose API it cannot read) and load that one.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist');
const target = join(root, 'packages/signalr-codemod/dist');
const PARSER = '@typescript-eslint/typescript-estree';
const BUNDLED_PARSER = join(target, 'vendor/typescript-estree.cjs');

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
  writeFileSync(copy, withBundledParser(readFileSync(file, 'utf8'), copy));
}
await bundleParser();

/** `from '@typescript-eslint/typescript-estree'` → `from '<relative path>/vendor/typescript-estree.cjs'`. */
function withBundledParser(code, file) {
  const path = relative(dirname(file), BUNDLED_PARSER);
  const specifier = path.startsWith('.') ? path : `./${path}`;
  return code.replace(/(\bfrom\s*|\bimport\s*\(\s*)(['"])@typescript-eslint\/typescript-estree\2/g, `$1$2${specifier}$2`);
}

/** typescript-estree and its dependencies in one CommonJS file, with their licences beside it. */
async function bundleParser() {
  const require = createRequire(import.meta.url);
  const { metafile } = await build({
    entryPoints: [require.resolve(PARSER)],
    outfile: BUNDLED_PARSER,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['typescript'],
    metafile: true,
    legalComments: 'inline',
    logLevel: 'warning',
  });
  const packages = new Set(Object.keys(metafile.inputs).map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1]).filter(Boolean));
  const licences = [...packages].sort().map((name) => {
    const folder = join(root, 'node_modules', name);
    const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    const licence = readdirSync(folder).find((file) => /^licen[cs]e/i.test(file));
    if (!licence) throw new Error(`${name} has no licence file to ship with the bundled parser`);
    return `${name}@${version}\n\n${readFileSync(join(folder, licence), 'utf8').trim()}\n`;
  });
  writeFileSync(`${BUNDLED_PARSER}.LICENSES.txt`, `Bundled into typescript-estree.cjs:\n\n${licences.join('\n---\n\n')}`);
}
