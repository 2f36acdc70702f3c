import type { TSESTree } from '@typescript-eslint/utils';

import type { SignalRModel } from '../core/model.js';
import type { TokenSigning } from '../core/tokens.js';
import {
  DEFAULT_MAX_TOKEN_BYTES,
  estimatedTokenBytes,
  hasSignalRAudience,
  signingsOfToken,
  TOKEN_TEXT_FILTER,
  tokenSigningOf,
  tokenSinkValues,
  wholeObjectsIn,
} from '../core/tokens.js';
import { createRule } from './utils/create-rule.js';
import { modelOf } from './utils/model.js';

export type Options = [
  {
    maxTokenBytes?: number;
  },
];
export type MessageIds = 'oversizedToken' | 'wholeObjectInToken';

export default createRule<Options, MessageIds>({
  name: 'no-oversized-claims',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow access tokens for SignalR built from whole user or claims objects, or bigger than Azure SignalR accepts',
      recommended: true,
    },
    schema: [
      {
        type: 'object',
        properties: {
          maxTokenBytes: {
            type: 'integer',
            minimum: 1,
            description: 'The largest encoded token, in bytes, that a literal payload may produce. Azure SignalR Service refuses tokens over 4 KB.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ maxTokenBytes: DEFAULT_MAX_TOKEN_BYTES }],
    messages: {
      oversizedToken:
        'This SignalR access token is at least {{bytes}} bytes, over the {{budget}}-byte budget: negotiate gets 413, URLs 414. Keep only the claims the hub needs.',
      wholeObjectInToken:
        '`{{source}}` copies a whole object into a SignalR access token: past 4 KB, negotiate gets 413 and URLs 414. Copy only the claims the hub needs.',
    },
    languages: ['js/js'],
  },
  textFilters: [TOKEN_TEXT_FILTER],
  create(context, [{ maxTokenBytes = DEFAULT_MAX_TOKEN_BYTES }]) {
    const model = modelOf(context, TOKEN_TEXT_FILTER);
    if (!model) return {};
    const signings: TokenSigning[] = [];
    /** Signings whose token reaches SignalR (`accessTokenFactory`, a negotiate response), by signing node. */
    const handedToSignalR = new Set<TSESTree.Node>();
    /** Payload parts reported already: a `const` payload may be signed more than once. */
    const reported = new Set<TSESTree.Node>();

    return {
      CallExpression: (node): void => collectSigning(model, node),
      NewExpression: (node): void => collectSigning(model, node),
      Property(node): void {
        for (const value of tokenSinkValues(model, node)) {
          for (const signing of signingsOfToken(model, value)) handedToSignalR.add(signing.node);
        }
      },
      'Program:exit'(): void {
        for (const signing of signings) {
          if (handedToSignalR.has(signing.node) || hasSignalRAudience(model, signing)) checkPayload(model, signing);
        }
      },
    };

    function collectSigning(model: SignalRModel, node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const signing = tokenSigningOf(model, node);
      if (signing) signings.push(signing);
    }

    function checkPayload(model: SignalRModel, signing: TokenSigning): void {
      if (!signing.payload) return;
      const copies = wholeObjectsIn(model, signing.payload);
      for (const copy of copies) {
        if (reported.has(copy)) continue;
        reported.add(copy);
        context.report({ node: copy, messageId: 'wholeObjectInToken', data: { source: sourceOf(copy) } });
      }
      if (copies.length > 0) return;
      const bytes = estimatedTokenBytes(model, signing);
      if (bytes > maxTokenBytes && !reported.has(signing.payload)) {
        reported.add(signing.payload);
        context.report({ node: signing.payload, messageId: 'oversizedToken', data: { bytes: String(bytes), budget: String(maxTokenBytes) } });
      }
    }

    /** Short source text for the message: `...req.user`, `claims: user.claims`. */
    function sourceOf(node: TSESTree.Node): string {
      const text = context.sourceCode.getText(node).replace(/\s+/g, ' ');
      return text.length > 60 ? `${text.slice(0, 57)}…` : text;
    }
  },
});
