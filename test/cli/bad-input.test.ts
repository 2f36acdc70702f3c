// Bad input: each bad file is named with its reason and left untouched, the rest is processed, and
// the run exits 2. Files that cannot use SignalR never fail: the prefilter drops them first.
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildFixtureCli, FLOATING_JOIN, parseReport, removeTemporaryDirectories, runCli, snapshotTree, temporaryDirectory, writeFiles } from './harness.js';

let cli: string;

beforeAll(() => {
  cli = buildFixtureCli();
});

afterAll(removeTemporaryDirectories);

/** A project with one good file (`src/good.ts`, which the codemod changes) plus `files`. */
function projectWith(files: Readonly<Record<string, string | Buffer>>): string {
  const project = join(temporaryDirectory('bad'), 'project');
  writeFiles(project, { 'src/good.ts': FLOATING_JOIN, ...files });
  return project;
}

interface Outcome {
  readonly status: number | null;
  readonly failures: Record<string, { kind: string; reason: string } | undefined>;
  readonly goodChanged: boolean;
  readonly summary: string;
}

/** Runs `fixture-await-joins` (or `codemods`) over the project, writing, with --json. */
function run(project: string, extraArgs: readonly string[] = [], codemods: readonly string[] = ['fixture-await-joins']): Outcome {
  const result = runCli(cli, [...codemods, 'src', '--json', ...extraArgs], { cwd: project });
  const report = parseReport(result);
  return {
    status: result.status,
    failures: Object.fromEntries(report.files.filter((file) => file.status === 'failed').map((file) => [file.path, file.failure])),
    goodChanged: readFileSync(join(project, 'src/good.ts'), 'utf8').includes("await connection.invoke('JoinGroup'"),
    summary: result.stderr,
  };
}

describe('a file that does not parse', () => {
  it('is named with the parser message and position; the others are processed', () => {
    const broken = `${FLOATING_JOIN}\nexport const x = ;\n`;
    const project = projectWith({ 'src/broken.ts': broken });
    const outcome = run(project);
    expect(outcome.status).toBe(2);
    expect(outcome.failures).toEqual({ 'src/broken.ts': { kind: 'syntax', reason: 'does not parse: Expression expected. (7:18)' } });
    expect(outcome.goodChanged).toBe(true);
    expect(readFileSync(join(project, 'src/broken.ts'), 'utf8')).toBe(broken);
    // The human summary names it too.
    expect(outcome.summary).toContain('Failed (left untouched):\n  src/broken.ts: does not parse: Expression expected. (7:18)');
  });

  it('makes --check exit 2 rather than 1, although other files would change', () => {
    const project = projectWith({ 'src/broken.ts': `${FLOATING_JOIN}\nconst = ;\n` });
    const outcome = run(project, ['--check']);
    expect(outcome.status).toBe(2);
    expect(outcome.goodChanged).toBe(false);
    expect(outcome.summary).toMatch(/would change: +1\n/);
  });

  it('is not a failure when it cannot use SignalR: it is never parsed', () => {
    const project = projectWith({ 'src/flow.js': '// @flow\nexport function f(x: ?number) {}\n' });
    const outcome = run(project);
    expect(outcome.status).toBe(0);
    expect(outcome.failures).toEqual({});
  });
});

describe('a file that is not UTF-8', () => {
  it('is named when it could use SignalR', () => {
    const latin1 = Buffer.concat([Buffer.from(FLOATING_JOIN), Buffer.from('// caf\xe9\n', 'latin1')]);
    const project = projectWith({ 'src/latin1.ts': latin1 });
    const outcome = run(project);
    expect(outcome.status).toBe(2);
    expect(outcome.failures).toEqual({
      'src/latin1.ts': { kind: 'encoding', reason: 'is not valid UTF-8; convert it to UTF-8 to let the codemods read it.' },
    });
    expect(outcome.goodChanged).toBe(true);
    expect(readFileSync(join(project, 'src/latin1.ts')).equals(latin1)).toBe(true);
  });

  it('is left to the prefilter when it cannot', () => {
    const project = projectWith({ 'src/latin1.js': Buffer.from('export const word = "caf\xe9";\n', 'latin1') });
    expect(run(project).status).toBe(0);
  });
});

