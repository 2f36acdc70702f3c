// The benchmark corpus (bench/corpus.ts) is only worth measuring if it is what it claims: the same
// files for the same seed, the asked-for share of SignalR files, valid code throughout, and SignalR
// files that give every rule something to find.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { generateCorpus, generateSignalRFiles } from '../../bench/corpus.js';
import { mayUseSignalR } from '../../core/prefilter.js';
import { DEFAULT_SETTINGS } from '../../core/settings.js';
import plugin from '../../rules/index.js';
import { lintConfig, parseError } from './inputs.js';

describe('bench/corpus.ts', () => {
  const options = { files: 600, signalrFraction: 0.05, seed: 7 };
  const corpus = generateCorpus(options);

  it('is a function of its options', () => {
    expect(generateCorpus(options)).toEqual(corpus);
    expect(generateCorpus({ ...options, seed: 8 }).map((file) => file.text)).not.toEqual(corpus.map((file) => file.text));
  });

  it('keeps a file the same when the corpus grows', () => {
    const larger = generateCorpus({ ...options, files: 1200 });
    const plainInBoth = corpus.filter((file, i) => !file.usesSignalR && !larger[i]!.usesSignalR);
    expect(plainInBoth.length).toBeGreaterThan(500);
    for (const file of plainInBoth) expect(larger.find((other) => other.path === file.path)?.text).toBe(file.text);
  });

  it('has exactly the asked-for share of SignalR files, and only those mention SignalR', () => {
    expect(corpus).toHaveLength(600);
    expect(corpus.filter((file) => file.usesSignalR)).toHaveLength(30);
    for (const file of corpus) {
      expect({ path: file.path, mentionsSignalR: mayUseSignalR(file.text, DEFAULT_SETTINGS) }).toEqual({ path: file.path, mentionsSignalR: file.usesSignalR });
    }
    expect(new Set(corpus.map((file) => file.path)).size).toBe(corpus.length);
  });

  it('writes code that parses', () => {
    const files = [...corpus, ...generateSignalRFiles(2)];
    expect(files.filter((file) => parseError(file) !== undefined).map((file) => `${file.path}: ${parseError(file)}`)).toEqual([]);
  });

  it('gives every rule of the plugin something to report in its SignalR templates', () => {
    const linter = new Linter({ configType: 'flat' });
    const reported = new Set<string>();
    for (const file of generateSignalRFiles(12)) {
      for (const message of linter.verify(file.text, lintConfig(), { filename: file.path })) {
        if (message.ruleId) reported.add(message.ruleId.replace(/^signalr\//, ''));
      }
    }
    expect([...reported].sort()).toEqual(Object.keys(plugin.rules).sort());
  });
});
