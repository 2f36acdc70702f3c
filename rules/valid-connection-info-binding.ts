import type { TSESTree } from '@typescript-eslint/utils';

import type { BindingView, ConnectionInfoProblem } from '../core/functions-bindings.js';
import { BINDING_TYPES, connectionInfoProblems, FUNCTION_JSON, functionJsonBindings, v4BindingObjects } from '../core/functions-bindings.js';
import { createRule } from './utils/create-rule.js';
import { asReportNode, fileNameOf, JSON_LANGUAGES, jsonDocumentOf, onJsonDocument } from './utils/json.js';
import { modelOf } from './utils/model.js';

export type Options = [];
export type MessageIds = 'authorizationHeaderUserId' | 'idTokenWithoutClaimTypes';

const CONNECTION_INFO_TEXT_FILTER = new RegExp(BINDING_TYPES.connectionInfo, 'i');

export default createRule<Options, MessageIds>({
  name: 'valid-connection-info-binding',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `signalRConnectionInfo` bindings that cannot work as written: an `idToken` without `claimTypeList`, the `Authorization` header as user id',
      recommended: true,
    },
    schema: [],
    messages: {
      idTokenWithoutClaimTypes:
        '`idToken` without a `claimTypeList` copies no claim into the SignalR access token: the hub sees none of them. List the claim types to copy.',
      authorizationHeaderUserId:
        '`{headers.authorization}` makes the user id the whole `Bearer …` header: messages sent to the user never arrive. Use a validated user id.',
    },
    languages: ['js/js', ...JSON_LANGUAGES],
  },
  textFilters: [CONNECTION_INFO_TEXT_FILTER],
  create(context) {
    const document = jsonDocumentOf(context);
    if (document) {
      if (fileNameOf(context) !== FUNCTION_JSON || !CONNECTION_INFO_TEXT_FILTER.test(context.sourceCode.text)) return {};
      return onJsonDocument(() => {
        for (const binding of functionJsonBindings(document)) {
          reportProblems(connectionInfoProblems(binding).map((problem) => ({ ...problem, node: asReportNode(problem.node) })));
        }
      });
    }
    const model = modelOf(context, CONNECTION_INFO_TEXT_FILTER);
    if (!model) return {};

    return {
      'Program:exit'(): void {
        for (const binding of v4BindingObjects(model)) reportProblems(connectionInfoProblems(binding as BindingView<TSESTree.Node>));
      },
    };

    function reportProblems(problems: readonly ConnectionInfoProblem<TSESTree.Node>[]): void {
      for (const problem of problems) context.report({ node: problem.node, messageId: problem.kind });
    }
  },
});
