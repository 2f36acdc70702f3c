// `npm run example`: lints the example app with the built plugin's `recommended` config, the way a
// user's project would load it, and prints the findings grouped by file. Findings are the point of
// the demo and do not fail the run; a file that does not parse, or a rule that throws, does.
import type { ESLint, Linter } from 'eslint';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { styleText } from 'node:util';

import { EXAMPLES_DIR, lintExamples, REPOSITORY_ROOT, type SignalRPlugin } from '../test/examples-config.js';

const BUILT_PLUGIN = new URL('../dist/rules/index.js', import.meta.url);
const BUILT_CODEMOD_CLI = new URL('../dist/codemods/cli.js', import.meta.url);
const CONFIG_NAME = 'recommended';

type Style = Parameters<typeof styleText>[0];
const paint = (style: Style, text: string): string => (process.stdout.isTTY ? styleText(style, text) : text);

/** The plugin as built to dist/, imported by URL so that type-checking this script needs no build. */
async function loadBuiltPlugin(): Promise<SignalRPlugin> {
  if (!existsSync(fileURLToPath(BUILT_PLUGIN))) {
    throw new Error('dist/rules/index.js is missing: run `npm run build` first (`npm run example` does).');
  }
  const module = (await import(BUILT_PLUGIN.href)) as { default: SignalRPlugin };
  return module.default;
}

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** A message that is not a rule's finding: a parse error or another fatal problem. */
const isFailure = (message: Linter.LintMessage): boolean => message.fatal === true || message.ruleId === null;

function printFindings(results: readonly ESLint.LintResult[]): void {
  const withMessages = results
    .filter((result) => result.messages.length > 0)
    .map((result) => ({ file: relative(REPOSITORY_ROOT, result.filePath).replaceAll('\\', '/'), messages: result.messages }))
    .sort((a, b) => a.file.localeCompare(b.file));
  const rows = withMessages.flatMap(({ messages }) => messages);
  const positionWidth = Math.max(0, ...rows.map((message) => `${message.line}:${message.column}`.length));
  const ruleWidth = Math.max(0, ...rows.map((message) => (message.ruleId ?? 'parse error').length));

  for (const { file, messages } of withMessages) {
    console.log(paint('underline', file));
    for (const message of messages) {
      const position = `${message.line}:${message.column}`.padEnd(positionWidth);
      const rule = (message.ruleId ?? 'parse error').padEnd(ruleWidth);
      console.log(`  ${paint('dim', position)}  ${paint(isFailure(message) ? 'red' : 'yellow', rule)}  ${message.message}`);
    }
    console.log();
  }

  const findings = rows.filter((message) => !isFailure(message));
  const filesWithFindings = withMessages.filter(({ messages }) => messages.some((message) => !isFailure(message)));
  const rules = new Set(findings.map((message) => message.ruleId));
  console.log(paint('bold', `${plural(findings.length, 'finding')} in ${plural(filesWithFindings.length, 'file')} (${plural(rules.size, 'rule')})`));
}

async function main(): Promise<number> {
  const plugin = await loadBuiltPlugin();
  const configuredRules = Object.keys(plugin.configs[CONFIG_NAME]?.rules ?? {}).length;
  console.log(`Linting ${EXAMPLES_DIR}/ with signalr/${CONFIG_NAME} (${plural(configuredRules, 'rule')})\n`);
  const results = await lintExamples(plugin, CONFIG_NAME);
  printFindings(results);
  const failures = results.reduce((count, result) => count + result.messages.filter(isFailure).length, 0);
  if (failures > 0) console.error(paint('red', `${plural(failures, 'fatal error')}: linting itself failed (see above).`));

  // The codemods' dry run: nothing is written, so examples/ itself can be used.
  const codemodArgs = ['all', EXAMPLES_DIR, '--dry', '--print'];
  console.log(paint('bold', `\nWhat the codemods would change (signalr-codemod ${codemodArgs.join(' ')}):\n`));
  const codemods = spawnSync(process.execPath, [fileURLToPath(BUILT_CODEMOD_CLI), ...codemodArgs], { cwd: REPOSITORY_ROOT, stdio: 'inherit' });
  // Exit 2 (a file failed) or 3 (no codemods, bad usage) means the demo itself is broken.
  const codemodsFailed = codemods.status !== 0;
  if (codemodsFailed) console.error(paint('red', `signalr-codemod exited with ${codemods.status ?? codemods.signal}: see above.`));

  return failures > 0 || codemodsFailed ? 1 : 0;
}

main().then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    console.error(paint('red', 'npm run example failed:'), error);
    process.exitCode = 1;
  },
);
