// The built CLI writes the helpers that add-reconnect's rewrites call once per project: a module in the
// folder that holds the files that need them (or where --helpers-module says), imported by every file, or
// into the one file that needs them; a second run changes nothing.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { assertBuilt, BUILT_CLI, parseReport, removeTemporaryDirectories, REPO, runCli, temporaryDirectory, writeFiles } from './harness.js';

afterAll(removeTemporaryDirectories);

const CLIENT = (hub: string): string => `import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/${hub}').build();
connection.start().catch((error: unknown) => console.error(error));
`;

/** A connection that reconnects, but whose first start nobody retries: handle-start-errors retries it. */
const RECONNECTING = (hub: string): string => `import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/${hub}').withAutomaticReconnect().build();
connection.on('update', (value: string) => console.log(value));
connection.start();
`;

/** A connection a function opens and leaves open: add-disposal stops it, with no helper. */
const ONE_SHOT = `
export async function latest(): Promise<string> {
  const once = new HubConnectionBuilder().withUrl('/hubs/latest').build();
  await once.start();
  return once.invoke<string>('Latest');
}
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

  it('puts the module in the folder that holds the files, not inside one of their folders', () => {
    const root = project({ 'src/app/chat/chat.ts': CLIENT('chat'), 'src/app/header/header.ts': CLIENT('header') });
    expect(runCli(BUILT_CLI, ['add-reconnect', 'src', '--silent'], { cwd: root }).status).toBe(0);
    expect(existsSync(join(root, 'src', 'app', 'signalr-helpers.ts'))).toBe(true);
    expect(existsSync(join(root, 'src', 'app', 'chat', 'signalr-helpers.ts'))).toBe(false);
    expect(readFileSync(join(root, 'src', 'app', 'header', 'header.ts'), 'utf8')).toContain("from '../signalr-helpers';");
  });

  it("writes the import in the quotes of the file's imports, whatever its other strings use", () => {
    const doubleQuotedCode = `import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl("/hubs/board").build();
