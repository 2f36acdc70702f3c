import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';

import transform from '../../codemods/rejoin-groups-on-reconnect.js';
import rejoinGroupsOnReconnect from '../../rules/rejoin-groups-on-reconnect.js';
import { describeFixtures, fixtureCases } from './harness.js';

describeFixtures('rejoin-groups-on-reconnect', transform);

const plugin = { rules: { 'rejoin-groups-on-reconnect': rejoinGroupsOnReconnect } };

/** How many times the rule reports on `code`. */
function reports(code: string, path: string): number {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,jsx,ts,tsx}'],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: path.endsWith('x') } } },
        plugins: { signalr: plugin as never },
        rules: { 'signalr/rejoin-groups-on-reconnect': 'error' },
      },
    ],
    { filename: path.replace(/\.(input|output)\./, '.') },
  );
  expect(messages.filter((message) => !message.ruleId)).toEqual([]);
  return messages.length;
}

describe('rejoin-groups-on-reconnect codemod agrees with the rule', () => {
  for (const fixture of fixtureCases('rejoin-groups-on-reconnect')) {
    it(fixture.name, () => {
      const path = basename(fixture.inputPath);
      const before = reports(readFileSync(fixture.inputPath, 'utf8'), path);
      if (fixture.outputPath) {
        // It changes only what the rule reports, and afterwards the rule reports nothing.
        expect(before).toBeGreaterThan(0);
        expect(reports(readFileSync(fixture.outputPath, 'utf8'), path)).toBe(0);
      } else if (fixture.reportsPath) {
        // A skip is a report it could not fix: the rule still reports it.
        expect(before).toBeGreaterThan(0);
      } else {
        expect(before).toBe(0);
      }
    });
  }
});
