// The built CLI writes the helpers that add-reconnect's rewrites call once per project: a module next
// to the first file that needs them (or where --helpers-module says), imported by every file, or
// into the one file that needs them; a second run changes nothing.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { assertBuilt, BUILT_CLI, removeTemporaryDirectories, runCli, temporaryDirectory, writeFiles } from './harness.js';

afterAll(removeTemporaryDirectories);

const CLIENT = (hub: string): string => `import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/${hub}').build();
connection.start().catch((error: unknown) => console.error(error));
`;

function project(files: Readonly<Record<string, string>>): string {
  assertBuilt();
  const root = temporaryDirectory('helpers');
  writeFiles(root, { 'package.json': '{ "name": "app", "private": true }\n', ...files });
  return root;
}

describe('generated helpers, once per project', () => {
  it('writes one module next to the first file that needs it and imports it everywhere; a second run changes nothing', () => {
    const root = project({ 'src/chat.ts': CLIENT('chat'), 'src/orders/orders.ts': CLIENT('orders') });
    const run = runCli(BUILT_CLI, ['add-reconnect', 'src', '--silent'], { cwd: root });
    expect(run.status, run.stderr).toBe(0);
    const module = readFileSync(join(root, 'src', 'signalr-helpers.ts'), 'utf8');
    expect(module.match(/export function startWithRetry/g)).toHaveLength(1);
    expect(readFileSync(join(root, 'src', 'chat.ts'), 'utf8')).toContain("import { retryForever, startWithRetry } from './signalr-helpers';");
    expect(readFileSync(join(root, 'src', 'orders', 'orders.ts'), 'utf8')).toContain("from '../signalr-helpers';");
    const again = runCli(BUILT_CLI, ['add-reconnect', 'src', '--check', '--silent'], { cwd: root });
    expect(again.status, again.stdout).toBe(0);
  });

  it('puts the helpers into the only file that needs them', () => {
    const root = project({ 'src/chat.ts': CLIENT('chat') });
    expect(runCli(BUILT_CLI, ['add-reconnect', 'src', '--silent'], { cwd: root }).status).toBe(0);
    expect(existsSync(join(root, 'src', 'signalr-helpers.ts'))).toBe(false);
    expect(readFileSync(join(root, 'src', 'chat.ts'), 'utf8')).toContain('function startWithRetry(');
  });

  it('without a package.json or .git above them, shares no module between files of different folders', () => {
    assertBuilt();
    const root = temporaryDirectory('helpers');
    writeFiles(root, { 'shop/cart.ts': CLIENT('cart'), 'admin/audit.ts': CLIENT('audit') });
    expect(runCli(BUILT_CLI, ['add-reconnect', '.', '--silent'], { cwd: root }).status).toBe(0);
    for (const file of ['shop/cart.ts', 'admin/audit.ts']) {
      expect(readFileSync(join(root, file), 'utf8')).toContain('function startWithRetry(');
      expect(existsSync(join(root, dirname(file), 'signalr-helpers.ts'))).toBe(false);
    }
  });

  it('honours --helpers-module, and shows the new module as a new file in --print', () => {
    const root = project({ 'src/a.ts': CLIENT('a'), 'src/b.ts': CLIENT('b') });
    const run = runCli(BUILT_CLI, ['add-reconnect', 'src', '--dry', '--print', '--helpers-module', 'lib/reconnect.ts'], { cwd: root });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('--- /dev/null\n+++ b/lib/reconnect.ts');
    expect(run.stdout).toContain("from '../lib/reconnect';");
    expect(existsSync(join(root, 'lib'))).toBe(false);
  });
});
