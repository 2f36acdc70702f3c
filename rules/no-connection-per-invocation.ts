import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { isKeptBeyondInvocation } from '../core/invocation.js';
import type { SignalRModel } from '../core/model.js';
import type { HandlerIndex } from '../core/owners/handler.js';
import { describeHandler, handlersOf } from '../core/owners/handler.js';
import { WEB_PUBSUB_EXPORTS } from '../core/signalr.js';
import { createRule } from './utils/create-rule.js';
import { modelOf } from './utils/model.js';

export type Options = [];
export type MessageIds = 'connectionPerInvocation' | 'serviceClientPerInvocation';

export default createRule<Options, MessageIds>({
  name: 'no-connection-per-invocation',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow building a SignalR connection or Web PubSub client inside a serverless or request handler, which opens one per invocation until the service answers 429',
      recommended: true,
    },
    schema: [],
    messages: {
      connectionPerInvocation:
        'A SignalR connection is built on every call of the {{handler}}: connections pile up until Azure SignalR answers 429. Build it once at module scope and reuse it.',
      serviceClientPerInvocation:
        'A `WebPubSubServiceClient` is created on every call of the {{handler}}: under load, calls get throttled or fail. Create it once at module scope and reuse it.',
    },
    languages: ['js/js'],
  },
  textFilters: [],
  create(context) {
    const model = modelOf(context);
    if (!model || (!model.usesSignalR && !model.usesWebPubSub)) return {};
    const handlers = handlersOf(model, context.filename);
    if (handlers.handlers.length === 0) return {};
    const connectionCreations = new Set<TSESTree.Node>([
      ...model.builds,
      // `$.connection.hub` is the page's generated-proxy connection, not one built here.
      ...model.classicCreations.filter((creation) => creation.type === AST_NODE_TYPES.CallExpression),
    ]);

    return {
      CallExpression(node): void {
        if (connectionCreations.has(node)) checkCreation(model, handlers, node, 'connectionPerInvocation');
      },
      NewExpression(node): void {
        if (model.isWebPubSubExport(node.callee, WEB_PUBSUB_EXPORTS.serviceClient)) {
          checkCreation(model, handlers, node, 'serviceClientPerInvocation');
        }
      },
    };

    function checkCreation(model: SignalRModel, handlers: HandlerIndex, creation: TSESTree.Node, messageId: MessageIds): void {
      const handler = handlers.enclosingHandler(creation);
      // `connection ??= build()` on a module-level variable is the lazily built singleton we ask for.
      if (!handler || isKeptBeyondInvocation(model, creation, handler.fn)) return;
      context.report({ node: creation, messageId, data: { handler: describeHandler(handler) } });
    }
  },
});
