import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { skipWrappers } from '../core/ast.js';
import type { SignalRModel } from '../core/model.js';
import type { HubUrlSite, QueryParameter } from '../core/urls.js';
import { HTTP_OPTIONS } from '../core/signalr.js';
import { ACCESS_TOKEN_PARAMETER, accessTokenInUrl, hubUrlSiteOf, isTokenParameter, queryParametersOf } from '../core/urls.js';
import { findProperty } from '../core/values.js';
import { createRule } from './utils/create-rule.js';
import { modelOf } from './utils/model.js';

export type Options = [];
export type MessageIds = 'tokenInClassicQuery' | 'tokenInUrl' | 'useAccessTokenFactory';

export default createRule<Options, MessageIds>({
  name: 'no-token-in-url',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow access tokens written into hub URLs by hand instead of passed with `accessTokenFactory`',
      recommended: false,
      strict: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      tokenInClassicQuery:
        "An access token in the classic client's `qs` goes into every request URL: logged by servers and proxies, not refreshed. Prefer cookie authentication, or the ASP.NET Core client's `accessTokenFactory`.",
      tokenInUrl:
        'An access token in the hub URL is logged with it and never refreshed: once it expires, reconnects fail with 401. Pass it with `accessTokenFactory` instead.',
      useAccessTokenFactory: 'Move the token to `accessTokenFactory`.',
    },
    languages: ['js/js'],
  },
  textFilters: [],
  create(context) {
    const model = modelOf(context);
    if (!model?.usesSignalR) return {};
    const { sourceCode } = context;
    const reported = new Set<TSESTree.Node>();

    return {
      AssignmentExpression: (node): void => checkSite(model, node),
      CallExpression: (node): void => checkSite(model, node),
    };

    function checkSite(model: SignalRModel, node: TSESTree.Node): void {
      const site = hubUrlSiteOf(model, node);
      if (!site) return;
      const tokens = queryParametersOf(model, site).filter((parameter) => isTokenParameter(parameter.name));
      for (const parameter of tokens) {
        if (reported.has(parameter.node)) continue;
        reported.add(parameter.node);
        if (site.flavour === 'classic') {
          context.report({ node: parameter.node, messageId: 'tokenInClassicQuery' });
          continue;
        }
        const fix = tokens.length === 1 ? moveToFactory(model, site, parameter) : undefined;
        context.report({
          node: parameter.node,
          messageId: 'tokenInUrl',
          suggest: fix ? [{ messageId: 'useAccessTokenFactory', fix }] : [],
        });
      }
    }

    /**
     * Drops `access_token=${token}` from a URL written in place and passes `() => token` as
     * `accessTokenFactory`: the client then sends the same token, as a header to negotiate and as
     * `access_token` where a browser cannot set headers. Other parameter names would reach the server
     * under a new name, so they get no suggestion.
     */
    function moveToFactory(model: SignalRModel, site: HubUrlSite, parameter: QueryParameter): TSESLint.ReportFixFunction | undefined {
      if (parameter.name !== ACCESS_TOKEN_PARAMETER || parameter.node !== site.url) return undefined;
      const move = accessTokenInUrl(model, site.url);
      if (!move) return undefined;
      const property = `${HTTP_OPTIONS.accessTokenFactory}: () => ${sourceCode.getText(move.token)}`;
      const options = site.options && skipWrappers(site.options);
      if (options && options.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
      if (options && findProperty(model, options, HTTP_OPTIONS.accessTokenFactory) !== undefined) return undefined;
      const url = site.url;
      return (fixer) => {
        const dropParameter = fixer.replaceTextRange([move.range[0], move.range[1]], move.replacement);
        if (!options) return [dropParameter, fixer.insertTextAfter(url, `, { ${property} }`)];
        if (options.properties.length === 0) return [dropParameter, fixer.replaceText(options, `{ ${property} }`)];
        const openingBrace = sourceCode.getFirstToken(options)!;
        return [dropParameter, fixer.insertTextAfter(openingBrace, ` ${property},`)];
      };
    }
  },
});
