// The formats beyond JavaScript as the package test installs them: Vue components through
// vue-eslint-parser, HTML pages through eslint-plugin-html and Azure Functions JSON through @eslint/json,
// each set up the way the README says, in one project, and what ESLint must report on each file.

/** Packages the README tells users to install for these formats. */
export const FORMAT_PACKAGES = ['@eslint/json', 'eslint-plugin-html', 'vue-eslint-parser'];

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

/** A project using every format, with the README's setup of each, in one `eslint.config.js`. */
export const FORMAT_FILES: Record<string, string> = {
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
export const FORMAT_REPORTS: Record<string, string[]> = {
  'api/broken/function.json': ['fatal 1:1'],
  'api/negotiate/function.json': ['signalr/negotiate-accepts-post 3:75'],
  'eslint.config.js': [],
  'src/Chat.vue': ['signalr/no-skip-negotiation 8:71'],
  'src/ok.js': [],
  'wwwroot/chat.html': ['signalr/no-hub-query-param 5:65'],
};
