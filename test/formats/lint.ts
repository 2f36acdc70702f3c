// Lints in-memory files through ESLint's Node API with the setups the README gives for each format,
// so the format tests check what users run: the parser or language, the plugin's configs, positions.
import json from '@eslint/json';
import { ESLint, type Linter } from 'eslint';
import html from 'eslint-plugin-html';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';

import plugin from '../../rules/index.js';

const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Finding {
  readonly ruleId: string | null;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly fatal: boolean;
}

/** The README's configs: TypeScript, the recommended rules, Vue, HTML pages (with Razor and Web Forms), JSON. */
export const README_CONFIG: Linter.Config[] = [
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
  plugin.configs.recommended as Linter.Config,
  {
    ...(plugin.configs.vue as Linter.Config),
    languageOptions: { parser: vueParser as Linter.Parser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  },
  {
    files: ['**/*.html', '**/*.cshtml', '**/*.aspx'],
    plugins: { html: html as never },
    settings: { 'html/html-extensions': ['.html', '.cshtml', '.aspx'] },
  },
  { plugins: { json } },
  plugin.configs.json as Linter.Config,
];

/** Lints `text` as the file `filePath` (relative to the repository) and returns what ESLint reports. */
export async function lintAs(filePath: string, text: string, config: Linter.Config[] = README_CONFIG): Promise<Finding[]> {
  const eslint = new ESLint({ cwd: REPOSITORY_ROOT, overrideConfigFile: true, overrideConfig: config, ignore: false });
  const [result] = await eslint.lintText(text, { filePath });
  return (result?.messages ?? []).map((message) => ({
    ruleId: message.ruleId,
    line: message.line,
    column: message.column,
    message: message.message,
    fatal: message.fatal === true,
  }));
}

/** `rule line:column` of each finding, for compact assertions. */
export function positions(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.ruleId ?? 'fatal'} ${finding.line}:${finding.column}`);
}
