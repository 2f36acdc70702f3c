// The project's own modules, as seen from one file: which file a relative import or a path alias
// (core/path-aliases.ts) names, whether that module can give SignalR values at all (a text check), and
// its facts (core/project-facts.ts), parsed on demand with the lint run's parser and cached for the
// whole run, keyed by resolved path and modification time, the way eslint-plugin-import-x keeps its
// export map.
// Never `node_modules`, never more than `MAX_IMPORT_DEPTH` modules away from the linted file, and a
// module that cannot be read or parsed simply has no facts. Nothing here throws.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';

import type { ScopeManagerLike } from './model.js';
import { aliasCandidates } from './path-aliases.js';
import { mayUseSignalR } from './prefilter.js';
import type { SignalRSettings } from './settings.js';
import type { TSESTree } from '@typescript-eslint/utils';

/** A module parsed the way the linted file was: its tree (with `parent` pointers) and scopes. */
export interface ParsedModule {
  readonly program: TSESTree.Program;
  readonly scopeManager: ScopeManagerLike;
}

/** What the front end (ESLint) lends the project analysis. */
export interface ProjectHost {
  /** Identifies the parser and its options: facts from one parser are never served to another. */
  readonly key: object;
  readonly settings: SignalRSettings;
  /** Parses a module's text with the lint run's parser; undefined when it does not parse. */
  parse(path: string, text: string): ParsedModule | undefined;
}

/** How many imports away from the linted file the analysis follows modules. */
export const MAX_IMPORT_DEPTH = 3;

/** Source extensions tried for an import without one, in TypeScript's order. */
export const SOURCE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** An import written with the output's extension names the TypeScript source (`./hub.js` → `./hub.ts`). */
const SOURCE_OF_OUTPUT: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};
/** Files larger than this are not read: generated bundles, not the project's modules. */
const MAX_MODULE_BYTES = 1_000_000;
const NODE_MODULES = `${sep}node_modules${sep}`;

