// The packages as users receive them: packed with `npm pack`, installed with plain
// `npm install --save-dev …` into temporary projects (no --legacy-peer-deps), and used there: the
// plugin by ESLint 8.57 (eslintrc), 9 and 10 (flat), its types by `tsc` on typed `eslint.config.ts`
// files, the codemods with TypeScript 7 at the top level. The installs resolve against a loopback
// registry that serves the versions in package-lock.json from npm's cache: no network.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FORMAT_FILES, FORMAT_PACKAGES, FORMAT_REPORTS } from './package/formats.js';
import { cleanEnvironment, type InstallSize, installSize, Projects, run } from './package/project.js';
import { type LocalRegistry, type PackedPackage, startRegistry } from './package/registry.js';

const root = join(import.meta.dirname, '..');
const INSTALL_TIMEOUT = 300_000;

interface Manifest {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const PLUGIN_FOLDER = root;
const CODEMOD_FOLDER = join(root, 'packages/signalr-codemod');
const pluginManifest = readManifest(PLUGIN_FOLDER);
const codemodManifest = readManifest(CODEMOD_FOLDER);
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** Packages a lint-only install must not contain: the codemods' machinery and TypeScript. */
const CODEMOD_MACHINERY = ['jscodeshift', '@babel/core', 'ts-morph', 'typescript', '@typescript-eslint/typescript-estree'];

const MISTAKE_JS = `import { HubConnectionBuilder } from '@microsoft/signalr';
export const connection = new HubConnectionBuilder().withUrl('/hubs/chat', { skipNegotiation: true }).build();
`;
const MISTAKE_TS = `import { HubConnectionBuilder } from '@microsoft/signalr';
export const connection = new HubConnectionBuilder().withUrl('/hubs/chat' as string, { skipNegotiation: true }).build();
`;

let workspace: string;
let registry: LocalRegistry;
let projects: Projects;
const packed: Record<'plugin' | 'codemod', PackedPackage & { files: string[] }> = {} as never;

/** The temporary projects, installed concurrently; each test awaits the ones it uses. */
const installs: {
  lintOnly?: Promise<{ folder: string; eslintAlone: InstallSize; withPlugin: InstallSize }>;
  flat10?: Promise<string>;
  flat9?: Promise<string>;
  eslintrc8?: Promise<string>;
  codemods?: Promise<{ folder: string; typescript7Alone: InstallSize; withCodemods: InstallSize }>;
} = {};

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'signalr-package-'));
  packed.plugin = pack(PLUGIN_FOLDER, pluginManifest);
  packed.codemod = pack(CODEMOD_FOLDER, codemodManifest);
  registry = await startRegistry(join(root, 'package-lock.json'), [packed.plugin, packed.codemod]);
  projects = new Projects(workspace, registry);
  installs.lintOnly = installLintOnly();
  installs.flat10 = installFlat('10', ['@microsoft/signalr']);
  installs.flat9 = installFlat('9');
  installs.eslintrc8 = projects.create('eslintrc-8', ['eslint@8.57', 'eslint-plugin-signalr', '@typescript-eslint/parser', 'typescript@~6.0'], {
    '.eslintrc.json': readmeBlock('eslintrc'),
    'mistake.js': MISTAKE_JS,
    'mistake.ts': MISTAKE_TS,
  });
  installs.codemods = installCodemods();
  // Failures surface in the tests that await them.
  for (const install of Object.values(installs)) install.catch(() => undefined);
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(Object.values(installs));
  await registry?.close();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

/** `npm i -D eslint`, then `npm i -D eslint-plugin-signalr`: the lint-only install, measured before and after. */
async function installLintOnly(): Promise<{ folder: string; eslintAlone: InstallSize; withPlugin: InstallSize }> {
  const folder = await projects.create('lint-only', ['eslint'], {
    'eslint.config.js': `import signalr from 'eslint-plugin-signalr';\nexport default [signalr.configs.recommended];\n`,
    'mistake.js': MISTAKE_JS,
    ...typedConfigFiles({ typescriptEslint: false }),
  });
  const eslintAlone = installSize(folder);
  await projects.install(folder, ['eslint-plugin-signalr']);
  return { folder, eslintAlone, withPlugin: installSize(folder) };
}

