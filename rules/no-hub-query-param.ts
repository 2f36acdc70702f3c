import type { TSESTree } from '@typescript-eslint/utils';

import type { SignalRModel } from '../core/model.js';
import type { HubUrlSite, UrlTarget } from '../core/urls.js';
import { hubUrlSiteOf, isHubParameter, queryParametersOf, urlTarget } from '../core/urls.js';
import { createRule } from './utils/create-rule.js';
import { modelOf } from './utils/model.js';

export type Options = [];
export type MessageIds = 'duplicateHubParameter' | 'hubParameterThroughNegotiation';

export default createRule<Options, MessageIds>({
  name: 'no-hub-query-param',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a `hub` query parameter in hub URLs that negotiate, and more than one in direct service URLs: Azure SignalR answers 400',
      recommended: true,
    },
    schema: [],
    messages: {
      duplicateHubParameter:
        'This URL carries the `hub` query parameter {{count}} times: Azure SignalR Service answers 400 Bad Request. Keep exactly one.',
      hubParameterThroughNegotiation:
        '`hub` is reserved by Azure SignalR Service: negotiation adds its own, and two answer 400 Bad Request. Remove it: the path names the hub.',
    },
    languages: ['js/js'],
  },
  textFilters: [],
  create(context) {
    const model = modelOf(context);
    if (!model?.usesSignalR) return {};
    const reported = new Set<TSESTree.Node>();

    return {
      AssignmentExpression: (node): void => checkSite(model, node),
      CallExpression: (node): void => checkSite(model, node),
    };

    function checkSite(model: SignalRModel, node: TSESTree.Node): void {
      const site = hubUrlSiteOf(model, node);
      if (!site) return;
      const hubs = queryParametersOf(model, site).filter((parameter) => isHubParameter(parameter.name));
      if (hubs.length > 1) {
        report(hubs[1]!.node, 'duplicateHubParameter', { count: String(hubs.length) });
      } else if (hubs.length === 1 && targetOf(model, site) === 'app') {
        report(hubs[0]!.node, 'hubParameterThroughNegotiation');
      }
    }

    function report(node: TSESTree.Node, messageId: MessageIds, data?: Record<string, string>): void {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId, ...(data && { data }) });
    }
  },
});

/** The classic client always negotiates with the app server; the core client does unless its URL is the service's. */
function targetOf(model: SignalRModel, site: HubUrlSite): UrlTarget {
  return site.flavour === 'classic' || !site.url ? 'app' : urlTarget(model, site.url);
}
