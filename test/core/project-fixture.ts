// A fixture project written to a temporary folder and linted through ESLint's Node API, so that the
// modules a linted file imports are found, parsed and their facts cached as in a real run.
import type { Linter } from 'eslint';
import { ESLint } from 'eslint';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

export interface ProjectFixture {
  /** The project's folder (set once the suite's `beforeAll` has run). */
  readonly root: string;
  /** Writes `text` as `path` in the project, lints it, and returns `rule line:column` for each finding. */
  lint(path: string, text: string): Promise<string[]>;
}

/** Writes `files` into a new folder before the suite's tests and removes it after them. */
export function useProjectFixture(prefix: string, files: Readonly<Record<string, string>>, config: readonly Linter.Config[]): ProjectFixture {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), `signalr-${prefix}-`));
    for (const [path, text] of Object.entries(files)) writeProjectFile(root, path, text);
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });
  return {
    get root() {
      return root;
    },
    async lint(path, text) {
      const file = writeProjectFile(root, path, text);
      const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [...config], ignore: false });
      const [result] = await eslint.lintFiles([file]);
      return (result?.messages ?? []).map((message) => `${message.ruleId ?? `fatal: ${message.message}`} ${message.line}:${message.column}`);
    },
  };
}

function writeProjectFile(root: string, path: string, text: string): string {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}
