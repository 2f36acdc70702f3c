import type { UnhandledStart, UnretriedStart } from '../core/start-errors.js';
import { unhandledStarts, unretriedFirstStarts } from '../core/start-errors.js';
import { createRule } from './utils/create-rule.js';
import { modelOf } from './utils/model.js';
import { callText } from './utils/text.js';

export type Options = [
  {
    requireFirstStartRetry?: boolean;
  },
];
export type MessageIds = 'unhandledStart' | 'unhandledStartCall' | 'unhandledStartInCallback' | 'unhandledStartInPassedCallback' | 'unretriedFirstStart';

export default createRule<Options, MessageIds>({
  name: 'handle-start-errors',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the failure of a connection\'s `start()` to be handled, so that a client that cannot connect does not fail silently',
      recommended: true,
      strictOptions: [{ requireFirstStartRetry: true }],
    },
    schema: [
      {
        type: 'object',
        properties: {
          requireFirstStartRetry: {
            type: 'boolean',
            description:
              'Also report a first `start()` whose failure is handled but never retried, on a connection that otherwise reconnects (`withAutomaticReconnect`, an `onclose` restart).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ requireFirstStartRetry: false }],
    messages: {
      unhandledStart:
        'A failed `{{name}}.start()` is never handled: an unhandled rejection, and a client that silently never connects. End the chain with `.catch(…)`, or `await` it inside `try … catch`, and report or retry the failure.',
      unhandledStartCall:
        '`{{call}}` rejects when `{{name}}.start()` fails, and nothing handles it: an unhandled rejection, and no connection. Add `.catch(…)` to this call, or handle the failure inside the function.',
      unhandledStartInCallback:
        "A failed `{{name}}.start()` rejects a callback's promise that its caller ({{consumer}}) ignores: an unhandled rejection. Wrap the `await` in `try … catch` (or end the chain with `.catch(…)`) and report or retry the failure.",
      unhandledStartInPassedCallback:
        "A failed `{{name}}.start()` rejects `{{callback}}`, and its caller ({{consumer}}) ignores that: an unhandled rejection. Wrap the `await` in `try … catch` inside `{{callback}}` (or end the chain with `.catch(…)`) and report or retry the failure.",
      unretriedFirstStart:
        'A failed first `{{name}}.start()` is never retried: reconnect logic only covers drops, so the client stays offline. Retry it from the rejection handler after a random delay.',
    },
    languages: ['js/js'],
  },
  textFilters: [],
  create(context, [options]) {
    const model = modelOf(context);
    if (!model?.usesConnections) return {};
    const filename = context.filename;

    return {
      Program(): void {
        for (const unhandled of unhandledStarts(model, filename)) reportUnhandled(unhandled);
        if (options.requireFirstStartRetry) {
          for (const unretried of unretriedFirstStarts(model, filename)) reportUnretried(unretried);
        }
      },
    };

    function reportUnhandled({ start, connection, escape }: UnhandledStart): void {
      const name = connection.name;
      if (escape.how === 'callback' && escape.passedAt) {
        const data = { name, consumer: escape.consumer, callback: context.sourceCode.getText(escape.passedAt) };
        context.report({ node: escape.call, messageId: 'unhandledStartInPassedCallback', data });
      } else if (escape.how === 'callback') {
        context.report({ node: escape.call, messageId: 'unhandledStartInCallback', data: { name, consumer: escape.consumer } });
      } else if (escape.call === start) {
        context.report({ node: start, messageId: 'unhandledStart', data: { name } });
      } else {
        context.report({ node: escape.call, messageId: 'unhandledStartCall', data: { name, call: callText(context.sourceCode, escape.call) } });
      }
    }

    function reportUnretried({ start, connection }: UnretriedStart): void {
      context.report({ node: start, messageId: 'unretriedFirstStart', data: { name: connection.name } });
    }
  },
});