/**
 * ESLint `major` with the README's flat configs, typescript-eslint, typed `eslint.config.ts` variants,
 * and in `formats/` a project with Vue, HTML and JSON files set up as the README says.
 */
function installFlat(major: string, extraPackages: string[] = []): Promise<string> {
  const formats = Object.fromEntries(Object.entries(FORMAT_FILES).map(([file, text]) => [`formats/${file}`, text]));
  return projects.create(`flat-${major}`, [`eslint@${major}`, 'eslint-plugin-signalr', 'typescript-eslint', 'typescript@~6.0', ...FORMAT_PACKAGES, ...extraPackages], {
    ...formats,
    'eslint.config.js': readmeBlock('flat'),
    'eslint.typed.config.js': readmeBlock('typed'),
    'mistake.js': MISTAKE_JS,
    'mistake.ts': MISTAKE_TS,
    ...typedConfigFiles({ typescriptEslint: true }),
    // For typed linting: a connection built from a builder that rooms.ts is handed, which only its type
    // says is SignalR (the rules follow relative imports and path aliases by themselves), and the project.
    'rooms.ts': `import type { HubConnectionBuilder } from '@microsoft/signalr';\n\nexport function enter(builder: HubConnectionBuilder, room: string): void {\n  const connection = builder.build();\n  connection.invoke('JoinGroup', room);\n}\n`,
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', noEmit: true, skipLibCheck: true }, files: ['rooms.ts'] }),
  });
}

/** `npm i -D typescript` (7 today), then `npm i -D signalr-codemod`, measured before and after. */
async function installCodemods(): Promise<{ folder: string; typescript7Alone: InstallSize; withCodemods: InstallSize }> {
  const folder = await projects.create('codemods', ['typescript'], {
    'src/rooms.ts': `import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();

export async function enter(room: string): Promise<void> {
  await connection.start();
  connection.invoke('JoinGroup', room);
}
`,
  });
  const typescript7Alone = installSize(folder);
  await projects.install(folder, ['signalr-codemod']);
  return { folder, typescript7Alone, withCodemods: installSize(folder) };
}

