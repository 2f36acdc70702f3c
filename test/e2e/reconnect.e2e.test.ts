// End-to-end test (e2e) of the add-reconnect codemod: the code it writes must really bring clients back.
//
// The chat client in __fixtures__/chat-client.ts has no reconnect logic. This test runs the real
// add-reconnect transform over it, imports the rewritten module and connects several real
// @microsoft/signalr clients (plus one built from the unchanged module) to a local SignalR test server
// on 127.0.0.1. Then it stops the server (every client is dropped, as in a crash), keeps it down across
// two retries, starts it again on the same port, and checks that:
// - every fixed client reconnects and works again (state Connected, an Echo round trip), and so does
//   a fixed client whose first start() ran while the server was down;
// - every fixed client is back in its room: a message the server sends to the room reaches it (the
//   codemod joins the room again in `onreconnected`), and the code's own start-failure handler
//   heard every failed try of the client started during the outage;
// - a fixed client stopped while its first start was still being retried never connects, and the
//   code chained after its start (`onJoined`) never runs;
// - the unchanged client does not come back: it closes and never negotiates again (without the
//   codemod, a restart loses clients for good, which is what makes the rest of this test mean something);
// - the delays between retries follow the documented back-off (core/reconnect/backoff.ts, RECONNECT_BACKOFF):
//   within the range for each retry, never above the cap, really waited, and random: clients dropped
//   at the same instant pick different delays and come back to the restarted server at different times.
//
// Timing: retry n waits between (1 - jitter) and 1 times min(cap, initial * 2^n), i.e. 0.5–1 s, then
// 1–2 s, then 2–4 s. The server comes back as soon as every client has failed two retries (about
// 1.5–3 s after the drop), so the clients return on their third retry, 3.5–7 s after the drop. The
// waits below are event-driven with bounded timeouts; nothing depends on a fixed sleep.
import type { HubConnection, ILogger } from '@microsoft/signalr';
import { HubConnectionState, LogLevel } from '@microsoft/signalr';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import transform from '../../codemods/add-reconnect.js';
import { backoffDelayRange, RECONNECT_BACKOFF } from '../../core/reconnect/backoff.js';
import { runTransform } from '../codemods/harness.js';
import { SignalRTestServer } from './signalr-test-server.js';

type ChatClientModule = typeof import('./__fixtures__/chat-client.js');
type ChatEvents = import('./__fixtures__/chat-client.js').ChatEvents;

const REPOSITORY = join(import.meta.dirname, '..', '..');
const FIXTURE = join(import.meta.dirname, '__fixtures__', 'chat-client.ts');
/** Enough clients that random delays cannot plausibly all coincide (see the jitter assertions). */
const FIXED_CLIENTS = 8;
/** How many retries every client must have failed before the server comes back. */
const RETRIES_WHILE_DOWN = 2;
/** Timers may fire up to a millisecond before `Date.now()` says the delay is over. */
const CLOCK_TOLERANCE_MS = 2;
/** How late a retry may come after its delay on a loaded 2-core machine (a failed negotiate, timers, GC). */
const LATENESS_TOLERANCE_MS = 1500;
/** What the client logs before each retry (HubConnection._reconnect, @microsoft/signalr 10). */
const RETRY_SCHEDULED = /^Reconnect attempt number (\d+) will start in (\S+) ms\.$/;

interface LogRecord {
  readonly at: number;
  readonly level: LogLevel;
  readonly message: string;
}

/** Keeps what the client logs at Information and above: its retry schedule is logged there. */
class RecordingLogger implements ILogger {
  readonly records: LogRecord[] = [];

  log(level: LogLevel, message: string): void {
    if (level >= LogLevel.Information) this.records.push({ at: Date.now(), level, message });
  }

  /** The retries the client scheduled, in order: the delay it chose and when it chose it. */
  retries(): { readonly attempt: number; readonly delayMs: number; readonly scheduledAt: number }[] {
    return this.records.flatMap((record) => {
      const match = RETRY_SCHEDULED.exec(record.message);
      return match ? [{ attempt: Number(match[1]), delayMs: Number(match[2]), scheduledAt: record.at }] : [];
    });
  }
}

