// Keeps rules, tests, docs, configs and the codemod registry in step.
import { Linter } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { CODEMODS } from '../codemods/registry.js';
import plugin, { type SignalRConfigName } from '../rules/index.js';
import { REPOSITORY_URL, type SignalRRuleDocs } from '../rules/utils/create-rule.js';

const root = join(import.meta.dirname, '..');
const namesIn = (folder: string, suffix: string): string[] =>
  readdirSync(join(root, folder))
    .filter((file) => file.endsWith(suffix))
    .map((file) => file.slice(0, -suffix.length))
    .sort();

const ruleIds = Object.keys(plugin.rules);
/** What fits on a terminal line beside the position and the rule id; the rule's docs page explains the rest. */
const MAX_FIRST_SENTENCE = 120;
const metaOf = (id: string): NonNullable<(typeof plugin.rules)[string]['meta']> => plugin.rules[id]!.meta!;
const docsOf = (id: string): SignalRRuleDocs => metaOf(id).docs as SignalRRuleDocs;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };

describe('rules', () => {
  it('rule files, index keys, test files and doc files are the same set', () => {
    const files = namesIn('rules', '.ts').filter((name) => name !== 'index');
    expect(ruleIds).toEqual(files);
    expect(namesIn('test/rules', '.test.ts')).toEqual(files);
    expect(namesIn('docs/rules', '.md')).toEqual(files);
  });

  it('the index is in alphabetical order', () => {
    expect(ruleIds).toEqual([...ruleIds].sort());
  });

  it.each(ruleIds)('%s: name, docs URL and metadata match its id', (id) => {
    expect((plugin.rules[id] as { name?: string }).name).toBe(id);
    expect(metaOf(id).docs?.url).toBe(`${REPOSITORY_URL}/blob/main/docs/rules/${id}.md`);
    expect(docsOf(id).description).toMatch(/^[A-Z]/);
    expect(Object.keys(metaOf(id).messages ?? {}).length).toBeGreaterThan(0);
    expect(readFileSync(join(root, 'docs/rules', `${id}.md`), 'utf8').startsWith(`# signalr/${id}\n`)).toBe(true);
  });

  it.each(ruleIds)('%s: each message opens with a sentence of at most 120 characters, and names no line', (id) => {
    for (const [messageId, message] of Object.entries(metaOf(id).messages ?? {})) {
      const sentence = firstSentence(message);
      expect(sentence.length, `${id}.${messageId}: "${sentence}"`).toBeLessThanOrEqual(MAX_FIRST_SENTENCE);
      // Absolute line numbers are wrong under processors (an HTML page's script, a Vue block): name the code instead.
      expect(message, `${id}.${messageId}`).not.toMatch(/\blines?\s+(\{\{|\d)/i);
    }
  });

  it.each(ruleIds)('%s: every option is described and the schema is closed', (id) => {
    const schema = metaOf(id).schema;
    for (const entry of Array.isArray(schema) ? schema : []) {
      const object = entry as { type?: string; properties?: Record<string, { description?: string }>; additionalProperties?: boolean };
      if (object.type !== 'object') continue;
      expect(object.additionalProperties).toBe(false);
      for (const [name, property] of Object.entries(object.properties ?? {})) {
        expect(property.description, `${id} option ${name}`).toBeTruthy();
      }
    }
  });
});

describe('plugin object', () => {
  it('carries the package name and version', () => {
    expect(plugin.meta).toEqual({ name: manifest.name, version: manifest.version, namespace: 'signalr' });
  });

});

describe('configs', () => {
  const CONFIGS = ['recommended', 'strict', 'all'] as const;
  const rulesIn = (config: SignalRConfigName): string[] => Object.keys(plugin.configs[config].rules).map((id) => id.replace(/^signalr\//, ''));

  it.each(['recommended', 'all'] as const)('%s keeps every rule\'s default options', (config) => {
    for (const id of rulesIn(config)) expect(plugin.configs[config].rules[`signalr/${id}`]).toBe('error');
  });

  it('recommended turns on the rules marked recommended, strict adds those marked strict, all has every rule', () => {
    expect(rulesIn('recommended')).toEqual(ruleIds.filter((id) => docsOf(id).recommended === true));
    expect(rulesIn('strict')).toEqual(ruleIds.filter((id) => docsOf(id).recommended === true || docsOf(id).strict === true));
    expect(rulesIn('all')).toEqual(ruleIds);
  });

  it('strict sets each rule\'s strictOptions', () => {
    for (const id of rulesIn('strict')) {
      const strictOptions = docsOf(id).strictOptions;
      expect(plugin.configs.strict.rules[`signalr/${id}`]).toEqual(strictOptions ? ['error', ...strictOptions] : 'error');
    }
  });

  it.each(CONFIGS)('%s is named, brings the plugin, and has an eslintrc twin with the same rules', (config) => {
    const flat = plugin.configs[config];
    expect(flat.name).toBe(`signalr/${config}`);
    expect(flat.plugins).toEqual({ signalr: plugin });
    expect(plugin.configs[`legacy-${config}`]).toEqual({ plugins: ['signalr'], rules: flat.rules });
  });

  it.each(CONFIGS)('%s passes ESLint\'s option validation', (config) => {
    const messages = new Linter().verify('export {};', [plugin.configs[config] as Linter.Config]);
    expect(messages).toEqual([]);
  });

  it.each(ruleIds.filter((id) => docsOf(id).strictOptions))('%s: strictOptions differ from the defaults', (id) => {
    expect(docsOf(id).strictOptions).not.toEqual(metaOf(id).defaultOptions);
  });

  it('has a config for Vue files with the recommended rules', () => {
    expect(plugin.configs.vue).toEqual({ name: 'signalr/vue', files: ['**/*.vue'], plugins: { signalr: plugin }, rules: plugin.configs.recommended.rules });
  });

  it('has a config for JSON files with the recommended rules that read JSON, and every other rule off', () => {
    const json = plugin.configs.json;
    expect(json.name).toBe('signalr/json');
    expect(json.language).toBe('json/jsonc');
    expect(json.files).toContain('**/function.json');
    const readsJson = (id: string): boolean => (metaOf(id) as { languages?: string[] }).languages?.includes('json/jsonc') === true;
    expect(Object.keys(json.rules).sort()).toEqual(ruleIds.map((id) => `signalr/${id}`).sort());
    for (const id of ruleIds) {
      expect(json.rules[`signalr/${id}`], id).toBe(readsJson(id) && docsOf(id).recommended ? 'error' : 'off');
    }
    expect(Object.values(json.rules).filter((entry) => entry === 'error').length).toBeGreaterThan(0);
  });

  it.each(ruleIds)('%s: declares the languages it runs on, JavaScript among them', (id) => {
    const languages = (metaOf(id) as { languages?: string[] }).languages;
    expect(languages).toContain('js/js');
    for (const language of languages ?? []) expect(['js/js', 'json/json', 'json/jsonc']).toContain(language);
  });

  it('has exactly the eight configs', () => {
    expect(Object.keys(plugin.configs).sort()).toEqual(
      ['all', 'json', 'legacy-all', 'legacy-recommended', 'legacy-strict', 'recommended', 'strict', 'vue'],
    );
  });
});

describe('codemod registry', () => {
  const names = CODEMODS.map((codemod) => codemod.name);

  it('transform files, registry, tests and docs are the same set', () => {
    const files = namesIn('codemods', '.ts').filter((name) => !['cli', 'registry'].includes(name));
    expect(names).toEqual(files);
    expect(names).toEqual([...names].sort());
    expect(namesIn('test/codemods', '.test.ts').filter((name) => names.includes(name))).toEqual(names);
    expect(namesIn('docs/codemods', '.md').filter((name) => name !== 'README')).toEqual(names);
  });

  it.each(CODEMODS.map((codemod) => [codemod.name, codemod] as const))('%s fixes rules that exist', (_name, codemod) => {
    expect(codemod.fixes.length).toBeGreaterThan(0);
    for (const id of codemod.fixes) expect(ruleIds).toContain(id);
    expect(codemod.description).toMatch(/^[A-Z].*\.$/);
    for (const name of codemod.runsBefore ?? []) expect(names).toContain(name);
  });
});

/**
 * A message's text up to the end of its first sentence: a `.`, `?` or `!` followed by a space or the
 * end, outside backticks and quotes (which hold code and the client's own error texts).
 */
function firstSentence(message: string): string {
  let quote: string | undefined;
  for (let index = 0; index < message.length; index++) {
    const char = message[index]!;
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '`' || char === '"') {
      quote = char;
    } else if ('.?!'.includes(char) && (index + 1 === message.length || message[index + 1] === ' ')) {
      return message.slice(0, index + 1);
    }
  }
  return message;
}
