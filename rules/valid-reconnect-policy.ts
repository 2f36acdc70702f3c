import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode } from '../core/ast.js';
import type { SignalRModel } from '../core/model.js';
import type { CloseRegistration } from '../core/reconnect/analysis.js';
import { reconnectAnalysis } from '../core/reconnect/analysis.js';
import type { RetryPolicy } from '../core/reconnect/policies.js';
import { delaysLookLikeSeconds, numericValue, policyFunctionProblems } from '../core/reconnect/policies.js';
import { startsRetriedAtOnce } from '../core/reconnect/immediate-retries.js';
import { isFixedDelay, restartKind } from '../core/reconnect/restart-paths.js';
import { createRule } from './utils/create-rule.js';
import { modelOf } from './utils/model.js';

export type Options = [
  {
    requireRandomRestartDelay?: boolean;
  },
];
export type MessageIds =
  | 'closeArgumentIsError'
  | 'convertToMilliseconds'
  | 'delaysInSeconds'
  | 'emptyDelays'
  | 'policyIndexPastEnd'
  | 'passFunction'
  | 'policyReturnsNothing'
  | 'restartCalledNow'
  | 'restartWithFixedDelay'
  | 'restartWithoutDelay'
  | 'retryStartAtOnce';

export default createRule<Options, MessageIds>({
  name: 'valid-reconnect-policy',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow reconnect policies that never reconnect or reconnect in a storm: delays in seconds, `[]`, policies that return nothing, restarts without a random delay, `onclose(x => x.start())`',
      recommended: true,
      strictOptions: [{ requireRandomRestartDelay: true }],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          requireRandomRestartDelay: {
            type: 'boolean',
            description:
              'Also report restarts that wait a fixed delay (`setTimeout(start, 5000)`): every client then comes back in the same instant after a service restart.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ requireRandomRestartDelay: false }],
    messages: {
      closeArgumentIsError:
        '`onclose` passes the error, not the connection: `{{code}}` throws a TypeError, so the connection never restarts. Use the connection itself.',
      convertToMilliseconds: 'Multiply the delays by 1000.',
      delaysInSeconds:
        '`withAutomaticReconnect` takes milliseconds: these delays retry within {{total}} ms, then give up for good. Multiply them by 1000.',
      emptyDelays:
        '`withAutomaticReconnect([])` never reconnects: the client gives up at once and fires `onclose`. Leave the argument out, or pass a policy that keeps retrying after a random delay.',
      policyIndexPastEnd:
        'Past the end of this array the policy returns `undefined`, which means "retry now": a retry storm until 429. Return `null` there to give up, or keep returning the last delay.',
      passFunction: 'Pass a function: `() => {{code}}`.',
      policyReturnsNothing:
        'This retry policy can return `undefined`, which means "retry now": hundreds of negotiates a second, until 429. Return a delay in milliseconds, or `null` to stop retrying.',
      restartCalledNow:
        '`{{code}}` runs now: `{{timer}}` gets what it returns, not a function. After a service restart every client returns at once (429). Pass `() => {{code}}`.',
      restartWithFixedDelay:
        'Every client waits exactly {{delay}} ms to restart: after a service restart they all return at once (429). Add a random part, e.g. `{{delay}} + Math.random() * {{delay}}`.',
      retryStartAtOnce:
        'This retries a failed `start()` at once: while the service is down, every client retries in a tight loop (429). Wait a random delay first.',
      restartWithoutDelay:
        'This restarts the connection at once, with no random delay: after a service restart all clients return at once (429). Wait a random delay first.',
    },
    languages: ['js/js'],
  },
  textFilters: [],
  create(context, [{ requireRandomRestartDelay }]) {
    const model = modelOf(context);
    if (!model?.usesSignalR) return {};
    const reported = new Set<TSESTree.Node>();

    return {
      'Program:exit'(): void {
        const analysis = reconnectAnalysis(model, context.filename);
        for (const policy of analysis.policies) checkPolicy(model, policy);
        for (const registration of analysis.closeRegistrations) checkRestart(model, registration);
        for (const { retry, timer } of startsRetriedAtOnce(model)) {
          if (timer) reportCalledNow(timer, retry);
          else reportOnce(retry, 'retryStartAtOnce');
        }
      },
    };

    function checkPolicy(model: SignalRModel, policy: RetryPolicy): void {
      if (policy.kind === 'delays') {
        if (policy.array.elements.length === 0) {
          reportOnce(policy.array, 'emptyDelays');
        } else if (policy.delays && delaysLookLikeSeconds(policy.delays)) {
          const total = policy.delays.reduce((sum, delay) => sum + delay, 0);
          reportOnce(policy.array, 'delaysInSeconds', { total: String(total) }, millisecondsSuggestion(policy.array));
        }
      } else if (policy.kind === 'function') {
        for (const problem of policyFunctionProblems(model, policy.fn)) {
          if (problem.kind === 'index-past-end') reportOnce(problem.node, 'policyIndexPastEnd');
          else if (problem.kind === 'returns-undefined') reportOnce(problem.node, 'policyReturnsNothing');
          else reportOnce(functionHead(policy.fn, policy.owner), 'policyReturnsNothing');
        }
      }
    }

    function checkRestart(model: SignalRModel, registration: CloseRegistration): void {
      const { path } = registration;
      for (const misuse of path.errorArgumentMisuses) {
        const call = misuse.parent.type === AST_NODE_TYPES.CallExpression && misuse.parent.callee === misuse ? misuse.parent : misuse;
        reportOnce(misuse, 'closeArgumentIsError', { code: context.sourceCode.getText(call) });
      }
      if (restartKind(path) === 'none') return;
      for (const timer of path.timers) {
        const argument = timer.call.arguments[0];
        if (timer.restartCalledNow && argument) {
          reportCalledNow(timer.call, argument);
          continue;
        }
        if (!timer.schedulesRestart || !isFixedDelay(model, timer)) continue;
        const delay = timer.delay ? numericValue(model, timer.delay)! : 0;
        if (delay <= 0) reportOnce(timer.delay ?? timer.call, 'restartWithoutDelay');
        else if (requireRandomRestartDelay) reportOnce(timer.delay!, 'restartWithFixedDelay', { delay: String(delay) });
      }
      const restartsAtOnce = restartKind(path) === 'restarts' && path.timers.length === 0 && !path.opaqueCalls && !path.opaqueRestart;
      if (restartsAtOnce) reportOnce(path.startCalls[0]!, 'restartWithoutDelay');
    }

    /** `setTimeout(start(), 5000)`, with a suggestion to pass `() => start()`. */
    function reportCalledNow(timer: TSESTree.CallExpression, argument: TSESTree.CallExpressionArgument): void {
      const data = { code: context.sourceCode.getText(argument), timer: context.sourceCode.getText(timer.callee) };
      reportOnce(argument, 'restartCalledNow', data, [{ messageId: 'passFunction', data, fix: (fixer) => fixer.insertTextBefore(argument, '() => ') }]);
    }

    function reportOnce(
      node: TSESTree.Node,
      messageId: MessageIds,
      data?: Record<string, string>,
      suggest?: TSESLint.ReportSuggestionArray<MessageIds>,
    ): void {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId, ...(data && { data }), ...(suggest && { suggest }) });
    }

    /** `[0, 2, 10, 30]` → `[0, 2000, 10000, 30000]`, when every element is a plain number. */
    function millisecondsSuggestion(array: TSESTree.ArrayExpression): TSESLint.ReportSuggestionArray<MessageIds> | undefined {
      const literals = array.elements.filter(
        (element): element is TSESTree.NumberLiteral => element?.type === AST_NODE_TYPES.Literal && typeof element.value === 'number',
      );
      if (literals.length !== array.elements.length) return undefined;
      return [
        {
          messageId: 'convertToMilliseconds',
          fix: (fixer): TSESLint.RuleFix[] => literals.map((literal) => fixer.replaceText(literal, String(literal.value * 1000))),
        },
      ];
    }
  },
});

/** Where to report a policy that can end without returning: its property key or method name, else the function. */
function functionHead(fn: FunctionNode, owner: TSESTree.Node): TSESTree.Node {
  if ((owner.type === AST_NODE_TYPES.Property || owner.type === AST_NODE_TYPES.MethodDefinition) && owner.value === fn) return owner.key;
  return fn;
}
