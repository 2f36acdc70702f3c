// docs/ci.md runs as written: its eslint.config.js, its ESLint command (SARIF for code scanning, and
// the cached variant) and its codemod check, on a copy of examples/ in a project laid out the way a
// user's is (the plugin, typescript-eslint and the SARIF formatter resolved from its node_modules).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseMarkers } from '../example-markers.js';
import { assertBuilt, BUILT_CLI, parseReport, removeTemporaryDirectories, REPO, runCli, snapshotTree, temporaryDirectory } from './harness.js';

const CI_DOC = readFileSync(join(REPO, 'docs', 'ci.md'), 'utf8');
const ESLINT_BIN = join(REPO, 'node_modules', 'eslint', 'bin', 'eslint.js');
const SOURCE_EXTENSIONS = /\.(?:[cm]?[jt]sx?)$/;

/** The code blocks of a Markdown text with the given info string. */
function codeBlocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp(`^\`\`\`${language}\\n([^]*?)^\`\`\`$`, 'gm'))].map((match) => match[1] as string);
}

/** The documented `run:` lines and GitLab script lines of the YAML blocks, as written. */
function documentedRunLines(): string[] {
  const lines = codeBlocks(CI_DOC, 'yaml').flatMap((block) => block.split('\n'));
  return lines.flatMap((line) => {
    const match = /^(?:- run: |run: |- )(.+)$/.exec(line.trim());
    return match ? [match[1] as string] : [];
  });
}

const MATRIX_SHARD = '${{ matrix.shard }}';

/** Every documented command line starting with `npx <tool>`, as argument lists (the docs use no quoting), for matrix shard `shard`. */
function documentedCommands(tool: string, shard = 1): string[][] {
  return documentedRunLines().flatMap((line) => {
    const match = new RegExp(`^npx ${tool} (.+)$`).exec(line);
    return match ? [(match[1] as string).replaceAll(MATRIX_SHARD, String(shard)).split(/\s+/)] : [];
  });
}

interface SarifResult {
  readonly ruleId: string;
  readonly locations: readonly { readonly physicalLocation: { readonly artifactLocation: { readonly uri: string }; readonly region: { readonly startLine: number } } }[];
}

interface Sarif {
  readonly version: string;
  readonly runs: readonly { readonly results: readonly SarifResult[] }[];
}

let project: string;

