/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  ignoreConfig: ['all', 'json', 'legacy-all', 'legacy-recommended', 'legacy-strict', 'vue'],
  configEmoji: [['strict', '🔒']],
  ruleDocSectionInclude: ['Rule details', 'Examples', 'What it cannot see', 'When Not To Use It'],
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'options'],
  ruleDocTitleFormat: 'prefix-name',
  urlConfigs: 'https://github.com/eslint-plugin-signalr/eslint-plugin-signalr#configs',
};
