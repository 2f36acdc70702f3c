// `signalr-codemod --format`: the project's own Prettier, with the project's own configuration, on
// the files the codemods changed. Prettier is the project's dependency, not ours: it is loaded from
// where the file is, and a file with no Prettier config above it is left as the codemods wrote it.
// (This runs the project's code: its Prettier, and a `.prettierrc.js` if that is its config.)
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

interface Prettier {
  resolveConfigFile(path: string): Promise<string | null>;
  resolveConfig(path: string, options: { config: string }): Promise<Record<string, unknown> | null>;
  format(text: string, options: Record<string, unknown>): Promise<string>;
}

export interface Formatted {
  readonly text: string;
  /** Why the text was left as it was, when it was. */
  readonly problem?: string;
}

/** `text` (the new content of the file at absolute `path`) as the project's Prettier formats it. */
export async function formatWithProjectPrettier(path: string, text: string): Promise<Formatted> {
  let prettier: Prettier;
  try {
    const module = (await import(pathToFileURL(createRequire(path).resolve('prettier')).href)) as Prettier & { default?: Prettier };
    prettier = module.default ?? module;
  } catch {
    return { text, problem: '--format: Prettier is not installed where this file can load it (npm install --save-dev prettier); left as the codemods wrote it' };
  }
  const configFile = await prettier.resolveConfigFile(path);
  if (!configFile) return { text, problem: '--format: no Prettier config applies to this file; left as the codemods wrote it' };
  const config = (await prettier.resolveConfig(path, { config: configFile })) ?? {};
  try {
    return { text: await prettier.format(text, { ...config, filepath: path }) };
  } catch (error) {
    return { text, problem: `--format: Prettier failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); left as the codemods wrote it` };
  }
}