connection.on("Posted", (text: string) => console.log("posted", text));
connection.start().catch((error: unknown) => console.error("start failed", error));
`;
    const root = project({ 'src/board.ts': doubleQuotedCode, 'src/chat.ts': CLIENT('chat') });
    expect(runCli(BUILT_CLI, ['add-reconnect', 'src', '--silent'], { cwd: root }).status).toBe(0);
    expect(readFileSync(join(root, 'src', 'board.ts'), 'utf8')).toContain("from './signalr-helpers';");
  });

  it('finds the module an earlier run wrote in a folder above the files', () => {
    const root = project({ 'src/app/chat/chat.ts': CLIENT('chat'), 'src/app/header/header.ts': CLIENT('header') });
    expect(runCli(BUILT_CLI, ['add-reconnect', 'src', '--silent'], { cwd: root }).status).toBe(0);
    writeFiles(root, { 'src/app/footer/footer.ts': CLIENT('footer'), 'src/app/footer/links/links.ts': CLIENT('links') });
    expect(runCli(BUILT_CLI, ['add-reconnect', 'src', '--silent'], { cwd: root }).status).toBe(0);
    expect(existsSync(join(root, 'src', 'app', 'footer', 'signalr-helpers.ts'))).toBe(false);
    expect(readFileSync(join(root, 'src', 'app', 'footer', 'links', 'links.ts'), 'utf8')).toContain("from '../../signalr-helpers';");
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

  it('with --helpers-module, a single file that needs helpers imports them from that module too', () => {
    const root = project({ 'src/chat.ts': CLIENT('chat') });
    const run = runCli(BUILT_CLI, ['add-reconnect', 'src', '--silent', '--helpers-module', 'src/lib/signalr-helpers.ts'], { cwd: root });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(root, 'src', 'lib', 'signalr-helpers.ts'), 'utf8')).toContain('export function startWithRetry(');
    const chat = readFileSync(join(root, 'src', 'chat.ts'), 'utf8');
    expect(chat).toContain("import { retryForever, startWithRetry } from './lib/signalr-helpers';");
    expect(chat).not.toContain('function startWithRetry(');
  });

  it('takes --helpers-module for handle-start-errors, which writes helpers too', () => {
    const root = project({ 'src/prices.ts': RECONNECTING('prices'), 'src/feeds/news.ts': RECONNECTING('news') });
    const run = runCli(BUILT_CLI, ['handle-start-errors', 'src', '--silent', '--helpers-module', 'src/lib/signalr-helpers.ts'], { cwd: root });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(root, 'src', 'lib', 'signalr-helpers.ts'), 'utf8')).toContain('export function startWithRetry(');
    expect(readFileSync(join(root, 'src', 'prices.ts'), 'utf8')).toContain("import { startWithRetry } from './lib/signalr-helpers';");
    expect(readFileSync(join(root, 'src', 'feeds', 'news.ts'), 'utf8')).toContain("import { startWithRetry } from '../lib/signalr-helpers';");
    expect(existsSync(join(root, 'src', 'signalr-helpers.ts'))).toBe(false);
  });

  it('takes --helpers-module with all', () => {
    const root = project({ 'src/chat.ts': CLIENT('chat'), 'src/news.ts': RECONNECTING('news') });
    const run = runCli(BUILT_CLI, ['all', 'src', '--silent', '--helpers-module=lib/helpers.ts'], { cwd: root });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(root, 'lib', 'helpers.ts'), 'utf8')).toContain('export const retryForever');
    expect(readFileSync(join(root, 'src', 'chat.ts'), 'utf8')).toContain("import { retryForever, startWithRetry } from '../lib/helpers';");
    expect(readFileSync(join(root, 'src', 'news.ts'), 'utf8')).toContain("import { startWithRetry } from '../lib/helpers';");
  });

  it('refuses --helpers-module for a run without a codemod that writes helpers', () => {
    const root = project({ 'src/chat.ts': CLIENT('chat') });
    const run = runCli(BUILT_CLI, ['add-awaits', 'add-disposal', 'src', '--dry', '--helpers-module', 'lib/helpers.ts'], { cwd: root });
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('--helpers-module is an option of add-reconnect and handle-start-errors, neither of which this run includes.');
  });

  it('--help shows --helpers-module once, for every codemod that writes helpers', () => {
    const run = runCli(BUILT_CLI, ['--help'], { cwd: REPO });
    expect(run.stdout.match(/--helpers-module/g)).toHaveLength(1);
    expect(run.stdout).toMatch(/ {6}--helpers-module <path>\n {28}add-reconnect, handle-start-errors: Where the generated helpers module/);
  });
});

describe('the JSON report', () => {
  it('names as changing the helpers module only the codemods that write helpers', () => {
    // news.ts is changed by add-disposal (no helper) and handle-start-errors (startWithRetry).
    const root = project({ 'src/chat.ts': CLIENT('chat'), 'src/news.ts': `${RECONNECTING('news')}${ONE_SHOT}` });
    const run = runCli(BUILT_CLI, ['all', 'src', '--dry', '--json', '--helpers-module', 'lib/helpers.ts'], { cwd: root });
    expect(run.status, run.stderr).toBe(0);
    const changedBy = Object.fromEntries(parseReport(run).files.map((file) => [file.path, file.changedBy]));
    expect(changedBy).toEqual({
      'src/chat.ts': ['add-reconnect'],
      'src/news.ts': ['add-disposal', 'handle-start-errors'],
      'lib/helpers.ts': ['add-reconnect', 'handle-start-errors'],
    });
  });

  it('names a codemod that changed a file importing the helpers only when its own change called them', () => {
    // add-reconnect retries the module connection's start (startWithRetry); handle-start-errors then
    // catches the start of the function's own connection, which calls no helper.
    const shared = `${CLIENT('chat')}
export async function latest(): Promise<string> {
  const once = new HubConnectionBuilder().withUrl('/hubs/latest').build();
  try {
    once.start();
    return await once.invoke<string>('Latest');
  } finally {
    await once.stop();
  }
}
`;
    const root = project({ 'src/a.ts': shared, 'src/b.ts': shared });
    const run = runCli(BUILT_CLI, ['add-reconnect', 'handle-start-errors', 'src', '--dry', '--json'], { cwd: root });
    expect(run.status, run.stderr).toBe(0);
    const changedBy = Object.fromEntries(parseReport(run).files.map((file) => [file.path, file.changedBy]));
    expect(changedBy).toEqual({
      'src/a.ts': ['add-reconnect', 'handle-start-errors'],
      'src/b.ts': ['add-reconnect', 'handle-start-errors'],
      'src/signalr-helpers.ts': ['add-reconnect'],
    });
  });

  it('names only the codemod that needed the helpers when one did', () => {
    const root = project({ 'src/a.ts': `${RECONNECTING('a')}${ONE_SHOT}`, 'src/b.ts': RECONNECTING('b') });
    const run = runCli(BUILT_CLI, ['all', 'src', '--dry', '--json'], { cwd: root });
    expect(run.status, run.stderr).toBe(0);
    const module = parseReport(run).files.find((file) => file.path === 'src/signalr-helpers.ts');
    expect(module).toMatchObject({ status: 'changed', changedBy: ['handle-start-errors'] });
  });
});
