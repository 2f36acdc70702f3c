import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type { API, FileInfo, Transform } from 'jscodeshift';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';

import transform from '../../codemods/handle-start-errors.js';
import handleStartErrors from '../../rules/handle-start-errors.js';
import { describeFixtures, fixtureCases } from './harness.js';

const withRetryFirstStarts: Transform = (file: FileInfo, api: API) => transform(file, api, { retryFirstStarts: true });

describeFixtures('handle-start-errors', transform);
describeFixtures('handle-start-errors/retry-first-starts', withRetryFirstStarts);

const plugin = { rules: { 'handle-start-errors': handleStartErrors } };

/** How many times the rule (with `requireFirstStartRetry` as given) reports on `code`. */
function reports(code: string, path: string, requireFirstStartRetry: boolean): number {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,jsx,ts,tsx}'],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: path.endsWith('x') } } },
        plugins: { signalr: plugin as never },
        rules: { 'signalr/handle-start-errors': ['error', { requireFirstStartRetry }] },
      },
    ],
    { filename: path.replace(/\.(input|output)\./, '.') },
  );
  expect(messages.filter((message) => !message.ruleId)).toEqual([]);
  return messages.length;
}

describe('handle-start-errors codemod agrees with the rule', () => {
  for (const [folder, strict] of [
    ['handle-start-errors', false],
    ['handle-start-errors/retry-first-starts', true],
  ] as const) {
    for (const fixture of fixtureCases(folder)) {
      it(`${folder}/${fixture.name}`, () => {
        const path = basename(fixture.inputPath);
        const before = reports(readFileSync(fixture.inputPath, 'utf8'), path, strict);
        if (fixture.outputPath) {
          // It changes only what the rule reports, and afterwards the rule reports nothing.
          expect(before).toBeGreaterThan(0);
          expect(reports(readFileSync(fixture.outputPath, 'utf8'), path, strict)).toBe(0);
        } else if (fixture.reportsPath) {
          // A skip is a report it could not fix: the rule still reports it.
          expect(before).toBeGreaterThan(0);
        } else {
          expect(before).toBe(0);
        }
      });
    }
  }
});
