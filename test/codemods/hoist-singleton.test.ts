import type { Transform } from 'jscodeshift';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { handlersOf } from '../../core/owners/handler.js';
import { hoistToModuleSingleton } from '../../codemods/utils/hoist-singleton.js';
import { parseFile, reportSkip } from '../../codemods/utils/source.js';
import { runTransform, typeCheck } from './harness.js';

/** Hoists every connection built in a handler, reporting why when it cannot: the utility alone, without add-disposal. */
const hoistEveryHandlerConnection: Transform = (file, api) => {
  const parsed = parseFile(file, api);
  if (!parsed) return undefined;
  const handlers = handlersOf(parsed.model, file.path);
  let changed = false;
  for (const build of parsed.model.builds) {
    const handler = handlers.enclosingHandler(build);
    if (!handler) continue;
    const outcome = hoistToModuleSingleton(parsed, file, build, handler.fn);
    if (outcome.hoisted) changed = true;
    else reportSkip(api, file, outcome.node, outcome.reason);
  }
  return changed ? parsed.root.toSource() : undefined;
};

async function hoist(source: string, path = 'function.ts'): Promise<{ output: string | undefined; reports: string[] }> {
  const { output, reports } = await runTransform(hoistEveryHandlerConnection, path, source);
  return { output: output ?? undefined, reports: reports.map((report) => report.replace(`${path}:`, '')) };
}

const typeCheckRoot = mkdtempSync(join(tmpdir(), 'hoist-singleton-'));
// TypeScript finds the real packages through a node_modules next to the checked files.
symlinkSync(join(import.meta.dirname, '..', '..', 'node_modules'), join(typeCheckRoot, 'node_modules'), 'dir');
afterAll(() => rmSync(typeCheckRoot, { recursive: true, force: true }));

const outputsToTypeCheck: string[] = [];

/** Queues an output for the one type-check at the end (one TypeScript program is much cheaper than one per case). */
function typeCheckLater(name: string, source: string): void {
  const folder = join(typeCheckRoot, name);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'function.ts');
  writeFileSync(path, source);
  outputsToTypeCheck.push(path);
}