describe('the packed packages', () => {
  it('the plugin ships the built rules, their types, docs and licence, and no codemods, sources or tests', () => {
    expect(packed.plugin.files).toEqual(expect.arrayContaining(['dist/rules/index.js', 'dist/rules/index.d.ts', 'docs/rules/require-stop.md', 'README.md', 'LICENSE']));
    expect(packed.plugin.files.filter((file) => /^(dist\/codemods|test|bench|examples|packages)\//.test(file) || /(?<!\.d)\.ts$/.test(file))).toEqual([]);
  });

  it('the codemods ship their CLI, transforms and the analyses they use, and no rules', () => {
    expect(packed.codemod.files).toEqual(
      expect.arrayContaining(['dist/codemods/cli.js', 'dist/codemods/registry.js', 'dist/codemods/runner/worker.js', 'dist/core/model.js', 'README.md', 'LICENSE']),
    );
    expect(packed.codemod.files.filter((file) => /^dist\/rules\/(?!utils\/package-info\.js$)/.test(file) || /\.ts$/.test(file))).toEqual([]);
  });

  it('both have the same version and licence', () => {
    expect(codemodManifest.version).toBe(pluginManifest.version);
    expect(readFileSync(join(CODEMOD_FOLDER, 'LICENSE'), 'utf8')).toBe(readFileSync(join(root, 'LICENSE'), 'utf8'));
  });
});

describe('the plugin alone, with ESLint 10 and no TypeScript', () => {
  it('installs none of the codemod machinery, and lints', async () => {
    const { folder } = await installs.lintOnly!;
    expect(CODEMOD_MACHINERY.filter((name) => isInstalled(folder, name))).toEqual([]);
    expect(await ruleIdsByFile(folder, ['mistake.js'])).toEqual({ 'mistake.js': ['signalr/no-skip-negotiation'] });
  }, INSTALL_TIMEOUT);

  it('has published types that type-check typed eslint.config.ts files without typescript-eslint installed', async () => {
    const { folder } = await installs.lintOnly!;
    expect(await typeErrors(folder, join(root, 'node_modules/typescript/bin/tsc'))).toBe('');
  }, INSTALL_TIMEOUT);

  it('imports only Node built-ins and its declared dependencies', async () => {
    const { folder } = await installs.lintOnly!;
    expect(undeclaredImports(join(folder, 'node_modules', pluginManifest.name), pluginManifest)).toEqual([]);
  }, INSTALL_TIMEOUT);

  it('has the install size the README states', async () => {
    const { eslintAlone, withPlugin } = await installs.lintOnly!;
    expectStatedSize('eslint', eslintAlone);
    expectStatedSize('plugin', withPlugin);
  }, INSTALL_TIMEOUT);
});

describe.each([
  ['10', () => installs.flat10!],
  ['9', () => installs.flat9!],
])('ESLint %s with typescript-eslint', (major, project) => {
  it('runs the README flat config on JavaScript and TypeScript', async () => {
    const folder = await project();
    expect(installedVersion(folder, 'eslint')).toMatch(new RegExp(`^${major}\\.`));
    expect(await ruleIdsByFile(folder, ['mistake.js', 'mistake.ts'])).toEqual({
      'mistake.js': ['signalr/no-skip-negotiation'],
      'mistake.ts': ['signalr/no-skip-negotiation'],
    });
  }, INSTALL_TIMEOUT);

  it('type-checks eslint.config.ts written with defineConfig, tseslint.config, Linter.Config[], extends and plugins', async () => {
    const folder = await project();
    expect(await typeErrors(folder, join(folder, 'node_modules/typescript/bin/tsc'))).toBe('');
  }, INSTALL_TIMEOUT);

  it('lints Vue components, HTML pages and function.json with the README setup of each', async () => {
    const folder = join(await project(), 'formats');
    const result = await run(process.execPath, [join(folder, '../node_modules/eslint/bin/eslint.js'), '--format', 'json', '.'], folder);
    expect(result.stderr).toBe('');
    const reports = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string | null; line: number; column: number; fatal?: boolean }[] }[];
    const found = Object.fromEntries(
      reports.map((report) => [
        relative(folder, report.filePath).replaceAll('\\', '/'),
        report.messages.map((message) => `${message.fatal ? 'fatal' : message.ruleId} ${message.line}:${message.column}`),
      ]),
    );
    expect(found).toEqual(FORMAT_REPORTS);
    expect(result.status).toBe(1);
  }, INSTALL_TIMEOUT);
});

describe('typed linting, as the README turns it on', () => {
  it('sees a connection that only its type says is SignalR, which syntax alone cannot', async () => {
    const folder = await installs.flat10!;
    expect(await ruleIdsByFile(folder, ['rooms.ts'])).toEqual({ 'rooms.ts': [] });
    expect(await ruleIdsByFile(folder, ['rooms.ts'], {}, ['--config', 'eslint.typed.config.js'])).toEqual({ 'rooms.ts': ['signalr/await-group-join'] });
  }, INSTALL_TIMEOUT);
});

describe('ESLint 8.57 with eslintrc', () => {
  it('runs the README .eslintrc.json on JavaScript and TypeScript', async () => {
    const folder = await installs.eslintrc8!;
    expect(installedVersion(folder, 'eslint')).toMatch(/^8\.57\./);
    expect(await ruleIdsByFile(folder, ['mistake.js', 'mistake.ts'], { ESLINT_USE_FLAT_CONFIG: 'false' })).toEqual({
      'mistake.js': ['signalr/no-skip-negotiation'],
      'mistake.ts': ['signalr/no-skip-negotiation'],
    });
  }, INSTALL_TIMEOUT);

  it('loads the plugin through require()', async () => {
    const folder = await installs.eslintrc8!;
    const loaded = await run(process.execPath, ['-e', `const p = require('eslint-plugin-signalr'); console.log(p.meta.name, Object.keys(p.configs).join(','))`], folder);
    expect(loaded.stdout.trim()).toBe('eslint-plugin-signalr recommended,legacy-recommended,strict,legacy-strict,all,legacy-all,vue,json');
  }, INSTALL_TIMEOUT);
});

