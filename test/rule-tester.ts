import json from '@eslint/json';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { RuleTester as ESLintRuleTester } from 'eslint';

/** A RuleTester that parses TypeScript and TSX modules, as most SignalR clients are written. */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  });
}

/**
 * ESLint's RuleTester in ESLint's JSON language (`@eslint/json`, JSONC so that commented settings
 * files parse), for rules that also lint configuration files. Give each case a `filename`.
 */
export function createJsonRuleTester(): ESLintRuleTester {
  return new ESLintRuleTester({ plugins: { json }, language: 'json/jsonc' });
}
