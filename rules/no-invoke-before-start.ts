import type { TSESTree } from '@typescript-eslint/utils';

import type { EarlyInvocation } from '../core/early-invocations.js';
import { earlyInvocations, linkedEarlyInvocations } from '../core/early-invocations.js';
import { hubMethodName } from '../core/group-joins.js';
import { reconnectingInvocations } from '../core/reconnecting-invocations.js';
import { createRule } from './utils/create-rule.js';
import { modelOf } from './utils/model.js';
import { callText } from './utils/text.js';

export type Options = [];
export type MessageIds =
  | 'invokeBeforeStart'
  | 'invokeInCallbackBeforeStart'
  | 'invokeInEffectBeforeStart'
  | 'invokeInHookBeforeStart'
  | 'invokeWhileReconnecting'
  | 'serviceCallBeforeStart';

const MESSAGE_BY_HOW: Readonly<Record<EarlyInvocation['pending']['how'], MessageIds>> = {
  'same-run': 'invokeBeforeStart',
  'earlier-effect': 'invokeInEffectBeforeStart',
  'earlier-hook': 'invokeInHookBeforeStart',
  'not-called': 'invokeInCallbackBeforeStart',
};

export default createRule<Options, MessageIds>({
  name: 'no-invoke-before-start',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `invoke`, `send` and `stream` calls that run before the connection\'s `start()` has resolved',
      recommended: true,
    },
    schema: [],
    messages: {
      invokeBeforeStart:
        '`{{call}}` runs before `start()` resolves: "Cannot send data if the connection is not in the \'Connected\' State". `await` the start first, or make the call in its `.then(…)`.',
      invokeInCallbackBeforeStart:
        '`{{call}}` can run before `start()` is called: "Cannot send data if the connection is not in the \'Connected\' State". Its callback (and any other handed out before the same `await`) can run before the start: start the connection first.',
      invokeInEffectBeforeStart:
        '`{{call}}` runs before `start()` resolves: "Cannot send data if the connection is not in the \'Connected\' State". An earlier effect starts the connection: make the call once it is connected.',
      invokeInHookBeforeStart:
        '`{{call}}` runs before `start()` resolves: "Cannot send data if the connection is not in the \'Connected\' State". `{{hook}}` starts the connection just before: make the call once `start()` has resolved.',
      invokeWhileReconnecting:
        '`{{call}}` runs while reconnecting: "Cannot send data if the connection is not in the \'Connected\' State". Make the call in `onreconnected(…)`, once it is connected again.',
      serviceCallBeforeStart:
        '`{{call}}` sends while `{{start}}` is starting: "Cannot send data if the connection is not in the \'Connected\' State". Wait for the start first.',
    },
    languages: ['js/js'],
  },
  textFilters: [],
  create(context) {
    const model = modelOf(context);
    if (!model?.usesSignalR) return {};

    return {
      Program(): void {
        for (const invocation of earlyInvocations(model)) reportInvocation(invocation);
        for (const { call, connection, method } of reconnectingInvocations(model)) {
          context.report({ node: call, messageId: 'invokeWhileReconnecting', data: { call: hubCallText(connection.name, method, call) } });
        }
        for (const { call, start } of linkedEarlyInvocations(model)) {
          context.report({ node: call, messageId: 'serviceCallBeforeStart', data: { call: callText(context.sourceCode, call), start: callText(context.sourceCode, start) } });
        }
      },
    };

    function reportInvocation({ call, connection, method, pending }: EarlyInvocation): void {
      const messageId = MESSAGE_BY_HOW[pending.how];
      context.report({ node: call, messageId, data: { call: hubCallText(connection.name, method, call), hook: pending.how === 'earlier-hook' ? pending.hook : undefined } });
    }

    /** `connection.invoke('JoinGroup')`, or `connection.invoke(…)` when the hub method is computed. */
    function hubCallText(connectionName: string, method: string, call: TSESTree.CallExpression): string {
      const [first] = call.arguments;
      const hubMethod = first && hubMethodName(model!, first);
      return `${connectionName}.${method}(${hubMethod === undefined ? '…' : `'${hubMethod}'`})`;
    }
  },
});
