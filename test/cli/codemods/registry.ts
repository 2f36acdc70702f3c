// The registry the CLI tests build in place of codemods/registry.ts: test-only codemods whose
// behaviour the tests control, loaded by the CLI exactly as it loads the real ones.
import type { CodemodInfo } from '../../../codemods/registry.js';

export const CODEMODS: readonly CodemodInfo[] = [
  {
    name: 'fixture-await-joins',
    description: 'Awaits `invoke("JoinGroup", …)` statements in async functions (test fixture).',
    fixes: ['await-group-join'],
  },
  {
    name: 'fixture-trouble',
    description: 'Throws, exits, crashes its thread, breaks the syntax or names its thread on files carrying a marker (test fixture).',
    fixes: [],
    options: [
      { name: 'fixture-flag', type: 'boolean', description: 'A flag the fixture reports back on files carrying a marker.' },
      { name: 'fixture-style', type: 'string', choices: ['tabs', 'spaces'], description: 'A value the fixture reports back on files carrying a marker.' },
    ],
  },
];