describe('the codemods, installed beside TypeScript 7', () => {
  it('keep TypeScript 7 at the top level and parse with their own TypeScript', async () => {
    const { folder } = await installs.codemods!;
    expect(installedVersion(folder, 'typescript')).toMatch(/^7\./);
    const result = await run(join(folder, 'node_modules/.bin/signalr-codemod'), ['add-awaits', 'src'], folder);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(join(folder, 'src/rooms.ts'), 'utf8')).toContain("  await connection.invoke('JoinGroup', room);\n");
  }, INSTALL_TIMEOUT);

  it('import only Node built-ins and their declared dependencies', async () => {
    const { folder } = await installs.codemods!;
    expect(undeclaredImports(join(folder, 'node_modules', codemodManifest.name), codemodManifest)).toEqual([]);
  }, INSTALL_TIMEOUT);

  it('have the install size the README states', async () => {
    const { typescript7Alone, withCodemods } = await installs.codemods!;
    expectStatedSize('codemod', { bytes: withCodemods.bytes - typescript7Alone.bytes, packages: withCodemods.packages - typescript7Alone.packages });
  }, INSTALL_TIMEOUT);
});

function readManifest(folder: string): Manifest {
  return JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Manifest;
}

function pack(folder: string, manifest: Manifest): PackedPackage & { files: string[] } {
  const [result] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', workspace], { cwd: folder, encoding: 'utf8', env: cleanEnvironment(), stdio: ['ignore', 'pipe', 'ignore'] }),
  ) as [{ filename: string; files: { path: string }[] }];
  return { manifest: manifest as unknown as PackedPackage['manifest'], tarball: join(workspace, result.filename), files: result.files.map((file) => file.path) };
}

/** The fenced block after `<!-- package-test: id -->` in the README. */
function readmeBlock(id: string): string {
  const match = new RegExp(`<!-- package-test: ${id} -->\\n\`\`\`\\w+\\n([^]*?)\`\`\`\\n`).exec(readme);
  if (!match) throw new Error(`README.md has no block marked <!-- package-test: ${id} -->`);
  return match[1]!;
}

/**
 * `eslint.config.ts` written every way the plugin's configs should fit, each in its own file so that
 * one error names its way. The configs must type-check against the user's own ESLint types.
 */
function typedConfigFiles({ typescriptEslint }: { typescriptEslint: boolean }): Record<string, string> {
  // Without typescript-eslint, check every declaration file: ours must not reach for its types. With
  // it, skip the libraries' own (slow to check); legacy-is-not-flat.ts still fails if ours were `any`.
  const skipLibCheck = typescriptEslint;
  const files: Record<string, string> = {
    'define-config.ts': `import { defineConfig } from 'eslint/config';
import signalr from 'eslint-plugin-signalr';

export default defineConfig([
  signalr.configs.recommended,
  { files: ['**/*.ts'], extends: [signalr.configs.strict] },
  signalr.configs.vue,
  signalr.configs.json,
]);
`,
    'linter-config.ts': `import type { Linter } from 'eslint';
import signalr from 'eslint-plugin-signalr';

const configs: Linter.Config[] = [signalr.configs.all, { plugins: { signalr }, rules: { 'signalr/require-stop': 'warn' } }];
export default configs;
`,
    'legacy-config.ts': `import type { Linter } from 'eslint';
import signalr from 'eslint-plugin-signalr';

export const eslintrc: Linter.LegacyConfig = { extends: ['plugin:signalr/legacy-recommended'], rules: signalr.configs['legacy-strict'].rules };
export const version: string = signalr.meta.version;
`,
  };
  // Proves the check bites: an eslintrc config is not a flat config.
  files['legacy-is-not-flat.ts'] = `import type { Linter } from 'eslint';
import signalr from 'eslint-plugin-signalr';

// @ts-expect-error -- plugins is a list of names there
export const wrong: Linter.Config = signalr.configs['legacy-recommended'];
`;
  if (typescriptEslint) {
    files['tseslint-config.ts'] = `import signalr from 'eslint-plugin-signalr';
import tseslint from 'typescript-eslint';

export default tseslint.config(tseslint.configs.recommended, signalr.configs.recommended, {
  files: ['**/*.ts'],
  plugins: { signalr },
  extends: [signalr.configs.strict],
  rules: { 'signalr/no-token-in-url': 'off' },
});
`;
  }
  files['tsconfig.configs.json'] = JSON.stringify({
    compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, skipLibCheck, types: [] },
    files: Object.keys(files),
  });
  return files;
}

