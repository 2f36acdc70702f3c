import type { TSESLint } from '@typescript-eslint/utils';

import { overwrittenConnections } from '../core/overwrites.js';
import { describeHandler } from '../core/owners/handler.js';
import type { UncalledStop } from '../core/stops.js';
import { uncalledStops } from '../core/stops.js';
import type { UnstoppedConnection } from '../core/unstopped.js';
import { unstoppedConnections } from '../core/unstopped.js';
import { mayOpenWebPubSubSocket, webPubSubSockets } from '../core/web-pubsub-socket.js';
import { createRule } from './utils/create-rule.js';
import { modelOf, settingsOf } from './utils/model.js';

export type Options = [];
export type MessageIds =
  | 'angularNotStopped'
  | 'callStop'
  | 'classComponentNotStopped'
  | 'effectNotStopped'
  | 'functionNotStopped'
  | 'handlerNotStopped'
  | 'overwrittenWhileRunning'
  | 'socketNotClosed'
  | 'staleCleanup'
  | 'stopNotCalled'
  | 'stoppedOnlyOnSuccess'
  | 'vueNotStopped';

export default createRule<Options, MessageIds>({
  name: 'require-stop',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require a connection started in a function, React effect or component, Angular or Vue component to be stopped on the way out, so connections do not pile up until Azure SignalR answers 429',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      angularNotStopped:
        'This component starts `{{name}}` but no `ngOnDestroy` stops it: connections pile up until Azure SignalR answers 429. Stop it in `ngOnDestroy`.',
      classComponentNotStopped:
        'This component starts `{{name}}` but `componentWillUnmount` does not stop it: each mount leaks a connection, until 429. Stop it in `componentWillUnmount`.',
      effectNotStopped:
        'This effect starts `{{name}}` and no cleanup stops it: each re-run and unmount leaks a connection, until 429. Return a cleanup such as `() => { void {{name}}.stop(); }`.',
      callStop: 'Call `stop()`.',
      functionNotStopped:
        'This function starts `{{name}}` and never stops, returns or stores it: each call leaks a connection, until 429. Stop it in a `finally` block, or return it to the caller.',
      handlerNotStopped:
        'The {{handler}} starts `{{name}}` on every invocation and never stops it: connections pile up until 429. Stop it in a `finally` block, or reuse one built at module scope.',
      overwrittenWhileRunning:
        'Each emission of this subscription starts a new `{{name}}` over one still running: connections pile up until 429. Stop the previous one first, or build it once.',
      staleCleanup:
        'This cleanup stops `{{state}}` as the effect saw it (still empty), not what it started: a leak per mount, until 429. Stop `{{name}}` itself.',
      stopNotCalled:
        '`{{name}}.stop` is read but never called, so the connection stays open: connections pile up until 429. Call it.',
      stoppedOnlyOnSuccess:
        '`{{name}}` is stopped only if nothing between `start()` and `stop()` throws or returns: leaks add up until 429. Stop it in a `finally` block.',
      socketNotClosed:
        'This effect opens a Web PubSub socket and nothing closes it: each re-run and mount leaks a connection, until 429. Return a cleanup that calls `close()`.',
      vueNotStopped:
        'This component starts `{{name}}` but nothing stops it on unmount: each mount leaks a connection, until 429. Stop it in `onUnmounted` (or `beforeUnmount`).',
    },
    languages: ['js/js'],
  },
  textFilters: [],
  create(context) {
    const model = modelOf(context);
    if (!model) return {};
    const mayHaveSockets = mayOpenWebPubSubSocket(context.sourceCode.text, settingsOf(context));
    if (!model.usesConnections && !mayHaveSockets) return {};

    return {
      'Program:exit'(): void {
        if (model.usesConnections) {
          const overwrites = overwrittenConnections(model);
          for (const overwrite of overwrites) {
            context.report({ node: overwrite.assignment, messageId: 'overwrittenWhileRunning', data: { name: overwrite.connection.name } });
          }
          // A connection replaced on every emission is reported once, as that.
          const overwrittenStarts = new Set(overwrites.map((overwrite) => overwrite.start));
          for (const finding of unstoppedConnections(model, context.filename)) {
            if (!overwrittenStarts.has(finding.start)) reportFinding(finding);
          }
          for (const stop of uncalledStops(model)) reportUncalledStop(stop);
        }
        if (mayHaveSockets) {
          for (const socket of webPubSubSockets(model).unclosedInEffects) context.report({ node: socket.creation, messageId: 'socketNotClosed' });
        }
      },
    };

    function reportUncalledStop(stop: UncalledStop): void {
      const name = context.sourceCode.getText(stop.member.object);
      context.report({
        node: stop.member,
        messageId: 'stopNotCalled',
        data: { name },
        suggest: [{ messageId: 'callStop', fix: (fixer): TSESLint.RuleFix => fixer.insertTextAfter(stop.member, '()') }],
      });
    }

    function reportFinding(finding: UnstoppedConnection): void {
      const name = finding.connection.name;
      const { owner } = finding;
      if (finding.problem === 'stale-cleanup') {
        const state = finding.staleStops[0]!.state.name;
        context.report({ node: finding.start, messageId: 'staleCleanup', data: { name, state } });
        return;
      }
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
        case 'react-class-component':
          context.report({ node: finding.start, messageId: 'classComponentNotStopped', data: { name } });
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
