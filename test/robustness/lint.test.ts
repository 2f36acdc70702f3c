// Every rule, through ESLint with the `all` config, over thousands of valid programs that are not
// about SignalR (the corpus generator's plain templates and the code that ships in node_modules) and
// over examples/: no rule may throw, and code that does not use SignalR gets no report.
import type { Rule } from 'eslint';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { mayUseSignalR } from '../../core/prefilter.js';
import { DEFAULT_SETTINGS } from '../../core/settings.js';
import plugin from '../../rules/index.js';
import type { SourceFile } from './inputs.js';
import { corpusPlainFiles, exampleFiles, lintConfig, nodeModulesSample } from './inputs.js';

const linter = new Linter({ configType: 'flat' });

interface LintOutcome {
  readonly linted: number;
  /** Files the parser rejects: skipped, since the baseline cannot lint them either. */
  readonly unparsable: readonly string[];
  /** `path: message` of every exception a rule threw. */
  readonly crashes: readonly string[];
  /** `path:line ruleId` of every report. */
  readonly reports: readonly string[];
}

function lintEach(files: readonly SourceFile[], config: Linter.Config[] = lintConfig()): LintOutcome {
  const unparsable: string[] = [];
  const crashes: string[] = [];
  const reports: string[] = [];
  for (const file of files) {
    let messages: Linter.LintMessage[];
    try {
      messages = linter.verify(file.text, config, { filename: file.path });
    } catch (error) {
      crashes.push(`${file.path}: ${describeError(error)}`);
      continue;
    }
    if (messages.some((message) => message.fatal)) {
      unparsable.push(file.path);
      continue;
    }
    for (const message of messages) {
      if (message.ruleId?.startsWith('signalr/')) reports.push(`${file.path}:${message.line} ${message.ruleId}`);
    }
  }
  return { linted: files.length - unparsable.length - crashes.length, unparsable, crashes, reports };
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 8).join('\n') : String(error);
}

describe('rules over programs without SignalR', () => {
  it('corpus files from the plain templates: no crash, no report', () => {
    const outcome = lintEach(corpusPlainFiles(400));
    expect(outcome.crashes).toEqual([]);
    expect(outcome.unparsable).toEqual([]);
    expect(outcome.reports).toEqual([]);
  }, 600_000);

  it('TypeScript and JavaScript shipped in node_modules: no crash, no report', () => {
    const sample = nodeModulesSample({ sources: 1500, declarations: 500, maxBytes: 150_000 });
    const outcome = lintEach(sample);
    expect(outcome.crashes).toEqual([]);
    expect(outcome.reports).toEqual([]);
    // Guards against the sample silently shrinking (a changed install layout) or the parser setup
    // breaking, which would make the two checks above pass on nothing.
    expect(outcome.linted).toBeGreaterThan(1800);
    expect(outcome.unparsable.length).toBeLessThan(sample.length / 10);
  }, 600_000);

  it('a file that cannot use SignalR costs each rule one check: create() registers no listener', () => {
    const listenerCounts = new Map<string, number[]>();
    const instrumented = Object.fromEntries(
      Object.entries(plugin.rules).map(([id, rule]) => {
        const original = rule as unknown as Rule.RuleModule;
        const wrapped: Rule.RuleModule = {
          ...original,
          create(context) {
            const listeners = original.create(context);
            listenerCounts.set(id, [...(listenerCounts.get(id) ?? []), Object.keys(listeners).length]);
            return listeners;
          },
        };
        return [id, wrapped];
      }),
    );
    const [base] = lintConfig('none');
    const config: Linter.Config[] = [base!, { files: base!.files, plugins: { signalr: { rules: instrumented } }, rules: plugin.configs['all']!.rules as Linter.RulesRecord }];
    const files = corpusPlainFiles(60).filter((file) => !mayUseSignalR(file.text, DEFAULT_SETTINGS));

    const outcome = lintEach(files, config);

    expect(outcome.crashes).toEqual([]);
    expect(files.length).toBe(60);
    expect([...listenerCounts.keys()].sort()).toEqual(Object.keys(plugin.rules).sort());
    for (const [id, counts] of listenerCounts) {
      expect({ id, created: counts.length, listeners: Math.max(...counts) }).toEqual({ id, created: files.length, listeners: 0 });
    }
  });
});

describe('rules over examples/', () => {
  const examples = exampleFiles();

  it('lints every example without a crash', () => {
    const outcome = lintEach(examples);
    expect(outcome.crashes).toEqual([]);
    expect(outcome.unparsable).toEqual([]);
    expect(outcome.linted).toBe(examples.length);
  });

  it('reports nothing in an example that never mentions SignalR', () => {
    const unrelated = examples.filter((file) => !mayUseSignalR(file.text, DEFAULT_SETTINGS));
    expect(unrelated.length).toBeGreaterThan(0);
    expect(lintEach(unrelated).reports).toEqual([]);
  });
});