describe('a file larger than --max-size', () => {
  it('is named without being read; smaller files are processed', () => {
    const big = `${'// padding\n'.repeat(200)}${FLOATING_JOIN}`;
    const project = projectWith({ 'src/big.ts': big });
    const outcome = run(project, ['--max-size', '1K']);
    expect(outcome.status).toBe(2);
    expect(outcome.failures).toEqual({
      'src/big.ts': { kind: 'too-large', reason: `is ${Buffer.byteLength(big)} bytes, larger than --max-size (1024 bytes); raise --max-size or ignore the file.` },
    });
    expect(outcome.goodChanged).toBe(true);
    expect(run(project, ['--max-size', '4K']).status).toBe(0);
  });

  it('fails only when it may use SignalR: the others are searched a buffer at a time and left alone', () => {
    // The search reads 64 KiB at a time, each buffer starting with the end of the one before: hints cut
    // by the first and the second cut are found, a file without any is no failure.
    const filler = (bytes: number): string => `${'/* vendored */ var a = 1;\n'.repeat(Math.ceil(bytes / 26))}`.slice(0, bytes);
    const hintAt = (offset: number, total: number): string => `${filler(offset)}signalr${filler(total - offset - 7)}`;
    const files = {
      'src/cut-once.js': hintAt(64 * 1024 - 3, 200_000),
      'src/cut-twice.js': hintAt(2 * 64 * 1024 - 16 - 4, 200_000),
      'src/at-the-end.js': hintAt(3_000_000 - 7, 3_000_000),
      'src/vendor.js': filler(3_000_000),
    };
    const project = projectWith(files);
    const outcome = run(project, ['--max-size', '1K']);
    expect(outcome.status).toBe(2);
    expect(Object.keys(outcome.failures).sort()).toEqual(['src/at-the-end.js', 'src/cut-once.js', 'src/cut-twice.js']);
    expect(outcome.failures['src/cut-once.js']?.kind).toBe('too-large');
    expect(outcome.goodChanged).toBe(true);
    expect(readFileSync(join(project, 'src/vendor.js'), 'utf8')).toBe(files['src/vendor.js']);

    // Without the files that may use SignalR, the large one passes the run.
    const clean = projectWith({ 'src/vendor.js': files['src/vendor.js'] });
    expect(run(clean, ['--check']).status).toBe(1);
    expect(run(clean).failures).toEqual({});
  });

  it('defaults to 1 MiB', () => {
    const project = projectWith({ 'src/bundle.js': `// signalr\n${'x'.repeat(1024 * 1024)}\n` });
    expect(run(project).failures['src/bundle.js']?.kind).toBe('too-large');
  });
});

describe('symbolic links', () => {
  it('a link to a file outside the given paths is named and not followed', () => {
    const project = projectWith({ 'shared/outside.ts': FLOATING_JOIN });
    symlinkSync(join(project, 'shared/outside.ts'), join(project, 'src/linked.ts'));
    const outcome = run(project);
    expect(outcome.status).toBe(2);
    expect(outcome.failures).toEqual({
      'src/linked.ts': {
        kind: 'symlink-outside',
        reason: `is a symbolic link to ${join(project, 'shared/outside.ts')}, outside the given paths; it was not followed.`,
      },
    });
    expect(readFileSync(join(project, 'shared/outside.ts'), 'utf8')).toBe(FLOATING_JOIN);
    expect(outcome.goodChanged).toBe(true);
  });

  it('a link to a file inside the given paths is left to its target: changed once, still a link', () => {
    const project = projectWith({});
    symlinkSync('good.ts', join(project, 'src/alias.ts'));
    const result = runCli(cli, ['fixture-await-joins', 'src', '--json'], { cwd: project });
    expect(result.status).toBe(0);
    expect(parseReport(result).files.map((file) => [file.path, file.status])).toEqual([['src/good.ts', 'changed']]);
    expect(readFileSync(join(project, 'src/alias.ts'), 'utf8')).toBe(readFileSync(join(project, 'src/good.ts'), 'utf8'));
    expect(snapshotTree(project)['src/alias.ts']).toBeUndefined();
  });
});

