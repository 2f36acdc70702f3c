// Writes the codemods table, from codemods/registry.ts, between the table markers of README.md and
// docs/codemods/README.md. With --check, writes nothing and exits 1 when a table is stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { CODEMODS } from '../codemods/registry.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BEGIN = '<!-- begin codemods table -->';
const END = '<!-- end codemods table -->';
const check = process.argv.includes('--check');

function table(fromFile: string): string {
  const link = (path: string): string => relative(dirname(fromFile), join(root, path)).replaceAll('\\', '/');
  const rows = CODEMODS.map(
    (codemod) =>
      `| [${codemod.name}](${link(`docs/codemods/${codemod.name}.md`)}) | ${codemod.description} | ${codemod.fixes
        .map((id) => `[${id}](${link(`docs/rules/${id}.md`)})`)
        .join(', ')} |`,
  );
  return ['| Codemod | What it does | Fixes |', '| :-- | :-- | :-- |', ...rows].join('\n');
}

let stale = 0;
for (const file of ['README.md', 'docs/codemods/README.md'].map((path) => join(root, path))) {
  if (!existsSync(file)) continue;
  const text = readFileSync(file, 'utf8');
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`${relative(root, file)}: missing ${BEGIN} / ${END}`);
  const updated = `${text.slice(0, begin + BEGIN.length)}\n\n${table(file)}\n\n${text.slice(end)}`;
  if (updated === text) continue;
  stale++;
  if (check) console.error(`${relative(root, file)}: the codemods table is out of date; run \`npm run docs\`.`);
  else writeFileSync(file, updated);
}
process.exitCode = check && stale > 0 ? 1 : 0;
