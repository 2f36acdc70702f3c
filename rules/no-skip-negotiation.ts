import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { calledMethod } from '../core/ast.js';
import type { SignalRModel } from '../core/model.js';
import { BUILDER_METHODS, DIRECT_SERVICE_URL, HTTP_OPTIONS, TRANSPORTS } from '../core/signalr.js';
import { transportBits } from '../core/transports.js';
import { isNegotiateResponseUrl } from '../core/urls.js';
import { findProperty, staticText, UNKNOWN_TEXT } from '../core/values.js';
import { createRule } from './utils/create-rule.js';
import { removeProperty } from './utils/fixes.js';
import { modelOf } from './utils/model.js';

export type Options = [
  {
    selfHosted?: boolean;
  },
];
export type MessageIds = 'breaksAzureNegotiation' | 'removeSkipNegotiation' | 'throwsWithoutWebSockets';

export default createRule<Options, MessageIds>({
  name: 'no-skip-negotiation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `skipNegotiation: true`, which throws without WebSockets-only transport and gives 404 against Azure SignalR',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          selfHosted: {
            type: 'boolean',
            description:
              'The hub is served by your own ASP.NET Core server, not through Azure SignalR Service: skipping negotiation with WebSockets-only transport is then allowed.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ selfHosted: false }],
    messages: {
      breaksAzureNegotiation:
        '`skipNegotiation: true` skips the negotiate that redirects to Azure SignalR Service: the hub answers 404. Negotiate, or connect to the service URL directly.',
      removeSkipNegotiation: 'Remove `skipNegotiation`.',
      throwsWithoutWebSockets:
        '`skipNegotiation: true` without WebSockets-only transport makes every `start()` fail. The client throws "Negotiation can only be skipped when using the WebSocket transport directly." Remove it, or set `transport: HttpTransportType.WebSockets`.',
    },
    languages: ['js/js'],
  },
  textFilters: [],
  create(context, [{ selfHosted }]) {
    const model = modelOf(context);
    if (!model?.usesSignalR) return {};
    const reported = new Set<TSESTree.Node>();

    return {
      CallExpression(node): void {
        if (calledMethod(node)?.name === BUILDER_METHODS.withUrl) checkWithUrl(model, node);
      },
    };

    function checkWithUrl(model: SignalRModel, call: TSESTree.CallExpression): void {
      const method = calledMethod(call)!;
      const [url, options] = call.arguments;
      if (!url || !options || !model.builderChainOf(method.object)) return;
      const skip = findProperty(model, options, HTTP_OPTIONS.skipNegotiation);
      if (!skip || skip === 'unknown' || !isTrue(skip.value) || reported.has(skip.property)) return;

      const transport = transportOf(model, options);
      let messageId: MessageIds;
      if (transport === 'other') messageId = 'throwsWithoutWebSockets';
      else if (selfHosted || isDirectServiceUrl(model, url) || isNegotiateResponseUrl(model, url, options)) return;
      else messageId = 'breaksAzureNegotiation';

      reported.add(skip.property);
      context.report({
        node: skip.property,
        messageId,
        suggest: [
          {
            messageId: 'removeSkipNegotiation',
            fix: (fixer): TSESLint.RuleFix => removeProperty(fixer, context.sourceCode, skip.property),
          },
        ],
      });
    }
  },
});

function isTrue(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && node.value === true;
}

/**
 * `websockets` when the options set WebSockets-only transport, `other` when they provably do not (no
 * `transport`, another transport, a combination), `unknown` when the code computes it.
 */
function transportOf(model: SignalRModel, options: TSESTree.Node): 'other' | 'unknown' | 'websockets' {
  const found = findProperty(model, options, HTTP_OPTIONS.transport);
  if (found === 'unknown') return 'unknown';
  if (!found) return 'other';
  const bits = transportBits(model, found.value);
  if (bits === undefined) return 'unknown';
  return bits === TRANSPORTS.WebSockets ? 'websockets' : 'other';
}

function isDirectServiceUrl(model: SignalRModel, url: TSESTree.Node): boolean {
  return DIRECT_SERVICE_URL.test(staticText(model, url).replaceAll(UNKNOWN_TEXT, 'x'));
}
