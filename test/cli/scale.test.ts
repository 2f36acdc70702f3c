// A tree of thousands of files where only a few mention SignalR: the prefilter keeps the rest from
// ever being parsed, and the summary says so.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { spawnSync } from 'node:child_process';

import { BUILT_CLI, buildFixtureCli, FLOATING_JOIN, parseReport, removeTemporaryDirectories, runCli, temporaryDirectory } from './harness.js';

const FILES = 3000;
/** Indexes of the files that use SignalR; the first three also have a join to await. */
const SIGNALR_FILES = [7, 480, 1234, 2001, 2999];

let cli: string;
let project: string;

beforeAll(() => {
  cli = buildFixtureCli();
  project = join(temporaryDirectory('scale'), 'project');
  for (let index = 0; index < FILES; index++) {
    const directory = join(project, 'src', `module-${Math.floor(index / 100)}`);
    mkdirSync(directory, { recursive: true });
    const signalr = SIGNALR_FILES.indexOf(index);
    const text =
      signalr < 0 ? `export const value${index} = ${index};\n` : signalr < 3 ? FLOATING_JOIN : `import * as signalR from '@microsoft/signalr';\nexport const hub${index} = signalR;\n`;
    writeFileSync(join(directory, `file-${index}.ts`), text);
  }
});

afterAll(removeTemporaryDirectories);

const pathOf = (index: number): string => `src/module-${Math.floor(index / 100)}/file-${index}.ts`;

it('parses only the files the prefilter lets through', () => {
  const run = runCli(cli, ['all', '.', '--json', '--dry'], { cwd: project });
  expect(run.status).toBe(0);
  const report = parseReport(run);
  expect(report.summary).toEqual({ scanned: FILES, prefilteredOut: FILES - 5, parsed: 5, changed: 3, unchanged: 2, skipped: 0, failed: 0 });
  expect(report.files.map((file) => file.path)).toEqual(SIGNALR_FILES.map(pathOf).sort());
  expect(run.stderr).toMatch(/files scanned: +3000\n  prefiltered out: +2995\n  parsed: +5\n/);
});

it('writes the three files that need it', () => {
  const run = runCli(cli, ['all', '.'], { cwd: project });
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/changed: +3\n/);
  for (const index of SIGNALR_FILES.slice(0, 3)) expect(readFileSync(join(project, pathOf(index)), 'utf8')).toContain('  await connection.invoke');
  expect(readFileSync(join(project, pathOf(8)), 'utf8')).toBe('export const value8 = 8;\n');
});

// Loading the parser (typescript-estree, and TypeScript with it) was most of what a run over a tree
// without SignalR cost. A preloaded module lists, at exit, the packages the CLI's process loaded.
it('loads no parser and no codemod for a tree where no file passes the text check', () => {
  const plain = join(temporaryDirectory('plain'), 'project');
  mkdirSync(join(plain, 'src'), { recursive: true });
  for (let index = 0; index < 20; index++) writeFileSync(join(plain, 'src', `file-${index}.ts`), `export const value${index} = ${index};\n`);
  const preload = join(temporaryDirectory('preload'), 'loaded-packages.mjs');
  writeFileSync(
    preload,
    [
      "import { createRequire } from 'node:module';",
      'const cache = createRequire(import.meta.url).cache;',
      "process.on('exit', () => process.stderr.write(`LOADED ${JSON.stringify(Object.keys(cache).filter((path) => path.includes('node_modules')))}\\n`));",
    ].join('\n'),
  );
  const run = spawnSync(process.execPath, ['--import', preload, BUILT_CLI, 'all', '.', '--dry'], { cwd: plain, encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/prefiltered out: +20\n/);
  const loaded = JSON.parse(/^LOADED (.*)$/m.exec(run.stderr)?.[1] ?? 'null') as string[];
  expect(loaded).toEqual([]);

  // The same preload does see the parser once a file needs the codemods.
  writeFileSync(join(plain, 'src', 'hub.ts'), FLOATING_JOIN);
  const withSignalR = spawnSync(process.execPath, ['--import', preload, BUILT_CLI, 'all', '.', '--dry'], { cwd: plain, encoding: 'utf8' });
  expect(withSignalR.status).toBe(0);
  expect(/^LOADED (.*)$/m.exec(withSignalR.stderr)?.[1]).toContain('typescript-estree');
});
