#!/usr/bin/env node
// Scores the built plugin on the JSON files of the development corpus (Azure Functions function.json,
// settings files), which the shared evaluation skips: lints each with the README's JSON setup
// (`@eslint/json`, `signalr.configs.json`) and compares the reports with the labels. The corpus itself
// is never part of this repository; point the script at the fetched copy and the shared labels:
//   npm run build && node scripts/corpus-eval.mjs --corpus <dir> [--labels <dir with manifest.json, labels.json>]
import json from '@eslint/json';
import { ESLint } from 'eslint';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import plugin from '../dist/rules/index.js';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, labels: { type: 'string', default: '../shared/corpus' } } });
if (!values.corpus) {
  console.error('usage: node scripts/corpus-eval.mjs --corpus <dir> [--labels <dir>]');
  process.exit(2);
}
const corpus = resolve(values.corpus);
const manifest = JSON.parse(readFileSync(join(values.labels, 'manifest.json'), 'utf8'));
const labels = JSON.parse(readFileSync(join(values.labels, 'labels.json'), 'utf8'));
/** Label problems of the rules that read JSON. */
const RULE_OF_PROBLEM = {
  'negotiate-refuses-post': 'negotiate-accepts-post',
  'binding-cannot-work': 'valid-connection-info-binding',
  'hardcoded-connection-string': 'no-hardcoded-connection-string',
};
/** A report matches a label of its rule within this many lines. */
const LINE_WINDOW = 5;

// The JSON config's own files pattern decides nothing here: every JSON entry of the manifest is linted.
const eslint = new ESLint({
  cwd: corpus,
  overrideConfigFile: true,
  overrideConfig: [{ plugins: { json } }, { ...plugin.configs.json, files: ['**/*.json'] }],
  ignore: false,
});

const entries = manifest.filter((entry) => entry.path.endsWith('.json'));
const counts = { negotiateFunctions: 0, connectionInfoBindings: 0, files: 0, missing: 0, parseErrors: 0, crashes: 0, found: 0, unlabelled: 0, missed: 0 };
const byRule = {};
const lines = [];
for (const entry of entries) {
  const file = join(corpus, entry.repo.replace('/', '__'), entry.path);
  if (!existsSync(file)) {
    counts.missing++;
    lines.push(`MISSING ${entry.repo}/${entry.path}`);
    continue;
  }
  counts.files++;
  countShapes(readFileSync(file, 'utf8'));
  let result;
  try {
    [result] = await eslint.lintFiles([file]);
  } catch (error) {
    counts.crashes++;
    lines.push(`CRASH ${entry.repo}/${entry.path}: ${String(error).split('\n')[0]}`);
    continue;
  }
  const expected = labels
    .filter((label) => label.repo === entry.repo && label.path === entry.path && RULE_OF_PROBLEM[label.problem])
    .map((label) => ({ ...label, rule: RULE_OF_PROBLEM[label.problem], hit: false }));
  for (const message of result.messages) {
    if (!message.ruleId) {
      counts.parseErrors++;
      lines.push(`PARSE ${entry.repo}/${entry.path}:${message.line} ${message.message}`);
      continue;
    }
    const rule = message.ruleId.replace(/^signalr\//, '');
    (byRule[rule] ??= { found: 0, unlabelled: 0 });
    const label = expected.find((candidate) => !candidate.hit && candidate.rule === rule && Math.abs(candidate.line - message.line) <= LINE_WINDOW);
    if (label) {
      label.hit = true;
      counts.found++;
      byRule[rule].found++;
    } else {
      counts.unlabelled++;
      byRule[rule].unlabelled++;
      lines.push(`FP? ${entry.repo}/${entry.path}:${message.line} ${rule}: ${message.message.split('. ')[0]}`);
    }
  }
  for (const label of expected.filter((candidate) => !candidate.hit)) {
    counts.missed++;
    lines.push(`FN ${entry.repo}/${entry.path}:${label.line} ${label.rule}`);
  }
}

/** What the rules had to look at: HTTP functions with a SignalR negotiate input, connection-info bindings. */
function countShapes(text) {
  let bindings;
  try {
    bindings = JSON.parse(text).bindings;
  } catch {
    return;
  }
  if (!Array.isArray(bindings)) return;
  const typeOf = (binding) => String(binding?.type ?? '').toLowerCase();
  const negotiateInputs = bindings.filter((binding) => ['signalrconnectioninfo', 'signalrnegotiation'].includes(typeOf(binding)));
  if (negotiateInputs.length > 0 && bindings.some((binding) => typeOf(binding) === 'httptrigger')) counts.negotiateFunctions++;
  counts.connectionInfoBindings += negotiateInputs.filter((binding) => typeOf(binding) === 'signalrconnectioninfo').length;
}

const cleanFiles = entries.filter((entry) => labels.some((label) => label.repo === entry.repo && label.path === entry.path && label.problem === 'clean'));
for (const [rule, stats] of Object.entries(byRule).sort()) console.log(`${rule.padEnd(34)} found ${stats.found}  unlabelled ${stats.unlabelled}`);
for (const line of lines) console.log(line);
const precision = counts.found + counts.unlabelled ? counts.found / (counts.found + counts.unlabelled) : 1;
const recall = counts.found + counts.missed ? counts.found / (counts.found + counts.missed) : 1;
console.log(
  `json corpus: ${counts.files} files (${cleanFiles.length} labelled clean, ${counts.missing} missing; ${counts.negotiateFunctions} HTTP functions with a ` +
    `negotiate input, ${counts.connectionInfoBindings} signalRConnectionInfo bindings), ${counts.parseErrors} parse errors, ${counts.crashes} crashes; ` +
    `precision ${precision.toFixed(2)} recall ${recall.toFixed(2)} (${counts.found} found, ${counts.missed} missed, ${counts.unlabelled} unlabelled reports)`,
);
process.exitCode = counts.crashes > 0 ? 1 : 0;