describe('a file that cannot be written', () => {
  it('a read-only file is named and left untouched, even for root; --dry does not mind', () => {
    const project = projectWith({ 'src/locked.ts': FLOATING_JOIN });
    chmodSync(join(project, 'src/locked.ts'), 0o444);
    const dry = run(project, ['--dry']);
    expect(dry.status).toBe(0);
    const outcome = run(project);
    expect(outcome.status).toBe(2);
    expect(outcome.failures).toEqual({
      'src/locked.ts': { kind: 'write', reason: 'cannot be written: it is read-only (mode 444); make it writable to let the codemods change it.' },
    });
    expect(readFileSync(join(project, 'src/locked.ts'), 'utf8')).toBe(FLOATING_JOIN);
    expect(outcome.goodChanged).toBe(true);
  });

  it('a file in a directory the user may not write to is named and left untouched', () => {
    // Root ignores directory permissions, so this runs the CLI as `nobody`: the write then really
    // fails in the operating system (creating the temporary file next to it), not in a check of ours.
    const project = projectWith({ 'src/sealed/room.ts': FLOATING_JOIN });
    chmodSync(join(project, 'src/good.ts'), 0o666);
    chmodSync(join(project, 'src/sealed/room.ts'), 0o666);
    chmodSync(join(project, 'src'), 0o777);
    chmodSync(join(project, 'src/sealed'), 0o555);
    const result = runCli(cli, ['fixture-await-joins', 'src', '--json'], { cwd: project, unprivileged: true });
    expect(result.status).toBe(2);
    const failures = parseReport(result).files.filter((file) => file.status === 'failed');
    expect(failures.map((file) => [file.path, file.failure])).toEqual([
      ['src/sealed/room.ts', { kind: 'write', reason: 'cannot be written: EACCES while replacing it through a temporary file in its directory.' }],
    ]);
    expect(readFileSync(join(project, 'src/sealed/room.ts'), 'utf8')).toBe(FLOATING_JOIN);
    expect(readFileSync(join(project, 'src/good.ts'), 'utf8')).toContain("await connection.invoke('JoinGroup'");
  });
});

describe('a directory that cannot be read', () => {
  it('is named; its siblings are processed', () => {
    const project = projectWith({ 'src/private/room.ts': FLOATING_JOIN });
    chmodSync(join(project, 'src/good.ts'), 0o666);
    chmodSync(join(project, 'src'), 0o777);
    chmodSync(join(project, 'src/private'), 0o700);
    const result = runCli(cli, ['fixture-await-joins', 'src', '--json'], { cwd: project, unprivileged: true });
    expect(result.status).toBe(2);
    const failures = parseReport(result).files.filter((file) => file.status === 'failed');
    expect(failures.map((file) => [file.path, file.failure?.kind])).toEqual([['src/private', 'unreadable']]);
    expect(readFileSync(join(project, 'src/good.ts'), 'utf8')).toContain("await connection.invoke('JoinGroup'");
  });
});

describe('a codemod that misbehaves', () => {
  it('throwing: the file is named with the error and left untouched, even by the codemods before it', () => {
    const source = `// @fixture-throw\n${FLOATING_JOIN}`;
    const project = projectWith({ 'src/throws.ts': source });
    const outcome = run(project, [], ['all']);
    expect(outcome.status).toBe(2);
    expect(outcome.failures).toEqual({ 'src/throws.ts': { kind: 'codemod', reason: 'fixture-trouble failed: fixture-trouble was asked to throw' } });
    expect(readFileSync(join(project, 'src/throws.ts'), 'utf8')).toBe(source);
    expect(outcome.goodChanged).toBe(true);
  });

  /** A project with `marked` carrying `marker`, and `others` more files to change. */
  const projectWithMarked = (marked: string, marker: string, others: number): string => {
    const files: Record<string, string> = { [marked]: `// ${marker}\n${FLOATING_JOIN}` };
    for (let index = 0; index < others; index++) files[`src/after-${index}.ts`] = FLOATING_JOIN;
    return projectWith(files);
  };

  // Few files run on the main thread, many in worker threads (see run.test.ts): both must survive.
  it.each([
    ['on the main thread', 6, '1'],
    ['in worker threads', 50, '2'],
  ])('calling process.exit %s: the file is named, the run goes on', (_where, others, cpus) => {
    const project = projectWithMarked('src/exits.ts', '@fixture-exit-worker', others);
    const result = runCli(cli, ['all', 'src', '--json', '--cpus', cpus], { cwd: project });
    expect(result.status).toBe(2);
    const report = parseReport(result);
    expect(report.files.filter((file) => file.status === 'failed').map((file) => [file.path, file.failure])).toEqual([
      ['src/exits.ts', { kind: 'codemod', reason: 'fixture-trouble failed: it called process.exit(7)' }],
    ]);
    expect(report.summary.changed).toBe(others + 1);
  });

  it('crashing its worker thread: the file is named, a new worker takes the rest', () => {
    const project = projectWithMarked('src/crashes.ts', '@fixture-crash-thread', 50);
    const result = runCli(cli, ['all', 'src', '--json', '--cpus', '2'], { cwd: project });
    expect(result.status).toBe(2);
    const report = parseReport(result);
    expect(report.files.filter((file) => file.status === 'failed').map((file) => [file.path, file.failure])).toEqual([
      ['src/crashes.ts', { kind: 'codemod', reason: 'the worker running the codemods stopped while on this file: fixture-trouble crashed its thread' }],
    ]);
    expect(report.summary.changed).toBe(51);
  });

  it('producing code that does not parse: the file is named and left untouched', () => {
    const source = `// @fixture-break-syntax\n${FLOATING_JOIN}`;
    const project = projectWith({ 'src/breaks.ts': source });
    const outcome = run(project, [], ['all']);
    expect(outcome.status).toBe(2);
    expect(outcome.failures['src/breaks.ts']?.kind).toBe('codemod');
    expect(outcome.failures['src/breaks.ts']?.reason).toMatch(/^fixture-await-joins, fixture-trouble produced code that does not parse \(.+\); the file was left as it was\.$/);
    expect(readFileSync(join(project, 'src/breaks.ts'), 'utf8')).toBe(source);
  });
});

