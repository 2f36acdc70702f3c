// Temporary projects for the package test: created outside the repository (so nothing resolves from
// its node_modules), filled with `npm install --save-dev …` as a user types it, against the loopback
// registry of ./registry.ts, with a cache of their own.
import { execFile } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

import type { LocalRegistry } from './registry.js';

const execFileAsync = promisify(execFile);

export interface CommandResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** The environment without npm's settings of the `npm test` that started us. */
export function cleanEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  return { ...env, ...extra };
}

/** Runs a command without blocking the event loop (the registry answers from this process). */
export async function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnvironment()): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    return { status: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? String(error) };
  }
}

export class Projects {
  constructor(
    private readonly workspace: string,
    private readonly registry: LocalRegistry,
  ) {
    writeFileSync(join(workspace, 'npmrc'), '');
  }

  /** A new project holding `files`, after `npm install --save-dev ...packages`. */
  async create(name: string, packages: string[], files: Record<string, string> = {}): Promise<string> {
    const folder = join(this.workspace, name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'package.json'), `${JSON.stringify({ name, private: true, type: 'module' }, null, 2)}\n`);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(folder, file)), { recursive: true });
      writeFileSync(join(folder, file), text);
    }
    await this.install(folder, packages);
    return folder;
  }

  /** `npm install --save-dev ...packages` in `folder`; throws with npm's output when it fails. */
  async install(folder: string, packages: string[]): Promise<void> {
    const result = await run(
      'npm',
      [
        'install',
        '--save-dev',
        ...packages,
        `--registry=${this.registry.url}`,
        `--cache=${join(this.workspace, 'npm-cache')}`,
        `--userconfig=${join(this.workspace, 'npmrc')}`,
        '--no-audit',
        '--no-fund',
        '--no-update-notifier',
      ],
      folder,
    );
    if (result.status !== 0) {
      throw new Error(`npm install ${packages.join(' ')} failed (missing from npm's cache: ${this.registry.missing.join(', ') || 'nothing'}):\n${result.stderr}`);
    }
  }
}

export interface InstallSize {
  /** Sum of the sizes of the files under node_modules, in bytes. */
  bytes: number;
  /** Installed package folders, nested ones included. */
  packages: number;
}

/** What `npm install` put into `folder/node_modules`. */
export function installSize(folder: string): InstallSize {
  const size: InstallSize = { bytes: 0, packages: 0 };
  const visit = (directory: string, packageRoot: boolean): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        const isPackage = packageRoot && !entry.name.startsWith('.') && !entry.name.startsWith('@');
        if (isPackage) size.packages++;
        visit(path, entry.name === 'node_modules' || (packageRoot && entry.name.startsWith('@')));
      } else {
        size.bytes += lstatSync(path).size;
      }
    }
  };
  visit(join(folder, 'node_modules'), true);
  return size;
}