describe('hoistToModuleSingleton', () => {
  it('hoists a connection whose URL does not depend on the invocation, and type-checks', async () => {
    const input = `import { app, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { HubConnectionBuilder } from '@microsoft/signalr';

// Relays the request body to every client.
export async function broadcast(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const connection = new HubConnectionBuilder()
    .withUrl(process.env.HUB_URL ?? 'https://example.com/hubs/news')
    .withAutomaticReconnect()
    .build();
  await connection.start();
  await connection.invoke('Broadcast', await request.text());
  context.log('sent');
  return { status: 202 };
}

app.http('broadcast', { methods: ['POST'], handler: broadcast });
`;
    const expected = `import { app, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { HubConnectionBuilder, HubConnectionState, HubConnection } from '@microsoft/signalr';

let hubConnection: HubConnection | undefined;
let hubConnectionStart: Promise<void> | undefined;

/**
 * One connection shared by every invocation: a connection per invocation piles up until Azure SignalR
 * answers 429. Built on first use; started again whenever it is disconnected.
 */
async function getHubConnection(): Promise<HubConnection> {
  hubConnection ??= new HubConnectionBuilder()
    .withUrl(process.env.HUB_URL ?? 'https://example.com/hubs/news')
    .withAutomaticReconnect()
    .build();
  if (hubConnection.state === HubConnectionState.Disconnected) {
    hubConnectionStart ??= hubConnection.start().finally(() => {
      hubConnectionStart = undefined;
    });
  }
  await hubConnectionStart;
  return hubConnection;
}

// Relays the request body to every client.
export async function broadcast(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const connection = await getHubConnection();
  await connection.invoke('Broadcast', await request.text());
  context.log('sent');
  return { status: 202 };
}

app.http('broadcast', { methods: ['POST'], handler: broadcast });
`;
    const { output, reports } = await hoist(input);
    expect(reports).toEqual([]);
    expect(output).toBe(expected);
    typeCheckLater('named', expected);
    // A second run finds nothing to hoist.
    expect((await hoist(expected)).output).toBeUndefined();
  });

  it('uses the namespace import, removes stop() and the try/finally it leaves empty', async () => {
    const input = `import { app } from '@azure/functions';
import * as signalR from '@microsoft/signalr';

const HUB_URL = 'https://example.com/hubs/orders';

app.storageQueue('orders', {
  queueName: 'orders',
  connection: 'AzureWebJobsStorage',
  handler: async (message) => {
    const connection = new signalR.HubConnectionBuilder().withUrl(HUB_URL).build();
    // Connect first.
    await connection.start();
    try {
      await connection.send('OrderQueued', message);
    } finally {
      await connection.stop(); // never leak it
    }
  },
});
`;
    const { output, reports } = await hoist(input);
    expect(reports).toEqual([]);
    expect(output).toContain('let hubConnection: signalR.HubConnection | undefined;');
    expect(output).toContain('if (hubConnection.state === signalR.HubConnectionState.Disconnected) {');
    expect(output).toContain('hubConnection ??= new signalR.HubConnectionBuilder().withUrl(HUB_URL).build();');
    // The removed statements' comments stay, on the declaration that now does their work.
    expect(output).toContain(`  handler: async (message) => {
    // Connect first.
    const connection = await getHubConnection(); // never leak it
    await connection.send('OrderQueued', message);
  },`);
    expect(output).not.toContain('stop()');
    expect(output).not.toContain('finally {');
    expect(output).toMatch(/^import \* as signalR from '@microsoft\/signalr';$/m);
    typeCheckLater('namespace', output!);
  });

  it('keeps a catch when removing the finally, and adds nothing to a JavaScript file but the state export', async () => {
    const input = `const { app } = require('@azure/functions');
const { HubConnectionBuilder } = require('@microsoft/signalr');

app.http('notify', {
  handler: async (request, context) => {
    const connection = new HubConnectionBuilder().withUrl(process.env.HUB_URL).build();
    await connection.start();
    try {
      await connection.invoke('Notify');
    } catch (error) {
      context.error(error);
    } finally {
      await connection.stop();
    }
    return { status: 202 };
  },
});
`;
    const { output, reports } = await hoist(input, 'function.js');
    expect(reports).toEqual([]);
    expect(output).toContain(`const { HubConnectionBuilder } = require('@microsoft/signalr');

const { HubConnectionState } = require('@microsoft/signalr');
let hubConnection;
let hubConnectionStart;
`);
    expect(output).toContain('async function getHubConnection() {');
    expect(output).toContain(`    } catch (error) {
      context.error(error);
    }
    return { status: 202 };`);
    expect(output).not.toContain('finally {\n');
  });

  it('gives handlers that build the same connection one shared singleton', async () => {
    const input = `import { app } from '@azure/functions';
import { HubConnectionBuilder } from '@microsoft/signalr';

app.http('a', { handler: async () => {
  const connection = new HubConnectionBuilder().withUrl('https://example.com/hubs/news').build();
  await connection.start();
  await connection.send('A');
  return {};
} });

app.http('b', { handler: async () => {
  const hub = new HubConnectionBuilder().withUrl('https://example.com/hubs/news').build();
  await hub.start();
  await hub.send('B');
  return {};
} });

app.http('c', { handler: async () => {
  const hub = new HubConnectionBuilder().withUrl('https://example.com/hubs/other').build();
  await hub.start();
  return {};
} });
`;
    const { output } = await hoist(input);
    expect(output?.match(/^async function getHubConnection\w*\(/gm)).toEqual(['async function getHubConnection(', 'async function getHubConnection2(']);
    expect(output).toContain('const connection = await getHubConnection();');
    expect(output).toContain('const hub = await getHubConnection();');
    expect(output).toContain('const hub = await getHubConnection2();');
    typeCheckLater('shared', output!);
  });

  it('chooses names that do not clash with the file', async () => {
    const input = `import { app } from '@azure/functions';
import { HubConnectionBuilder } from '@microsoft/signalr';

const getHubConnection = 'taken';

app.http('a', { handler: async () => {
  const hubConnection = new HubConnectionBuilder().withUrl('https://example.com/hubs/news').build();
  await hubConnection.start();
  return { body: getHubConnection };
} });
`;
    const { output } = await hoist(input);
    expect(output).toContain('let hubConnection2: HubConnection | undefined;');
    expect(output).toContain('const hubConnection = await getHubConnection2();');
    typeCheckLater('names', output!);
  });

  it('falls back when the URL or options depend on the invocation', async () => {
    const input = `import { app, HttpRequest } from '@azure/functions';
import { HubConnectionBuilder } from '@microsoft/signalr';

app.http('relay', { handler: async (request: HttpRequest) => {
  const connection = new HubConnectionBuilder()
    .withUrl(\`https://example.com/hubs/\${request.params.hub}\`)
    .build();
  await connection.start();
  return {};
} });

app.http('token', { handler: async (request: HttpRequest) => {
  const token = request.headers.get('authorization') ?? '';
  const connection = new HubConnectionBuilder().withUrl('https://example.com/hubs/news', { accessTokenFactory: () => token }).build();
  await connection.start();
  return {};
} });
`;
    expect(await hoist(input)).toEqual({
      output: undefined,
      reports: [
        '6:42: skipped: its URL or options use `request`, which belongs to the invocation',
        '14:118: skipped: its URL or options use `token`, which belongs to the invocation',
      ],
    });
  });

  it('hoists an options callback that uses only its own parameters and module-level names', async () => {
    const input = `import { app } from '@azure/functions';
import { HubConnectionBuilder } from '@microsoft/signalr';

async function fetchToken(scope: string): Promise<string> { return scope; }

app.timer('tick', { schedule: '0 * * * * *', handler: async () => {
  const connection = new HubConnectionBuilder()
    .withUrl('https://example.com/hubs/ticks', { accessTokenFactory: async () => { const scope = 'ticks'; return fetchToken(scope); } })
    .build();
  await connection.start();
  await connection.send('Tick');
} });
`;
    const { output, reports } = await hoist(input);
    expect(reports).toEqual([]);
    expect(output).toContain('hubConnection ??= new HubConnectionBuilder()');
    typeCheckLater('callback', output!);
  });

  it('refuses shapes it cannot rewrite safely, and says why', async () => {
    const input = `import { app } from '@azure/functions';
import { HubConnectionBuilder } from '@microsoft/signalr';

app.http('callbacks', { handler: async () => {
  const connection = new HubConnectionBuilder().withUrl('https://example.com/hubs/news').build();
  connection.on('Ack', () => {});
  await connection.start();
  return {};
} });

app.http('sync', { handler: () => {
  const connection = new HubConnectionBuilder().withUrl('https://example.com/hubs/news').build();
  void connection.start();
  return Promise.resolve({});
} });

app.http('variable', { handler: async () => {
  const builder = new HubConnectionBuilder().withUrl('https://example.com/hubs/news');
  const connection = builder.build();
  await connection.start();
  return {};
} });

app.http('unstarted', { handler: async () => {
  const connection = new HubConnectionBuilder().withUrl('https://example.com/hubs/news').build();
  return { body: String(connection.state) };
} });

app.http('nested-start', { handler: async () => {
  const connection = new HubConnectionBuilder().withUrl('https://example.com/hubs/news').build();
  if (connection.baseUrl) {
    await connection.start();
  }
  return {};
} });

app.http('let', { handler: async () => {
  let connection = new HubConnectionBuilder().withUrl('https://example.com/hubs/news').build();
  await connection.start();
  return {};
} });
`;
    expect(await hoist(input)).toEqual({
      output: undefined,
      reports: [
        '6:3: skipped: the handler registers `on` callbacks, which would pile up on a shared connection',
        '11:29: skipped: the handler is not `async`, so it cannot await a shared connection',
        '19:22: skipped: the builder is configured through a variable',
        '25:9: skipped: the handler does not start the connection exactly once',
        '32:5: skipped: `start()` is not in the same block as the connection',
        '38:20: skipped: the connection is not held in a `const` of its own',
      ],
    });
  });

  it('produces outputs that type-check against the real packages', () => {
    expect(outputsToTypeCheck.length).toBeGreaterThan(0);
    expect(typeCheck(outputsToTypeCheck)).toEqual([]);
  });
});
