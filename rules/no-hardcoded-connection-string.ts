import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { staticPropertyName } from '../core/ast.js';
import type { KeyedService } from '../core/connection-strings.js';
import { ACCESS_KEY_TEXT_FILTER, CONNECTION_STRING_SETTINGS, hardcodedAccessKey } from '../core/connection-strings.js';
import { memberName, stringsOf } from '../core/json.js';
import { createRule } from './utils/create-rule.js';
import { isGitIgnored } from './utils/git-ignored.js';
import { asReportNode, JSON_LANGUAGES, jsonDocumentOf, onJsonDocument } from './utils/json.js';
import { fileTextMatches } from './utils/model.js';

export type Options = [];
export type MessageIds = 'hardcodedAccessKey';

const SERVICE_NAMES: Record<KeyedService, string> = { signalr: 'Azure SignalR', webpubsub: 'Azure Web PubSub' };

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-connection-string',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Azure SignalR and Web PubSub connection strings with an access key in source code and committed configuration',
      recommended: true,
    },
    schema: [],
    messages: {
      hardcodedAccessKey:
        'This {{service}} connection string holds its access key in plain text: whoever reads it can act as your server. Rotate the key, and read the connection string from configuration (`{{setting}}`, Key Vault) or use a managed identity.',
    },
    languages: ['js/js', ...JSON_LANGUAGES],
  },
  textFilters: [ACCESS_KEY_TEXT_FILTER],
  create(context) {
    if (!fileTextMatches(context, ACCESS_KEY_TEXT_FILTER)) return {};
    const document = jsonDocumentOf(context);
    if (document) {
      return onJsonDocument(() => {
        for (const { node, member } of stringsOf(document.body)) check(asReportNode(node), node.value, member && memberName(member));
      });
    }

    return {
      Literal(node): void {
        if (typeof node.value === 'string') check(node, node.value, nameOf(node));
      },
      TemplateLiteral(node): void {
        // A placeholder cuts the text, so a key computed at run time never looks written out.
        check(node, node.quasis.map((quasi) => quasi.value.cooked ?? '').join('\u0000'), nameOf(node));
      },
    };

    function check(node: TSESTree.Node, text: string, name: string | undefined): void {
      if (!ACCESS_KEY_TEXT_FILTER.test(text)) return;
      const service = hardcodedAccessKey(text, name);
      // A file git ignores is not committed: `local.settings.json` is where Azure Functions keeps local secrets.
      if (!service || isGitIgnored(context.physicalFilename)) return;
      context.report({ node, messageId: 'hardcodedAccessKey', data: { service: SERVICE_NAMES[service], setting: CONNECTION_STRING_SETTINGS[service] } });
    }
  },
});

/** What a string is assigned to: `const azureSignalR = '…'`, `{ AzureSignalRConnectionString: '…' }`, `config.signalR = '…'`. */
function nameOf(node: TSESTree.Node): string | undefined {
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
    case AST_NODE_TYPES.Property:
      return parent.value === node ? staticPropertyName(parent) : undefined;
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.left.type === AST_NODE_TYPES.Identifier) return parent.left.name;
      return parent.left.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(parent.left) : undefined;
    default:
      return undefined;
  }
}
