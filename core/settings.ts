// The user's extensions of the SignalR vocabulary, read from ESLint shared settings:
//   settings: { signalr: { modules: ['@acme/realtime'], globals: ['AcmeSignalR'] } }
// Validated once per settings object; a wrong shape is a configuration error with a clear message,
// the same way ESLint treats a rule option that fails its schema.

export interface SignalRSettings {
  /** Extra module names that re-export the `@microsoft/signalr` client (a wrapper package, a path alias). */
  readonly modules: readonly string[];
  /** Extra global names under which the client bundle is loaded (besides `signalR`). */
  readonly globals: readonly string[];
  /** Hub method names that join a group, added to the defaults (see `core/group-joins.ts`). */
  readonly joinMethods: readonly string[];
  /** Regular expressions (source text) for hub methods that join a group, added to the defaults. */
  readonly joinMethodPatterns: readonly string[];
  /** When true, `joinMethods`/`joinMethodPatterns` replace the default vocabulary instead of extending it. */
  readonly replaceDefaultJoinMethods: boolean;
}

export const DEFAULT_SETTINGS: SignalRSettings = {
  modules: [],
  globals: [],
  joinMethods: [],
  joinMethodPatterns: [],
  replaceDefaultJoinMethods: false,
};

type Parser = (value: unknown, key: string) => unknown;

const stringList: Parser = (value, key) => {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.length > 0)) {
    throw new SettingsError(`\`settings.signalr.${key}\` must be an array of non-empty strings.`);
  }
  return Object.freeze([...value]);
};

const patternList: Parser = (value, key) => {
  const list = stringList(value, key) as string[];
  for (const source of list) {
    try {
      new RegExp(source, 'u');
    } catch (error) {
      throw new SettingsError(`\`settings.signalr.${key}\` holds an invalid regular expression ${JSON.stringify(source)}: ${(error as Error).message}`);
    }
  }
  return list;
};

const boolean: Parser = (value, key) => {
  if (typeof value !== 'boolean') throw new SettingsError(`\`settings.signalr.${key}\` must be true or false.`);
  return value;
};

const PARSERS: { readonly [K in keyof SignalRSettings]: Parser } = {
  modules: stringList,
  globals: stringList,
  joinMethods: stringList,
  joinMethodPatterns: patternList,
  replaceDefaultJoinMethods: boolean,
};

export class SettingsError extends Error {
  override name = 'SettingsError';
}

const cache = new WeakMap<object, SignalRSettings>();

/** Reads and validates `settings.signalr` from ESLint's shared settings (or a plain object). */
export function readSettings(sharedSettings: Readonly<Record<string, unknown>> | undefined): SignalRSettings {
  const raw = sharedSettings?.['signalr'];
  if (raw === undefined) return DEFAULT_SETTINGS;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new SettingsError('`settings.signalr` must be an object.');
  }
  const cached = cache.get(raw);
  if (cached) return cached;
  const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(raw)) {
    const parse = PARSERS[key as keyof SignalRSettings];
    if (!parse) {
      const known = Object.keys(PARSERS).join(', ');
      throw new SettingsError(`Unknown key \`settings.signalr.${key}\`; known keys: ${known}.`);
    }
    result[key] = parse(value, key);
  }
  const settings = Object.freeze(result) as unknown as SignalRSettings;
  cache.set(raw, settings);
  return settings;
}
