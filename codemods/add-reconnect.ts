// Adds reconnect logic where `require-reconnect` reports its absence (the same analysis,
// core/reconnect/analysis.ts), keeping what the code does when a start fails or the connection is stopped:
// - @microsoft/signalr builders get `.withAutomaticReconnect(retryForever)`, a policy that never gives
//   up and waits a random, growing delay;
// - a first `start()` that nothing retries goes through `startWithRetry`, since automatic reconnect
//   does not cover a failed first start. What the code chained on the start (`.then(…).catch(…)`)
//   runs for every try, so its error handler still hears each failure; a stopped connection is not
//   started again and nothing chained after it runs. A start whose failure reaches code this file
//   cannot see (a caller, a `catch` around it) is left as it is, with the reason;
// - @aspnet/signalr connections, and every connection with the `restartOnClose` option, get an
//   `onclose` restart (`restartWithRetry`), and their `stop()` calls go through `stopConnection`;
// - classic connections get a `disconnected` restart after a random delay that skips deliberate stops.
// The helpers come from the project's helpers module or are declared in the file (codemods/utils/helpers.ts).
// The rewrite is a set of text edits (codemods/utils/reconnect-writer.ts, shared with the codemods that
// retry starts and rejoin groups), printed in the file's own style (codemods/utils/style.ts).
import type { API, FileInfo, Transform } from 'jscodeshift';

import type { Node } from '../core/ast.js';
import { outermostWrapper } from '../core/ast.js';
import type { SignalRModel } from '../core/model.js';
import type { ReconnectSubject } from '../core/reconnect/analysis.js';
import { reconnectAnalysis, reconnectProblem } from '../core/reconnect/analysis.js';
import { isStartRetried } from '../core/reconnect/restart-paths.js';
import type { ConnectionSession } from '../core/session.js';
import { connectionSessions } from '../core/session.js';
import { DEFAULT_SETTINGS } from '../core/settings.js';
import { webPubSubClientSession } from '../core/web-pubsub-client.js';
import { mayOpenWebPubSubSocket, webPubSubSockets } from '../core/web-pubsub-socket.js';
import { FileHelpers } from './utils/helpers.js';
import { adHocRetries, chainAfter, describeStep, Plan, Writer } from './utils/reconnect-writer.js';
import { inlineHelpers } from './utils/shared-helpers.js';
import type { TransformOptions } from './utils/source.js';
import { analyzeFile, preservingLineEnds, reportSkip } from './utils/source.js';
import { detectStyle } from './utils/style.js';

export { parser } from './utils/parser.js';

export interface AddReconnectOptions extends TransformOptions {
  /**
   * Also restart from `onclose` where `withAutomaticReconnect` can give up, and add that restart
   * next to the policy this codemod inserts (`require-reconnect`'s `requireRestartAfterGiveUp`).
   */
  readonly restartOnClose?: boolean;
  /** Import the helpers from the project's helpers module, which the CLI writes (`signalr-codemod` sets it). */
  readonly sharedHelpers?: boolean;
}

const transform: Transform = preservingLineEnds((file: FileInfo, api: API, options: AddReconnectOptions) => {
  const analyzed = analyzeFile(file, options);
  if (!analyzed) return undefined;
  reportWebPubSubSkips(api, file, analyzed.model, options);
  if (!analyzed.model.usesSignalR) return undefined;
  const { model, program } = analyzed;
  const restartOnClose = isOn(options.restartOnClose);
  const subjects = reconnectAnalysis(model, file.path)
    .subjects.map((subject) => ({ subject, problem: reconnectProblem(subject, { requireRestartAfterGiveUp: restartOnClose }) }))
    .filter((entry) => entry.problem !== undefined);
  if (subjects.length === 0) return undefined;

  const style = detectStyle(file.source, program, file.path);
  const writer = new Writer(model, file.source, style, new FileHelpers(file.source, program, style));
  const sessions = connectionSessions(model, file.path, options.signalrSettings ?? DEFAULT_SETTINGS);
  for (const { subject, problem } of subjects) {
    if (problem === 'give-up-ignored-by-error-check') {
      const handler = subject.closeHandlers.find((registration) => registration.path.restartsOnlyOnError);
      reportSkip(api, file, handler?.call ?? subject.creation, 'its `onclose` handler restarts only when it gets an error; `onclose` gets `undefined` after automatic reconnect gives up, so restart there too unless your code stopped the connection');
      continue;
    }
    const session = sessions.find((candidate) => candidate.subject === subject);
    const outcome = subject.flavour === 'classic' ? planClassic(writer, subject) : planCore(writer, subject, session, problem === 'missing', restartOnClose);
    if (outcome.reason !== undefined) reportSkip(api, file, outcome.at ?? subject.creation, outcome.reason);
  }
  const output = writer.apply();
  // A classic script (no `import`, no `require`) cannot import a module: its helpers go into it.
  const shared = isOn(options.sharedHelpers) && style.language.moduleKind !== 'script';
  return output === undefined || shared ? output : inlineHelpers(output, file.path);
});

