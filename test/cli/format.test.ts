// `--format`: the project's own Prettier, with its own config, on the files the codemods changed;
// a clear message, and the codemods' text, where the project has no Prettier or no config.
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { assertBuilt, BUILT_CLI, REPO, removeTemporaryDirectories, runCli, temporaryDirectory, writeFiles } from './harness.js';

afterAll(removeTemporaryDirectories);

const CLIENT = `import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.start().catch((error: unknown) => console.error(error));
`;

function project(files: Readonly<Record<string, string>>, withPrettier: boolean): string {
  assertBuilt();
  const root = temporaryDirectory('format');
  writeFiles(root, { 'package.json': '{ "name": "app", "private": true }\n', 'src/chat.ts': CLIENT, ...files });
  if (withPrettier) {
    writeFiles(root, { 'node_modules/.keep': '' });
    symlinkSync(join(REPO, 'node_modules', 'prettier'), join(root, 'node_modules', 'prettier'), 'dir');
  }
  return root;
}

describe('--format', () => {
  it("formats the changed file with the project's Prettier and config", () => {
    const root = project({ '.prettierrc.json': '{ "singleQuote": false, "printWidth": 80 }\n' }, true);
    const run = runCli(BUILT_CLI, ['add-reconnect', 'src', '--format', '--force', '--silent'], { cwd: root });
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(join(root, 'src', 'chat.ts'), 'utf8');
    expect(text).toContain('import { HubConnectionBuilder } from "@microsoft/signalr";');
    // Prettier wraps code, not comments.
    expect(text.split('\n').filter((line) => line.length > 80 && !/^\s*(\/\/|\*|\/\*)/.test(line))).toEqual([]);
  });

  it('leaves the text as the codemods wrote it, and says why, without a Prettier config', () => {
    const root = project({}, true);
    const run = runCli(BUILT_CLI, ['add-reconnect', 'src', '--format', '--force'], { cwd: root });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('--format: no Prettier config applies to this file');
    expect(readFileSync(join(root, 'src', 'chat.ts'), 'utf8')).toContain("from '@microsoft/signalr';");
  });

  it('says how to install Prettier when the project has none', () => {
    const root = project({ '.prettierrc.json': '{}\n' }, false);
    const run = runCli(BUILT_CLI, ['add-reconnect', 'src', '--format', '--dry'], { cwd: root });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('--format: Prettier is not installed where this file can load it (npm install --save-dev prettier)');
  });
});
