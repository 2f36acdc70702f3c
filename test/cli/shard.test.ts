// `--shard i/n`: the shards of a run partition its files, by path alone.
import { afterAll, beforeAll, expect, it } from 'vitest';

import type { JsonReport } from '../../codemods/runner/report.js';
import { buildFixtureCli, FLOATING_JOIN, parseReport, removeTemporaryDirectories, runCli, temporaryDirectory, writeFiles } from './harness.js';

let cli: string;
let project: string;

beforeAll(() => {
  cli = buildFixtureCli();
  project = temporaryDirectory('shard');
  const files: Record<string, string> = {};
  for (let index = 0; index < 30; index++) files[`src/area-${index % 7}/rooms-${index}.ts`] = FLOATING_JOIN;
  for (let index = 0; index < 20; index++) files[`src/plain/value-${index}.ts`] = `export const value = ${index};\n`;
  writeFiles(project, files);
});

afterAll(removeTemporaryDirectories);

function report(args: readonly string[]): JsonReport {
  const run = runCli(cli, ['all', 'src', '--dry', '--json', ...args], { cwd: project });
  expect(run.status).toBe(0);
  return parseReport(run);
}

const paths = (result: JsonReport): string[] => result.files.map((file) => file.path);

it('splits the files into disjoint shards whose union is the whole run', () => {
  const whole = report([]);
  for (const count of [2, 3]) {
    const shards = Array.from({ length: count }, (_, index) => report(['--shard', `${index + 1}/${count}`]));
    const all = shards.flatMap(paths);
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(paths(whole));
    expect(shards.reduce((sum, shard) => sum + shard.summary.scanned, 0)).toBe(whole.summary.scanned);
    expect(shards.reduce((sum, shard) => sum + shard.summary.changed, 0)).toBe(whole.summary.changed);
    // 30 files to transform: none of the shards is empty.
    for (const shard of shards) expect(shard.files.length).toBeGreaterThan(0);
  }
  // Six runs of the CLI: over a minute on a busy 2-core machine.
}, 240_000);

it('puts a file in the same shard whatever other files exist', () => {
  const before = [report(['--shard', '1/3']), report(['--shard', '2/3']), report(['--shard', '3/3'])].map(paths);
  writeFiles(project, { 'src/area-1/rooms-new.ts': FLOATING_JOIN });
  const after = [report(['--shard', '1/3']), report(['--shard', '2/3']), report(['--shard', '3/3'])].map(paths);
  for (let index = 0; index < 3; index++) expect(after[index]?.filter((path) => path !== 'src/area-1/rooms-new.ts')).toEqual(before[index]);
  expect(after.flat()).toContain('src/area-1/rooms-new.ts');
}, 240_000);

it('--shard 1/1 is the whole run', () => {
  expect(report(['--shard', '1/1']).summary).toEqual(report([]).summary);
});
