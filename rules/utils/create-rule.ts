// The plugin's own rule factory, in place of `ESLintUtils.RuleCreator`: `@typescript-eslint/utils` at
// run time would make every user install typescript-estree and, through its peer dependency, TypeScript.
// Only its types are used here; they vanish from the built JavaScript.
import type { ESLintUtils, TSESLint } from '@typescript-eslint/utils';

import { registerTextFilter } from '../../core/prefilter.js';
import { concernsNoRule } from './model.js';

/** Rule metadata this plugin adds to `meta.docs`; configs are computed from it (see `rules/index.ts`). */
export interface SignalRRuleDocs {
  description: string;
  /** In every config: it reports what breaks (lost messages, 4xx, leaks, storms) and is rarely wrong. */
  recommended?: boolean;
  /** In `strict` (and `all`) though not in `recommended`: hygiene that prevents trouble before it shows. */
  strict?: boolean;
  /** Options the `strict` config sets, when they differ from the defaults. */
  strictOptions?: readonly unknown[];
  /** Uses type information when the parser provides it; never requires it. */
  requiresTypeChecking?: false;
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-signalr/eslint-plugin-signalr';

type RuleDefinition<Options extends readonly unknown[], MessageIds extends string> = Readonly<{
  name: string;
  meta: ESLintUtils.NamedCreateRuleMeta<MessageIds, SignalRRuleDocs, Options>;
  /**
   * A promise the rule makes: on a JavaScript or TypeScript file linted without type information, it
   * returns no listener unless the file's text may use SignalR (`modelOf`), matches one of these
   * filters, or imports a project module that leads to SignalR. Then, on the files that do none of
   * that, its `create` is not called at all (`concernsNoRule`): most files of a project, and the 18
   * rules' `create` calls were most of what the plugin cost there. Without it, `create` always runs.
   */
  textFilters?: readonly RegExp[];
  create: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, options: Readonly<Options>) => TSESLint.RuleListener;
}>;

/**
 * A rule with its docs URL, whose `create` receives the user's options merged over `meta.defaultOptions`
 * (ESLint 9.15+ merges them itself; ESLint 8.57 does not).
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  name,
  meta,
  textFilters,
  create,
}: RuleDefinition<Options, MessageIds>): TSESLint.RuleModule<MessageIds, Options, SignalRRuleDocs> & { name: string } {
  // Frozen, so that every file's options can share what the user did not override.
  const defaults = deepFreeze(structuredClone(meta.defaultOptions ?? [])) as unknown as Options;
  const optionsOf = optionsMerger(defaults);
  // A filter the shared search cannot take (`g`, back-references) leaves the rule ungated.
  const gated = textFilters !== undefined && textFilters.every(registerTextFilter);
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md` } },
    defaultOptions: (meta.defaultOptions ?? []) as unknown as Options,
    create: (context) => (gated && concernsNoRule(context) ? {} : create(context, optionsOf(context.options))),
  };
}

/**
 * The options a rule's `create` receives, for each file's `context.options`. ESLint 9.15+ hands every
 * file a new array (already merged over `meta.defaultOptions`), ESLint 8.57 the user's own: either way
 * the same options file after file. So the last merge is kept with a copy of what it was made from, and
 * a file whose options equal that copy gets the same result, without merging or allocating again.
 */
function optionsMerger<Options extends readonly unknown[]>(defaults: Options): (options: readonly unknown[]) => Options {
  let lastGiven: unknown;
  let lastMerged: Options | undefined;
  return (options) => {
    if (options.length === 0) return defaults;
    if (lastMerged !== undefined && sameValue(options, lastGiven)) return lastMerged;
    const merged = withDefaults(defaults, options);
    try {
      // A copy, not the array itself: a config object changed in place must not get a stale answer.
      lastGiven = structuredClone(options);
      lastMerged = merged;
    } catch {
      // Not cloneable (a function in the options): merged anew for every file.
      lastMerged = undefined;
    }
    return merged;
  };
}

/** Deep equality of option values (JSON-like: plain objects, arrays, primitives); allocates nothing. */
function sameValue(value: unknown, other: unknown): boolean {
  if (value === other) return true;
  if (typeof value !== 'object' || typeof other !== 'object' || value === null || other === null) return false;
  if (Array.isArray(value) !== Array.isArray(other)) return false;
  if (Array.isArray(value)) {
    const list = other as readonly unknown[];
    if (value.length !== list.length) return false;
    for (let index = 0; index < value.length; index++) if (!sameValue(value[index], list[index])) return false;
    return true;
  }
  const record = value as Readonly<Record<string, unknown>>;
  const otherRecord = other as Readonly<Record<string, unknown>>;
  let keys = 0;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    keys++;
    if (!Object.hasOwn(otherRecord, key) || !sameValue(record[key], otherRecord[key])) return false;
  }
  for (const key in otherRecord) if (Object.hasOwn(otherRecord, key)) keys--;
  return keys === 0;
}

/**
 * Each option that is an object is merged deeply over its default; any other replaces it. It copies
 * only what the user's options override: cloning the defaults each time cost a rule more, on a file
 * without SignalR, than the text check.
 */
function withDefaults<Options extends readonly unknown[]>(defaults: Options, options: readonly unknown[]): Options {
  if (options.length === 0) return defaults;
  return defaults.map((fallback, index) => {
    const given = options[index];
    if (given === undefined) return fallback;
    return isPlainObject(fallback) && isPlainObject(given) ? deepMerge(fallback, given) : given;
  }) as unknown as Options;
}

function deepMerge(base: Readonly<Record<string, unknown>>, override: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return merged;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const nested of Object.values(value)) deepFreeze(nested);
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
