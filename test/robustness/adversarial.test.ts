// Rules and codemods against what real repositories contain and tidy fixtures do not (see
// adversarial-inputs.ts): nothing may throw, a file that does not parse is reported as such, and the
// odd encodings get exactly the treatment of the plain file. (The CLI's own handling of such files is
// tested with the CLI.)
import type { Linter } from 'eslint';
import { Linter as ESLintLinter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

import { CODEMODS } from '../../codemods/registry.js';
import {
  CLIENT_VARIANTS,
  DEEPLY_NESTED,
  BULK,
  HUGE_CLIENT,
  NORMALISE,
  PLAIN_CLIENT,
  SYNTAX_ERRORS,
  UNUSUAL_SYNTAX,
} from './adversarial-inputs.js';
import type { SourceFile } from './inputs.js';
import { lintConfig, parseError, transformProblems } from './inputs.js';
import type { TransformOutcome } from './isolated-transforms.js';
import { transformInIsolation } from './isolated-transforms.js';

const linter = new ESLintLinter({ configType: 'flat' });
const VARIANTS = Object.keys(CLIENT_VARIANTS) as (keyof typeof CLIENT_VARIANTS)[];
const VALID_ODDITIES = [...DEEPLY_NESTED, ...UNUSUAL_SYNTAX];

/** Lints with the `all` config (or none); a rule that throws makes this throw. */
function verify(file: SourceFile, rules: 'all' | 'none' = 'all'): Linter.LintMessage[] {
  return linter.verify(file.text, lintConfig(rules), { filename: file.path });
}

/** The plugin's reports as `line ruleId/messageId`: columns differ where tabs replace spaces. */
function reports(messages: readonly Linter.LintMessage[], lineShift = 0): string[] {
  return messages
    .filter((message) => message.ruleId?.startsWith('signalr/'))
    .map((message) => `${message.line + lineShift} ${message.ruleId}/${message.messageId}`);
}

describe('rules on adversarial input', () => {
  const plainReports = reports(verify(PLAIN_CLIENT));

  it('report the plain client, so that the comparisons below compare something', () => {
    expect(plainReports.length).toBeGreaterThan(0);
  });

  it('turn a syntax error into one fatal message, not an exception', () => {
    for (const file of SYNTAX_ERRORS) {
      const fatal = verify(file).filter((message) => message.fatal);
      expect({ path: file.path, fatal: fatal.length }).toEqual({ path: file.path, fatal: 1 });
    }
  });

  it.each(VARIANTS)('report a file with %s exactly as the plain one', (variant) => {
    expect(reports(verify(CLIENT_VARIANTS[variant]))).toEqual(plainReports);
  });

  it('report a 5 MB file exactly as its SignalR part alone, lines moved down', () => {
    expect(HUGE_CLIENT.text.length).toBeGreaterThan(5 * 1024 * 1024);
    const bulkLines = BULK.split('\n').length - 1;
    expect(reports(verify(HUGE_CLIENT))).toEqual(reports(verify(PLAIN_CLIENT), bulkLines));
  }, 300_000);

  it.each(VALID_ODDITIES.map((file) => [file.path, file] as const))('lint %s without a crash', (_path, file) => {
    // The baseline must accept the file: otherwise this would test the parser's limits, not the rules.
    expect(verify(file, 'none').filter((message) => message.fatal)).toEqual([]);
    expect(verify(file).filter((message) => message.fatal)).toEqual([]);
  });
});

/** Codemods that move statements into new blocks through recast's printer. */
const REINDENTS_WITH_RECAST: readonly string[] = ['add-disposal'];

for (const { name } of CODEMODS) {
  describe(`codemod ${name} on adversarial input`, () => {
    const files = [PLAIN_CLIENT, ...Object.values(CLIENT_VARIANTS), HUGE_CLIENT, ...SYNTAX_ERRORS, ...VALID_ODDITIES];
    let outcomes: ReadonlyMap<string, TransformOutcome>;
    const outcome = (file: SourceFile): TransformOutcome => outcomes.get(file.path)!;

    beforeAll(async () => {
      outcomes = new Map((await transformInIsolation([name], files)).map((result) => [result.path, result]));
    }, 900_000);

    it('rewrites the plain client, so that the comparisons below compare something', () => {
      expect(outcome(PLAIN_CLIENT)).toMatchObject({ output: expect.any(String) });
      expect(outcome(PLAIN_CLIENT).secondOutput).toBeUndefined();
    });

    it("throws the parser's own error on a syntax error, or leaves the file alone", () => {
      for (const file of SYNTAX_ERRORS) {
        const { error, output } = outcome(file);
        if (error === undefined) expect({ path: file.path, output }).toEqual({ path: file.path, output: undefined });
        else expect(error).toContain(parseError(file)!.split('\n')[0]);
      }
    });

    it.each(VARIANTS)('rewrites a file with %s exactly as the plain one', (variant) => {
      const { error, output } = outcome(CLIENT_VARIANTS[variant]);
      expect(error).toBeUndefined();
      const normalised = output === undefined ? undefined : NORMALISE[variant](output);
      if (variant === 'tabs' && REINDENTS_WITH_RECAST.includes(name)) {
        // recast re-indents the statements it moves in its own units (spaces), a known limit
        // (docs/codemods/add-disposal.md): the code must match, the indentation need not.
        const withoutIndent = (text: string | undefined): string | undefined => text?.replace(/^[ \t]+/gm, '');
        expect(withoutIndent(normalised)).toBe(withoutIndent(outcome(PLAIN_CLIENT).output));
      } else {
        expect(normalised).toBe(outcome(PLAIN_CLIENT).output);
      }
    });

    it('keeps CRLF line endings: no bare LF in the output of a CRLF file', () => {
      const { output } = outcome(CLIENT_VARIANTS.crlf);
      expect(output?.match(/(?<!\r)\n/g) ?? []).toEqual([]);
    });

    it('rewrites a 5 MB file exactly as its SignalR part alone, the rest untouched', () => {
      const { error, output } = outcome(HUGE_CLIENT);
      expect(error).toBeUndefined();
      // Compared without the bulk, so that a failure shows a readable diff. The bulk's multi-line
      // literals end with commas, and added code follows the file's style: trailing commas aside,
      // the rewrite must be the plain client's.
      const withoutBulk = output?.includes(BULK) ? output.replace(BULK, '') : '<the generated code and data were changed>';
      // Taking the bulk out leaves the blank lines that were around it: they are not the rewrite's.
      const layout = (text: string): string => withoutTrailingCommas(text).replace(/\n{3,}/g, '\n\n');
      expect(layout(withoutBulk)).toBe(layout(outcome(PLAIN_CLIENT).output ?? ''));
    });

    it('copes with deep nesting and unusual syntax: no crash, output parses, a second run changes nothing', () => {
      const { crashes, unparsableOutputs, notIdempotent } = transformProblems(VALID_ODDITIES, VALID_ODDITIES.map(outcome));
      expect({ crashes, unparsableOutputs, notIdempotent }).toEqual({ crashes: [], unparsableOutputs: [], notIdempotent: [] });
    });
  });
}

function withoutTrailingCommas(code: string): string {
  return code.replace(/,(\s*[)\]}])/g, '$1');
}
