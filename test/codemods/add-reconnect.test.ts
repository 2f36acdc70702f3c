import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type { API, FileInfo, Transform } from 'jscodeshift';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

import transform from '../../codemods/add-reconnect.js';
import requireReconnect from '../../rules/require-reconnect.js';
import validReconnectPolicy from '../../rules/valid-reconnect-policy.js';
import { describeFixtures, fixtureCases, runTransform } from './harness.js';

const withRestartOnClose: Transform = (file: FileInfo, api: API) => transform(file, api, { restartOnClose: true });

describeFixtures('add-reconnect', transform);
describeFixtures('add-reconnect/restart-on-close', withRestartOnClose);

const plugin = { rules: { 'require-reconnect': requireReconnect, 'valid-reconnect-policy': validReconnectPolicy } };

/** The rule ids (with their options) that report on `code`. */
function reportingRules(code: string, path: string, requireRestartAfterGiveUp: boolean): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,jsx,ts,tsx}'],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: path.endsWith('x') } } },
        plugins: { signalr: plugin as never },
        rules: {
          'signalr/require-reconnect': ['error', { requireRestartAfterGiveUp }],
          'signalr/valid-reconnect-policy': 'error',
        },
      },
    ],
    { filename: path.replace(/\.(input|output)\./, '.') },
  );
  expect(messages.filter((message) => !message.ruleId)).toEqual([]);
  return messages.map((message) => message.ruleId ?? '');
}

describe('add-reconnect agrees with require-reconnect', () => {
  for (const [folder, strict] of [
    ['add-reconnect', false],
    ['add-reconnect/restart-on-close', true],
  ] as const) {
    for (const fixture of fixtureCases(folder)) {
      it(`${folder}/${fixture.name}`, () => {
        const path = basename(fixture.inputPath);
        const before = reportingRules(readFileSync(fixture.inputPath, 'utf8'), path, strict);
        if (fixture.outputPath) {
          // It changes only what the rule reports, and afterwards neither rule reports anything.
          expect(before).toContain('signalr/require-reconnect');
          expect(reportingRules(readFileSync(fixture.outputPath, 'utf8'), path, strict)).toEqual([]);
        } else if (fixture.reportsPath) {
          // A skip is a report it could not fix: the rule still reports it.
          expect(before).toContain('signalr/require-reconnect');
        } else {
          expect(before).not.toContain('signalr/require-reconnect');
        }
      });
    }
  }
});

describe('add-reconnect helpers', () => {
  it('reuses the helpers an earlier run wrote for a connection added later', async () => {
    const fixed = readFileSync(new URL('./__fixtures__/add-reconnect/module-connection.output.ts', import.meta.url), 'utf8');
    const withSecond = `${fixed}
const second = new HubConnectionBuilder().withUrl('https://chat.contoso.com/hubs/second').build();
await second.start();
`;
    const { output } = await runTransform(transform, 'worker.ts', withSecond);
    expect(output).toBeDefined();
    expect(output!.match(/function startWithRetry/g)).toHaveLength(1);
    expect(output!.match(/const startRuns/g)).toHaveLength(1);
    expect(output!.match(/function retryDelay/g)).toHaveLength(1);
    expect(output).toContain('await startWithRetry(second);');
  });

  it('writes Windows line ends into a file that has them', async () => {
    const input = readFileSync(new URL('./__fixtures__/add-reconnect/aspnet-client.input.ts', import.meta.url), 'utf8');
    const expected = readFileSync(new URL('./__fixtures__/add-reconnect/aspnet-client.output.ts', import.meta.url), 'utf8');
    const { output } = await runTransform(transform, 'worker.ts', input.replace(/\n/g, '\r\n'));
    expect(output).toBe(expected.replace(/\n/g, '\r\n'));
  });

  it('lets two classic scripts it fixed load on one page, where they share the global scope', async () => {
    // A top-level `const` declared by both would throw "has already been declared" as the second
    // loads, and state the second declared afresh would drop the first script's pending retry.
    const script = (name: string): string => `const ${name} = new signalR.HubConnectionBuilder().withUrl('/hubs/${name}').build();\n${name}.start();\n`;
    const chat = (await runTransform(transform, 'chat.js', script('chat'))).output!;
    const news = (await runTransform(transform, 'news.js', script('news'))).output!;
    const starts: string[] = [];
    const timers: (() => void)[] = [];
    let failures = 1;
    class Builder {
      url = '';
      withUrl(url: string): this {
        this.url = url;
        return this;
      }
      withAutomaticReconnect(): this {
        return this;
      }
      build(): { start(): Promise<void> } {
        const { url } = this;
        return {
          start: () => {
            starts.push(url);
            return failures-- > 0 ? Promise.reject(new Error('down')) : Promise.resolve();
          },
        };
      }
    }
    const page = createContext({ signalR: { HubConnectionBuilder: Builder }, setTimeout: (callback: () => void) => timers.push(callback), Promise, WeakMap, Math });
    runInContext(chat, page);
    expect(() => runInContext(news, page)).not.toThrow();
    await Promise.resolve();
    for (const fire of timers.splice(0)) fire();
    await Promise.resolve();
    // The chat hub's first start failed, before the news script loaded: it was tried again.
    expect(starts).toEqual(['/hubs/chat', '/hubs/news', '/hubs/chat']);
  });

  it('leaves files without SignalR alone', async () => {
    const { output } = await runTransform(transform, 'socket.ts', 'const socket = new WebSocket("wss://example.com");\nsocket.close();\n');
    expect(output).toBeUndefined();
  });
});
