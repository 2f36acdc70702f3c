// The plugin object: rules, and configs computed from rule metadata (flat configs under
// `configs.recommended|strict|all`, eslintrc ones under `configs['legacy-…']` for ESLint 8.57/9, and
// flat configs for other formats: `configs.vue`, `configs.json`).
// Only a default export: eslint-doc-generator and `require()` of this ESM module both expect that.
import type { TSESLint } from '@typescript-eslint/utils';

import awaitGroupJoin from './await-group-join.js';
import handleStartErrors from './handle-start-errors.js';
import negotiateAcceptsPost from './negotiate-accepts-post.js';
import noConnectionPerInvocation from './no-connection-per-invocation.js';
import noHardcodedConnectionString from './no-hardcoded-connection-string.js';
import noHubQueryParam from './no-hub-query-param.js';
import noLegacyTls from './no-legacy-tls.js';
import noOversizedClaims from './no-oversized-claims.js';
import noSkipNegotiation from './no-skip-negotiation.js';
import noTokenInUrl from './no-token-in-url.js';
import rejoinGroupsOnReconnect from './rejoin-groups-on-reconnect.js';
import requireReconnect from './require-reconnect.js';
import requireStop from './require-stop.js';
import validConnectionInfoBinding from './valid-connection-info-binding.js';
import validReconnectPolicy from './valid-reconnect-policy.js';
import type { SignalRRuleDocs } from './utils/create-rule.js';
import { packageInfo } from './utils/package-info.js';

type SignalRRule = TSESLint.RuleModule<string, readonly unknown[], SignalRRuleDocs>;

/** Every rule, keyed by id, in alphabetical order. */
const rules: Record<string, SignalRRule> = {
  'await-group-join': awaitGroupJoin,
  'handle-start-errors': handleStartErrors,
  'negotiate-accepts-post': negotiateAcceptsPost,
  'no-connection-per-invocation': noConnectionPerInvocation,
  'no-hardcoded-connection-string': noHardcodedConnectionString,
  'no-hub-query-param': noHubQueryParam,
  'no-legacy-tls': noLegacyTls,
  'no-oversized-claims': noOversizedClaims,
  'no-skip-negotiation': noSkipNegotiation,
  'no-token-in-url': noTokenInUrl,
  'rejoin-groups-on-reconnect': rejoinGroupsOnReconnect,
  'require-reconnect': requireReconnect,
  'require-stop': requireStop,
  'valid-connection-info-binding': validConnectionInfoBinding,
  'valid-reconnect-policy': validReconnectPolicy,
};

type ConfigName = 'all' | 'recommended' | 'strict';

type RuleEntry = TSESLint.SharedConfig.RuleEntry;

/** The language of JavaScript and TypeScript files (and of the scripts in `.vue` and HTML files). */
const JS_LANGUAGE = 'js/js';
/** Azure Functions and ASP.NET Core configuration, in ESLint's JSON language (`@eslint/json`). */
const JSON_FILES = ['**/function.json', '**/local.settings.json', '**/appsettings.json', '**/appsettings.*.json'];
/** JSONC: .NET reads settings files with comments, and the Functions host does too. */
const JSON_LANGUAGE = 'json/jsonc';
const VUE_FILES = ['**/*.vue'];

/** A rule without `meta.languages` runs on JavaScript only. */
function runsOn(rule: SignalRRule, language: string): boolean {
  return (rule.meta as { languages?: readonly string[] }).languages?.includes(language) ?? language === JS_LANGUAGE;
}

/** The rule settings of a config for JavaScript files, derived from each rule's `meta.docs`. */
function ruleSettings(config: ConfigName): Record<string, RuleEntry> {
  const settings: Record<string, RuleEntry> = {};
  for (const [id, rule] of Object.entries(rules)) {
    const docs = rule.meta.docs;
    if (!runsOn(rule, JS_LANGUAGE) || (config === 'recommended' && !docs?.recommended)) continue;
    const strictOptions = config === 'strict' ? docs?.strictOptions : undefined;
    settings[`signalr/${id}`] = strictOptions ? ['error', ...strictOptions] : 'error';
  }
  return settings;
}

/**
 * The recommended rules that read JSON, and every other rule turned off: the JavaScript configs have no
 * `files`, so without this their rules would reach these files too, and ESLint refuses a rule on a
 * language it does not declare.
 */
function jsonRuleSettings(): Record<string, RuleEntry> {
  return Object.fromEntries(
    Object.entries(rules).map(([id, rule]) => [`signalr/${id}`, runsOn(rule, JSON_LANGUAGE) && rule.meta.docs?.recommended ? 'error' : 'off']),
  );
}

const { name, version } = packageInfo();

const plugin = {
  meta: { name, version, namespace: 'signalr' },
  rules,
  configs: {} as Record<string, TSESLint.FlatConfig.Config | TSESLint.ClassicConfig.Config>,
};
const asFlatPlugin = plugin as unknown as TSESLint.FlatConfig.Plugin;

for (const config of ['recommended', 'strict', 'all'] as const) {
  plugin.configs[config] = {
    name: `signalr/${config}`,
    plugins: { signalr: asFlatPlugin },
    rules: ruleSettings(config),
  };
  plugin.configs[`legacy-${config}`] = { plugins: ['signalr'], rules: ruleSettings(config) };
}
// Vue single-file components: the recommended rules on `.vue` files. The parser (vue-eslint-parser,
// with typescript-eslint's parser for `<script lang="ts">`) is the user's, as eslint-plugin-vue sets it.
plugin.configs.vue = { name: 'signalr/vue', files: VUE_FILES, plugins: { signalr: asFlatPlugin }, rules: ruleSettings('recommended') };
// Azure Functions `function.json`, `local.settings.json` and ASP.NET Core `appsettings*.json`; needs
// `@eslint/json` registered as the `json` plugin. Goes after the JavaScript configs (see jsonRuleSettings).
plugin.configs.json = { name: 'signalr/json', files: JSON_FILES, language: JSON_LANGUAGE, plugins: { signalr: asFlatPlugin }, rules: jsonRuleSettings() };

export default plugin;
// `require('eslint-plugin-signalr')` (Node >= 20.19, ESLint 8 eslintrc) gets the plugin itself, not a namespace.
export { plugin as 'module.exports' };
