// The built CLI on a copy of a small project: what it changes, what it leaves alone, and every
// output flag. Codemods: the test-only ones of test/cli/codemods/ (see harness.ts).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildFixtureCli, copyFixture, FLOATING_JOIN, parseReport, PROJECT_FIXTURE, removeTemporaryDirectories, runCli, snapshotTree, writeFiles } from './harness.js';

const AWAITED_ROOMS = `import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();

export async function enterRoom(room: string): Promise<void> {
  await connection.start();
  await connection.invoke('JoinGroup', room);
  await connection.send('Hello', room);
}

export function enterRoomLater(room: string): void {
  connection.invoke('JoinGroup', room);
}
`;

let cli: string;

beforeAll(() => {
  cli = buildFixtureCli();
});

afterAll(removeTemporaryDirectories);

/** The fixture project plus what cannot be committed: ignored files and build output, each with a join to await. */
function makeProject(): string {
  const project = copyFixture(PROJECT_FIXTURE, 'run');
  writeFiles(project, {
    '.gitignore': 'generated/\n*.gen.ts\n',
    'src/.gitignore': '!keep.gen.ts\n',
    'src/api.gen.ts': FLOATING_JOIN,
    'src/keep.gen.ts': FLOATING_JOIN,
    'generated/client.ts': FLOATING_JOIN,
    'node_modules/chat/index.ts': FLOATING_JOIN,
    'packages/web/node_modules/chat/index.ts': FLOATING_JOIN,
    'dist/app.ts': FLOATING_JOIN,
    'build/app.ts': FLOATING_JOIN,
    'out/app.ts': FLOATING_JOIN,
    '.next/app.ts': FLOATING_JOIN,
    'coverage/app.ts': FLOATING_JOIN,
  });
  return project;
}

function changedPaths(before: ReturnType<typeof snapshotTree>, after: ReturnType<typeof snapshotTree>): string[] {
  return Object.keys(after).filter((path) => before[path]?.content !== after[path]?.content);
}

