import type { SessionStep } from '../core/session.js';
import { connectionSessions } from '../core/session.js';
import { webPubSubClientSession } from '../core/web-pubsub-client.js';
import { createRule } from './utils/create-rule.js';
import { modelOf, settingsOf } from './utils/model.js';

export type Options = [];
export type MessageIds = 'notRejoinedAfterReconnect' | 'notRejoinedAfterRestart' | 'notRejoinedWebPubSub';

export default createRule<Options, MessageIds>({
  name: 'rejoin-groups-on-reconnect',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require group joins to be repeated after a connection reconnects, since the new connection id is in no group',
      recommended: true,
    },
    schema: [],
    messages: {
      notRejoinedAfterReconnect:
        'Group join `{{method}}` is not repeated after a reconnect: the new connection id is in no group, so group messages stop. Join again in `onreconnected(…)`.',
      notRejoinedAfterRestart:
        "Group join `{{method}}` is not repeated after an `onclose` restart: the new connection id is in no group, messages stop. Join again after the restart's `start()`.",
      notRejoinedWebPubSub:
        'Group join `joinGroup` is not repeated after a reconnect: with `autoRejoinGroups: false` the client returns in no group. Join again in the `connected` handler, or drop the option.',
    },
    languages: ['js/js'],
  },
  textFilters: [],
  create(context) {
    const model = modelOf(context);
    if (!model?.usesConnections) return {};
    const settings = settingsOf(context);
    const filename = context.filename;

    return {
      Program(): void {
        if (model.usesSignalR) {
          for (const session of connectionSessions(model, filename, settings)) {
            for (const step of session.steps) reportStep(step);
          }
        }
        for (const join of webPubSubClientSession(model).unrejoined) context.report({ node: join.call, messageId: 'notRejoinedWebPubSub' });
      },
    };

    function reportStep(step: SessionStep): void {
      if (step.kind !== 'group-join') return;
      if (step.afterReconnect === 'no') {
        context.report({ node: step.call, messageId: 'notRejoinedAfterReconnect', data: { method: step.method } });
      } else if (step.afterRestart === 'no') {
        context.report({ node: step.call, messageId: 'notRejoinedAfterRestart', data: { method: step.method } });
      }
    }
  },
});
