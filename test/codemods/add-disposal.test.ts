import { Linter } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import transform from '../../codemods/add-disposal.js';
import requireStop from '../../rules/require-stop.js';
import { EXAMPLES_DIR, REPOSITORY_ROOT } from '../examples-config.js';
import { describeFixtures, runTransform } from './harness.js';

describeFixtures('add-disposal', transform);

const linter = new Linter({ configType: 'flat' });

/** The lines `require-stop` reports in `source`. */
function requireStopLines(path: string, source: string): number[] {
  const messages = linter.verify(
    source,
    [
      {
        files: ['**/*.{js,jsx,ts,tsx}'],
        languageOptions: { parser: tseslint.parser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: path.endsWith('x') } } },
        plugins: { signalr: { rules: { 'require-stop': requireStop } } as never },
        rules: { 'signalr/require-stop': 'error' },
      },
    ],
    path,
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${path}: ${fatal.message}`);
  return messages.map((message) => message.line);
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.[cm]?[jt]sx?$/.test(entry.name) ? [path] : [];
  });
}

describe('add-disposal over examples/', () => {
  const files = sourceFiles(join(REPOSITORY_ROOT, EXAMPLES_DIR)).map((path) => relative(REPOSITORY_ROOT, path));

  it('fixes every connection require-stop reports there, or says why not, and leaves no report on what it changed', async () => {
    let fixedReports = 0;
    for (const path of files) {
      const source = readFileSync(join(REPOSITORY_ROOT, path), 'utf8');
      const before = requireStopLines(path, source);
      const { output, reports } = await runTransform(transform, path, source);
      if (before.length === 0) {
        // Touches only what the rule reports.
        expect({ path, output: output ?? undefined }).toEqual({ path, output: undefined });
        continue;
      }
      const after = output == null ? before : requireStopLines(path, output);
      // Every report that remains belongs to a connection it said it could not fix.
      expect({ path, remaining: after.length, explained: after.length <= reports.length }).toEqual({ path, remaining: after.length, explained: true });
      fixedReports += before.length - after.length;
    }
    // examples/ holds mistakes of every owner kind: most of them must be fixable.
    expect(fixedReports).toBeGreaterThanOrEqual(3);
  });
});

describe('add-disposal on the script of a .vue file (as signalr-codemod hands it over)', () => {
  /** Options API with no import: a component only because it is a `.vue` file's default export. */
  const options = (unmount: string): string => `export default {
  data() {
    return { connection: null };
  },
  mounted() {
    this.connection = new this.$signalR.HubConnectionBuilder().withUrl('/hubs/ticker').withAutomaticReconnect().build();
    this.connection.start().catch((error) => console.error(error));
  },${unmount}
};
`;

  it('says why when the file does not show its Vue version', async () => {
    const { output, reports } = await runTransform(transform, 'Ticker.vue.js', options(''));
    expect(output).toBeUndefined();
    expect(reports).toEqual([
      'Ticker.vue.js:7:5: skipped: the file does not show whether the component is for Vue 2 or Vue 3, whose unmount options differ: stop `this.connection` in `beforeDestroy` (Vue 2) or `beforeUnmount` (Vue 3)',
    ]);
  });

  it('extends the unmount option the component already has', async () => {
    const { output } = await runTransform(transform, 'Ticker.vue.js', options('\n  unmounted() {\n    console.log(\'bye\');\n  },'));
    expect(output).toBe(options('\n  unmounted() {\n    console.log(\'bye\');\n    void this.connection?.stop();\n  },'));
  });

  it('leaves the same object alone outside a .vue file, where it is not known to be a component', async () => {
    expect((await runTransform(transform, 'ticker.js', options(''))).output).toBeUndefined();
  });
});