const ROOM = 'lobby';

interface TracedClient {
  readonly name: string;
  readonly connection: HubConnection;
  readonly logger: RecordingLogger;
  readonly received: string[];
  reconnectingAt?: number;
  reconnectedAt?: number;
  closedAt?: number;
  closeError?: Error;
}

async function connect(module: ChatClientModule, url: string, name: string, events: ChatEvents = {}): Promise<TracedClient> {
  const logger = new RecordingLogger();
  const received: string[] = [];
  // `client` lets the server tell the clients' negotiate requests apart.
  const connection = await module.connectToChat(`${url}?client=${name}`, ROOM, (user, text) => received.push(`${user}: ${text}`), logger, events);
  const client: TracedClient = { name, connection, logger, received };
  connection.onreconnecting(() => (client.reconnectingAt ??= Date.now()));
  connection.onreconnected(() => (client.reconnectedAt ??= Date.now()));
  connection.onclose((error) => {
    client.closedAt ??= Date.now();
    client.closeError ??= error;
  });
  return client;
}

/** Polls `condition` every 20 ms; fails with `what` after `timeoutMs`. */
async function waitUntil(condition: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function spread(values: readonly number[]): number {
  return Math.max(...values) - Math.min(...values);
}

describe('e2e: a client fixed by add-reconnect comes back after a server restart, with its session', () => {
  const server = new SignalRTestServer();
  const clients: TracedClient[] = [];
  let workDir = '';

  beforeAll(() => {
    // Inside the repository, so that the rewritten module's `import '@microsoft/signalr'` resolves
    // from its node_modules; .tmp/ is git-ignored, and a fresh folder per run avoids any module cache.
    mkdirSync(join(REPOSITORY, '.tmp'), { recursive: true });
    workDir = mkdtempSync(join(REPOSITORY, '.tmp', 'reconnect-e2e-'));
  });

  afterAll(async () => {
    // Stop the server first: a client still retrying then fails fast instead of reconnecting again.
    await server.stop();
    await Promise.all(clients.map((client) => client.connection.stop()));
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('reconnects every fixed client with random, bounded back-off, back in its room; a stopped client stays stopped; the unfixed client stays down', { timeout: 45_000 }, async () => {
    // ---- the codemod rewrites the client ----
    const input = readFileSync(FIXTURE, 'utf8');
    const run = await runTransform(transform, 'chat-client.ts', input);
    expect(run.reports).toEqual([]);
    expect(typeof run.output).toBe('string');
    const output = run.output as string;
    expect(output).not.toBe(input);
    expect(output).toContain('withAutomaticReconnect');
    const fixedPath = join(workDir, 'chat-client.fixed.ts');
    writeFileSync(fixedPath, output);
    const fixed = (await import(pathToFileURL(fixedPath).href)) as ChatClientModule;
    const original = (await import(pathToFileURL(FIXTURE).href)) as ChatClientModule;

    // ---- everyone connects ----
    const url = await server.start();
    for (let index = 0; index < FIXED_CLIENTS; index++) clients.push(await connect(fixed, url, `fixed-${index}`));
    const unfixed = await connect(original, url, 'unfixed');
    clients.push(unfixed);
    const fixedClients = clients.filter((client) => client !== unfixed);
    // (`late`, added below, is not among them: it never connected before the drop.)
    for (const client of clients) expect(client.connection.state).toBe(HubConnectionState.Connected);
    expect(server.connectedClients).toBe(FIXED_CLIENTS + 1);
    expect(server.negotiations).toHaveLength(FIXED_CLIENTS + 1);

    // ---- the server goes down, and stays down across two retries of every client ----
    await server.stop();
    // A fixed client started during the outage and left again before the server came back: its
    // retries stop with it, and nothing chained after its start may run.
    const leaving = new AbortController();
    let leaverJoined = false;
    let leaverSettled = false;
    void connect(fixed, url, 'leaver', { signal: leaving.signal, onJoined: () => (leaverJoined = true) }).then(
      () => (leaverSettled = true),
      () => (leaverSettled = true),
    );
    // A fixed client started during the outage: automatic reconnect does not cover a first start()
    // that fails, so the codemod also retries that one.
    let lateConnected = false;
    const lateStartErrors: Error[] = [];
    const late = connect(fixed, url, 'late', { onStartError: (error) => lateStartErrors.push(error) }).then((client) => {
      lateConnected = true;
      clients.push(client);
      return client;
    });
    const failedRetries = (client: TracedClient): number => Math.max(0, client.logger.retries().length - 1);
    await waitUntil(
      () => unfixed.closedAt !== undefined && fixedClients.every((client) => failedRetries(client) >= RETRIES_WHILE_DOWN),
      15_000,
      () => `every client to fail ${RETRIES_WHILE_DOWN} retries (failed: ${fixedClients.map(failedRetries).join(', ')}; unfixed closed: ${unfixed.closedAt !== undefined})`,
    );
    leaving.abort();
    // Nothing reached the server while it was down, and nobody gave up.
    expect(server.negotiations).toHaveLength(FIXED_CLIENTS + 1);
    for (const client of fixedClients) {
      expect(client.connection.state).toBe(HubConnectionState.Reconnecting);
      expect(client.closedAt).toBeUndefined();
    }
    // The late client's first start() failed, and it is still trying; the code's own handler heard
    // every failed try, as it heard the one failure before the codemod.
    expect(lateConnected).toBe(false);
    expect(lateStartErrors.length).toBeGreaterThan(0);

    // ---- the server comes back on the same port ----
    const restartedAt = Date.now();
    expect(await server.start()).toBe(url);
    await waitUntil(
      () => fixedClients.every((client) => client.reconnectedAt !== undefined),
      25_000,
      () => `every fixed client to reconnect (still down: ${fixedClients.filter((client) => client.reconnectedAt === undefined).map((client) => client.name).join(', ')})`,
    );

    // Every fixed client works again.
    for (const client of fixedClients) {
      expect(client.connection.state).toBe(HubConnectionState.Connected);
      expect(await client.connection.invoke('Echo', client.name)).toBe(client.name);
    }
    // The client started during the outage got connected too, on its first attempt after the restart.
    const lateClient = await late;
    expect(lateClient.connection.state).toBe(HubConnectionState.Connected);
    expect(await lateClient.connection.invoke('Echo', 'late')).toBe('late');
    expect(server.negotiations.filter((record) => record.clientName === 'late')).toHaveLength(1);
    expect(server.connectedClients).toBe(FIXED_CLIENTS + 1);

    // ---- the session: every fixed client is back in its room ----
    await waitUntil(() => server.groupSize(ROOM) === FIXED_CLIENTS + 1, 5_000, () => `every fixed client to rejoin ${ROOM} (members: ${server.groupSize(ROOM)})`);
    expect(server.sendToGroup(ROOM, 'ReceiveMessage', 'server', 'after the restart')).toBe(FIXED_CLIENTS + 1);
    await waitUntil(
      () => [...fixedClients, lateClient].every((client) => client.received.includes('server: after the restart')),
      5_000,
      () => `every fixed client to get the room's message (missing: ${[...fixedClients, lateClient].filter((client) => client.received.length === 0).map((client) => client.name).join(', ')})`,
    );
    expect(unfixed.received).toEqual([]);

    // ---- the client stopped while retrying never connected, and its chained code never ran ----
    expect(server.negotiations.filter((record) => record.clientName === 'leaver')).toEqual([]);
    expect(leaverJoined).toBe(false);
    expect(leaverSettled).toBe(false);

    // Without the codemod the client was closed by the drop and never came back: it did not even try.
    expect(unfixed.closeError).toBeInstanceOf(Error);
    expect(unfixed.reconnectingAt).toBeUndefined();
    expect(unfixed.connection.state).toBe(HubConnectionState.Disconnected);
    expect(unfixed.logger.retries()).toEqual([]);
    expect(server.negotiations.filter((record) => record.clientName === 'unfixed')).toHaveLength(1);

    // ---- the delays: bounded by the documented back-off, really waited ----
    const returnTimes: number[] = [];
    for (const client of fixedClients) {
      const retries = client.logger.retries();
      // Attempts are numbered 1, 2, 3, …: the last one scheduled is the one that succeeded.
      expect(retries.map((retry) => retry.attempt)).toEqual(retries.map((_, index) => index + 1));
      expect(retries.length).toBeGreaterThan(RETRIES_WHILE_DOWN);
      retries.forEach((retry, retryCount) => {
        const { min, max } = backoffDelayRange(retryCount);
        expect(retry.delayMs, `${client.name} retry ${retryCount}`).toBeGreaterThanOrEqual(min);
        expect(retry.delayMs, `${client.name} retry ${retryCount}`).toBeLessThanOrEqual(max);
        expect(retry.delayMs).toBeLessThanOrEqual(RECONNECT_BACKOFF.maxDelayMs);
      });
      // Each failed retry came no sooner than its delay after it was scheduled (the next one is
      // scheduled only when it has failed).
      for (let index = 1; index < retries.length; index++) {
        const previous = retries[index - 1]!;
        expect(retries[index]!.scheduledAt - previous.scheduledAt).toBeGreaterThanOrEqual(previous.delayMs - CLOCK_TOLERANCE_MS);
      }
      // The restarted server saw exactly one negotiate from this client (no storm of retries), its
      // last retry's delay after that retry was scheduled.
      const returns = server.negotiations.filter((record) => record.clientName === client.name && record.at >= restartedAt);
      expect(returns).toHaveLength(1);
      const last = retries[retries.length - 1]!;
      const waited = returns[0]!.at - last.scheduledAt;
      expect(waited).toBeGreaterThanOrEqual(last.delayMs - CLOCK_TOLERANCE_MS);
      expect(waited).toBeLessThanOrEqual(last.delayMs + LATENESS_TOLERANCE_MS);
      // In all, the client was away for the sum of its delays (plus the failed attempts' own time).
      const total = retries.reduce((sum, retry) => sum + retry.delayMs, 0);
      const away = returns[0]!.at - client.reconnectingAt!;
      expect(away).toBeGreaterThanOrEqual(total - CLOCK_TOLERANCE_MS);
      expect(away).toBeLessThanOrEqual(total + retries.length * LATENESS_TOLERANCE_MS);
      returnTimes.push(returns[0]!.at);
    }

    // ---- the delays are random: clients dropped together spread out ----
    // Retry n's delays are uniform over a range of width jitter * min(cap, initial * 2^n) (500 ms for the
    // first retry). Eight clients all landing within a tenth of that width by chance has a probability
    // below 1e-6; fixed delays (no jitter) would give a spread of 0.
    for (let retryCount = 0; retryCount < RETRIES_WHILE_DOWN; retryCount++) {
      const delays = fixedClients.map((client) => client.logger.retries()[retryCount]!.delayMs);
      const { min, max } = backoffDelayRange(retryCount);
      expect(new Set(delays).size, `retry ${retryCount} delays ${delays.join(', ')}`).toBe(FIXED_CLIENTS);
      expect(spread(delays), `retry ${retryCount} delays ${delays.join(', ')}`).toBeGreaterThan((max - min) / 10);
    }
    // The restarted server did not get every client in the same instant: their returns are spread over
    // well over 100 ms (each a sum of at least three independent delays, spanning 3.5 s in all; all
    // eight within 100 ms has a probability far below 1e-6).
    expect(spread(returnTimes), `returns at ${returnTimes.map((at) => at - restartedAt).join(', ')} ms after the restart`).toBeGreaterThan(100);
  });
});
