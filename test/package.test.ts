// The package as users receive it: packed with `npm pack`, unpacked into a temporary project, loaded
// by ESLint 10 and 9 (flat config), by ESLint 8.57 (eslintrc), by `require()`, and by TypeScript.
// The project sits inside this repository so the plugin's dependencies resolve from its node_modules
// without a network install; a separate test proves every import in dist/ is a declared dependency.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
const ESLINT_BINS = {
  10: join(root, 'node_modules/eslint/bin/eslint.js'),
  9: join(root, 'test/compat/eslint-9/node_modules/eslint/bin/eslint.js'),
  8: join(root, 'test/compat/eslint-8/node_modules/eslint/bin/eslint.js'),
};
const MISTAKE = `import { HubConnectionBuilder } from '@microsoft/signalr';
export const connection = new HubConnectionBuilder().withUrl('/hubs/chat', { skipNegotiation: true }).build();
`;

let workspace: string;
let packedFiles: string[];

beforeAll(() => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  workspace = mkdtempSync(join(root, '.tmp/package-'));
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', workspace], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  ) as [{ filename: string; files: { path: string }[] }];
  packedFiles = packed.files.map((file) => file.path);
  const installed = join(workspace, 'node_modules', manifest.name);
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(workspace, packed.filename), '-C', installed, '--strip-components=1']);
}, 120_000);

afterAll(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

/** A project folder holding `files`, with the unpacked plugin in reach through `workspace/node_modules`. */
function project(name: string, files: Record<string, string>): string {
  const folder = join(workspace, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
  return folder;
}

function lintJson(eslintBin: string, folder: string, env: Record<string, string> = {}): { ruleId: string | null }[] {
  const result = spawnSync(process.execPath, [eslintBin, '--format', 'json', 'mistake.js'], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  expect(result.stderr).toBe('');
  const [file] = JSON.parse(result.stdout) as [{ messages: { ruleId: string | null }[] }];
  return file.messages;
}

describe('the packed package', () => {
  it('ships the built plugin, types and docs, and no sources or tests', () => {
    expect(packedFiles).toContain('dist/rules/index.js');
    expect(packedFiles).toContain('dist/rules/index.d.ts');
    expect(packedFiles).toContain('docs/rules/no-skip-negotiation.md');
    expect(packedFiles).toContain('README.md');
    expect(packedFiles.filter((file) => /^(test|bench|examples)\//.test(file) || /(?<!\.d)\.ts$/.test(file))).toEqual([]);
  });

  it('imports only Node built-ins and declared dependencies', () => {
    const allowed = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies), manifest.name]);
    const undeclared = new Set<string>();
    const dist = join(workspace, 'node_modules', manifest.name, 'dist');
    const visit = (folder: string): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) visit(path);
        else if (entry.name.endsWith('.js')) {
          for (const { fileName: specifier } of ts.preProcessFile(readFileSync(path, 'utf8'), true, true).importedFiles) {
            if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
            const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
            if (!allowed.has(name)) undeclared.add(`${relative(dist, path)}: ${name}`);
          }
        }
      }
    };
    visit(dist);
    expect([...undeclared]).toEqual([]);
  });

  it.each([10, 9] as const)('runs its recommended flat config in ESLint %i', (version) => {
    const folder = project(`flat-${version}`, {
      'eslint.config.js': `import signalr from 'eslint-plugin-signalr';\nexport default [signalr.configs.recommended];\n`,
      'mistake.js': MISTAKE,
    });
    expect(lintJson(ESLINT_BINS[version], folder).map((message) => message.ruleId)).toEqual(['signalr/no-skip-negotiation']);
  });

  it('runs its legacy-recommended config in ESLint 8.57 (eslintrc)', () => {
    const folder = project('eslintrc-8', {
      '.eslintrc.json': JSON.stringify({
        root: true,
        parserOptions: { ecmaVersion: 2022, sourceType: 'module' },
        plugins: ['signalr'],
        extends: ['plugin:signalr/legacy-recommended'],
      }),
      'mistake.js': MISTAKE,
    });
    const messages = lintJson(ESLINT_BINS[8], folder, { ESLINT_USE_FLAT_CONFIG: 'false' });
    expect(messages.map((message) => message.ruleId)).toEqual(['signalr/no-skip-negotiation']);
  });

  it('loads through require()', () => {
    const folder = project('require', {});
    const output = execFileSync(process.execPath, ['-e', `const p = require('eslint-plugin-signalr'); console.log(p.meta.name, Object.keys(p.configs).join(','))`], {
      cwd: folder,
      encoding: 'utf8',
    });
    expect(output.trim()).toBe('eslint-plugin-signalr recommended,legacy-recommended,strict,legacy-strict,all,legacy-all,vue,json');
  });

  it('gives TypeScript users its types', () => {
    const folder = project('types', {
      'eslint.config.ts': `import signalr from 'eslint-plugin-signalr';\nexport default [signalr.configs.recommended, { rules: signalr.configs.strict.rules }];\nconst id: string = signalr.meta.version;\nexport { id };\n`,
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true, skipLibCheck: true, types: [] }, files: ['eslint.config.ts'] }),
    });
    const result = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', folder], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
  });
});