/** Module specifiers in import, export-from, `require` and `import()`: `./hub`, `../api/client.js`, `@/services/hub`. */
const SPECIFIER = /(?:\bfrom|\bimport|\brequire\s*\()\s*\(?\s*['"]([^'"\n]+)['"]/g;
/** Specifiers that name a package's module by a URL or a Node built-in, never a project file. */
const NEVER_PROJECT = /^(?:[a-z][\w+.-]*:|\/\/)/i;

/** True when `specifier` names a module relative to the importing file. */
export function isRelativeSpecifier(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/**
 * An import that named no file, and the folders whose contents decided it: the file it names may be
 * created later (an editor session), which changes one of them.
 */
interface Miss {
  readonly bases: readonly string[];
  readonly stamp: string;
}

/** The file each import resolved to, or the miss, by importing folder and specifier. */
const resolutionsByFolder = new Map<string, Map<string, string | Miss>>();

/**
 * The file a relative import names (extensions and `index` files tried as TypeScript and bundlers do),
 * or undefined for a package, a missing file, or anything inside `node_modules`.
 */
export function resolveRelativeImport(fromFile: string, specifier: string): string | undefined {
  return isRelativeSpecifier(specifier) ? resolveImport(fromFile, specifier) : undefined;
}

/**
 * The project file an import names: a relative one, or one through a path alias of the nearest
 * tsconfig/jsconfig (or the `@/` → `src/` convention, see core/path-aliases.ts). Undefined for a
 * package, a missing file, or anything inside `node_modules`.
 */
export function resolveProjectImport(fromFile: string, specifier: string): string | undefined {
  return NEVER_PROJECT.test(specifier) ? undefined : resolveImport(fromFile, specifier);
}

function resolveImport(fromFile: string, specifier: string, folder: string = dirname(fromFile)): string | undefined {
  let resolutions = resolutionsByFolder.get(folder);
  if (!resolutions) resolutionsByFolder.set(folder, (resolutions = new Map()));
  const known = resolutions.get(specifier);
  if (typeof known === 'string') return known;
  // A miss holds while the folders it looked in are unchanged: one stat each per turn, not one per candidate.
  if (known && missStamp(known.bases) === known.stamp) return undefined;
  const bases = known?.bases ?? (isRelativeSpecifier(specifier) ? [resolve(folder, specifier)] : aliasCandidates(fromFile, specifier));
  const found = firstSourceFile(bases);
  resolutions.set(specifier, found ?? { bases, stamp: missStamp(bases) });
  return found;
}

/**
 * The first of `bases` that names a source file, cached by the paths themselves: every folder under one
 * tsconfig maps `react` (under a `baseUrl`) to the same paths, which are then looked up once.
 */
const sourceFiles = new Map<string, string>();

function firstSourceFile(bases: readonly string[]): string | undefined {
  const key = bases.join('\0');
  let found = sourceFiles.get(key);
  if (found === undefined) {
    found = bases.reduce<string | undefined>((first, base) => first ?? findSourceFile(base), undefined);
    if (found !== undefined) sourceFiles.set(key, found);
  }
  return found;
}

/** The modification times of the folders a look-up of `bases` reads: each base's folder, and the base itself (its `index` files). */
function missStamp(bases: readonly string[]): string {
  return bases.map((base) => `${folderStamp(dirname(base))}/${folderStamp(base)}`).join(',');
}

function findSourceFile(base: string): string | undefined {
  if (base.includes(NODE_MODULES)) return undefined;
  const extension = SOURCE_EXTENSIONS.find((candidate) => base.endsWith(candidate));
  const candidates = extension
    ? [...(SOURCE_OF_OUTPUT[extension] ?? []).map((source) => base.slice(0, -extension.length) + source), base]
    : [...SOURCE_EXTENSIONS.map((candidate) => base + candidate), ...SOURCE_EXTENSIONS.map((candidate) => `${base}${sep}index${candidate}`)];
  return candidates.find(isFile);
}

function isFile(path: string): boolean {
  try {
    // Most candidates do not exist: without an exception for each, a resolution costs a fraction.
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** A module's text with the modification time and size it was read at; undefined when unreadable. */
interface ReadModule {
  readonly stamp: string;
  readonly text: string;
}

/**
 * The stamp a cached entry was computed for: a changed file (an editor session) is read again.
 *
 * Stamps are read from disk once per module per turn of the event loop: in a lint run, every file
 * that imports `./api` would otherwise stat it again (a few µs each, several imports a file). A file
 * changed on disk is seen from the next turn on, which is when an editor's lint of another file can
 * run after the change reached it (ESLint's `lintFiles`/`lintText` and a language server all wait for
 * I/O between files). Only a program that rewrites a module and lints an importer in one synchronous
 * stretch (`Linter#verify`) would see the module as it was earlier in that stretch.
 */
function stampOf(path: string): string | undefined {
  let stamp = stampsThisTurn.get(path);
  if (stamp === undefined) {
    if (stampsThisTurn.size === 0) setImmediate(forgetStamps).unref();
    stamp = readStamp(path) ?? null;
    stampsThisTurn.set(path, stamp);
  }
  return stamp ?? undefined;
}

const stampsThisTurn = new Map<string, string | null>();

/** A folder's modification time (a file added or removed changes it), read once per turn like `stampOf`'s; `-` when it is none. */
function folderStamp(path: string): string {
  const key = `${path}${sep}`;
  let stamp = stampsThisTurn.get(key);
  if (stamp === undefined) {
    if (stampsThisTurn.size === 0) setImmediate(forgetStamps).unref();
    stamp = readFolderStamp(path);
    stampsThisTurn.set(key, stamp);
  }
  return stamp ?? '-';
}

function readFolderStamp(path: string): string | null {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats?.isDirectory() ? String(stats.mtimeMs) : null;
  } catch {
    return null;
  }
}

function forgetStamps(): void {
  stampsThisTurn.clear();
}

function readStamp(path: string): string | undefined {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    return !stats || stats.size > MAX_MODULE_BYTES ? undefined : `${stats.mtimeMs}:${stats.size}`;
  } catch {
    return undefined;
  }
}

const texts = new Map<string, ReadModule>();

/** The text of a project module, read once per change. */
export function moduleText(path: string): string | undefined {
  const stamp = stampOf(path);
  if (stamp === undefined) return undefined;
  const cached = texts.get(path);
  if (cached?.stamp === stamp) return cached.text;
  try {
    const text = readFileSync(path, 'utf8');
    texts.set(path, { stamp, text });
    return text;
  } catch {
    return undefined;
  }
}

/** The specifiers a file's text imports from (relative, aliases and packages), in order of appearance, each once. */
export function importedSpecifiers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) found.add(match[1]!);
  return [...found];
}

/** The relative specifiers a file's text imports from, in order of appearance, each once. */
export function relativeSpecifiers(text: string): string[] {
  return importedSpecifiers(text).filter(isRelativeSpecifier);
}

/** `moduleReachesSignalR`'s answers, by depth and path. */
const reachCaches: Map<string, { stamp: string; settings: SignalRSettings; answer: boolean }>[] = [];

/**
 * The cheap check for a file whose own text does not mention SignalR: does one of its imports of a
 * project module (relative, or through a path alias) lead, within `MAX_IMPORT_DEPTH` modules, to a
 * module whose text does? Each module's text is read and searched once per change; a file without
 * imports costs one regular-expression search, a package import one look-up of the folder's aliases.
 */
export function importsSignalRModule(fromFile: string, text: string, settings: SignalRSettings, depth = 1): boolean {
  if (depth > MAX_IMPORT_DEPTH) return false;
  const folder = dirname(fromFile);
  for (const specifier of importedSpecifiers(text)) {
    const path = NEVER_PROJECT.test(specifier) ? undefined : resolveImport(fromFile, specifier, folder);
    if (path && moduleReachesSignalR(path, settings, depth)) return true;
  }
  return false;
}

/**
 * Does the module at `path` mention SignalR, or import (within the depth bound) one that does?
 * Cached per module and depth, so that an answer never depends on which file asked first.
 */
export function moduleReachesSignalR(path: string, settings: SignalRSettings, depth: number): boolean {
  const stamp = stampOf(path);
  if (stamp === undefined) return false;
  const reachCache = (reachCaches[depth] ??= new Map());
  const cached = reachCache.get(path);
  if (cached?.stamp === stamp && cached.settings === settings) return cached.answer;
  const text = moduleText(path);
  const answer = text !== undefined && (mayUseSignalR(text, settings) || importsSignalRModule(path, text, settings, depth + 1));
  reachCache.set(path, { stamp, settings, answer });
  return answer;
}

/** The stamp (modification time and size) of a module, for caches keyed by it. */
export function moduleStamp(path: string): string | undefined {
  return stampOf(path);
}
