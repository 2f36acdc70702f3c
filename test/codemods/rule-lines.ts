// The lines one rule of the plugin reports in a source text: what a codemod's tests compare before
// and after the rewrite (it fixes what the rule reports, and touches nothing else).
import type { Rule } from 'eslint';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const linter = new Linter({ configType: 'flat' });

export function ruleReportLines(id: string, rule: unknown, path: string, source: string): number[] {
  const messages = linter.verify(
    source,
    [
      {
        files: ['**/*.{js,jsx,ts,tsx}'],
        languageOptions: { parser: tseslint.parser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: /x$/.test(path) } } },
        plugins: { signalr: { rules: { [id]: rule as Rule.RuleModule } } },
        rules: { [`signalr/${id}`]: 'error' },
      },
    ],
    path,
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${path}: ${fatal.message}`);
  return messages.map((message) => message.line);
}
