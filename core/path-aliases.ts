// Path aliases without type information: which paths a non-relative import such as `@/services/hub`
// can name, read from the nearest `tsconfig.json` or `jsconfig.json` (`compilerOptions.paths` and
// `baseUrl`, through `extends` and, for a solution-style config, its `references`), the way TypeScript
// and the bundlers that follow it (Vite, webpack's tsconfig-paths plugin, Vue CLI) resolve them.
// Without a config that maps it, `@/…` is taken as `src/…` of the package: the Vue CLI and Vite
// convention (`@/x` can never be a package name, so a file found there is the project's own).
// core/project.ts finds the file behind each path. Everything is cached for the run; a config that
// cannot be read or parsed maps nothing, and nothing here throws.
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/** The config files TypeScript (tsconfig) and editors for JavaScript projects (jsconfig) read, in that order. */
const CONFIG_NAMES: readonly string[] = ['tsconfig.json', 'jsconfig.json'];
/** How many configs an `extends` chain or a solution's `references` may visit: real chains are 2–3 long. */
const MAX_CONFIGS_VISITED = 8;
/** Config files larger than this are not configs. */
const MAX_CONFIG_BYTES = 256 * 1024;
/** The convention bundler templates set up without a `paths` entry: `@/` is the package's `src/`. */
const SOURCE_ROOT_PREFIX = '@/';
const SOURCE_ROOT_FOLDER = 'src';
const PACKAGE_MANIFEST = 'package.json';

/** The path mapping a config gives: `paths` patterns with their substitutions already made absolute. */
interface AliasMap {
  /** `@/*` → [`/abs/src/*`], in the config's order of substitutions. */
  readonly paths: readonly { readonly pattern: string; readonly targets: readonly string[] }[];
  /** Absolute `baseUrl`: bare specifiers are also looked up under it. */
  readonly baseUrl: string | undefined;
}

/** What one config file says, before its `extends` are merged. */
interface ConfigFile {
  readonly folder: string;
  readonly paths: Readonly<Record<string, unknown>> | undefined;
  readonly baseUrl: string | undefined;
  readonly extends: readonly string[];
  readonly references: readonly string[];
}

const NO_ALIASES: AliasMap = { paths: [], baseUrl: undefined };
const aliasMapsByFolder = new Map<string, AliasMap>();
const configFiles = new Map<string, ConfigFile | null>();
const packageRoots = new Map<string, string | null>();

/**
 * The absolute paths (without extension handling) a non-relative `specifier` imported from `fromFile`
 * may name, most likely first: the matching `paths` pattern's substitutions, then under `baseUrl`,
 * then the `@/` convention when no pattern matched. Empty for a specifier nothing maps.
 */
export function aliasCandidates(fromFile: string, specifier: string): string[] {
  const aliases = aliasMapOf(dirname(fromFile));
  const candidates = substitutions(aliases, specifier);
  const matchedPattern = candidates.length > 0;
  if (aliases.baseUrl !== undefined) candidates.push(resolve(aliases.baseUrl, specifier));
  if (!matchedPattern && specifier.startsWith(SOURCE_ROOT_PREFIX)) {
    const root = packageRootOf(dirname(fromFile));
    if (root) candidates.push(join(root, SOURCE_ROOT_FOLDER, specifier.slice(SOURCE_ROOT_PREFIX.length)));
  }
  return candidates;
}

/**
 * TypeScript's choice: a pattern without `*` matches only itself; otherwise the pattern with the
 * longest prefix before its `*` whose prefix and suffix both fit wins.
 */
function substitutions(aliases: AliasMap, specifier: string): string[] {
  let best: { readonly targets: readonly string[]; readonly star: string; readonly prefixLength: number } | undefined;
  for (const { pattern, targets } of aliases.paths) {
    const star = pattern.indexOf('*');
    if (star < 0) {
      if (pattern === specifier) return [...targets];
      continue;
    }
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    const fits = specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix);
    if (fits && (!best || prefix.length > best.prefixLength)) {
      best = { targets, star: specifier.slice(prefix.length, specifier.length - suffix.length), prefixLength: prefix.length };
    }
  }
  return best ? best.targets.map((target) => target.replace('*', best.star)) : [];
}

/** The mapping of the nearest `tsconfig.json`/`jsconfig.json` at or above `folder`. */
function aliasMapOf(folder: string): AliasMap {
  const cached = aliasMapsByFolder.get(folder);
  if (cached) return cached;
  const configPath = CONFIG_NAMES.map((name) => join(folder, name)).find(isFile);
  const parent = dirname(folder);
  const aliases = configPath ? configAliases(configPath) : parent === folder ? NO_ALIASES : aliasMapOf(parent);
  aliasMapsByFolder.set(folder, aliases);
  return aliases;
}

/**
 * A config's mapping with its `extends` merged (the nearest `paths` and `baseUrl` win, each relative to
 * the config that sets it). A solution-style config that maps nothing itself (`"files": []` with
 * `references`, as Vite's templates write) takes the mapping of the first referenced config that has one.
 */
function configAliases(configPath: string): AliasMap {
  const visited = new Set<string>();
  const own = mergedAliases(configPath, visited);
  if (own.paths.length > 0 || own.baseUrl !== undefined) return own;
  for (const reference of readConfig(configPath)?.references ?? []) {
    const referenced = mergedAliases(reference, visited);
    if (referenced.paths.length > 0 || referenced.baseUrl !== undefined) return referenced;
  }
  return own;
}

