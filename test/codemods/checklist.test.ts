// One test (or more) per item of the review checklist in docs/codemods/README.md: what makes a
// codemod's diff one a maintainer merges as it stands. The fixtures of each codemod check the rest.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import type { Transform } from 'jscodeshift';

import addReconnect from '../../codemods/add-reconnect.js';
import handleStartErrors from '../../codemods/handle-start-errors.js';
import { CODEMODS } from '../../codemods/registry.js';
import rejoinGroups from '../../codemods/rejoin-groups-on-reconnect.js';
import { helperDeclarations, SHARED_HELPERS_SPECIFIER } from '../../codemods/utils/helpers.js';
import { RECONNECT_HELPERS } from '../../codemods/utils/reconnect-helpers.js';
import { settleSharedHelpers } from '../../codemods/utils/shared-helpers.js';
import type { FileStyle } from '../../codemods/utils/style.js';
import { LINE_WIDTH } from '../../codemods/utils/style.js';
import { FIXTURES_ROOT, fixtureCases, runTransform } from './harness.js';

const MODERN_JS: FileStyle = {
  indent: '  ',
  quote: "'",
  semicolons: true,
  trailingCommas: false,
  language: { typescript: false, arrows: true, blockScoped: true, exponent: true, moduleKind: 'esm' },
};

interface Helpers {
  startWithRetry(connection: FakeConnection, then?: (started: Promise<void>) => unknown): Promise<void>;
  restartWithRetry(connection: FakeConnection): void;
  stopConnection(connection: FakeConnection): Promise<void>;
}

/** The generated helpers themselves, evaluated, with timers that fire at once. */
function loadHelpers(): Helpers {
  const code = helperDeclarations(Object.values(RECONNECT_HELPERS), MODERN_JS, (name) => name, false);
  const immediateTimeout = (callback: () => void): void => void Promise.resolve().then(callback);
  return new Function('setTimeout', `${code}\nreturn { startWithRetry, restartWithRetry, stopConnection };`)(immediateTimeout) as Helpers;
}

/** A connection whose first `failures` starts fail. */
class FakeConnection {
  starts = 0;
  stops = 0;
  constructor(private failures: number) {}
  start(): Promise<void> {
    this.starts++;
    return this.failures-- > 0 ? Promise.reject(new Error(`down (${this.starts})`)) : Promise.resolve();
  }
  stop(): Promise<void> {
    this.stops++;
    return Promise.resolve();
  }
}

async function settle(): Promise<void> {
  for (let round = 0; round < 50; round++) await Promise.resolve();
}

function fixture(name: string): string {
  return readFileSync(join(FIXTURES_ROOT, 'add-reconnect', name), 'utf8');
}

describe('semantics kept', () => {
  it('a failure handler chained on the start hears every failed try; what runs once connected runs once', async () => {
    const { startWithRetry } = loadHelpers();
    const connection = new FakeConnection(3);
    const failures: string[] = [];
    let connected = 0;
    await startWithRetry(connection, (started) =>
      started.then(() => connected++).catch((error: Error) => failures.push(error.message)),
    );
    expect(failures).toEqual(['down (1)', 'down (2)', 'down (3)']);
    expect(connected).toBe(1);
    expect(connection.starts).toBe(4);
  });

  it('a stop cancels the retry: no further start, nothing chained runs, the promise never settles, no rejection', async () => {
    const { startWithRetry, stopConnection } = loadHelpers();
    const connection = new FakeConnection(Infinity);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    let settled = false;
    let continued = false;
    void startWithRetry(connection).then(
      () => (settled = continued = true),
      () => (settled = true),
    );
    await settle();
    const startsBeforeStop = connection.starts;
    await stopConnection(connection);
    await settle();
    expect(connection.starts).toBeLessThanOrEqual(startsBeforeStop + 1);
    const startsAfterStop = connection.starts;
    await settle();
    expect(connection.starts).toBe(startsAfterStop);
    expect(settled).toBe(false);
    expect(continued).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });

  it('leaves a start whose failure a `catch` around it handles, and says why', async () => {
    const run = await runTransform(addReconnect, 'awaited-in-try.ts', fixture('awaited-in-try.input.ts'));
    expect(run.output).toContain('await connection.start();');
    expect(run.reports.join('\n')).toMatch(/reaches the `catch` around it/);
  });
});

