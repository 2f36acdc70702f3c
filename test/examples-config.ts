// The one ESLint setup for `examples/`, shared by `npm run example` (scripts/example.ts, plugin from
// dist/) and test/examples.test.ts (plugin from source): what is linted there, and how, lives here.
import json from '@eslint/json';
import { ESLint, type Linter } from 'eslint';
import html from 'eslint-plugin-html';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';

import type signalrPlugin from '../rules/index.js';

export type SignalRPlugin = typeof signalrPlugin;
export type ExamplesConfigName = 'all' | 'recommended';

export const REPOSITORY_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The example app, relative to the repository root. */
export const EXAMPLES_DIR = 'examples';

const SOURCE_FILES = ['**/*.js', '**/*.jsx', '**/*.ts', '**/*.tsx'];
/** Pages whose inline `<script>`s eslint-plugin-html hands to ESLint. */
const PAGE_FILES = ['**/*.html'];

/** The flat config that lints `examples/` with one of the plugin's configs. */
export function examplesConfig(plugin: SignalRPlugin, configName: ExamplesConfigName): Linter.Config[] {
  const pluginConfig = plugin.configs[configName];
  // `configs` also holds the eslintrc variants, whose `plugins` is a list of names.
  if (!pluginConfig || Array.isArray(pluginConfig.plugins)) {
    throw new Error(`eslint-plugin-signalr has no flat config named "${configName}"`);
  }
  const vueConfig = plugin.configs.vue as Linter.Config;
  return [
    { ...(pluginConfig as Linter.Config), files: [...SOURCE_FILES, ...PAGE_FILES] },
    // The README's setups for Vue, HTML pages and JSON configuration, with the same rules.
    {
      ...vueConfig,
      rules: (pluginConfig as Linter.Config).rules,
      languageOptions: { parser: vueParser as Linter.Parser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
    },
    { files: PAGE_FILES, plugins: { html: html as never } },
    { plugins: { json } },
    plugin.configs.json as Linter.Config,
    {
      name: 'examples/typescript',
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: { parser: tseslint.parser as Linter.Parser },
    },
    {
      // The classic client's files are plain browser scripts, loaded by <script> tags.
      name: 'examples/classic-scripts',
      files: ['**/classic-client/**/*.js'],
      languageOptions: { sourceType: 'script' },
    },
  ];
}

/** Lints `examples/` from the repository root; a rule that throws rejects the promise. */
export async function lintExamples(plugin: SignalRPlugin, configName: ExamplesConfigName): Promise<ESLint.LintResult[]> {
  const eslint = new ESLint({
    cwd: REPOSITORY_ROOT,
    overrideConfigFile: true,
    overrideConfig: examplesConfig(plugin, configName),
  });
  return eslint.lintFiles([EXAMPLES_DIR]);
}