function mergedAliases(configPath: string, visited: Set<string>): AliasMap {
  let paths: { readonly value: Readonly<Record<string, unknown>>; readonly folder: string } | undefined;
  let baseUrl: string | undefined;
  // Nearest first; of several `extends`, the later ones override the earlier (TypeScript 5.0).
  const queue = [configPath];
  while (queue.length > 0 && visited.size < MAX_CONFIGS_VISITED) {
    const path = queue.shift()!;
    if (visited.has(path)) continue;
    visited.add(path);
    const config = readConfig(path);
    if (!config) continue;
    if (!paths && config.paths) paths = { value: config.paths, folder: config.folder };
    if (baseUrl === undefined && config.baseUrl !== undefined) baseUrl = resolve(config.folder, config.baseUrl);
    queue.push(...[...config.extends].reverse());
  }
  if (!paths) return { paths: [], baseUrl };
  // Without `baseUrl`, substitutions are relative to the config that sets `paths` (TypeScript 4.1+).
  const targetRoot = baseUrl ?? paths.folder;
  const patterns = Object.entries(paths.value).flatMap(([pattern, targets]) => {
    const usable = Array.isArray(targets) ? targets.filter((target): target is string => typeof target === 'string') : [];
    return usable.length > 0 && pattern.split('*').length <= 2 ? [{ pattern, targets: usable.map((target) => resolve(targetRoot, target)) }] : [];
  });
  return { paths: patterns, baseUrl };
}

function readConfig(path: string): ConfigFile | undefined {
  let config = configFiles.get(path);
  if (config === undefined) {
    config = parseConfig(path) ?? null;
    configFiles.set(path, config);
  }
  return config ?? undefined;
}

function parseConfig(path: string): ConfigFile | undefined {
  let json: unknown;
  try {
    if (statSync(path).size > MAX_CONFIG_BYTES) return undefined;
    json = JSON.parse(withoutCommentsAndTrailingCommas(readFileSync(path, 'utf8')));
  } catch {
    return undefined;
  }
  if (!isRecord(json)) return undefined;
  const folder = dirname(path);
  const options = isRecord(json.compilerOptions) ? json.compilerOptions : {};
  const extendsList = typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? json.extends : [];
  const references = Array.isArray(json.references) ? json.references : [];
  return {
    folder,
    paths: isRecord(options.paths) ? options.paths : undefined,
    baseUrl: typeof options.baseUrl === 'string' ? options.baseUrl : undefined,
    extends: extendsList.flatMap((target) => (typeof target === 'string' ? [extendedConfigPath(folder, target)] : [])).filter((target): target is string => target !== undefined),
    references: references.flatMap((reference) => {
      const target = isRecord(reference) && typeof reference.path === 'string' ? referencedConfigPath(folder, reference.path) : undefined;
      return target ? [target] : [];
    }),
  };
}

/** `extends`: a path (`./tsconfig.base.json`, `../base`) or a package's config (`@vue/tsconfig/tsconfig.dom.json`). */
function extendedConfigPath(folder: string, target: string): string | undefined {
  const withExtension = (base: string): string | undefined => [base, `${base}.json`, join(base, 'tsconfig.json')].find(isFile);
  if (target.startsWith('.') || isAbsolute(target)) return withExtension(resolve(folder, target));
  for (let current = folder; ; current = dirname(current)) {
    const found = withExtension(join(current, 'node_modules', target));
    if (found) return found;
    if (dirname(current) === current) return undefined;
  }
}

/** A project reference names a config file or the folder of a `tsconfig.json`. */
function referencedConfigPath(folder: string, target: string): string | undefined {
  const path = resolve(folder, target);
  return [path, join(path, 'tsconfig.json')].find(isFile);
}

/** The nearest folder at or above `folder` with a `package.json`. */
function packageRootOf(folder: string): string | undefined {
  const cached = packageRoots.get(folder);
  if (cached !== undefined) return cached ?? undefined;
  const parent = dirname(folder);
  const root = isFile(join(folder, PACKAGE_MANIFEST)) ? folder : parent === folder ? undefined : packageRootOf(parent);
  packageRoots.set(folder, root ?? null);
  return root;
}

/**
 * JSON with comments, as TypeScript reads its configs: `//` and `/* … *\/` comments and trailing
 * commas removed, string contents kept as they are.
 */
export function withoutCommentsAndTrailingCommas(text: string): string {
  let out = '';
  /** Where in `out` a comma waits: dropped if the next significant character closes an object or array. */
  let pendingComma: number | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n') index++;
      out += '\n';
      continue;
    }
    if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end < 0 ? text.length : end + 1;
      out += ' ';
      continue;
    }
    if (/\s/.test(char)) {
      out += char;
      continue;
    }
    if ((char === '}' || char === ']') && pendingComma !== undefined) out = out.slice(0, pendingComma) + out.slice(pendingComma + 1);
    pendingComma = char === ',' ? out.length : undefined;
    if (char === '"') {
      const end = stringEnd(text, index);
      out += text.slice(index, end);
      index = end - 1;
    } else {
      out += char;
    }
  }
  return out;
}

/** The index just past the string literal that starts at `start`. */
function stringEnd(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === '"') return index + 1;
  }
  return text.length;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFile(path: string): boolean {
  try {
    // Most folders have no config: without an exception for each miss, the walk up costs a fraction.
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}