describe('session restored', () => {
  it('a restart runs the code chained on the start again (the joins it makes)', async () => {
    const { startWithRetry, restartWithRetry } = loadHelpers();
    const connection = new FakeConnection(0);
    const joins: number[] = [];
    await startWithRetry(connection, (started) => started.then(() => joins.push(connection.starts)));
    restartWithRetry(connection);
    await settle();
    expect(joins).toEqual([1, 2]);
  });

  it('a group joined after start is joined again after an automatic reconnect', async () => {
    const run = await runTransform(addReconnect, 'rejoin-groups.js', fixture('rejoin-groups.input.js'));
    expect(run.output).toContain("connection.onreconnected(() => connection.invoke('JoinGroup', room));");
  });

  it('a connection id sent elsewhere is sent again after a reconnect', async () => {
    const run = await runTransform(addReconnect, 'resend-connection-id.ts', fixture('resend-connection-id.input.ts'));
    expect(run.output).toMatch(/connection\.onreconnected\(\(\) =>\n {2}fetch\('\/api\/notifications\/subscribe', \{ method: 'POST', body: connection\.connectionId \}\)\n\);/);
  });

  it('leaves a connection whose session it cannot restore, naming the line', async () => {
    const run = await runTransform(addReconnect, 'rejoin-unknown-group.ts', fixture('rejoin-unknown-group.input.ts'));
    expect(run.output).toBeUndefined();
    expect(run.reports.join('\n')).toContain('`JoinGroup` on line 9 must run again after a reconnect');
  });

  it('a restart does nothing once the connection was stopped on purpose', async () => {
    const { startWithRetry, restartWithRetry, stopConnection } = loadHelpers();
    const connection = new FakeConnection(0);
    await startWithRetry(connection);
    await stopConnection(connection);
    restartWithRetry(connection);
    await settle();
    expect(connection.starts).toBe(1);
  });
});

describe('no dead code', () => {
  it('replaces a retry written in the failure handler instead of adding a second one', async () => {
    const run = await runTransform(addReconnect, 'failure-handler-retry.js', fixture('failure-handler-retry.input.js'));
    expect(run.output).toContain('startWithRetry(connection,');
    expect(run.output).not.toContain('setTimeout(() => connection.start()');
  });

  it('keeps a start that already retries itself, adding only the policy', async () => {
    const run = await runTransform(addReconnect, 'retry-counter.ts', fixture('retry-counter.input.ts'));
    expect(run.output).toContain('withAutomaticReconnect(retryForever)');
    expect(run.output).not.toContain('startWithRetry');
  });
});

