// Running the built `signalr-codemod` in tests, on temporary copies of fixtures.
//
// The real CLI loads the codemods listed in dist/codemods/registry.js from dist/codemods/<name>.js.
// `buildFixtureCli` copies dist/ and puts the test codemods of test/cli/codemods/ in those two places
// (transpiled, with one-line re-exports), so the tests drive the very code path users get, with
// codemods whose behaviour the tests control, and without any test hook in the CLI itself.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import ts from 'typescript';

import type { JsonReport } from '../../codemods/runner/report.js';

export const REPO = join(import.meta.dirname, '..', '..');
export const BUILT_CLI = join(REPO, 'dist', 'codemods', 'cli.js');
const TEST_CODEMODS = join(import.meta.dirname, 'codemods');
export const PROJECT_FIXTURE = join(import.meta.dirname, '__fixtures__', 'project');

/** A file the test codemod `fixture-await-joins` changes: one join to await in an async function. */
export const FLOATING_JOIN = `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hub').build();
export async function join(room: string): Promise<void> {
  connection.invoke('JoinGroup', room);
}
`;

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  readonly cwd: string;
  /** Run as the unprivileged user `nobody` (through setpriv when the tests run as root). */
  readonly unprivileged?: boolean;
}

/** Deleted by `removeTemporaryDirectories` (call it in afterAll). */
const temporaryDirectories: string[] = [];

export function temporaryDirectory(prefix: string): string {
  const directory = mkdtempSync(join(tmpdir(), `signalr-cli-${prefix}-`));
  // Readable by everyone, so runs as `nobody` can reach what is inside.
  chmodSync(directory, 0o755);
  temporaryDirectories.push(directory);
  return directory;
}

export function removeTemporaryDirectories(): void {
  for (const directory of temporaryDirectories.splice(0)) rmSync(directory, { recursive: true, force: true });
}

export function assertBuilt(): void {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run \`npx tsc -p tsconfig.build.json\` (npm test does) first.`);
}

/** A copy of the package build whose registry lists the test codemods; returns its cli.js. */
export function buildFixtureCli(): string {
  assertBuilt();
  const root = temporaryDirectory('build');
  cpSync(join(REPO, 'dist'), join(root, 'dist'), { recursive: true });
  cpSync(join(REPO, 'package.json'), join(root, 'package.json'));
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  const mirror = join(root, 'dist', relative(REPO, TEST_CODEMODS));
  mkdirSync(mirror, { recursive: true });
  for (const file of readdirSync(TEST_CODEMODS).filter((name) => name.endsWith('.ts'))) {
    const name = basename(file, '.ts');
    const { outputText } = ts.transpileModule(readFileSync(join(TEST_CODEMODS, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(join(mirror, `${name}.js`), outputText);
    // Where the CLI looks for codemod `name` (and for the registry itself).
    const specifier = relative(join(root, 'dist', 'codemods'), join(mirror, `${name}.js`)).split('\\').join('/');
    const reExport = name === 'registry' ? `export * from './${specifier}';\n` : `export * from './${specifier}';\nexport { default } from './${specifier}';\n`;
    writeFileSync(join(root, 'dist', 'codemods', `${name}.js`), reExport);
  }
  return join(root, 'dist', 'codemods', 'cli.js');
}

export function runCli(cli: string, args: readonly string[], options: CliRunOptions): CliRun {
  const node = [process.execPath, cli, ...args];
  const command = options.unprivileged && process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...node] : node;
  const result = spawnSync(command[0] as string, command.slice(1), { cwd: options.cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh copy of a fixture directory; returns its path. */
export function copyFixture(source: string, prefix: string): string {
  const target = join(temporaryDirectory(prefix), basename(source));
  cpSync(source, target, { recursive: true });
  return target;
}

export function writeFiles(root: string, files: Readonly<Record<string, string | Buffer>>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** Every file under `root` (relative paths, `/`-separated, sorted) with its content and mode. */
export function snapshotTree(root: string): Record<string, { content: string; mode: number }> {
  const snapshot: Record<string, { content: string; mode: number }> = {};
  const visit = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) {
        snapshot[relative(root, path).split('\\').join('/')] = { content: readFileSync(path, 'latin1'), mode: statSync(path).mode & 0o7777 };
      }
    }
  };
  visit(root);
  return Object.fromEntries(Object.entries(snapshot).sort(([a], [b]) => a.localeCompare(b)));
}

export function parseReport(run: CliRun): JsonReport {
  return JSON.parse(run.stdout) as JsonReport;
}
