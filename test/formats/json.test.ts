// JSON configuration through ESLint's JSON language with the README's config: the JSON rules run on
// function.json and settings files, no JavaScript-only rule reaches them, malformed files get ESLint's
// parse error, and JSON files the config does not name are not linted.
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../rules/index.js';
import { lintAs, positions, README_CONFIG } from './lint.js';

const NEGOTIATE = `{
  "bindings": [
    { "type": "httpTrigger", "direction": "in", "name": "req", "methods": ["get"] },
    { "type": "signalRConnectionInfo", "direction": "in", "name": "connectionInfo", "hubName": "chat", "userId": "{headers.authorization}" }
  ]
}
`;

describe('JSON configuration', () => {
  it('runs the JSON rules on function.json, with the recommended JavaScript config in front', async () => {
    expect(positions(await lintAs('api/negotiate/function.json', NEGOTIATE))).toEqual([
      'signalr/negotiate-accepts-post 3:75',
      'signalr/valid-connection-info-binding 4:114',
    ]);
  });

  it('reads comments, as the JSONC language does for .NET settings files', async () => {
    const settings = '{\n  // local only\n  "Values": { "FUNCTIONS_WORKER_RUNTIME": "node" }\n}\n';
    expect(await lintAs('api/local.settings.json', settings)).toEqual([]);
  });

  it('gives a malformed function.json ESLint\'s parse error, never a crash', async () => {
    for (const text of ['{ "bindings": [', '', '{ "bindings": [ { "type": "httpTrigger" } ] } }', '\u0000']) {
      const findings = await lintAs('api/negotiate/function.json', text);
      expect(findings, JSON.stringify(text)).toHaveLength(1);
      expect(findings[0]).toMatchObject({ ruleId: null, fatal: true });
    }
  });

  it('works with the strict JSON language too', async () => {
    const strict = README_CONFIG.map((config) => (config.language === 'json/jsonc' ? { ...config, language: 'json/json' } : config));
    expect(positions(await lintAs('api/negotiate/function.json', NEGOTIATE, strict))).toEqual([
      'signalr/negotiate-accepts-post 3:75',
      'signalr/valid-connection-info-binding 4:114',
    ]);
  });

  it('is refused by ESLint when a JavaScript-only rule reaches a JSON file, which the json config prevents', async () => {
    const withoutJsonConfig: Linter.Config[] = [...README_CONFIG.filter((config) => config !== plugin.configs.json), { ...(plugin.configs.json as Linter.Config), rules: {} }];
    await expect(lintAs('api/negotiate/function.json', NEGOTIATE, withoutJsonConfig)).rejects.toThrow(/do not support the language "json\/jsonc"/);
  });

  it('does not lint JSON files the config does not name', async () => {
    const findings = await lintAs('package.json', '{ "name": "x" }');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/no matching configuration|ignored/i);
  });
});
