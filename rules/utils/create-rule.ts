// The plugin's own rule factory, in place of `ESLintUtils.RuleCreator`: `@typescript-eslint/utils` at
// run time would make every user install typescript-estree and, through its peer dependency, TypeScript.
// Only its types are used here; they vanish from the built JavaScript.
import type { ESLintUtils, TSESLint } from '@typescript-eslint/utils';

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
  create: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, options: Readonly<Options>) => TSESLint.RuleListener;
}>;

/**
 * A rule with its docs URL, whose `create` receives the user's options merged over `meta.defaultOptions`
 * (ESLint 9.15+ merges them itself; ESLint 8.57 does not).
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  name,
  meta,
  create,
}: RuleDefinition<Options, MessageIds>): TSESLint.RuleModule<MessageIds, Options, SignalRRuleDocs> & { name: string } {
  // Frozen, so that every file's options can share what the user did not override.
  const defaults = deepFreeze(structuredClone(meta.defaultOptions ?? [])) as unknown as Options;
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md` } },
    defaultOptions: (meta.defaultOptions ?? []) as unknown as Options,
    create: (context) => create(context, withDefaults(defaults, context.options)),
  };
}

/**
 * Each option that is an object is merged deeply over its default; any other replaces it. This runs
 * for every rule on every file, so it copies only what the user's options override: cloning the
 * defaults each time cost a rule more, on a file without SignalR, than the text check.
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
