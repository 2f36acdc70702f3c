import type { IRetryPolicy } from '@microsoft/signalr';
import { HubConnectionBuilder } from '@microsoft/signalr';
import type { TSESTree } from '@typescript-eslint/utils';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { reconnectAnalysis, reconnectProblem } from '../../core/reconnect/analysis.js';
import { backoffDelayRange, backoffDelaySource, RECONNECT_BACKOFF } from '../../core/reconnect/backoff.js';
import { DEFAULT_RETRY_DELAYS_MS, delaysLookLikeSeconds, policyFunctionProblems, policyGivesUp, retryPolicyOf } from '../../core/reconnect/policies.js';
import type { RestartPath } from '../../core/reconnect/restart-paths.js';
import { isStartRetried } from '../../core/reconnect/restart-paths.js';
import { parseSnippet } from './parse.js';

/** The policy `withAutomaticReconnect(argument)` gives the real client. */
function clientPolicy(argument?: number[]): IRetryPolicy {
  const builder = new HubConnectionBuilder();
  if (argument) builder.withAutomaticReconnect(argument);
  else builder.withAutomaticReconnect();
  return (builder as unknown as { reconnectPolicy: IRetryPolicy }).reconnectPolicy;
}

function nextDelay(policy: IRetryPolicy, previousRetryCount: number): number | null {
  return policy.nextRetryDelayInMilliseconds({ previousRetryCount, elapsedMilliseconds: 0, retryReason: new Error('test') });
}

describe('client facts', () => {
  it('withAutomaticReconnect() waits DEFAULT_RETRY_DELAYS_MS, then gives up', () => {
    const policy = clientPolicy();
    expect(DEFAULT_RETRY_DELAYS_MS.map((_, count) => nextDelay(policy, count))).toEqual(DEFAULT_RETRY_DELAYS_MS);
    expect(nextDelay(policy, DEFAULT_RETRY_DELAYS_MS.length)).toBeNull();
  });

  it('withAutomaticReconnect([]) gives up before the first retry', () => {
    expect(nextDelay(clientPolicy([]), 0)).toBeNull();
  });
});

describe('the back-off add-reconnect writes', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const policyOf = (): ((retryContext: { previousRetryCount: number }) => unknown) =>
    new Function('retryContext', `return ${backoffDelaySource('retryContext.previousRetryCount')};`) as never;

  it('always returns a number inside backoffDelayRange, at both ends of Math.random, and never gives up', () => {
    const policy = policyOf();
    for (const random of [0, 0.999999]) {
      vi.spyOn(Math, 'random').mockReturnValue(random);
      for (let count = 0; count < 60; count++) {
        const delay = policy({ previousRetryCount: count });
        const { min, max } = backoffDelayRange(count);
        expect(typeof delay).toBe('number');
        expect(delay).toBeGreaterThanOrEqual(min);
        expect(delay).toBeLessThanOrEqual(max);
      }
      vi.restoreAllMocks();
    }
  });

  it('doubles from the initial delay up to the cap, less up to the jitter share', () => {
    expect(backoffDelayRange(0)).toEqual({ min: RECONNECT_BACKOFF.initialDelayMs * (1 - RECONNECT_BACKOFF.jitter), max: RECONNECT_BACKOFF.initialDelayMs });
    expect(backoffDelayRange(1).max).toBe(2 * RECONNECT_BACKOFF.initialDelayMs);
    expect(backoffDelayRange(40)).toEqual({ min: RECONNECT_BACKOFF.maxDelayMs * (1 - RECONNECT_BACKOFF.jitter), max: RECONNECT_BACKOFF.maxDelayMs });
  });

  it('is documented with the numbers core uses', () => {
    const doc = readFileSync(new URL('../../docs/codemods/add-reconnect.md', import.meta.url), 'utf8');
    const seconds = (n: number): string => `${backoffDelayRange(n).min / 1000}–${backoffDelayRange(n).max / 1000} s`;
    expect(doc.replace(/\s+/g, ' ')).toContain([0, 1, 2, 3, 4].map(seconds).join(', '));
    expect(doc).toContain(`min(${RECONNECT_BACKOFF.maxDelayMs / 1000} s, ${RECONNECT_BACKOFF.initialDelayMs / 1000} s × 2ⁿ) × (1 − ${RECONNECT_BACKOFF.jitter} × random)`);
  });
});

