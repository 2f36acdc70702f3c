// The packed package on the other formats, as users meet it: `npm pack`, unpacked into a temporary
// project whose eslint.config.js is the README's (Vue through vue-eslint-parser, HTML pages through
// eslint-plugin-html, Azure Functions JSON through @eslint/json), linted by the ESLint 10 and 9 CLIs.
// As in package.test.ts, the project sits inside this repository so that the plugin's dependencies and
// the optional peers resolve from its node_modules without a network install.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const ESLINT_BINS = {
  10: join(root, 'node_modules/eslint/bin/eslint.js'),
  9: join(root, 'test/compat/eslint-9/node_modules/eslint/bin/eslint.js'),
};

const CONFIG = `import json from '@eslint/json';
import signalr from 'eslint-plugin-signalr';
import html from 'eslint-plugin-html';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';

export default [
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tseslint.parser } },
  { plugins: { json } },
  signalr.configs.recommended,
  {
    ...signalr.configs.vue,
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  },
  {
    files: ['**/*.html', '**/*.cshtml', '**/*.aspx'],
    plugins: { html },
    settings: { 'html/html-extensions': ['.html', '.cshtml', '.aspx'] },
  },
  signalr.configs.json,
];
`;

const FILES: Record<string, string> = {
  'eslint.config.js': CONFIG,
  'api/negotiate/function.json': `{
  "bindings": [
    { "type": "httpTrigger", "direction": "in", "name": "req", "methods": ["get"] },
    { "type": "http", "direction": "out", "name": "res" },
    { "type": "signalRConnectionInfo", "direction": "in", "name": "connectionInfo", "hubName": "chat" }
  ]
}
`,
  'api/broken/function.json': '{ "bindings": [\n',
  'src/Chat.vue': `<template><p>{{ status }}</p></template>

<script setup lang="ts">
import { HubConnectionBuilder } from '@microsoft/signalr';
import { onUnmounted, ref } from 'vue';

const status = ref<string>('connecting');
const connection = new HubConnectionBuilder().withUrl('/hubs/chat', { skipNegotiation: true }).withAutomaticReconnect().build();
onUnmounted(() => connection.stop());
</script>
`,
  'wwwroot/chat.html': `<!DOCTYPE html>
<html>
<body>
  <script>
    var connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat?hub=chat').withAutomaticReconnect().build();
    connection.start().catch(console.error);
  </script>
</body>
</html>
`,
  'src/ok.js': 'export const answer = 42;\n',
};

/** What each file must get: `rule line:column`, or `fatal` for a parse error. */
const EXPECTED: Record<string, string[]> = {
  'api/broken/function.json': ['fatal 1:1'],
  'api/negotiate/function.json': ['signalr/negotiate-accepts-post 3:75'],
  'eslint.config.js': [],
  'src/Chat.vue': ['signalr/no-skip-negotiation 8:71'],
  'src/ok.js': [],
  'wwwroot/chat.html': ['signalr/no-hub-query-param 5:65'],
};

let workspace: string;

beforeAll(() => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  workspace = mkdtempSync(join(root, '.tmp/package-formats-'));
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', workspace], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  ) as [{ filename: string }];
  const installed = join(workspace, 'node_modules', 'eslint-plugin-signalr');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(workspace, packed.filename), '-C', installed, '--strip-components=1']);
  const project = join(workspace, 'project');
  writeFileSync(join(workspace, 'package.json'), JSON.stringify({ name: 'formats-workspace', private: true, type: 'module' }));
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(project, file)), { recursive: true });
    writeFileSync(join(project, file), text);
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'formats', private: true, type: 'module' }));
}, 120_000);

afterAll(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe.each([10, 9] as const)('the packed package in ESLint %i', (version) => {
  it('lints Vue components, HTML pages and function.json with the README setup', () => {
    const result = spawnSync(process.execPath, [ESLINT_BINS[version], '--format', 'json', '.'], { cwd: join(workspace, 'project'), encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const files = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string | null; line: number; column: number; fatal?: boolean }[] }[];
    const found = Object.fromEntries(
      files.map((file) => [
        file.filePath.slice(join(workspace, 'project').length + 1).replaceAll('\\', '/'),
        file.messages.map((message) => `${message.fatal ? 'fatal' : message.ruleId} ${message.line}:${message.column}`),
      ]),
    );
    expect(found).toEqual(EXPECTED);
    expect(result.status).toBe(1);
  });
});
