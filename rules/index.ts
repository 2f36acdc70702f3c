// The plugin object: rules, and configs computed from rule metadata (flat configs under
// `configs.recommended|strict|all`, eslintrc ones under `configs['legacy-…']` for ESLint 8.57/9, and
// flat configs for other formats: `configs.vue`, `configs.json`).
// Only a default export at run time: eslint-doc-generator and `require()` of this ESM module both
// expect that. Its declared types use only `eslint`'s, so the published index.d.ts needs nothing a
// user without typescript-eslint lacks, and each config is typed as exactly what it is.
import type { Linter, Rule } from 'eslint';

import awaitGroupJoin from './await-group-join.js';
import handleStartErrors from './handle-start-errors.js';
import negotiateAcceptsPost from './negotiate-accepts-post.js';
import noConnectionInRender from './no-connection-in-render.js';
import noConnectionPerInvocation from './no-connection-per-invocation.js';
import noHardcodedConnectionString from './no-hardcoded-connection-string.js';
import noHubQueryParam from './no-hub-query-param.js';
import noInvokeBeforeStart from './no-invoke-before-start.js';
import noLegacyTls from './no-legacy-tls.js';
import noOversizedClaims from './no-oversized-claims.js';
import noSkipNegotiation from './no-skip-negotiation.js';
import noTokenInUrl from './no-token-in-url.js';
import registerHandlersBeforeStart from './register-handlers-before-start.js';
import rejoinGroupsOnReconnect from './rejoin-groups-on-reconnect.js';
import requireReconnect from './require-reconnect.js';
import requireStop from './require-stop.js';
import validConnectionInfoBinding from './valid-connection-info-binding.js';
import validReconnectPolicy from './valid-reconnect-policy.js';
import type { SignalRRuleDocs } from './utils/create-rule.js';
import { packageInfo } from './utils/package-info.js';

/** `recommended`: what breaks, rarely wrong; `strict`: adds hygiene and strict options; `all`: every rule, default options. */
export type SignalRConfigName = 'all' | 'recommended' | 'strict';

/** A flat config (ESLint 9, 10): `signalr.configs.recommended`, `signalr.configs.json`. */
export interface SignalRFlatConfig {
  name: `signalr/${string}`;
  files?: string[];
  language?: string;
  plugins: { signalr: SignalRPlugin };
  rules: Linter.RulesRecord;
}

/** An eslintrc config (ESLint 8.57, 9): `plugin:signalr/legacy-recommended`. */
export interface SignalRLegacyConfig {
  plugins: string[];
  rules: Linter.RulesRecord;
}

export interface SignalRPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, Rule.RuleModule>;
  configs: Record<SignalRConfigName | 'json' | 'vue', SignalRFlatConfig> & Record<`legacy-${SignalRConfigName}`, SignalRLegacyConfig>;
}

/** Every rule, keyed by id, in alphabetical order. */
const rules = {
  'await-group-join': awaitGroupJoin,
  'handle-start-errors': handleStartErrors,
  'negotiate-accepts-post': negotiateAcceptsPost,
  'no-connection-in-render': noConnectionInRender,
  'no-connection-per-invocation': noConnectionPerInvocation,
  'no-hardcoded-connection-string': noHardcodedConnectionString,
  'no-hub-query-param': noHubQueryParam,
  'no-invoke-before-start': noInvokeBeforeStart,
  'no-legacy-tls': noLegacyTls,
  'no-oversized-claims': noOversizedClaims,
  'no-skip-negotiation': noSkipNegotiation,
  'no-token-in-url': noTokenInUrl,
  'register-handlers-before-start': registerHandlersBeforeStart,
  'rejoin-groups-on-reconnect': rejoinGroupsOnReconnect,
  'require-reconnect': requireReconnect,
  'require-stop': requireStop,
  'valid-connection-info-binding': validConnectionInfoBinding,
  'valid-reconnect-policy': validReconnectPolicy,
};

type SignalRRule = (typeof rules)[keyof typeof rules];

/** Which rules a config turns on, read from `meta.docs`. */
const IN_CONFIG: Record<SignalRConfigName, (docs: SignalRRuleDocs) => boolean> = {
  recommended: (docs) => docs.recommended === true,
  strict: (docs) => docs.recommended === true || docs.strict === true,
  all: () => true,
};

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

/** The rule settings of a config for JavaScript files: only `strict` sets options (`strictOptions`). */
function ruleSettings(config: SignalRConfigName): Linter.RulesRecord {
  const settings: Linter.RulesRecord = {};
  for (const [id, rule] of Object.entries(rules)) {
    const docs: SignalRRuleDocs | undefined = rule.meta.docs;
    if (!docs || !runsOn(rule, JS_LANGUAGE) || !IN_CONFIG[config](docs)) continue;
    const options = config === 'strict' ? docs.strictOptions : undefined;
    settings[`signalr/${id}`] = options ? ['error', ...options] : 'error';
  }
  return settings;
}

/**
 * The recommended rules that read JSON, and every other rule turned off: the JavaScript configs have no
 * `files`, so without this their rules would reach these files too, and ESLint refuses a rule on a
 * language it does not declare.
 */
function jsonRuleSettings(): Linter.RulesRecord {
  return Object.fromEntries(
    Object.entries(rules).map(([id, rule]) => [`signalr/${id}`, runsOn(rule, JSON_LANGUAGE) && rule.meta.docs?.recommended ? 'error' : 'off']),
  );
}

const { name, version } = packageInfo();
const configs = {} as SignalRPlugin['configs'];
const plugin: SignalRPlugin = {
  meta: { name, version, namespace: 'signalr' },
  // typescript-eslint's rule types are stricter than ESLint's about the context; ESLint calls them the same.
  rules: rules as unknown as Record<string, Rule.RuleModule>,
  configs,
};

for (const config of ['recommended', 'strict', 'all'] as const) {
  configs[config] = { name: `signalr/${config}`, plugins: { signalr: plugin }, rules: ruleSettings(config) };
  configs[`legacy-${config}`] = { plugins: ['signalr'], rules: ruleSettings(config) };
}
// Vue single-file components: the recommended rules on `.vue` files. The parser (vue-eslint-parser,
// with typescript-eslint's parser for `<script lang="ts">`) is the user's, as eslint-plugin-vue sets it.
configs.vue = { name: 'signalr/vue', files: VUE_FILES, plugins: { signalr: plugin }, rules: ruleSettings('recommended') };
// Azure Functions `function.json`, `local.settings.json` and ASP.NET Core `appsettings*.json`; needs
// `@eslint/json` registered as the `json` plugin. Goes after the JavaScript configs (see jsonRuleSettings).
configs.json = { name: 'signalr/json', files: JSON_FILES, language: JSON_LANGUAGE, plugins: { signalr: plugin }, rules: jsonRuleSettings() };

export default plugin;
// `require('eslint-plugin-signalr')` (Node >= 20.19, ESLint 8 eslintrc) gets the plugin itself, not a namespace.
export { plugin as 'module.exports' };
