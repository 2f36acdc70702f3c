import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { asyncVerdict, awaitFixOf, dispatchTimeCallAfter } from '../core/async-safety.js';
import type { FloatingJoin } from '../core/group-joins.js';
import { floatingGroupJoins, JOIN_CALL_HINT } from '../core/group-joins.js';
import type { SignalRModel } from '../core/model.js';
import { callbackRole } from '../core/promises.js';
import { mayOpenWebPubSubSocket, webPubSubSockets } from '../core/web-pubsub-socket.js';
import { createRule } from './utils/create-rule.js';
import { hasTypeInformation, modelOf, settingsOf } from './utils/model.js';

export type Options = [];
export type MessageIds =
  | 'addAwait'
  | 'floatingJoin'
  | 'floatingJoinBeforeSend'
  | 'ignoredJoinAck'
  | 'joinNotReturned'
  | 'returnJoin'
  | 'unacknowledgedJoinFrame';

export default createRule<Options, MessageIds>({
  name: 'await-group-join',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require group joins to be awaited or handled, so that messages sent to the group are not lost while the join is pending',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      floatingJoin:
        'Group join `{{method}}` is neither awaited nor handled: messages sent to the group meanwhile are lost. Await it, return it, or end it with `.catch(…)`.',
      floatingJoinBeforeSend:
        'Group join `{{method}}` is not awaited before `{{send}}` sends: messages sent while it is pending are lost. Await the join before sending.',
      unacknowledgedJoinFrame:
        'This `joinGroup` frame asks for no ack: group messages sent before the join takes effect are lost. Add an `ackId` and wait for its `ack` before relying on the membership.',
      ignoredJoinAck:
        "This `joinGroup` frame's ack is never read: group messages sent before the join takes effect are lost. Wait for the `ack` with its `ackId` before relying on the membership.",
      joinNotReturned:
        '`{{callee}}` drops the promise of group join `{{method}}`: no caller can wait for it, so group messages are lost. Make it return the join, then await this call.',
      addAwait: 'Add `await`.',
      returnJoin: 'Return the join\'s promise to the caller.',
    },
    languages: ['js/js'],
  },
  textFilters: [],
  create(context) {
    // With types, connections can come from files that never name SignalR.
    const model = modelOf(context) ?? (hasTypeInformation(context) ? modelOf(context, JOIN_CALL_HINT) : undefined);
    if (!model) return {};
    const settings = settingsOf(context);

    return {
      Program(): void {
        for (const join of floatingGroupJoins(model, settings)) reportJoin(model, join);
        if (mayOpenWebPubSubSocket(context.sourceCode.text, settings)) {
          for (const frame of webPubSubSockets(model).unacknowledgedJoins) {
            context.report({ node: frame.call, messageId: frame.why === 'no-ack-id' ? 'unacknowledgedJoinFrame' : 'ignoredJoinAck' });
          }
        }
      },
    };

    function reportJoin(model: SignalRModel, join: FloatingJoin): void {
      if (join.wrapper?.waits === 'floats') {
        // Awaiting this call would not help: the fix is in the other module, which is reported there.
        context.report({ node: join.call, messageId: 'joinNotReturned', data: { callee: join.wrapper.callee, method: join.method } });
        return;
      }
      const send = join.racingSend;
      context.report({
        node: join.call,
        messageId: send ? 'floatingJoinBeforeSend' : 'floatingJoin',
        data: { method: join.method, send: send?.method },
        suggest: suggestionsFor(model, join),
      });
    }

    function suggestionsFor(model: SignalRModel, join: FloatingJoin): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const suggestions: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const fix = awaitFixOf(model, join);
      // Not where an event method after the join must run while the event is dispatched.
      const after = fix.kind === 'none' ? 0 : fix.kind === 'replace-void' ? fix.voidExpression.range[1] : fix.insertBefore.range[1];
      if (fix.kind !== 'none' && asyncVerdict(model, fix.fn).kind === 'async' && !dispatchTimeCallAfter(model, fix.fn, after)) {
        suggestions.push({
          messageId: 'addAwait',
          fix: (fixer): TSESLint.RuleFix | TSESLint.RuleFix[] =>
            fix.kind === 'replace-void'
              ? fixer.replaceTextRange([fix.voidExpression.range[0], fix.voidExpression.range[0] + 'void'.length], 'await')
              : fix.parenthesize
                ? [fixer.insertTextBefore(fix.insertBefore, 'await ('), fixer.insertTextAfter(fix.insertBefore, ')')]
                : fixer.insertTextBefore(fix.insertBefore, 'await '),
        });
      }
      const statement = returnableStatement(model, join);
      if (statement) {
        suggestions.push({ messageId: 'returnJoin', fix: (fixer): TSESLint.RuleFix => fixer.insertTextBefore(statement, 'return ') });
      }
      return suggestions;
    }
  },
});

/**
 * The statement that drops the join, when `return` in front of it hands the promise to a caller that
 * can wait for it: the last statement of a plain function whose result a caller or a promise chain
 * receives, and whose declared return type (if any) a promise fits.
 */
function returnableStatement(model: SignalRModel, join: FloatingJoin): TSESTree.ExpressionStatement | undefined {
  const { fate } = join;
  if (fate.kind !== 'floating' || fate.how !== 'discarded' || fate.dropped.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const statement = fate.dropped;
  const body = statement.parent;
  const fn = body?.parent;
  if (body?.type !== AST_NODE_TYPES.BlockStatement || body.body.at(-1) !== statement) return undefined;
  if (!fn || (fn.type !== AST_NODE_TYPES.FunctionDeclaration && fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression)) {
    return undefined;
  }
  if (fn.async) return undefined;
  const role = callbackRole(model, fn).kind;
  if (role !== 'named' && role !== 'chained') return undefined;
  const verdict = asyncVerdict(model, fn);
  return verdict.kind === 'unsafe' || (verdict.kind !== 'async' && verdict.returnType.kind !== 'keep') ? undefined : statement;
}