describe('delaysLookLikeSeconds', () => {
  it('takes small delays for seconds, unless all are zero', () => {
    expect(delaysLookLikeSeconds([0, 2, 10, 30])).toBe(true);
    expect(delaysLookLikeSeconds([5])).toBe(true);
    expect(delaysLookLikeSeconds([0, 2000, 10000])).toBe(false);
    expect(delaysLookLikeSeconds([0, 0])).toBe(false);
    expect(delaysLookLikeSeconds([])).toBe(false);
  });
});

describe('retry policies', () => {
  const policyArgument = (code: string): { policy: ReturnType<typeof retryPolicyOf>; snippet: ReturnType<typeof parseSnippet> } => {
    const snippet = parseSnippet(code);
    const call = snippet.node('x', 'Identifier');
    const argument = (call.parent as TSESTree.VariableDeclarator).init!;
    return { policy: retryPolicyOf(snippet.model, argument), snippet };
  };

  it('resolves arrays, objects, classes and consts; folds constant arithmetic', () => {
    expect(policyArgument('const x = [0, 2 * 1000];').policy).toMatchObject({ kind: 'delays', delays: [0, 2000] });
    expect(policyArgument('const d = [1, 2]; const x = d;').policy).toMatchObject({ kind: 'delays', delays: [1, 2] });
    expect(policyArgument('const x = [0, later()];').policy).toMatchObject({ kind: 'delays', delays: undefined });
    expect(policyArgument('const x = { nextRetryDelayInMilliseconds: () => 1 };').policy.kind).toBe('function');
    expect(policyArgument('class P { nextRetryDelayInMilliseconds() { return 1; } } const x = new P();').policy.kind).toBe('function');
    expect(policyArgument("import { policy } from './p'; const x = policy;").policy.kind).toBe('unknown');
  });

  it('knows which policies can give up', () => {
    expect(policyGivesUp({ kind: 'default' })).toBe(true);
    expect(policyGivesUp(policyArgument('const x = { nextRetryDelayInMilliseconds: (c) => (c.previousRetryCount < 3 ? 1000 : null) };').policy)).toBe(true);
    expect(policyGivesUp(policyArgument('const x = { nextRetryDelayInMilliseconds: () => 1000 * Math.random() };').policy)).toBe(false);
    expect(policyGivesUp({ kind: 'unknown' })).toBe('unknown');
  });

  it('finds the paths that give the client undefined', () => {
    const problems = (code: string): string[] => {
      const { policy, snippet } = policyArgument(code);
      if (policy.kind !== 'function') throw new Error('not a policy function');
      return policyFunctionProblems(snippet.model, policy.fn).map((problem) => problem.kind);
    };
    expect(problems('const x = { nextRetryDelayInMilliseconds(c) { if (c.previousRetryCount < 3) return 1; } };')).toEqual(['falls-off-end']);
    expect(problems('const x = { nextRetryDelayInMilliseconds(c) { if (c.previousRetryCount < 3) return 1; else return null; } };')).toEqual([]);
    expect(problems('const x = { nextRetryDelayInMilliseconds(c) { for (;;) { if (c.previousRetryCount > 1) break; } return 5; } };')).toEqual([]);
    expect(problems('const x = { nextRetryDelayInMilliseconds(c) { while (true) { return 5; } } };')).toEqual([]);
    expect(problems('const x = { nextRetryDelayInMilliseconds(c) { try { return 1; } finally { log(); } } };')).toEqual([]);
    expect(problems('const x = { nextRetryDelayInMilliseconds(c) { switch (c.previousRetryCount) { case 0: return 0; default: return 1; } } };')).toEqual([]);
    expect(problems('const x = { nextRetryDelayInMilliseconds(c) { switch (c.previousRetryCount) { case 0: return 0; default: break; } } };')).toEqual(['falls-off-end']);
    expect(problems('const x = { nextRetryDelayInMilliseconds: () => void 0 };')).toEqual(['returns-undefined']);
    expect(problems('const x = { nextRetryDelayInMilliseconds: (c) => [0, 1][c.previousRetryCount] };')).toEqual(['index-past-end']);
    expect(problems('const x = { nextRetryDelayInMilliseconds: (c) => [0, 1][Math.min(c.previousRetryCount, 1)] };')).toEqual([]);
    // An async policy hands the client a promise; that is another mistake, not this one.
    expect(problems('const x = { async nextRetryDelayInMilliseconds() {} };')).toEqual([]);
  });
});

