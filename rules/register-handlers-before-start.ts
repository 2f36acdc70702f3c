import type { AfterStart } from '../core/ordering.js';
import type { RegistrationProblem } from '../core/registrations.js';
import { registrationProblems } from '../core/registrations.js';
import { createRule } from './utils/create-rule.js';
import { modelOf } from './utils/model.js';
import { callText } from './utils/text.js';

export type Options = [];
export type MessageIds = 'handlerAfterStart' | 'handlerInTimer' | 'handlerOnEveryStart' | 'handlersAfterStartCall';

/** How messages say when the registration runs. */
const WHEN: Readonly<Record<AfterStart['how'], string>> = {
  awaited: 'after `start()` was awaited',
  continuation: 'in a `.then` callback of `start()`',
  timer: 'in a timer set after `start()`',
};

export default createRule<Options, MessageIds>({
  name: 'register-handlers-before-start',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require message handlers to be registered once, before the connection starts, so that no message arrives without its handler',
      recommended: true,
    },
    schema: [],
    messages: {
      handlerAfterStart:
        'The `{{event}}` handler is registered {{when}}: messages the server sends on connect are dropped. Register handlers before calling `start()`.',
      handlerInTimer:
        'The `{{event}}` handler waits for a timer, while other code starts the connection: what arrives first is dropped. Register it before `start()`.',
      handlersAfterStartCall:
        '`{{call}}` registers handlers {{when}}: messages the server sends on connect are dropped. Call it before `start()`.',
      handlerOnEveryStart:
        'The `{{event}}` handler is registered again on every (re)start: after each reconnect every message is handled once more. Register it once, outside the restart path, or `off` it first.',
    },
    languages: ['js/js'],
  },
  textFilters: [],
  create(context) {
    const model = modelOf(context);
    if (!model?.usesConnections) return {};
    const filename = context.filename;

    return {
      Program(): void {
        for (const problem of registrationProblems(model, filename)) reportProblem(problem);
      },
    };

    function reportProblem(problem: RegistrationProblem): void {
      if (problem.kind === 'linked-after-start') {
        context.report({ node: problem.node, messageId: 'handlersAfterStartCall', data: { call: callText(context.sourceCode, problem.node), when: WHEN[problem.how] } });
        return;
      }
      const event = problem.registration.event ?? '…';
      if (problem.kind === 'every-start') {
        context.report({ node: problem.node, messageId: 'handlerOnEveryStart', data: { event } });
      } else if (problem.kind === 'deferred') {
        context.report({ node: problem.node, messageId: 'handlerInTimer', data: { event } });
      } else if (problem.node === problem.registration.call) {
        context.report({ node: problem.node, messageId: 'handlerAfterStart', data: { event, when: WHEN[problem.after.how] } });
      } else {
        context.report({ node: problem.node, messageId: 'handlersAfterStartCall', data: { call: callText(context.sourceCode, problem.node), when: WHEN[problem.after.how] } });
      }
    }
  },
});
