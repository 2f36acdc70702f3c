// Lints this repository: the plugin's own recommended config on our code (dogfooding, from the
// built dist/), eslint-plugin-eslint-plugin on the rules and their tests, typescript-eslint's
// recommended set everywhere.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

import signalr from './dist/rules/index.js';

export default [
  {
    ignores: ['dist/**', 'packages/*/dist/**', '.corpus/**', '.tmp/**', 'coverage/**', 'examples/**', 'bench/corpus/**', '**/__fixtures__/**', 'test/cli/fixtures/**'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Only types may come from @typescript-eslint/utils: at run time it would make a lint-only install
    // pull in typescript-estree and TypeScript (see rules/utils/create-rule.ts).
    files: ['core/**/*.ts', 'rules/**/*.ts', 'codemods/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@typescript-eslint/utils',
              allowTypeImports: true,
              message: 'Import AST_NODE_TYPES from @typescript-eslint/types; only types may come from @typescript-eslint/utils.',
            },
          ],
        },
      ],
    },
  },
  signalr.configs.recommended,
  {
    ...eslintPlugin.configs.rules,
    files: ['rules/*.ts'],
    rules: {
      ...eslintPlugin.configs.rules.rules,
      // Descriptions are sentences, capitalised as in typescript-eslint.
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow)' }],
      // createRule (ESLintUtils.RuleCreator) adds the URL; test/meta.test.ts checks it.
      'eslint-plugin/require-meta-docs-url': 'off',
    },
  },
  { ...eslintPlugin.configs.tests, files: ['test/rules/*.test.ts'] },
];
