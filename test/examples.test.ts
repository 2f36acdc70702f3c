// examples/ is the plugin's end-to-end check: every `// expect: <rule-id>` marker of a rule that
// exists must be reported on its line, and nothing unmarked may be reported anywhere.
import type { ESLint } from 'eslint';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

import plugin from '../rules/index.js';
import { CATALOGUE_RULE_IDS, JSON_MARKERS_SUFFIX, type Marker, parseJsonMarkers, parseMarkers } from './example-markers.js';
import { EXAMPLES_DIR, lintExamples, REPOSITORY_ROOT } from './examples-config.js';

const PLUGIN_PREFIX = 'signalr/';

describe('parseMarkers', () => {
  it('expects a trailing marker on its own line', () => {
    const source = ['const a = 1;', "connection.invoke('JoinGroup', room); // expect: await-group-join"].join('\n');
    expect(parseMarkers(source)).toEqual([{ ruleId: 'await-group-join', line: 2, markerLine: 2 }]);
  });

  it('expects a marker alone on its line on the next line of code, past blank and comment lines', () => {
    const source = [
      '  // expect: require-stop',
      '',
      '  // the connection is only ever started here',
      '  /* and nowhere else */',
      '  await connection.start();',
    ].join('\n');
    expect(parseMarkers(source)).toEqual([{ ruleId: 'require-stop', line: 5, markerLine: 1 }]);
  });

  it('does not take a line that starts with a block comment and goes on with code for a comment', () => {
    const source = ['// expect: require-stop', '/* started */ connection.start();'].join('\n');
    expect(parseMarkers(source)).toEqual([{ ruleId: 'require-stop', line: 2, markerLine: 1 }]);
  });

  it('reads several comma-separated ids, with or without spaces', () => {
    const source = 'build(); //expect: no-token-in-url,require-reconnect ,  valid-reconnect-policy';
    expect(parseMarkers(source).map((marker) => [marker.ruleId, marker.line])).toEqual([
      ['no-token-in-url', 1],
      ['require-reconnect', 1],
      ['valid-reconnect-policy', 1],
    ]);
  });

  it('ignores `//` inside URLs and comments that merely mention expectations', () => {
    const source = [
      "const url = 'ws://expect:8080/hubs/chat';",
      '// we expect: nothing here, this is prose',
      '// expected: require-stop',
    ].join('\n');
    expect(parseMarkers(source)).toEqual([]);
  });

  it('rejects a marker with an empty id and a marker with no code after it', () => {
    expect(() => parseMarkers('start(); // expect: require-stop,')).toThrow(/line 1: a marker needs comma-separated rule ids/);
    expect(() => parseMarkers('start();\n// expect: require-stop\n\n// the end')).toThrow(/line 2: the marker has no code after it/);
  });
});

describe('parseJsonMarkers', () => {
  const jsonText = ['{', '  "bindings": [', '    { "type": "httpTrigger",', '      "methods": ["get"] }', '  ],', '  "a/b": { "~x": 1 }', '}'].join('\n');

  it('finds the line of the value a JSON pointer names', () => {
    const sidecar = ['# comment', '', '/bindings/0/methods negotiate-accepts-post, valid-connection-info-binding', '/a~1b/~0x require-stop'].join('\n');
    expect(parseJsonMarkers(sidecar, jsonText)).toEqual([
      { ruleId: 'negotiate-accepts-post', line: 4, markerLine: 3 },
      { ruleId: 'valid-connection-info-binding', line: 4, markerLine: 3 },
      { ruleId: 'require-stop', line: 6, markerLine: 4 },
    ]);
  });

  it('rejects a pointer to nothing and a line that is not a marker', () => {
    expect(() => parseJsonMarkers('/bindings/3 negotiate-accepts-post', jsonText)).toThrow(/line 1: \/bindings\/3 points at nothing/);
    expect(() => parseJsonMarkers('negotiate-accepts-post', jsonText)).toThrow(/line 1: a marker is a JSON pointer and rule ids/);
  });
});

describe('examples/ linted with the `all` config', () => {
  let results: ESLint.LintResult[];

  beforeAll(async () => {
    results = await lintExamples(plugin, 'all');
  });

  const fileOf = (result: ESLint.LintResult): string => relative(REPOSITORY_ROOT, result.filePath).replaceAll('\\', '/');
  const markersOf = (result: ESLint.LintResult): Marker[] => {
    const text = readFileSync(result.filePath, 'utf8');
    if (extname(result.filePath) !== '.json') return parseMarkers(text);
    const sidecar = result.filePath + JSON_MARKERS_SUFFIX;
    return existsSync(sidecar) ? parseJsonMarkers(readFileSync(sidecar, 'utf8'), text) : [];
  };
  const key = (file: string, line: number, ruleId: string): string => `${file}:${line} ${ruleId}`;

  it('lints every kind of source file in every example folder', () => {
    const files = results.map(fileOf);
    expect(new Set(files.map((file) => extname(file)))).toEqual(new Set(['.js', '.ts', '.tsx', '.vue', '.html', '.json']));
    const lintedFolders = new Set(files.map((file) => file.split('/')[1]));
    const exampleFolders = readdirSync(join(REPOSITORY_ROOT, EXAMPLES_DIR), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(exampleFolders.length).toBeGreaterThan(0);
    expect([...lintedFolders].sort()).toEqual(exampleFolders.sort());
    expect(files.every((file) => file.startsWith(`${EXAMPLES_DIR}/`))).toBe(true);
  });

  it('parses every file without a fatal error', () => {
    const fatal = results.flatMap((result) =>
      result.messages.filter((message) => message.fatal || message.ruleId === null).map((message) => `${fileOf(result)}:${message.line} ${message.message}`),
    );
    expect(fatal, 'files that failed to parse or lint').toEqual([]);
  });

  it('names only catalogue rules in its markers', () => {
    const known = new Set([...CATALOGUE_RULE_IDS, ...Object.keys(plugin.rules)]);
    const unknown = results.flatMap((result) =>
      markersOf(result)
        .filter((marker) => !known.has(marker.ruleId))
        .map((marker) => key(fileOf(result), marker.markerLine, marker.ruleId)),
    );
    expect(unknown, 'markers naming no catalogue rule (a typo?)').toEqual([]);
  });

  it('gets a report of each marked rule that exists on the marked line', () => {
    const markersOfExistingRules = results.flatMap((result) =>
      markersOf(result)
        .filter((marker) => Object.hasOwn(plugin.rules, marker.ruleId))
        .map((marker) => ({ result, marker })),
    );
    // Without this, a plugin that loaded no rules would pass vacuously.
    expect(markersOfExistingRules.length, 'markers of rules the plugin has').toBeGreaterThan(0);
    const missing = markersOfExistingRules
      .filter(({ result, marker }) => !result.messages.some((message) => message.ruleId === PLUGIN_PREFIX + marker.ruleId && message.line === marker.line))
      .map(({ result, marker }) => key(fileOf(result), marker.line, marker.ruleId));
    expect(missing, 'marked mistakes that no rule reported').toEqual([]);
  });

  it('reports nothing that is not marked', () => {
    const unexpected = results.flatMap((result) => {
      const marked = new Set(markersOf(result).map((marker) => `${marker.line} ${PLUGIN_PREFIX}${marker.ruleId}`));
      return result.messages
        .filter((message) => message.ruleId !== null && !marked.has(`${message.line} ${message.ruleId}`))
        .map((message) => `${key(fileOf(result), message.line, message.ruleId!)}: ${message.message}`);
    });
    expect(unexpected, 'reports without a marker (a false positive, or a missing marker)').toEqual([]);
  });
});