describe('reconnectAnalysis', () => {
  it('links a connection to the handlers and starts of every slot that holds it', () => {
    const { model } = parseSnippet(`import { HubConnectionBuilder } from '@microsoft/signalr';
function create() { return new HubConnectionBuilder().withUrl('/hub').build(); }
function wire(conn) { conn.onclose(() => conn.start()); }
const connection = create();
wire(connection);
await connection.start();`);
    const [subject] = reconnectAnalysis(model, 'app.ts').subjects;
    expect(subject?.closeHandlers).toHaveLength(1);
    // The restart inside the handler is not a first start.
    expect(subject?.starts).toHaveLength(1);
    expect(reconnectProblem(subject!)).toBeUndefined();
  });

  it('computes the analysis once per model', () => {
    const { model } = parseSnippet(`import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hub').build();`);
    expect(reconnectAnalysis(model, 'app.ts')).toBe(reconnectAnalysis(model, 'app.ts'));
  });
});

describe('isStartRetried', () => {
  const retried = (code: string): boolean => {
    const snippet = parseSnippet(`import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hub').build();
${code}`);
    return isStartRetried(snippet.model, snippet.node('connection.start()', 'CallExpression') as TSESTree.CallExpression);
  };

  it('sees loops and functions that call or schedule themselves again', () => {
    expect(retried('for (;;) { try { await connection.start(); break; } catch {} }')).toBe(true);
    expect(retried('async function start() { try { await connection.start(); } catch { setTimeout(start, 5000); } }')).toBe(true);
    expect(retried('const start = () => connection.start().catch(() => setTimeout(start, 1000));')).toBe(true);
    expect(retried('await connection.start();')).toBe(false);
    expect(retried('async function open() { await connection.start(); }')).toBe(false);
    // A loop around the function that starts is not a loop around this start.
    expect(retried('for (const x of [1]) { const f = () => connection.start(); }')).toBe(false);
  });
});

describe('restart paths', () => {
  /** The path of the file's only close handler. */
  const closePath = (code: string): RestartPath => {
    const { model } = parseSnippet(`import { HubConnectionBuilder } from '@microsoft/signalr';
import { emit, sleep } from './elsewhere';
const connection = new HubConnectionBuilder().withUrl('/hub').build();
${code}`);
    return reconnectAnalysis(model, 'app.ts').closeRegistrations[0]!.path;
  };

  it('leaves out code that runs only after a start succeeded or on a later event', () => {
    expect(closePath(`connection.onclose(() => connection.start().then(() => emit('up')).then(() => emit('ready')));`).opaqueCalls).toBe(false);
    expect(closePath(`connection.onclose(async () => { await connection.start(); emit('up'); });`).opaqueCalls).toBe(false);
    expect(closePath(`function open() {
  connection.on('message', (text) => emit(text));
  connection.onreconnected(() => emit('back'));
  return connection.start();
}
connection.onclose(open);`).opaqueCalls).toBe(false);
  });

  it('takes building a connection for neither a wait nor a restart', () => {
    const path = closePath(`let hub;
function rebuild() {
  hub = new HubConnectionBuilder().withUrl('/hub').withAutomaticReconnect().build();
  return hub.start();
}
connection.onclose(rebuild);`);
    expect(path.startCalls).toHaveLength(1);
    expect(path.opaqueCalls).toBe(false);
  });

  it('still counts what runs before the restart, and what follows a start inside a loop', () => {
    expect(closePath(`connection.onclose(() => emit('down').then(() => connection.start()));`).opaqueCalls).toBe(true);
    expect(closePath(`connection.onclose(() => connection.start().catch(() => emit('failed')));`).opaqueCalls).toBe(true);
    // The sleep after one start runs before the next.
    expect(closePath(`connection.onclose(async () => { for (;;) { await connection.start(); await sleep(1000); } });`).opaqueCalls).toBe(true);
  });
});