describe('no duplicate helpers', () => {
  const directory = mkdtempSync(join(tmpdir(), 'signalr-helpers-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const module = `import { HubConnectionBuilder } from '@microsoft/signalr';\n\nconst connection = new HubConnectionBuilder().withUrl('/hubs/NAME').build();\nconnection.start();\n`;

  async function sharedOutput(name: string): Promise<{ path: string; text: string }> {
    const path = join(directory, `${name}.ts`);
    const run = await runTransform(addReconnect, path, module.replace('NAME', name), { sharedHelpers: true });
    return { path, text: run.output as string };
  }

  it('two files that need helpers import them from one module, written once next to the first', async () => {
    const files = [await sharedOutput('b-orders'), await sharedOutput('a-chat')];
    const settled = settleSharedHelpers(files);
    expect(settled.modules).toHaveLength(1);
    expect(settled.modules[0]!.path).toBe(join(directory, 'signalr-helpers.ts'));
    expect(settled.modules[0]!.text.match(/export function startWithRetry/g)).toHaveLength(1);
    for (const file of files) {
      const text = settled.texts.get(file.path)!;
      expect(text).toContain("import { retryForever, startWithRetry } from './signalr-helpers';");
      expect(text).not.toContain('function startWithRetry');
    }
  });

  it('a TypeScript file and a JavaScript file each get their own copy, and no note names a module that is not written', async () => {
    const typescript = await sharedOutput('ts-alone');
    const javascriptPath = join(directory, 'js-alone.js');
    const javascript = { path: javascriptPath, text: (await runTransform(addReconnect, javascriptPath, module.replace('NAME', 'js'), { sharedHelpers: true })).output as string };
    const settled = settleSharedHelpers([typescript, javascript]);
    expect(settled.modules).toEqual([]);
    expect(settled.notes).toEqual([]);
    for (const file of [typescript, javascript]) expect(settled.texts.get(file.path)).toContain('function startWithRetry(');
  });

  it('a single file gets the helpers in it; a later run reuses the module it finds', async () => {
    const single = await sharedOutput('single');
    const alone = settleSharedHelpers([single]);
    expect(alone.modules).toEqual([]);
    expect(alone.texts.get(single.path)).toContain('function startWithRetry(');
    writeFileSync(join(directory, 'signalr-helpers.ts'), settleSharedHelpers([await sharedOutput('x'), await sharedOutput('y')]).modules[0]!.text);
    const later = settleSharedHelpers([single]);
    expect(later.modules).toEqual([]);
    expect(later.texts.get(single.path)).toContain("from './signalr-helpers';");
  });

  it('every codemod whose rewrites call helpers says so in the registry, so that --helpers-module and the report reach it', async () => {
    const callsHelpers: string[] = [];
    for (const codemod of CODEMODS) {
      const transform = ((await import(`../../codemods/${codemod.name}.ts`)) as { default: Transform }).default;
      for (const { name, inputPath } of fixtureCases(codemod.name)) {
        const { output } = await runTransform(transform, `${name}${inputPath.slice(inputPath.indexOf('.input.') + '.input'.length)}`, readFileSync(inputPath, 'utf8'), { sharedHelpers: true });
        if (output?.includes(SHARED_HELPERS_SPECIFIER)) {
          callsHelpers.push(codemod.name);
          break;
        }
      }
    }
    expect(callsHelpers).toEqual(CODEMODS.filter((codemod) => codemod.writesHelpers).map((codemod) => codemod.name));
  });
});

describe('formatting kept', () => {
  it('tabs stay tabs, quotes and missing semicolons are kept', async () => {
    const run = await runTransform(addReconnect, 'tabs-no-semicolons.js', fixture('tabs-no-semicolons.input.js'));
    const output = run.output as string;
    expect(output.split('\n').filter((line) => /^ +\S/.test(line) && !/^ \*/.test(line))).toEqual([]);
    expect(output).not.toMatch(/'[\w/. -]*'/);
    expect(output).not.toMatch(/;$/m);
  });

  it('a one-line chain that would pass the line width is broken one call per line', async () => {
    const run = await runTransform(addReconnect, 'es5-page.js', fixture('es5-page.input.js'));
    const output = run.output as string;
    expect(output).toContain('    .withAutomaticReconnect(retryForever)\n    .build();');
    expect(output.split('\n').filter((line) => line.length > LINE_WIDTH)).toEqual([]);
  });
});

describe('language level kept', () => {
  it('an ES5 script gets no arrow functions, const, let, async or **', async () => {
    const run = await runTransform(addReconnect, 'es5-page.js', fixture('es5-page.input.js'));
    const output = run.output as string;
    expect(output).not.toMatch(/=>|\bconst\b|\blet\b|\basync\b| \*\* /);
    expect(output).toContain('Math.pow(2, retryCount)');
  });

  it('generated code carries no tool signature', async () => {
    const run = await runTransform(addReconnect, 'module-connection.ts', fixture('module-connection.input.ts'));
    expect(run.output).not.toMatch(/signalr-codemod|Added by/i);
  });
});

describe('the lifecycle codemods meet the same bar', () => {
  /** A browser script on the `signalR` global, run with a fake client: what it starts, invokes, logs. */
  async function runScript(code: string, failures: number): Promise<{ invoked: string[]; logged: unknown[][]; reconnect: () => void }> {
    const invoked: string[] = [];
    const logged: unknown[][] = [];
    const reconnectedHandlers: (() => void)[] = [];
    class FakeConnection {
      on(): void {}
      onreconnected(handler: () => void): void {
        reconnectedHandlers.push(handler);
      }
      start(): Promise<void> {
        return failures-- > 0 ? Promise.reject(new Error('down')) : Promise.resolve();
      }
      invoke(method: string): Promise<void> {
        invoked.push(method);
        return Promise.resolve();
      }
    }
    class HubConnectionBuilder {
      withUrl(): this {
        return this;
      }
      withAutomaticReconnect(): this {
        return this;
      }
      build(): FakeConnection {
        return new FakeConnection();
      }
    }
    const fakeConsole = { error: (...args: unknown[]) => logged.push(args) };
    const button: { onclick?: () => Promise<void> } = {};
    const run = new Function('signalR', 'console', 'button', code) as (signalR: unknown, console: unknown, button: unknown) => void;
    run({ HubConnectionBuilder }, fakeConsole, button);
    await button.onclick?.();
    await settle();
    return { invoked, logged, reconnect: () => reconnectedHandlers.forEach((handler) => handler()) };
  }

  it('handle-start-errors: a failed start is reported, and what followed it still does not run', async () => {
    const input = `var connection = new signalR.HubConnectionBuilder().withUrl('/hubs/a').build();
button.onclick = async function () {
  await connection.start();
  await connection.invoke('Subscribe');
};
`;
    const { output } = await runTransform(handleStartErrors, 'page.js', input);
    expect(output).toContain('try {');
    const failed = await runScript(output as string, 1);
    expect(failed.logged).toHaveLength(1);
    expect(failed.invoked).toEqual([]);
    const connected = await runScript(output as string, 0);
    expect(connected.logged).toEqual([]);
    expect(connected.invoked).toEqual(['Subscribe']);
  });

  it('handle-start-errors: a start whose failure a caller hears is reported there, not retried away', async () => {
    const run = await runTransform(handleStartErrors, 'optional-connection.ts', readFileSync(join(FIXTURES_ROOT, 'handle-start-errors', 'optional-connection.input.ts'), 'utf8'));
    expect(run.output).not.toContain('startWithRetry(');
    expect(run.reports.join('\n')).toMatch(/instead of retrying it/);
  });

  it('rejoin-groups-on-reconnect: after a reconnect the same group is joined again', async () => {
    const input = `var room = 'lobby';
var connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();
connection.start().then(function () {
  return connection.invoke('JoinGroup', room);
}).catch(function (error) {
  console.error(error);
});
`;
    const { output } = await runTransform(rejoinGroups, 'page.js', input);
    const page = await runScript(output as string, 0);
    expect(page.invoked).toEqual(['JoinGroup']);
    page.reconnect();
    expect(page.invoked).toEqual(['JoinGroup', 'JoinGroup']);
  });

  it('handle-start-errors reuses the helpers add-reconnect wrote into the file', async () => {
    const fixed = (await runTransform(addReconnect, 'worker.ts', fixture('module-connection.input.ts'))).output as string;
    const second = `${fixed}\nconst second = new HubConnectionBuilder().withUrl('/hubs/second').withAutomaticReconnect().build();\nsecond.start();\n`;
    const { output } = await runTransform(handleStartErrors, 'worker.ts', second);
    expect(output).toContain('startWithRetry(second);');
    expect(output!.match(/function startWithRetry/g)).toHaveLength(1);
    expect(output!.match(/function retryDelay/g)).toHaveLength(1);
  });

  it('ES5 scripts get `function` handlers from both codemods', async () => {
    for (const [transform, folder] of [
      [handleStartErrors, 'handle-start-errors'],
      [rejoinGroups, 'rejoin-groups-on-reconnect'],
    ] as const) {
      const input = readFileSync(join(FIXTURES_ROOT, folder, 'es5-page.input.js'), 'utf8');
      const run = await runTransform(transform, 'es5-page.js', input);
      const added = (run.output ?? '').split('\n').filter((line) => !input.split('\n').includes(line));
      expect(added.length).toBeGreaterThan(0);
      expect(added.join('\n')).not.toMatch(/=>|\bconst\b|\blet\b|\basync\b/);
    }
  });
});
