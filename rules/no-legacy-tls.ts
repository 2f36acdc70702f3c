import type { TSESTree } from '@typescript-eslint/utils';

import type { SignalRModel } from '../core/model.js';
import type { LegacyTlsKind, LegacyTlsSetting } from '../core/tls.js';
import { legacyDefaultMaxVersion, legacyTlsSettings, TLS_TEXT_FILTER, tlsOptionObjects } from '../core/tls.js';
import { createRule } from './utils/create-rule.js';
import { modelOf } from './utils/model.js';

export type Options = [];
export type MessageIds = 'legacyDefaultMaxVersion' | 'legacyMaxVersion' | 'legacySecureProtocol' | 'modernVersionsDisabled';

const MESSAGE_IDS: Readonly<Record<LegacyTlsKind, MessageIds>> = {
  defaultMaxVersion: 'legacyDefaultMaxVersion',
  maxVersion: 'legacyMaxVersion',
  secureOptions: 'modernVersionsDisabled',
  secureProtocol: 'legacySecureProtocol',
};

export default createRule<Options, MessageIds>({
  name: 'no-legacy-tls',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Node TLS settings that cap connections below TLS 1.2, which Azure refuses',
      recommended: true,
    },
    schema: [],
    messages: {
      legacyDefaultMaxVersion:
        "`tls.DEFAULT_MAX_VERSION = '{{value}}'` caps all TLS below 1.2, which Azure refuses: every handshake fails. Remove it: Node's default is TLS 1.3.",
      legacyMaxVersion:
        "`maxVersion: '{{value}}'` caps this connection below TLS 1.2, which Azure refuses: the handshake fails. Remove it, or set 'TLSv1.2' or higher.",
      legacySecureProtocol:
        "`secureProtocol: '{{value}}'` pins a protocol below TLS 1.2, which Azure refuses: the handshake fails. Remove it, or use `minVersion: 'TLSv1.2'`.",
      modernVersionsDisabled:
        '`secureOptions` turns off TLS 1.2 and 1.3, leaving only versions Azure refuses: the handshake fails. Drop `SSL_OP_NO_TLSv1_2` and `SSL_OP_NO_TLSv1_3`.',
    },
    languages: ['js/js'],
  },
  textFilters: [TLS_TEXT_FILTER],
  create(context) {
    const model = modelOf(context, TLS_TEXT_FILTER);
    if (!model) return {};
    const reported = new Set<TSESTree.Node>();

    return {
      AssignmentExpression(node): void {
        const setting = legacyDefaultMaxVersion(model, node);
        if (setting) report(setting);
      },
      CallExpression: (node): void => checkOptionReader(model, node),
      NewExpression: (node): void => checkOptionReader(model, node),
    };

    function checkOptionReader(model: SignalRModel, node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      for (const options of tlsOptionObjects(model, node)) {
        for (const setting of legacyTlsSettings(model, options)) report(setting);
      }
    }

    /** Once per written setting, however many connections share the options object. */
    function report(setting: LegacyTlsSetting): void {
      if (reported.has(setting.node)) return;
      reported.add(setting.node);
      context.report({ node: setting.node, messageId: MESSAGE_IDS[setting.kind], data: { value: setting.value } });
    }
  },
});