beforeAll(() => {
  assertBuilt();
  project = join(temporaryDirectory('ci-docs'), 'app');
  cpSync(join(REPO, 'examples'), join(project, 'examples'), { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  const [config] = codeBlocks(CI_DOC, 'js').filter((block) => block.startsWith('// eslint.config.js\n'));
  writeFileSync(join(project, 'eslint.config.js'), config ?? 'the eslint.config.js block is missing from docs/ci.md');
  // The packages the docs tell users to install, as `npm install` would put them.
  for (const [name, target] of [
    ['eslint-plugin-signalr', REPO],
    ['typescript-eslint', join(REPO, 'node_modules', 'typescript-eslint')],
    ['@microsoft/eslint-formatter-sarif', join(REPO, 'node_modules', '@microsoft', 'eslint-formatter-sarif')],
  ] as const) {
    mkdirSync(dirname(join(project, 'node_modules', name)), { recursive: true });
    symlinkSync(target, join(project, 'node_modules', name), 'dir');
  }
});

afterAll(removeTemporaryDirectories);

function runEslint(args: readonly string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [ESLINT_BIN, ...args], { cwd: project, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

/** `rule@file:line` for each SARIF result, with files relative to the project. */
function sarifFindings(sarif: Sarif): string[] {
  return sarif.runs
    .flatMap((run) => run.results)
    .map((result) => {
      const location = result.locations[0]?.physicalLocation;
      const file = location ? relative(project, fileURLToPath(location.artifactLocation.uri)).split('\\').join('/') : '?';
      return `${result.ruleId}@${file}:${location?.region.startLine ?? '?'}`;
    })
    .sort();
}

/** The findings the markers of examples/ expect from the rules of the `recommended` config. */
async function expectedFindings(): Promise<string[]> {
  const plugin = (await import(pathToFileURL(join(REPO, 'dist', 'rules', 'index.js')).href)) as {
    default: { configs: Record<string, { rules?: Record<string, unknown> }> };
  };
  const recommended = new Set(Object.keys(plugin.default.configs['recommended']?.rules ?? {}));
  const files = readdirSync(join(project, 'examples'), { recursive: true, encoding: 'utf8' }).filter((file) => SOURCE_EXTENSIONS.test(file));
  return files
    .flatMap((file) => {
      const path = `examples/${file.split('\\').join('/')}`;
      return parseMarkers(readFileSync(join(project, path), 'utf8'))
        .filter((marker) => recommended.has(`signalr/${marker.ruleId}`))
        .map((marker) => `signalr/${marker.ruleId}@${path}:${marker.line}`);
    })
    .sort();
}

describe('the documented ESLint command', () => {
  const [command, ...others] = documentedCommands('eslint');
  const cached = others.find((args) => args.includes('--cache'));

  it('is documented, with its cached variant', () => {
    expect(command).toEqual(['.', '--format', '@microsoft/eslint-formatter-sarif', '--output-file', 'eslint.sarif', '--max-warnings', '0']);
    expect(cached).toContain('--cache-strategy');
  });

  it('fails on the examples and writes SARIF with every expected finding, and nothing else', async () => {
    const run = runEslint(command ?? []);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const sarif = JSON.parse(readFileSync(join(project, 'eslint.sarif'), 'utf8')) as Sarif;
    expect(sarif.version).toBe('2.1.0');
    const findings = sarifFindings(sarif);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings).toEqual(await expectedFindings());
  });

  it('with the cache gives the same SARIF on a warm run', () => {
    const cold = runEslint(cached ?? []);
    expect(cold.status).toBe(1);
    const first = sarifFindings(JSON.parse(readFileSync(join(project, 'eslint.sarif'), 'utf8')) as Sarif);
    expect(existsSync(join(project, '.eslintcache'))).toBe(true);
    const warm = runEslint(cached ?? []);
    expect(warm.status).toBe(1);
    expect(sarifFindings(JSON.parse(readFileSync(join(project, 'eslint.sarif'), 'utf8')) as Sarif)).toEqual(first);
  });
});

describe('the documented ESLint matrix', () => {
  const [pipeline] = documentedRunLines().filter((line) => line.startsWith('git ls-files'));

  it('splits the files between the shards: together they find what one run finds', async () => {
    expect(pipeline).toContain(MATRIX_SHARD);
    const git = (args: readonly string[]): void => {
      expect(spawnSync('git', args, { cwd: project }).status).toBe(0);
    };
    git(['init', '-q']);
    writeFileSync(join(project, '.gitignore'), 'node_modules/\n*.sarif\n.eslintcache\n');
    git(['add', '-A']);
    const findings: string[] = [];
    for (const shard of [1, 2, 3]) {
      // The project's ESLint is the repository's (npx would look for one to download).
      const command = (pipeline ?? '').replaceAll(MATRIX_SHARD, String(shard)).replace('npx eslint', `${process.execPath} ${ESLINT_BIN}`);
      const run = spawnSync('bash', ['-o', 'pipefail', '-c', command], { cwd: project, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      // xargs says 123 when ESLint exited 1 (findings).
      expect([0, 123]).toContain(run.status);
      findings.push(...sarifFindings(JSON.parse(readFileSync(join(project, `eslint-${shard}.sarif`), 'utf8')) as Sarif));
    }
    expect(findings.sort()).toEqual(await expectedFindings());
  });
});

describe('the documented codemod check', () => {
  const commands = documentedCommands('signalr-codemod');

  it('is documented for GitHub and GitLab, and sharded for a CI matrix', () => {
    expect(commands).toEqual([
      ['all', '--check', '--print', '.'],
      ['all', '--check', '.', '--json', '>', 'signalr-codemod.json'],
      ['all', '--check', '--print', '.', '--shard', '1/3'],
    ]);
  });

  it('sharded across the matrix, names every file the whole check names, each once', () => {
    const changedFiles = (args: readonly string[]): string[] => {
      const run = runCli(BUILT_CLI, [...args.filter((arg) => arg !== '--print'), '--json'], { cwd: project });
      expect(run.status).toBeLessThanOrEqual(1);
      return parseReport(run).files.filter((file) => file.status === 'changed').map((file) => file.path);
    };
    const whole = changedFiles(commands[0] ?? []).sort();
    const shards = [1, 2, 3].flatMap((shard) => changedFiles(documentedCommands('signalr-codemod', shard)[2] ?? []));
    expect(whole.length).toBeGreaterThan(0);
    expect(shards.sort()).toEqual(whole);
  });

  it('exits 1 on the examples with the diffs of what would change, and writes nothing', () => {
    const before = snapshotTree(join(project, 'examples'));
    const run = runCli(BUILT_CLI, commands[0] ?? [], { cwd: project });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^--- a\/examples\/.+\n\+\+\+ b\/examples\//m);
    expect(run.stdout).toMatch(/\d+ file\(s\) would change:\n(?: {2}examples\/\S+\n)+Run `signalr-codemod .+ \.` to apply the fixes\.\n$/);
    expect(snapshotTree(join(project, 'examples'))).toEqual(before);
  });

  it('writes a JSON report for the GitLab artifact', () => {
    const [args] = commands.slice(1).map((command) => command.slice(0, command.indexOf('>')));
    const run = runCli(BUILT_CLI, args ?? [], { cwd: project });
    expect(run.status).toBe(1);
    const report = parseReport(run);
    expect(report.mode).toBe('check');
    expect(report.summary.changed).toBeGreaterThan(0);
    const changed = report.files.filter((file) => file.status === 'changed');
    expect(changed.length).toBe(report.summary.changed);
    // A generated helpers module is a new file: its diff comes from /dev/null.
    const diffStarts = (path: string): string[] => [`--- a/${path}\n`, `--- /dev/null\n+++ b/${path}\n`];
    expect(changed.every((file) => file.path.startsWith('examples/') && diffStarts(file.path).some((start) => file.diff?.startsWith(start)))).toBe(true);
  });
});
