// The built CLI on Vue components and HTML, Razor and Web Forms pages (test/cli/__fixtures__/pages):
// the codemods change the script blocks and nothing else, leave scripts with server-side syntax
// alone, and every position they report points into the page.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

import type { JsonReport } from '../../codemods/runner/report.js';
import { findScriptBlocks, pageKindOf } from '../../codemods/runner/script-blocks.js';
import { assertBuilt, BUILT_CLI, parseReport, removeTemporaryDirectories, runCli, temporaryDirectory, writeFiles } from './harness.js';

const FIXTURES = join(import.meta.dirname, '__fixtures__', 'pages');
const EXTENSIONS = ['--extensions', 'vue,html,cshtml,aspx'];

/** Page name (`chat.html`) → its input, and its expected output when the codemods change it. */
const pages = new Map<string, { input: string; output?: string }>();
for (const file of readdirSync(FIXTURES).sort()) {
  const match = /^(.+)\.(input|output)(\.\w+)$/.exec(file);
  if (!match) continue;
  const name = `${match[1]}${match[3]}`;
  const entry = pages.get(name) ?? { input: '' };
  entry[match[2] as 'input' | 'output'] = readFileSync(join(FIXTURES, file), 'utf8');
  pages.set(name, entry);
}

let project: string;
let report: JsonReport;

beforeAll(() => {
  assertBuilt();
  project = temporaryDirectory('pages');
  writeFiles(project, Object.fromEntries([...pages].map(([name, { input }]) => [name, input])));
  const run = runCli(BUILT_CLI, ['all', '.', ...EXTENSIONS, '--json'], { cwd: project });
  expect(run.status).toBe(2); // broken.vue
  report = parseReport(run);
});

afterAll(removeTemporaryDirectories);

const fileReport = (name: string): JsonReport['files'][number] | undefined => report.files.find((file) => file.path === name);

it('writes what each fixture expects, and leaves the others as they were', () => {
  for (const [name, { input, output }] of pages) {
    expect(readFileSync(join(project, name), 'utf8'), name).toBe(output ?? input);
    expect(fileReport(name)?.status, name).toBe(output === undefined ? (name === 'broken.vue' ? 'failed' : 'unchanged') : 'changed');
  }
});

it('changes nothing outside the script blocks', () => {
  for (const [name, { input, output }] of pages) {
    if (output === undefined) continue;
    const kind = pageKindOf(name)!;
    const outside = (page: string): string[] => {
      const parts: string[] = [];
      let at = 0;
      for (const block of findScriptBlocks(page, kind).blocks) {
        parts.push(page.slice(at, block.start));
        at = block.end;
      }
      return [...parts, page.slice(at)];
    };
    expect(outside(output), name).toEqual(outside(input));
  }
});

it('names the scripts it left for their server-side syntax, where that syntax is in the page', () => {
  expect(fileReport('razor.cshtml')?.skipped).toEqual([
    { codemod: 'signalr-codemod', line: 5, column: 66, reason: expect.stringContaining('Razor syntax (`@`)') as unknown as string },
  ]);
  expect(fileReport('forms.aspx')?.skipped).toEqual([
    { codemod: 'signalr-codemod', line: 4, column: 37, reason: expect.stringContaining('`<% %>`') as unknown as string },
  ]);
  const razor = pages.get('razor.cshtml')!.input.split('\n');
  expect(razor[4]?.slice(65, 69)).toBe('@Url');
  expect(pages.get('forms.aspx')!.input.split('\n')[3]?.slice(36, 39)).toBe('<%=');
});

it("moves a codemod's skip into the page: line and column of the join it left", () => {
  expect(fileReport('lobby.html')?.skipped).toEqual([
    { codemod: 'add-awaits', line: 16, column: 4, reason: expect.stringContaining('`enter` cannot safely become async') as unknown as string },
  ]);
  expect(pages.get('lobby.html')!.input.split('\n')[15]?.slice(3)).toMatch(/^lobby\.invoke\('JoinGroup'/);
});

it('moves a syntax error into the page', () => {
  expect(fileReport('broken.vue')?.failure).toEqual({ kind: 'syntax', reason: 'does not parse: Variable declaration expected. (7:7)' });
  expect(pages.get('broken.vue')!.input.split('\n')[6]).toBe('const = ;');
});

it('leaves a component whose two scripts would both declare the same helper', () => {
  expect(fileReport('twice.vue')?.skipped).toEqual([
    {
      codemod: 'signalr-codemod',
      line: 1,
      column: 19,
      reason: expect.stringMatching(/^`\w+`, which add-reconnect would declare in this script, is declared by another script that shares its scope \(the component\); the page was left as it was$/) as unknown as string,
    },
  ]);
});

it('changes nothing on a second run', () => {
  const again = runCli(BUILT_CLI, ['all', '.', ...EXTENSIONS, '--json', '--check'], { cwd: project });
  expect(parseReport(again).summary.changed).toBe(0);
});

it('looks at .vue files by default, at pages only when asked', () => {
  const defaults = temporaryDirectory('pages-default');
  writeFiles(defaults, { 'rooms.vue': pages.get('rooms.vue')!.input, 'chat.html': pages.get('chat.html')!.input });
  const run = runCli(BUILT_CLI, ['all', '.', '--dry', '--json'], { cwd: defaults });
  expect(parseReport(run).files.map((file) => [file.path, file.status])).toEqual([['rooms.vue', 'changed']]);
});