describe('writing', () => {
  it('rewrites the files that need it, in place, and nothing else', () => {
    const project = makeProject();
    const before = snapshotTree(project);
    const run = runCli(cli, ['fixture-await-joins', '.'], { cwd: project });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const after = snapshotTree(project);
    // Ignored by .gitignore, dependencies and build output stay as they are; src/.gitignore re-includes keep.gen.ts.
    expect(changedPaths(before, after)).toEqual(['src/keep.gen.ts', 'src/lobby.tsx', 'src/rooms.ts']);
    expect(after['src/rooms.ts']?.content).toBe(AWAITED_ROOMS);
    // .tsx is parsed with JSX on: the element survives.
    expect(after['src/lobby.tsx']?.content).toContain("    await connection.invoke('JoinGroup', room);\n  };\n  return <button onClick={join}>Join {room}</button>;");
    expect(run.stdout).toMatch(/files scanned: +6\n/);
    expect(run.stdout).toMatch(/prefiltered out: +1\n/);
    expect(run.stdout).toMatch(/parsed: +5\n/);
    expect(run.stdout).toMatch(/changed: +3\n/);
    expect(run.stdout).toMatch(/changes skipped: +1\n/);
    expect(run.stdout).toContain('src/rooms.ts:12:3: fixture-await-joins: the enclosing function is not async');
  });

  it('changes nothing on a second run', () => {
    const project = makeProject();
    expect(runCli(cli, ['all', '.'], { cwd: project }).status).toBe(0);
    const fixed = snapshotTree(project);
    const second = runCli(cli, ['all', '.', '--json'], { cwd: project });
    expect(second.status).toBe(0);
    expect(parseReport(second).summary.changed).toBe(0);
    expect(snapshotTree(project)).toEqual(fixed);
  });

  it('keeps the mode and the byte-order mark, and leaves no temporary file behind', () => {
    const project = makeProject();
    writeFileSync(join(project, 'src/bom.ts'), `\uFEFF${FLOATING_JOIN}`);
    chmodSync(join(project, 'src/rooms.ts'), 0o750);
    expect(runCli(cli, ['fixture-await-joins', 'src'], { cwd: project }).status).toBe(0);
    expect(statSync(join(project, 'src/rooms.ts')).mode & 0o777).toBe(0o750);
    const bom = readFileSync(join(project, 'src/bom.ts'), 'utf8');
    expect(bom.startsWith('\uFEFFimport')).toBe(true);
    expect(bom).toContain("  await connection.invoke('JoinGroup', room);");
    expect(readdirSync(join(project, 'src')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('processes a file named on the command line even when it would be ignored', () => {
    const project = makeProject();
    const run = runCli(cli, ['fixture-await-joins', 'generated/client.ts', 'node_modules/chat/index.ts'], { cwd: project });
    expect(run.status).toBe(0);
    expect(readFileSync(join(project, 'generated/client.ts'), 'utf8')).toContain('await connection.invoke');
    expect(readFileSync(join(project, 'node_modules/chat/index.ts'), 'utf8')).toContain('await connection.invoke');
  });

  it('runs only the codemods it is asked for', () => {
    const project = makeProject();
    writeFiles(project, { 'src/trouble.ts': `// @fixture-throw\n${FLOATING_JOIN}` });
    const only = runCli(cli, ['fixture-await-joins', 'src', '--dry', '--json'], { cwd: project });
    expect(only.status).toBe(0);
    expect(parseReport(only).codemods).toEqual(['fixture-await-joins']);
    const all = runCli(cli, ['all', 'src', '--dry', '--json'], { cwd: project });
    expect(all.status).toBe(2);
    expect(parseReport(all).codemods).toEqual(['fixture-await-joins', 'fixture-trouble']);
  });
});

describe('--dry, --print, --check', () => {
  it('--dry writes nothing and reports what would change', () => {
    const project = makeProject();
    const before = snapshotTree(project);
    const run = runCli(cli, ['all', '.', '--dry'], { cwd: project });
    expect(run.status).toBe(0);
    expect(snapshotTree(project)).toEqual(before);
    expect(run.stdout).toContain('dry run, nothing written');
    expect(run.stdout).toMatch(/would change: +3\n/);
  });

  it('--print prints a unified diff of every change', () => {
    const project = makeProject();
    const run = runCli(cli, ['fixture-await-joins', 'src/rooms.ts', 'src/lobby.tsx', '--dry', '--print'], { cwd: project });
    expect(run.status).toBe(0);
    const diff = run.stdout.slice(0, run.stdout.indexOf('signalr-codemod'));
    // The diff applies: `git apply --check` accepts it against the untouched files.
    const apply = spawnSync('git', ['apply', '--check', '-'], { cwd: project, input: diff, encoding: 'utf8' });
    expect(apply.stderr).toBe('');
    expect(apply.status).toBe(0);
    expect(diff).toContain('--- a/src/rooms.ts\n+++ b/src/rooms.ts\n@@ ');
    expect(diff).toContain("-  connection.invoke('JoinGroup', room);\n+  await connection.invoke('JoinGroup', room);\n");
    expect(diff).toContain('--- a/src/lobby.tsx\n+++ b/src/lobby.tsx\n');
  });

  it('-d, -p and -s are --dry, --print and --silent', () => {
    const project = makeProject();
    const before = snapshotTree(project);
    const short = runCli(cli, ['all', '.', '-d', '-p', '-s'], { cwd: project });
    expect(short.status).toBe(0);
    expect(short.stdout).toContain('+  await connection.invoke(');
    expect(short.stdout).toBe(runCli(cli, ['all', '.', '--dry', '--print', '--silent'], { cwd: project }).stdout);
    expect(snapshotTree(project)).toEqual(before);
  });

  it('--print without --dry writes and prints', () => {
    const project = makeProject();
    const run = runCli(cli, ['fixture-await-joins', 'src/rooms.ts', '--print'], { cwd: project });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("+  await connection.invoke('JoinGroup', room);");
    expect(readFileSync(join(project, 'src/rooms.ts'), 'utf8')).toBe(AWAITED_ROOMS);
  });

  it('a reader that closes stdout early (`| head`) stops neither the run nor its writes', async () => {
    const project = makeProject();
    const child = spawn(process.execPath, [cli, 'fixture-await-joins', '.', '--print'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before the CLI has started: every write it makes to stdout meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('internal error');
    expect(status).toBe(0);
    expect(readFileSync(join(project, 'src/rooms.ts'), 'utf8')).toBe(AWAITED_ROOMS);
  });

  it('--check exits 1 when files would change, writes nothing, and exits 0 once they are fixed', () => {
    const project = makeProject();
    const before = snapshotTree(project);
    const check = runCli(cli, ['all', '.', '--check'], { cwd: project });
    expect(check.status).toBe(1);
    expect(snapshotTree(project)).toEqual(before);
    expect(check.stdout).toContain(
      '\n3 file(s) would change:\n  src/keep.gen.ts\n  src/lobby.tsx\n  src/rooms.ts\nRun `signalr-codemod fixture-await-joins fixture-trouble .` to apply the fixes.\n',
    );
    expect(runCli(cli, ['all', '.'], { cwd: project }).status).toBe(0);
    const clean = runCli(cli, ['all', '.', '--check'], { cwd: project });
    expect(clean.status).toBe(0);
    expect(clean.stdout).toMatch(/would change: +0\n/);
    expect(clean.stdout).not.toContain('to apply the fixes');
  });
});

describe('--json', () => {
  it('reports per file what changed, what was skipped and why, with the summary', () => {
    const project = makeProject();
    const run = runCli(cli, ['fixture-await-joins', 'src', '--json', '--dry'], { cwd: project });
    expect(run.status).toBe(0);
    const report = parseReport(run);
    expect(report).toMatchObject({ version: 1, mode: 'dry', codemods: ['fixture-await-joins'] });
    expect(report.summary).toEqual({ scanned: 6, prefilteredOut: 1, parsed: 5, changed: 3, unchanged: 2, skipped: 1, failed: 0 });
    expect(report.files.map((file) => [file.path, file.status])).toEqual([
      ['src/custom-join.ts', 'unchanged'],
      ['src/keep.gen.ts', 'changed'],
      ['src/legacy.cjs', 'unchanged'],
      ['src/lobby.tsx', 'changed'],
      ['src/rooms.ts', 'changed'],
    ]);
    const rooms = report.files.find((file) => file.path === 'src/rooms.ts');
    expect(rooms?.changedBy).toEqual(['fixture-await-joins']);
    expect(rooms?.skipped).toEqual([{ codemod: 'fixture-await-joins', line: 12, column: 3, reason: 'the enclosing function is not async' }]);
    expect(rooms?.diff).toContain("+  await connection.invoke('JoinGroup', room);");
    // stdout is only JSON; the human summary went to stderr.
    expect(run.stderr).toMatch(/would change: +3\n/);
  });

  it('with --print the diffs stay inside the JSON', () => {
    const project = makeProject();
    const run = runCli(cli, ['fixture-await-joins', 'src/rooms.ts', '--json', '--print', '--dry'], { cwd: project });
    expect(run.status).toBe(0);
    expect(parseReport(run).files[0]?.diff).toContain('--- a/src/rooms.ts');
  });
});

describe('selecting files', () => {
  it('--extensions limits the files searched for in directories', () => {
    const project = makeProject();
    const run = runCli(cli, ['fixture-await-joins', 'src', '--extensions', 'tsx,.CJS', '--json', '--dry'], { cwd: project });
    expect(parseReport(run).files.map((file) => file.path)).toEqual(['src/legacy.cjs', 'src/lobby.tsx']);
  });

  it('--ignore-pattern skips files and directories, relative to the current directory', () => {
    const project = makeProject();
    const run = runCli(cli, ['fixture-await-joins', '.', '--ignore-pattern', 'src/lobby.tsx', '--ignore-pattern', '*.gen.ts', '--json', '--dry'], {
      cwd: project,
    });
    expect(parseReport(run).files.map((file) => file.path)).toEqual(['src/custom-join.ts', 'src/legacy.cjs', 'src/rooms.ts']);
  });

  it('--settings passes settings.signalr to the codemods and the prefilter', () => {
    const project = makeProject();
    writeFiles(project, {
      'signalr.json': JSON.stringify({ joinMethods: ['EnterTeam'], globals: ['AcmeRealtime'] }),
      // Mentions neither SignalR nor a hint: only the `globals` setting lets it past the prefilter.
      'src/acme.js': 'export async function enter(team) {\n  AcmeRealtime.connection.invoke("JoinGroup", team);\n}\n',
    });
    const without = parseReport(runCli(cli, ['fixture-await-joins', 'src', '--json', '--dry'], { cwd: project }));
    expect(without.files.find((file) => file.path === 'src/custom-join.ts')?.status).toBe('unchanged');
    expect(without.files.some((file) => file.path === 'src/acme.js')).toBe(false);
    const run = runCli(cli, ['fixture-await-joins', 'src', '--settings', 'signalr.json', '--json', '--dry'], { cwd: project });
    expect(run.status).toBe(0);
    const report = parseReport(run);
    expect(report.files.find((file) => file.path === 'src/custom-join.ts')?.diff).toContain("+  await connection.invoke('EnterTeam', team);");
    expect(report.files.find((file) => file.path === 'src/acme.js')?.diff).toContain('+  await AcmeRealtime.connection.invoke("JoinGroup", team);');
  });
});

describe('--cpus', () => {
  /** The worker threads that ran the codemods, from the reports of `fixture-trouble`. */
  const threadsOf = (report: ReturnType<typeof parseReport>): Set<string> =>
    new Set(report.files.flatMap((file) => file.skipped.filter((skip) => skip.reason.startsWith('ran in thread')).map((skip) => skip.reason)));
  const withoutThreads = (report: ReturnType<typeof parseReport>): unknown =>
    report.files.map((file) => ({ ...file, skipped: file.skipped.filter((skip) => !skip.reason.startsWith('ran in thread')) }));

  it('transforms on the main thread up to 40 files, then starts one worker per 40 files, up to --cpus, with the same result', () => {
    const project = makeProject();
    for (let index = 0; index < 45; index++) writeFiles(project, { [`src/more/join-${index}.ts`]: `// @fixture-report-thread\n${FLOATING_JOIN}` });
    const one = parseReport(runCli(cli, ['all', '.', '--cpus', '1', '--json', '--dry'], { cwd: project }));
    const three = parseReport(runCli(cli, ['all', '.', '--cpus', '3', '--json', '--dry'], { cwd: project }));
    expect(one.summary.changed).toBe(48);
    // One worker would do: the main thread (thread 0) does the work, and starts no thread.
    expect(threadsOf(one)).toEqual(new Set(['ran in thread 0']));
    // 50 files pass the prefilter: two workers are worth starting, a third is not.
    expect(threadsOf(three).size).toBe(2);
    expect(threadsOf(three).has('ran in thread 0')).toBe(false);
    expect(withoutThreads(three)).toEqual(withoutThreads(one));
    expect(three.summary).toEqual(one.summary);
  });
});

describe('progress and --silent', () => {
  /** Runs the CLI under `script`, which gives it a terminal. */
  function runOnTerminal(project: string, args: readonly string[]): string {
    const command = [process.execPath, cli, ...args].map((word) => `'${word}'`).join(' ');
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: project, encoding: 'utf8' });
    expect(result.status).toBe(0);
    return result.stdout;
  }

  it('shows progress on a terminal and erases it before the summary', () => {
    const project = makeProject();
    const output = runOnTerminal(project, ['all', '.', '--dry']);
    expect(output).toMatch(/\r\u001b\[2K6\/6 files · 3 would change · 0 failed/);
    expect(output).toMatch(/\r\u001b\[2Ksignalr-codemod fixture-await-joins, fixture-trouble: dry run/);
  });

  it('shows no progress with --silent, nor when stderr is not a terminal', () => {
    const project = makeProject();
    const silent = runOnTerminal(project, ['all', '.', '--dry', '--silent']);
    expect(silent).toBe('');
    const piped = runCli(cli, ['all', '.', '--dry'], { cwd: project });
    expect(piped.stderr).toBe('');
    expect(piped.stdout).not.toContain('\r');
  });

  it('--silent prints no summary but still names failed files', () => {
    const project = makeProject();
    writeFiles(project, { 'src/broken.ts': "import '@microsoft/signalr';\nconst = 1;\n" });
    const run = runCli(cli, ['all', 'src', '--silent'], { cwd: project });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^src\/broken\.ts: does not parse: .+ \(2:7\)\n$/);
  });
});