export default transform;

/**
 * Web PubSub clients that `require-reconnect` reports and this codemod leaves to their authors: a
 * `WebPubSubClient` with `autoReconnect: false` (the option is a choice to undo, not code to add), and
 * raw sockets on the Web PubSub subprotocol (reconnecting one takes the app's own negotiate call).
 */
function reportWebPubSubSkips(api: API, file: FileInfo, model: SignalRModel, options: AddReconnectOptions): void {
  for (const client of webPubSubClientSession(model).unrestarted) {
    reportSkip(api, file, client.option, '`autoReconnect: false` turns off the Web PubSub client\'s own reconnect: remove the option (the client then reconnects and rejoins its groups by itself), or start it again from its `stopped` event');
  }
  if (!mayOpenWebPubSubSocket(file.source, options.signalrSettings ?? DEFAULT_SETTINGS)) return;
  for (const close of webPubSubSockets(model).unrecoveredCloses) {
    reportSkip(api, file, close.registration, 'a raw Web PubSub socket does not reconnect by itself, and opening a new one takes the app\'s own negotiate call: open it again from this close handler after a random delay, or move to `@azure/web-pubsub-client`');
  }
}

/** jscodeshift passes `--flag` as true, `--flag=true` as a string. */
function isOn(value: unknown): boolean {
  return value === true || String(value) === 'true';
}

interface Outcome {
  /** Why (part of) the fix was not made. */
  readonly reason?: string;
  readonly at?: Node;
}

// ---- @microsoft/signalr and @aspnet/signalr ----

function planCore(writer: Writer, subject: ReconnectSubject, session: ConnectionSession | undefined, missing: boolean, restartOnClose: boolean): Outcome {
  const addPolicy = missing && subject.supportsAutomaticReconnect;
  const addRestart = !subject.supportsAutomaticReconnect || restartOnClose || !missing;
  const plan = new Plan();
  let note: Outcome | undefined;

  // The session: after an automatic reconnect the connection id is new, and its groups are gone.
  if (addPolicy && session) {
    const rejoin = writer.sessionRestore(subject, session, plan);
    if (typeof rejoin === 'string') return { reason: rejoin, at: subject.creation };
  }

  // A first start that nothing retries: automatic reconnect does not cover one that fails. A start in
  // another start's failure handler is that start's own retry, which `startWithRetry` replaces.
  const retries = new Map(subject.starts.map((start) => [start, adHocRetries(start, subject.starts)]));
  const replaced = new Set([...retries.values()].flat());
  for (const start of subject.starts) {
    if (isStartRetried(writer.model, start) || replaced.has(start)) continue;
    const edits = writer.startRetry(start, plan, retries.get(start)!);
    if (typeof edits !== 'string') plan.edits.push(...edits);
    else note ??= { reason: addPolicy ? `added automatic reconnect, but did not retry the first start(): ${edits}` : edits, at: start };
  }
  if (addRestart && session) {
    // A restart re-runs what the code chained on a wrapped start; other session steps it would lose.
    const wrappedChains = plan.edits.length > 0 ? subject.starts.map((start) => outermostWrapper(chainAfter(start).at(-1) ?? start)) : [];
    const lost = session.steps.find((step) => step.afterRestart !== 'yes' && !wrappedChains.some((chain) => chain.range[0] <= step.call.range[0] && step.call.range[1] <= chain.range[1]));
    if (lost) return { reason: `${describeStep(lost)} on line ${lost.call.loc.start.line} would not run again after a restart; repeat it in the \`onclose\` restart by hand`, at: lost.call };
  }
  if (addRestart) {
    const registration = writer.registrationPlace(subject);
    if (typeof registration === 'string') {
      if (!addPolicy) return { reason: registration };
      note = { reason: `added automatic reconnect, but no onclose restart: ${registration}` };
    } else {
      plan.edits.push(writer.oncloseRestart(registration, plan));
    }
  }
  // Once anything retries the start, a deliberate stop must cancel that.
  if (plan.helpers.size > 0) {
    for (const stop of subject.stops) {
      const edits = writer.stopCancelling(stop, plan);
      if (typeof edits === 'string') return { reason: edits, at: stop };
      plan.edits.push(...edits);
    }
  }
  if (addPolicy) writer.addPolicy(subject, plan);
  writer.commit(plan);
  return note ?? {};
}

// ---- the classic jQuery client ----

function planClassic(writer: Writer, subject: ReconnectSubject): Outcome {
  const registration = writer.registrationPlace(subject);
  if (typeof registration === 'string') return { reason: registration };
  const plan = new Plan();
  if (subject.stops.length > 0) plan.edits.push(...writer.stoppedOnPurposeDeclaration());
  for (const stop of subject.stops) {
    const edits = writer.classicStopMark(stop);
    if (typeof edits === 'string') return { reason: edits, at: stop };
    plan.edits.push(...edits);
  }
  plan.edits.push(writer.disconnectedRestart(registration, subject.stops.length > 0));
  writer.commit(plan);
  return {};
}
