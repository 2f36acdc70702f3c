// Rule docs are executable: every ❌ block must be reported by its rule, every ✅ block must not.
import { Linter } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../rules/index.js';

const docsFolder = join(import.meta.dirname, '../docs/rules');

export interface DocExample {
  readonly kind: 'correct' | 'incorrect';
  readonly language: string;
  readonly code: string;
  readonly options: unknown[] | undefined;
  readonly line: number;
}

/** The code blocks under `### ❌ Incorrect` and `### ✅ Correct`, with `<!-- options: […] -->` before a block. */
export function docExamples(markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  const lines = markdown.split('\n');
  let kind: DocExample['kind'] | undefined;
  let options: unknown[] | undefined;
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
    const fence = /^```(\w+)/.exec(line);
    if (!fence) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
    if (kind && ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs'].includes(fence[1]!)) {
      examples.push({ kind, language: fence[1]!, code: body.join('\n'), options, line: start + 1 });
    }
    options = undefined;
  }
  return examples;
}

const linter = new Linter({ configType: 'flat' });

function lint(id: string, example: DocExample): Linter.LintMessage[] {
  const ruleEntry: Linter.RuleEntry = example.options ? ['error', ...example.options] : 'error';
  return linter.verify(
    example.code,
    [
      {
        files: ['**/*.{js,jsx,mjs,cjs,ts,tsx}'],
        languageOptions: { parser: tseslint.parser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { signalr: plugin as never },
        rules: { [`signalr/${id}`]: ruleEntry },
      },
    ],
    `example.${example.language === 'js' ? 'tsx' : example.language}`,
  );
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
      { kind: 'incorrect', language: 'ts', code: 'a();', options: undefined, line: 3 },
      { kind: 'correct', language: 'tsx', code: 'b();', options: [{ x: true }], line: 8 },
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
