import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { walk } from '../../core/ast.js';
import { legacyDefaultMaxVersion, legacyTlsSettings, TLS_TEXT_FILTER, tlsOptionObjects } from '../../core/tls.js';
import { parseSnippet } from './parse.js';

/** Every legacy setting a snippet hands to Node, as `kind value` at `line`. */
function findings(code: string): string[] {
  const { model, program } = parseSnippet(code);
  const found: string[] = [];
  walk(program, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
      for (const options of tlsOptionObjects(model, node)) {
        for (const setting of legacyTlsSettings(model, options)) found.push(`${setting.kind} ${setting.value} @${setting.node.loc.start.line}`);
      }
    }
    if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      const setting = legacyDefaultMaxVersion(model, node as TSESTree.AssignmentExpression);
      if (setting) found.push(`${setting.kind} ${setting.value} @${setting.node.loc.start.line}`);
    }
  });
  return found;
}

describe('legacy TLS settings', () => {
  it('reads the options objects where Node reads them, in any argument position', () => {
    expect(
      findings(`import https from 'https';
import * as tls from 'node:tls';
https.request('https://contoso.service.signalr.net', { maxVersion: 'TLSv1' }, () => {});
tls.connect(443, 'host', { secureProtocol: 'TLSv1_server_method' });
new tls.TLSSocket(socket, { maxVersion: 'TLSv1.2' });`),
    ).toEqual(['maxVersion TLSv1 @3', 'secureProtocol TLSv1_server_method @4']);
  });

  it('combines OpenSSL flags from crypto.constants, the constants module and numbers', () => {
    expect(
      findings(`import { SSL_OP_NO_TLSv1_2 } from 'constants';
import * as constants from 'node:constants';
import https from 'https';
new https.Agent({ secureOptions: SSL_OP_NO_TLSv1_2 | constants.SSL_OP_NO_TLSv1_3 });
new https.Agent({ secureOptions: SSL_OP_NO_TLSv1_2 | 0x20000000 });
new https.Agent({ secureOptions: SSL_OP_NO_TLSv1_2 | other });`),
    ).toEqual(['secureOptions  @4', 'secureOptions  @5']);
  });

  it('reports only assignments to `DEFAULT_MAX_VERSION` of the tls module', () => {
    expect(
      findings(`const tls = require('tls');
const settings = { DEFAULT_MAX_VERSION: '' };
settings.DEFAULT_MAX_VERSION = 'TLSv1';
tls.DEFAULT_MAX_VERSION = 'TLSv1';
tls.DEFAULT_MAX_VERSION ||= 'TLSv1.1';`),
    ).toEqual(['defaultMaxVersion TLSv1 @4']);
  });
});

describe('TLS_TEXT_FILTER', () => {
  it('passes files that can set a TLS version, and not plain HTTPS code', () => {
    expect(TLS_TEXT_FILTER.test(`new https.Agent({ maxVersion: 'TLSv1.1' })`)).toBe(true);
    expect(TLS_TEXT_FILTER.test(`tls.DEFAULT_MAX_VERSION = v`)).toBe(true);
    expect(TLS_TEXT_FILTER.test(`https.get('https://contoso.com', { keepAlive: true })`)).toBe(false);
  });
});