async function typeErrors(folder: string, tsc: string): Promise<string> {
  const result = await run(process.execPath, [tsc, '-p', 'tsconfig.configs.json'], folder);
  return result.stdout + result.stderr;
}

/** The rule ids ESLint reports per file, run from the project's own ESLint. */
async function ruleIdsByFile(folder: string, files: string[], env: Record<string, string> = {}, args: string[] = []): Promise<Record<string, (string | null)[]>> {
  const result = await run(process.execPath, [join(folder, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', ...args, ...files], folder, cleanEnvironment(env));
  expect(result.stderr).toBe('');
  const reports = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string | null }[] }[];
  return Object.fromEntries(reports.map((report) => [relative(folder, report.filePath), report.messages.map((message) => message.ruleId)]));
}

function isInstalled(folder: string, name: string): boolean {
  const found = readdirSync(join(folder, 'node_modules'), { recursive: true, encoding: 'utf8' }).some(
    (path) => path === name || path.endsWith(`/node_modules/${name}`),
  );
  return found;
}

function installedVersion(folder: string, name: string): string {
  return readManifest(join(folder, 'node_modules', name)).version;
}

/** Bare imports in the package's JavaScript that are neither Node built-ins nor declared dependencies. */
function undeclaredImports(packageFolder: string, manifest: Manifest): string[] {
  const allowed = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies ?? {}), manifest.name]);
  const undeclared = new Set<string>();
  for (const file of readdirSync(packageFolder, { recursive: true, encoding: 'utf8' })) {
    if (!/\.c?js$/.test(file) || file.startsWith('node_modules')) continue;
    for (const { fileName: specifier } of ts.preProcessFile(readFileSync(join(packageFolder, file), 'utf8'), true, true).importedFiles) {
      if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
      if (!allowed.has(name)) undeclared.add(`${file}: ${name}`);
    }
  }
  return [...undeclared];
}

const SIZE_ROWS = {
  eslint: '`npm i -D eslint`',
  plugin: '`npm i -D eslint eslint-plugin-signalr`',
  codemod: '`npx signalr-codemod`',
};

/**
 * The README's install-size row says what was measured, within 10 % (the registry moves on; update
 * the README when the figures drift further).
 */
function expectStatedSize(row: keyof typeof SIZE_ROWS, measured: InstallSize): void {
  const table = /<!-- begin install sizes -->([^]*)<!-- end install sizes -->/.exec(readme)?.[1] ?? '';
  const label = SIZE_ROWS[row].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`\\| ${label} \\| ([\\d.]+) MB \\| (\\d+) \\|`).exec(table);
  const expected = `| ${SIZE_ROWS[row]} | ${(measured.bytes / 1e6).toFixed(1)} MB | ${measured.packages} |`;
  expect(match, `README.md: install sizes need the row ${expected}`).not.toBeNull();
  const [bytes, packages] = [Number(match![1]) * 1e6, Number(match![2])];
  const near = (stated: number, value: number): boolean => Math.abs(stated - value) <= value * 0.1;
  expect(near(bytes, measured.bytes) && near(packages, measured.packages), `README.md states ${match![0]}, measured ${expected}`).toBe(true);
}
