// The lock-file check that keeps `npm ci` working when a dist-tag moves on the registry.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const script = join(root, 'scripts/check-lock.mjs');
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function check(packageJson: object, packages: Record<string, object>): { status: number | null; stderr: string } {
  const folder = mkdtempSync(join(tmpdir(), 'check-lock-'));
  folders.push(folder);
  writeFileSync(join(folder, 'package.json'), JSON.stringify(packageJson));
  writeFileSync(join(folder, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages }));
  const result = spawnSync(process.execPath, [script, folder], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

const TREE = {
  '': { dependencies: { formatter: '^3.1.0' } },
  'node_modules/formatter': { version: '3.1.0', dependencies: { chardet: 'latest', types: '*', util: '~1.2.0' } },
  'node_modules/chardet': { version: '4.0.0' },
};

describe('scripts/check-lock.mjs', () => {
  it('passes on this repository', () => {
    const result = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('names the package that asks for an un-pinned dist-tag', () => {
    const result = check({ name: 'app' }, TREE);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('formatter depends on chardet@"latest"');
    expect(result.stderr).not.toContain('types');
    expect(result.stderr).not.toContain('util');
  });

  it('accepts a dist-tag pinned by overrides', () => {
    expect(check({ name: 'app', overrides: { chardet: '4.0.0' } }, TREE).status).toBe(0);
  });

  it('does not accept an override that is itself a dist-tag', () => {
    expect(check({ name: 'app', overrides: { chardet: 'next' } }, TREE).status).toBe(1);
  });

  it('checks nested packages and optional dependencies too', () => {
    const result = check({ name: 'app' }, {
      '': {},
      'packages/tool/node_modules/parser': { version: '1.0.0', optionalDependencies: { native: 'beta' } },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('parser depends on native@"beta"');
  });
});
