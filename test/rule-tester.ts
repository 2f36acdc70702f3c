import { RuleTester } from '@typescript-eslint/rule-tester';

/** A RuleTester that parses TypeScript and TSX modules, as most SignalR clients are written. */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  });
}