describe('many bad files at once', () => {
  it('names every one and still processes the rest', () => {
    const project = projectWith({
      'src/broken.ts': `${FLOATING_JOIN}\nconst = ;\n`,
      'src/latin1.ts': Buffer.concat([Buffer.from(FLOATING_JOIN), Buffer.from([0xe9, 0x0a])]),
      'src/big.ts': `${'//\n'.repeat(600)}${FLOATING_JOIN}`,
      'src/throws.ts': `// @fixture-throw\n${FLOATING_JOIN}`,
      'src/locked.ts': FLOATING_JOIN,
      'src/fine.ts': FLOATING_JOIN,
    });
    mkdirSync(join(project, 'elsewhere'));
    writeFiles(project, { 'elsewhere/x.ts': FLOATING_JOIN });
    symlinkSync(join(project, 'elsewhere/x.ts'), join(project, 'src/link.ts'));
    chmodSync(join(project, 'src/locked.ts'), 0o400);
    const outcome = run(project, ['--max-size', '1K'], ['all']);
    expect(outcome.status).toBe(2);
    expect(Object.entries(outcome.failures).map(([path, failure]) => [path, failure?.kind])).toEqual([
      ['src/big.ts', 'too-large'],
      ['src/broken.ts', 'syntax'],
      ['src/latin1.ts', 'encoding'],
      ['src/link.ts', 'symlink-outside'],
      ['src/locked.ts', 'write'],
      ['src/throws.ts', 'codemod'],
    ]);
    expect(outcome.goodChanged).toBe(true);
    expect(readFileSync(join(project, 'src/fine.ts'), 'utf8')).toContain("await connection.invoke('JoinGroup'");
  });
});

describe('a build whose codemods cannot be loaded', () => {
  it('exits 4 with the reason when a registered codemod module is missing, touching nothing', () => {
    const brokenCli = buildFixtureCli();
    rmSync(join(dirname(brokenCli), 'fixture-trouble.js'));
    const project = projectWith({});
    const result = runCli(brokenCli, ['all', 'src'], { cwd: project });
    expect(result.status).toBe(4);
    expect(result.stderr).toBe(`signalr-codemod: ${join(dirname(brokenCli), 'fixture-trouble.js')} is missing: the package build is incomplete.\n`);
    expect(readFileSync(join(project, 'src/good.ts'), 'utf8')).toBe(FLOATING_JOIN);
  });

  it('exits 4 with the reason when a codemod module throws while loading, touching nothing', () => {
    const brokenCli = buildFixtureCli();
    writeFileSync(join(dirname(brokenCli), 'fixture-trouble.js'), "throw new Error('half-built module');\n");
    const project = projectWith({});
    const result = runCli(brokenCli, ['all', 'src'], { cwd: project });
    expect(result.status).toBe(4);
    expect(result.stderr).toBe('signalr-codemod: The codemods could not be loaded: half-built module\n');
    expect(readFileSync(join(project, 'src/good.ts'), 'utf8')).toBe(FLOATING_JOIN);
  });
});
