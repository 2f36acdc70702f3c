// The round trip on a copy of examples/: lint, run every registered codemod through the built CLI,
// lint again. What the codemods fix is gone (except where a codemod said why it skipped), the result
// still parses and type-checks no worse than before, and a second run changes nothing.
import { ESLint } from 'eslint';
import { spawnSync } from 'node:child_process';
import { cpSync, symlinkSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, afterAll, expect, it } from 'vitest';

import { CODEMODS } from '../../codemods/registry.js';
import { DEFAULT_EXTENSIONS } from '../../codemods/runner/discover.js';
import { examplesConfig, type SignalRPlugin } from '../examples-config.js';
import { assertBuilt, BUILT_CLI, parseReport, removeTemporaryDirectories, REPO, runCli, temporaryDirectory } from './harness.js';

const PLUGIN_PREFIX = 'signalr/';

interface Finding {
  readonly rule: string;
  readonly file: string;
  readonly line: number;
}

let project: string;
let plugin: SignalRPlugin;

beforeAll(async () => {
  assertBuilt();
  project = join(temporaryDirectory('examples'), 'app');
  cpSync(join(REPO, 'examples'), join(project, 'examples'), { recursive: true });
  // examples/tsconfig.json finds its types in node_modules above it, as in the repository.
  symlinkSync(join(REPO, 'node_modules'), join(project, 'node_modules'), 'dir');
  plugin = ((await import(pathToFileURL(join(REPO, 'dist', 'rules', 'index.js')).href)) as { default: SignalRPlugin }).default;
});

afterAll(removeTemporaryDirectories);

/** Lints the copy with the `all` config: its findings, and anything fatal (a file that no longer parses). */
async function lint(): Promise<{ findings: Finding[]; fatal: string[] }> {
  const eslint = new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig: examplesConfig(plugin, 'all') });
  const results = await eslint.lintFiles(['examples']);
  const messages = results.flatMap((result) => result.messages.map((message) => ({ file: relative(project, result.filePath).split('\\').join('/'), message })));
  return {
    findings: messages
      .filter(({ message }) => message.ruleId?.startsWith(PLUGIN_PREFIX))
      .map(({ file, message }) => ({ rule: (message.ruleId as string).slice(PLUGIN_PREFIX.length), file, line: message.line })),
    fatal: messages.filter(({ message }) => message.fatal || message.ruleId === null).map(({ file, message }) => `${file}: ${message.message}`),
  };
}

/** Type errors of the copy as `file: TSxxxx message`, without positions, which the codemods shift. */
function typeErrors(): string[] {
  const tsc = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(project, 'examples', 'tsconfig.json'), '--pretty', 'false'], { cwd: project, encoding: 'utf8' });
  return result.stdout
    .split('\n')
    .flatMap((line) => {
      const match = /^(.+?)\(\d+,\d+\): error (TS\d+: .*)$/.exec(line);
      return match ? [`${match[1]}: ${match[2]}`] : [];
    })
    .sort();
}

it('fixes what the codemods claim to fix, keeps the code valid, and is idempotent', async () => {
  expect(CODEMODS.length).toBeGreaterThan(0);
  const fixedBy = new Map<string, string[]>();
  for (const codemod of CODEMODS) for (const rule of codemod.fixes) fixedBy.set(rule, [...(fixedBy.get(rule) ?? []), codemod.name]);

  const before = await lint();
  expect(before.fatal).toEqual([]);
  const fixableBefore = before.findings.filter((finding) => fixedBy.has(finding.rule));
  expect(fixableBefore.length).toBeGreaterThan(0);
  const typeErrorsBefore = typeErrors();

  const run = runCli(BUILT_CLI, ['all', 'examples', '--json'], { cwd: project });
  expect(run.status).toBe(0);
  const report = parseReport(run);
  expect(report.summary.failed).toBe(0);
  expect(report.summary.changed).toBeGreaterThan(0);

  const after = await lint();
  expect(after.fatal).toEqual([]);
  // A finding of a fixed rule may remain only in a file where a codemod that fixes it reported a skip,
  // or in a file the CLI does not look at by default (the examples' HTML page, JSON).
  const skippedIn = new Map(report.files.map((file) => [file.path, new Set(file.skipped.map((skip) => skip.codemod))]));
  const unexplained = after.findings.filter(
    (finding) =>
      fixedBy.has(finding.rule) &&
      DEFAULT_EXTENSIONS.includes(extname(finding.file)) &&
      !(fixedBy.get(finding.rule) ?? []).some((codemod) => skippedIn.get(finding.file)?.has(codemod)),
  );
  expect(unexplained).toEqual([]);
  expect(after.findings.filter((finding) => fixedBy.has(finding.rule)).length).toBeLessThan(fixableBefore.length);

  // No type error that was not there before (positions left out: the codemods move code).
  expect(typeErrors().filter((error) => !typeErrorsBefore.includes(error))).toEqual([]);

  const second = runCli(BUILT_CLI, ['all', 'examples', '--json'], { cwd: project });
  expect(second.status).toBe(0);
  expect(parseReport(second).summary.changed).toBe(0);
  // Two lint runs, a type check and two CLI runs: a minute on a busy 2-core machine.
}, 180_000);
