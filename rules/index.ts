// The plugin object: rules, and configs computed from rule metadata (flat configs under
// `configs.recommended|strict|all`, eslintrc ones under `configs['legacy-…']` for ESLint 8.57/9).
// Only a default export: eslint-doc-generator and `require()` of this ESM module both expect that.
import type { TSESLint } from '@typescript-eslint/utils';

import awaitGroupJoin from './await-group-join.js';
import handleStartErrors from './handle-start-errors.js';
import noConnectionPerInvocation from './no-connection-per-invocation.js';
import noHubQueryParam from './no-hub-query-param.js';
import noLegacyTls from './no-legacy-tls.js';
import noOversizedClaims from './no-oversized-claims.js';
import noSkipNegotiation from './no-skip-negotiation.js';
import noTokenInUrl from './no-token-in-url.js';
import requireReconnect from './require-reconnect.js';
import requireStop from './require-stop.js';
import validReconnectPolicy from './valid-reconnect-policy.js';
import type { SignalRRuleDocs } from './utils/create-rule.js';
import { packageInfo } from './utils/package-info.js';

type SignalRRule = TSESLint.RuleModule<string, readonly unknown[], SignalRRuleDocs>;

/** Every rule, keyed by id, in alphabetical order. */
const rules: Record<string, SignalRRule> = {
  'await-group-join': awaitGroupJoin,
  'handle-start-errors': handleStartErrors,
  'no-connection-per-invocation': noConnectionPerInvocation,
  'no-hub-query-param': noHubQueryParam,
  'no-legacy-tls': noLegacyTls,
  'no-oversized-claims': noOversizedClaims,
  'no-skip-negotiation': noSkipNegotiation,
  'no-token-in-url': noTokenInUrl,
  'require-reconnect': requireReconnect,
  'require-stop': requireStop,
  'valid-reconnect-policy': validReconnectPolicy,
};

type ConfigName = 'all' | 'recommended' | 'strict';

type RuleEntry = TSESLint.SharedConfig.RuleEntry;

/** The rule settings of a config, derived from each rule's `meta.docs`. */
function ruleSettings(config: ConfigName): Record<string, RuleEntry> {
  const settings: Record<string, RuleEntry> = {};
  for (const [id, rule] of Object.entries(rules)) {
    const docs = rule.meta.docs;
    if (config === 'recommended' && !docs?.recommended) continue;
    const strictOptions = config === 'strict' ? docs?.strictOptions : undefined;
    settings[`signalr/${id}`] = strictOptions ? ['error', ...strictOptions] : 'error';
  }
  return settings;
}

const { name, version } = packageInfo();

const plugin = {
  meta: { name, version, namespace: 'signalr' },
  rules,
  configs: {} as Record<string, TSESLint.FlatConfig.Config | TSESLint.ClassicConfig.Config>,
};

for (const config of ['recommended', 'strict', 'all'] as const) {
  plugin.configs[config] = {
    name: `signalr/${config}`,
    plugins: { signalr: plugin as unknown as TSESLint.FlatConfig.Plugin },
    rules: ruleSettings(config),
  };
  plugin.configs[`legacy-${config}`] = { plugins: ['signalr'], rules: ruleSettings(config) };
}

export default plugin;
// `require('eslint-plugin-signalr')` (Node >= 20.19, ESLint 8 eslintrc) gets the plugin itself, not a namespace.
export { plugin as 'module.exports' };
