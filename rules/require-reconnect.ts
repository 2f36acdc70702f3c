import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { calledMethod } from '../core/ast.js';
import type { ReconnectProblem, ReconnectSubject } from '../core/reconnect/analysis.js';
import { reconnectAnalysis, reconnectProblem } from '../core/reconnect/analysis.js';
import { restartKind } from '../core/reconnect/restart-paths.js';
import { webPubSubClientSession } from '../core/web-pubsub-client.js';
import { mayOpenWebPubSubSocket, webPubSubSockets } from '../core/web-pubsub-socket.js';
import { createRule } from './utils/create-rule.js';
import { modelOf, settingsOf } from './utils/model.js';

export type Options = [
  {
    requireReconnectWhenExported?: boolean;
    requireRestartAfterGiveUp?: boolean;
  },
];
export type MessageIds =
  | 'autoReconnectDisabled'
  | 'giveUpIgnoredByErrorCheck'
  | 'giveUpUnhandled'
  | 'missingClassicRestart'
  | 'missingReconnect'
  | 'missingReconnectOnExported'
  | 'missingReconnectTokenExpiry'
  | 'socketNotReconnected';

/** How to add reconnect logic, per client: @aspnet/signalr 1.x has no `withAutomaticReconnect`. */
const FIX_CORE = 'Add `.withAutomaticReconnect(…)` with a policy that keeps retrying after a random delay, or restart it from `onclose`.';
const FIX_WITHOUT_AUTOMATIC_RECONNECT =
  'This client version has no `withAutomaticReconnect` (@aspnet/signalr 1.x): restart it from `onclose` after a random delay.';

export default createRule<Options, MessageIds>({
  name: 'require-reconnect',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require reconnect logic (`withAutomaticReconnect` or an `onclose`/`disconnected` restart) on every SignalR connection',
      recommended: true,
      strictOptions: [{ requireReconnectWhenExported: true, requireRestartAfterGiveUp: true }],
    },
    schema: [
      {
        type: 'object',
        properties: {
          requireReconnectWhenExported: {
            type: 'boolean',
            description:
              'Also report connections this file exports (a module-level connection, or one an exported factory returns) without reconnect logic, though another module starts them: reconnect logic belongs where the connection is built.',
          },
          requireRestartAfterGiveUp: {
            type: 'boolean',
            description:
              'Also require an `onclose` restart when `withAutomaticReconnect` can give up (the default delays, a delay array, a policy that returns `null`), and one that does not depend on the error argument.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ requireReconnectWhenExported: false, requireRestartAfterGiveUp: false }],
    messages: {
      autoReconnectDisabled:
        'This Web PubSub client has `autoReconnect: false` and nothing restarts it: after a network drop it stays offline. Remove the option, or restart it from its `stopped` event after a random delay.',
      giveUpIgnoredByErrorCheck:
        'This restart waits for an error, but `onclose` gets `undefined` when reconnecting gives up: the client stays offline. Track deliberate stops with your own flag instead.',
      giveUpUnhandled:
        'Nothing restarts this connection when `withAutomaticReconnect` gives up: after a long outage it stays offline for good. Restart it from `onclose` after a random delay.',
      missingClassicRestart:
        "This classic SignalR connection never restarts: after the server's DisconnectTimeout it stays disconnected for good. Restart it from `connection.disconnected(…)` after a random delay.",
      missingReconnect:
        'This connection never reconnects: after a network drop or a deployment it stays offline and every `invoke` fails. {{fix}}',
      missingReconnectOnExported:
        'This exported connection never reconnects: every module that uses it stays offline after a network drop. {{fix}}',
      missingReconnectTokenExpiry:
        'This connection uses {{transport}} and never reconnects: once its token expires (after an hour) the service answers 401. {{fix}}',
      socketNotReconnected:
        "This Web PubSub socket's close handler opens no new socket: after the first network drop the client stays offline. Reconnect from it after a random delay, or use `@azure/web-pubsub-client`.",
    },
    languages: ['js/js'],
  },
  textFilters: [],
  create(context, [{ requireReconnectWhenExported, requireRestartAfterGiveUp }]) {
    const model = modelOf(context);
    if (!model) return {};
    const mayHaveSockets = mayOpenWebPubSubSocket(context.sourceCode.text, settingsOf(context));
    if (!model.usesConnections && !mayHaveSockets) return {};

    return {
      'Program:exit'(): void {
        if (model.usesSignalR) {
          for (const subject of reconnectAnalysis(model, context.filename).subjects) {
            const problem = reconnectProblem(subject, { requireReconnectWhenExported, requireRestartAfterGiveUp });
            if (problem) report(subject, problem);
          }
        }
        for (const client of webPubSubClientSession(model).unrestarted) {
          context.report({ node: client.option, messageId: 'autoReconnectDisabled' });
        }
        if (mayHaveSockets) {
          for (const close of webPubSubSockets(model).unrecoveredCloses) context.report({ node: close.registration, messageId: 'socketNotReconnected' });
        }
      },
    };

    function report(subject: ReconnectSubject, problem: ReconnectProblem): void {
      if (problem === 'give-up-unhandled') {
        context.report({ node: methodName(subject.automaticReconnect!), messageId: 'giveUpUnhandled' });
        return;
      }
      if (problem === 'give-up-ignored-by-error-check') {
        const handler = subject.closeHandlers.find((registration) => restartKind(registration.path) !== 'none')!;
        context.report({ node: methodName(handler.call), messageId: 'giveUpIgnoredByErrorCheck' });
        return;
      }
      if (subject.flavour === 'classic') {
        const where = subject.creation.type === AST_NODE_TYPES.CallExpression ? subject.creation : subject.starts[0] ?? subject.creation;
        context.report({ node: where, messageId: 'missingClassicRestart' });
        return;
      }
      const fix = subject.supportsAutomaticReconnect ? FIX_CORE : FIX_WITHOUT_AUTOMATIC_RECONNECT;
      const node = methodName(subject.creation as TSESTree.CallExpression);
      if (problem === 'missing-on-exported') {
        context.report({ node, messageId: 'missingReconnectOnExported', data: { fix } });
      } else if (subject.transportWithoutWebSockets) {
        context.report({ node, messageId: 'missingReconnectTokenExpiry', data: { transport: subject.transportWithoutWebSockets, fix } });
      } else {
        context.report({ node, messageId: 'missingReconnect', data: { fix } });
      }
    }
  },
});

/** The method name of `x.method(…)` (where a fix goes: before `.build()`), or the call itself. */
function methodName(call: TSESTree.CallExpression): TSESTree.Node {
  const callee = call.callee;
  return calledMethod(call) && callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : call;
}
