// Rule docs are executable: every ❌ block must be reported by its rule, every ✅ block must not.
import json from '@eslint/json';
import { Linter } from 'eslint';
import html from 'eslint-plugin-html';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';
import { describe, expect, it } from 'vitest';

import plugin from '../rules/index.js';

const docsFolder = join(import.meta.dirname, '../docs/rules');

export interface DocExample {
  readonly kind: 'correct' | 'incorrect';
  readonly language: string;
  readonly code: string;
  readonly options: unknown[] | undefined;
  /** From `<!-- filename: api/negotiate/function.json -->` before the block: rules that read the file's name need it. */
  readonly filename: string | undefined;
  readonly line: number;
}

/** Code block languages the docs test lints, each in the setup the README gives users. */
const LINTED_LANGUAGES = ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json', 'jsonc', 'vue', 'html'];

/**
 * The code blocks under `### ❌ Incorrect` and `### ✅ Correct`, with `<!-- options: […] -->` and
 * `<!-- filename: … -->` before a block.
 */
export function docExamples(markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  const lines = markdown.split('\n');
  let kind: DocExample['kind'] | undefined;
  let options: unknown[] | undefined;
  let filename: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#')) {
      kind = /^###\s+❌/.test(line) ? 'incorrect' : /^###\s+✅/.test(line) ? 'correct' : line.startsWith('### ') ? kind : undefined;
      if (/^##\s/.test(line)) kind = undefined;
      continue;
    }
    const optionsComment = /^<!--\s*options:\s*(.*?)\s*-->$/.exec(line);
    if (optionsComment) {
      options = JSON.parse(optionsComment[1]!) as unknown[];
      continue;
    }
    const filenameComment = /^<!--\s*filename:\s*(.*?)\s*-->$/.exec(line);
    if (filenameComment) {
      filename = filenameComment[1];
      continue;
    }
    const fence = /^```(\w+)/.exec(line);
    if (!fence) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
    if (kind && LINTED_LANGUAGES.includes(fence[1]!)) {
      examples.push({ kind, language: fence[1]!, code: body.join('\n'), options, filename, line: start + 1 });
    }
    options = undefined;
    filename = undefined;
  }
  return examples;
}

const linter = new Linter({ configType: 'flat' });

function lint(id: string, example: DocExample): Linter.LintMessage[] {
  const ruleEntry: Linter.RuleEntry = example.options ? ['error', ...example.options] : 'error';
  const rules = { [`signalr/${id}`]: ruleEntry };
  const plugins = { signalr: plugin as never };
  return linter.verify(
    example.code,
    [
      {
        files: ['**/*.{js,jsx,mjs,cjs,ts,tsx}'],
        languageOptions: { parser: tseslint.parser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins,
        rules,
      },
      { files: ['**/*.json'], plugins: { ...plugins, json }, language: 'json/jsonc', rules },
      {
        files: ['**/*.vue'],
        languageOptions: { parser: vueParser as Linter.Parser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
        plugins,
        rules,
      },
      { files: ['**/*.html'], plugins: { ...plugins, html: html as never }, rules },
    ],
    example.filename ?? `example.${defaultExtension(example.language)}`,
  );
}

function defaultExtension(language: string): string {
  if (language === 'js') return 'tsx';
  return language === 'jsonc' ? 'json' : language;
}

describe('docExamples', () => {
  it('reads kinds, languages and options', () => {
    const markdown = [
      '## Examples',
      '### ❌ Incorrect',
      '```ts',
      'a();',
      '```',
      '### ✅ Correct',
      '<!-- options: [{ "x": true }] -->',
      '```tsx',
      'b();',
      '```',
      '## Options',
      '```js',
      'not an example',
      '```',
    ].join('\n');
    expect(docExamples(markdown)).toEqual([
      { kind: 'incorrect', language: 'ts', code: 'a();', options: undefined, filename: undefined, line: 3 },
      { kind: 'correct', language: 'tsx', code: 'b();', options: [{ x: true }], filename: undefined, line: 8 },
    ]);
  });

  it('reads a file name for the next block only', () => {
    const markdown = ['### ❌ Incorrect', '<!-- filename: api/negotiate/function.json -->', '```json', '{}', '```', '```json', '[]', '```'].join('\n');
    expect(docExamples(markdown).map((example) => [example.language, example.filename])).toEqual([
      ['json', 'api/negotiate/function.json'],
      ['json', undefined],
    ]);
  });
});

for (const file of readdirSync(docsFolder).filter((name) => name.endsWith('.md'))) {
  const id = file.slice(0, -'.md'.length);
  const examples = docExamples(readFileSync(join(docsFolder, file), 'utf8'));
  describe(`docs/rules/${file}`, () => {
    it('has incorrect and correct examples', () => {
      expect(examples.some((example) => example.kind === 'incorrect')).toBe(true);
      expect(examples.some((example) => example.kind === 'correct')).toBe(true);
    });
    for (const example of examples) {
      it(`${example.kind} example at line ${example.line}`, () => {
        const messages = lint(id, example);
        // A parse error or an unmatched file would make every check below pass vacuously.
        expect(messages.filter((message) => message.ruleId === null)).toEqual([]);
        const reports = messages.filter((message) => message.ruleId === `signalr/${id}`);
        if (example.kind === 'incorrect') expect(reports.length).toBeGreaterThan(0);
        else expect(reports).toEqual([]);
      });
    }
  });
}
