import { describeHandler } from '../core/handlers.js';
import type { UnstoppedConnection } from '../core/lifetimes.js';
import { unstoppedConnections } from '../core/lifetimes.js';
import { createRule } from './utils/create-rule.js';
import { modelOf } from './utils/model.js';

export type Options = [];
export type MessageIds =
  | 'angularNotStopped'
  | 'effectNotStopped'
  | 'functionNotStopped'
  | 'handlerNotStopped'
  | 'stoppedOnlyOnSuccess'
  | 'vueNotStopped';

export default createRule<Options, MessageIds>({
  name: 'require-stop',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require a connection started in a function, React effect, Angular or Vue component to be stopped on the way out, so connections do not pile up until Azure SignalR answers 429',
      recommended: true,
    },
    schema: [],
    messages: {
      angularNotStopped:
        'This component starts `{{name}}` but no `ngOnDestroy` stops it: every component instance leaves its connection open after it is destroyed, and the connection count climbs until Azure SignalR answers 429 Too Many Requests. Stop it in `ngOnDestroy`.',
      effectNotStopped:
        'This effect starts `{{name}}` but returns no cleanup that stops it: every re-run and unmount (and StrictMode\'s double mount) leaves a connection open, and the connection count climbs until Azure SignalR answers 429 Too Many Requests. Return a cleanup such as `() => { void {{name}}.stop(); }`.',
      functionNotStopped:
        'This function starts `{{name}}` but neither stops it, returns it nor stores it: every call leaves one more connection open, and the connection count climbs until Azure SignalR answers 429 Too Many Requests. Stop it in a `finally` block, or return it so that the caller can stop it.',
      handlerNotStopped:
        'The {{handler}} starts `{{name}}` on every invocation and never stops it: the open connections pile up until Azure SignalR answers 429 Too Many Requests. Stop it in a `finally` block, or reuse one connection built once at module scope.',
      stoppedOnlyOnSuccess:
        '`{{name}}` is stopped only when everything between `start()` and `stop()` succeeds: a rejected `await`, a call that throws or an early `return` skips the stop and leaves the connection open, and such leaks add up until Azure SignalR answers 429 Too Many Requests. Stop it in a `finally` block.',
      vueNotStopped:
        'This component starts `{{name}}` but nothing stops it when the component unmounts: every mount leaves a connection open, and the connection count climbs until Azure SignalR answers 429 Too Many Requests. Stop it in `onUnmounted` (or the `beforeUnmount` option).',
    },
    languages: ['js/js'],
  },
  create(context) {
    const model = modelOf(context);
    if (!model?.usesSignalR) return {};

    return {
      'Program:exit'(): void {
        for (const finding of unstoppedConnections(model, context.filename)) reportFinding(finding);
      },
    };

    function reportFinding(finding: UnstoppedConnection): void {
      const name = finding.connection.name;
      const { owner } = finding;
      if (finding.problem === 'stopped-only-on-success') {
        context.report({ node: finding.start, messageId: 'stoppedOnlyOnSuccess', data: { name } });
        return;
      }
      switch (owner.kind) {
        case 'function':
          context.report({ node: finding.start, messageId: 'functionNotStopped', data: { name } });
          return;
        case 'handler':
          context.report({ node: finding.start, messageId: 'handlerNotStopped', data: { name, handler: describeHandler(owner.handler) } });
          return;
        case 'react-effect':
          context.report({ node: finding.start, messageId: 'effectNotStopped', data: { name } });
          return;
        case 'angular-component':
          context.report({ node: finding.start, messageId: 'angularNotStopped', data: { name } });
          return;
        case 'vue-component':
          context.report({ node: finding.start, messageId: 'vueNotStopped', data: { name } });
          return;
      }
    }
  },
});
