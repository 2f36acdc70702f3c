// The dirty-tree guard, on real temporary git repositories.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildFixtureCli, FLOATING_JOIN, removeTemporaryDirectories, runCli, snapshotTree, temporaryDirectory, writeFiles } from './harness.js';

let cli: string;

beforeAll(() => {
  cli = buildFixtureCli();
});

afterAll(removeTemporaryDirectories);

function git(repository: string, ...args: string[]): void {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: repository, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** A committed repository with `web/src/rooms.ts` and `api/src/hub.ts`, both needing the codemod. */
function committedRepository(): string {
  const repository = join(temporaryDirectory('git'), 'repo');
  writeFiles(repository, { 'web/src/rooms.ts': FLOATING_JOIN, 'api/src/hub.ts': FLOATING_JOIN, 'README.md': '# app\n' });
  git(repository, 'init', '-q');
  git(repository, 'add', '.');
  git(repository, 'commit', '-q', '-m', 'initial');
  return repository;
}

const isFixed = (repository: string, path: string): boolean => readFileSync(join(repository, path), 'utf8').includes('await connection.invoke');

describe('writing into a git work tree', () => {
  it('goes ahead when everything under the given paths is committed', () => {
    const repository = committedRepository();
    writeFileSync(join(repository, 'README.md'), '# app, edited\n');
    const run = runCli(cli, ['all', 'web'], { cwd: repository });
    // README.md is dirty, but outside `web`: nothing the run may touch.
    expect(run.status).toBe(0);
    expect(isFixed(repository, 'web/src/rooms.ts')).toBe(true);
  });

  it('refuses, naming the files, when a file under the given paths has uncommitted changes', () => {
    const repository = committedRepository();
    writeFileSync(join(repository, 'web/src/rooms.ts'), `${FLOATING_JOIN}// work in progress\n`);
    const before = snapshotTree(repository);
    const run = runCli(cli, ['all', '.'], { cwd: repository });
    expect(run.status).toBe(3);
    expect(run.stderr).toBe(
      "signalr-codemod: refusing to write: these files have uncommitted changes, and the codemods' edits would mix with them:\n" +
        '  web/src/rooms.ts\n' +
        'Commit or stash them first, or use --force to write anyway (--dry and --check never write).\n',
    );
    expect(run.stdout).toBe('');
    expect(snapshotTree(repository)).toEqual(before);
  });

  it('refuses when an untracked file lies under the given paths, also from a subdirectory', () => {
    const repository = committedRepository();
    writeFiles(repository, { 'api/src/new.ts': FLOATING_JOIN });
    const run = runCli(cli, ['all', 'src'], { cwd: join(repository, 'api') });
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('\n  src/new.ts\n');
    expect(isFixed(repository, 'api/src/hub.ts')).toBe(false);
  });

  it('writes anyway with --force', () => {
    const repository = committedRepository();
    writeFiles(repository, { 'web/src/new.ts': FLOATING_JOIN });
    const run = runCli(cli, ['all', '.', '--force'], { cwd: repository });
    expect(run.status).toBe(0);
    expect(isFixed(repository, 'web/src/rooms.ts')).toBe(true);
    expect(isFixed(repository, 'web/src/new.ts')).toBe(true);
    // The tree is now dirty with the codemods' own changes: -f is --force.
    expect(runCli(cli, ['all', '.'], { cwd: repository }).status).toBe(3);
    expect(runCli(cli, ['all', '.', '-f'], { cwd: repository }).status).toBe(0);
  });

  it('does not ask with --dry or --check, which never write', () => {
    const repository = committedRepository();
    writeFiles(repository, { 'web/src/new.ts': FLOATING_JOIN });
    expect(runCli(cli, ['all', '.', '--dry'], { cwd: repository }).status).toBe(0);
    expect(runCli(cli, ['all', '.', '--check'], { cwd: repository }).status).toBe(1);
  });

  it('honours the repository .gitignore and .git/info/exclude above the given path', () => {
    const repository = committedRepository();
    writeFiles(repository, { '.gitignore': 'generated/\n', '.git/info/exclude': 'scratch.ts\n' });
    git(repository, 'add', '.gitignore');
    git(repository, 'commit', '-q', '-m', 'ignore generated code');
    writeFiles(repository, { 'web/src/generated/client.ts': FLOATING_JOIN, 'web/src/scratch.ts': FLOATING_JOIN });
    const run = runCli(cli, ['all', 'src'], { cwd: join(repository, 'web') });
    expect(run.status).toBe(0);
    expect(isFixed(repository, 'web/src/rooms.ts')).toBe(true);
    expect(isFixed(repository, 'web/src/generated/client.ts')).toBe(false);
    expect(isFixed(repository, 'web/src/scratch.ts')).toBe(false);
  });

  it('never runs a program named by the repository configuration while asking git', () => {
    const repository = committedRepository();
    const marker = join(repository, '..', 'fsmonitor-ran');
    const hook = join(repository, '..', 'fsmonitor.sh');
    writeFileSync(hook, `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
    git(repository, 'config', 'core.fsmonitor', hook);
    const run = runCli(cli, ['all', '.'], { cwd: repository });
    expect(run.status).toBe(0);
    expect(existsSync(marker)).toBe(false);
  });
});
