// The helpers `add-reconnect` calls (and any codemod that retries a start): a never-giving-up
// reconnect policy, a start that retries with a random back-off, a restart for `onclose`, and a stop
// that cancels pending retries. Declared in each file's language level: promises and callbacks
// rather than `async`, arrow functions and `const` only where the file uses them.
import { backoffDelaySource, RECONNECT_BACKOFF } from '../../core/reconnect/backoff.js';
import { RETRY_COUNT_PROPERTY, RETRY_POLICY_METHOD } from '../../core/reconnect/policies.js';
import type { HelperContext } from './helpers.js';
import { defineHelpers } from './helpers.js';
import { constKeyword, power, topLevelKeyword, topLevelState, topLevelStateNote } from './style.js';

export const RECONNECT_HELPERS = {
  retryDelay: 'retryDelay',
  retryForever: 'retryForever',
  startRuns: 'startRuns',
  startWithRetry: 'startWithRetry',
  restartWithRetry: 'restartWithRetry',
  stopConnection: 'stopConnection',
} as const;

const H = RECONNECT_HELPERS;

/** `: type` in TypeScript, nothing in JavaScript. */
function typed(context: HelperContext, annotation: string): string {
  return context.style.language.typescript ? annotation : '';
}

defineHelpers(
  {
    name: H.retryDelay,
    exported: false,
    uses: [],
    declaration(context) {
      const { initialDelayMs, maxDelayMs, jitter } = RECONNECT_BACKOFF;
      const retryCount = 'retryCount';
      return [
        `// ${(initialDelayMs * (1 - jitter)) / 1000}–${initialDelayMs / 1000} s, doubling up to ${(maxDelayMs * (1 - jitter)) / 1000}–${maxDelayMs / 1000} s; random, so that clients cut off together come back apart.`,
        `function ${context.ref(H.retryDelay)}(${retryCount}${typed(context, ': number')})${typed(context, ': number')} {`,
        `  return ${backoffDelaySource(retryCount, (base, exponent) => power(context.style, base, exponent))};`,
        '}',
      ].join('\n');
    },
  },
  {
    name: H.retryForever,
    exported: true,
    uses: [H.retryDelay],
    declaration(context) {
      const parameter = `retryContext${typed(context, `: { ${RETRY_COUNT_PROPERTY}: number }`)}`;
      const delay = `${context.ref(H.retryDelay)}(retryContext.${RETRY_COUNT_PROPERTY})`;
      const head = context.style.language.arrows ? `${RETRY_POLICY_METHOD}(${parameter})${typed(context, ': number')}` : `${RETRY_POLICY_METHOD}: function (${parameter})`;
      const method = [`  ${head} {`, `    return ${delay};`, `  }${context.style.trailingCommas ? ',' : ''}`].join('\n');
      return [
        '// For withAutomaticReconnect: unlike the default policy, it never gives up.',
        `${topLevelKeyword(context.style)} ${context.ref(H.retryForever)} = {`,
        method,
        '};',
      ].join('\n');
    },
  },
  {
    name: H.startRuns,
    exported: false,
    uses: [],
    declaration(context) {
      const type = typed(context, '<object, { then?(started: Promise<void>): unknown; stopped?: true }>');
      const state = topLevelState(context.style, context.ref(H.startRuns), `new WeakMap${type}()`, typed(context, `: WeakMap${type}`));
      return [`// How each connection was last started, or that it was stopped on purpose.${topLevelStateNote(context.style)}`, `${state};`].join('\n');
    },
  },
  {
    name: H.startWithRetry,
    exported: true,
    uses: [H.retryDelay, H.startRuns],
    declaration(context) {
      const runs = context.ref(H.startRuns);
      const declare = constKeyword(context.style);
      const arrows = context.style.language.arrows;
      const then = `then${typed(context, '?: (started: Promise<void>) => unknown')}`;
      const resolved = typed(context, ' as Promise<void> | undefined');
      const attempt = arrows
        ? [`    ${declare} attempt = (retryCount${typed(context, ': number')})${typed(context, ': void')} => {`]
        : ['    function attempt(retryCount) {'];
      return [
        '/**',
        ` * Starts \`connection\`, and while that fails, starts it again after a random, growing delay.`,
        ` * \`then\` gets each try's \`start()\` promise: what the code chained on its start runs for every try.`,
        ' * Resolves once connected; never settles when the connection is stopped first.',
        ' */',
        ...(context.style.language.typescript
          ? [`function ${context.ref(H.startWithRetry)}(`, '  connection: { start(): Promise<void> },', `  ${then}${context.style.trailingCommas ? ',' : ''}`, '): Promise<void> {']
          : [`function ${context.ref(H.startWithRetry)}(connection, then) {`]),
        `  ${declare} run = ${arrows ? '{ then }' : '{ then: then }'};`,
        `  ${runs}.set(connection, run);`,
        arrows ? '  return new Promise((resolve) => {' : '  return new Promise(function (resolve) {',
        ...attempt,
        `      if (${runs}.get(connection) !== run) return;`,
        `      ${declare} started = connection.start();`,
        `      ${declare} chained = then ? then(started) : undefined;`,
        ...(arrows
          ? [
              `      ${declare} retry = () => setTimeout(() => attempt(retryCount + 1), ${context.ref(H.retryDelay)}(retryCount));`,
              `      started.then(() => resolve(chained${resolved}), retry);`,
            ]
          : [
              '      started.then(function () {',
              '        resolve(chained);',
              '      }, function () {',
              '        setTimeout(function () {',
              '          attempt(retryCount + 1);',
              `        }, ${context.ref(H.retryDelay)}(retryCount));`,
              '      });',
            ]),
        arrows ? '    };' : '    }',
        '    attempt(0);',
        '  });',
        '}',
      ].join('\n');
    },
  },
  {
    name: H.restartWithRetry,
    exported: true,
    uses: [H.retryDelay, H.startRuns, H.startWithRetry],
    declaration(context) {
      const runs = context.ref(H.startRuns);
      const declare = constKeyword(context.style);
      const restart = `if (${runs}.get(connection) === run) void ${context.ref(H.startWithRetry)}(connection, run && run.then);`;
      const arrows = context.style.language.arrows;
      return [
        '// For onclose: starts the connection again as it was last started, unless it was stopped on purpose.',
        `function ${context.ref(H.restartWithRetry)}(connection${typed(context, ': { start(): Promise<void> }')})${typed(context, ': void')} {`,
        `  ${declare} run = ${runs}.get(connection);`,
        '  if (run && run.stopped) return;',
        `  setTimeout(${arrows ? '() =>' : 'function ()'} {`,
        `    ${restart}`,
        `  }, ${context.ref(H.retryDelay)}(0));`,
        '}',
      ].join('\n');
    },
  },
  {
    name: H.stopConnection,
    exported: true,
    uses: [H.startRuns],
    declaration(context) {
      return [
        '// Stops `connection`, and with it any retry of its start.',
        `function ${context.ref(H.stopConnection)}(connection${typed(context, ': { stop(): Promise<void> }')})${typed(context, ': Promise<void>')} {`,
        `  ${context.ref(H.startRuns)}.set(connection, { stopped: true });`,
        '  return connection.stop();',
        '}',
      ].join('\n');
    },
  },
);
