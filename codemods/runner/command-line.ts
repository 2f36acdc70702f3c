// Reading `signalr-codemod`'s arguments: the CLI's own options and those the registry's codemods
// declare. Node's `parseArgs` would do the splitting, but its errors are not ours to word (an unclosed
// quote, no suggestion), so this small parser says what is wrong and what was probably meant.
import type { CodemodInfo, CodemodOption } from '../registry.js';

/** A problem with the command line; the message is a sentence for the user. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface OptionSpec {
  /** Long name without the dashes. */
  readonly name: string;
  readonly type: 'boolean' | 'string';
  readonly short?: string;
  /** May be given more than once; its values are collected in order. */
  readonly multiple?: boolean;
}

export type OptionValues = Readonly<Record<string, boolean | string | readonly string[] | undefined>>;

export interface CommandLine {
  /** By long name. */
  readonly values: OptionValues;
  readonly positionals: readonly string[];
}

/**
 * Splits `argv` into options and positionals: `--name`, `--name value`, `--name=value`, `-x`, grouped
 * short flags (`-dp`), and `--` before positionals that start with a dash. Throws UsageError.
 */
export function parseCommandLine(argv: readonly string[], specs: readonly OptionSpec[]): CommandLine {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const byShort = new Map(specs.filter((spec) => spec.short).map((spec) => [spec.short as string, spec]));
  const values: Record<string, boolean | string | string[]> = {};
  const positionals: string[] = [];
  const set = (spec: OptionSpec, value: boolean | string): void => {
    if (spec.multiple) values[spec.name] = [...((values[spec.name] as string[] | undefined) ?? []), value as string];
    else values[spec.name] = value;
  };

  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      const name = arg.slice(2, equals < 0 ? undefined : equals);
      const spec = byName.get(name);
      if (!spec) throw new UsageError(unknownOptionMessage(`--${name}`, specs));
      if (spec.type === 'boolean') {
        if (equals >= 0) throw new UsageError(`--${name} takes no value; leave out "=${arg.slice(equals + 1)}".`);
        set(spec, true);
      } else if (equals >= 0) set(spec, arg.slice(equals + 1));
      else set(spec, valueAfter(argv, index++, `--${name}`));
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      // `-dp` is `-d -p`; a short option taking a value takes the rest of the word or the next one.
      for (let at = 1; at < arg.length; at++) {
        const letter = arg[at] as string;
        const spec = byShort.get(letter);
        if (!spec) throw new UsageError(unknownOptionMessage(`-${letter}`, specs));
        if (spec.type === 'boolean') set(spec, true);
        else {
          set(spec, at + 1 < arg.length ? arg.slice(at + 1) : valueAfter(argv, index++, `-${letter}`));
          break;
        }
      }
      continue;
    }
    positionals.push(arg);
  }
  return { values, positionals };
}

function valueAfter(argv: readonly string[], index: number, option: string): string {
  const value = argv[index + 1];
  if (value === undefined || (value.startsWith('-') && value !== '-')) {
    throw new UsageError(`${option} needs a value (write ${option}=<value> for a value that starts with a dash).`);
  }
  return value;
}

function unknownOptionMessage(option: string, specs: readonly OptionSpec[]): string {
  // One letter is too little to guess from.
  const suggestion = option.startsWith('--') ? closestMatch(option, specs.map((spec) => `--${spec.name}`)) : undefined;
  return `unknown option ${option}${suggestion ? `; did you mean ${suggestion}?` : '.'}`;
}

/**
 * The candidate the user most likely meant by `word`: the only one that `word` begins or ends (`--cpu`,
 * `--dryrun` → `--cpus`, `--dry`), else the nearest by edit distance when near enough (at most 2
 * edits, and at most a third of the word), else undefined.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const related = candidates.filter((candidate) => candidate !== word && (candidate.startsWith(word) || word.startsWith(candidate)));
  if (word.replace(/^-+/, '').length >= 2 && related.length === 1) return related[0];
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= Math.min(2, Math.ceil(word.length / 3)) ? best.candidate : undefined;
}

/** Levenshtein distance, counting a swap of two neighbours as one edit (`--dyr` → `--dry`). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((rows[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** The key under which a transform receives a codemod option: `restart-on-close` → `restartOnClose`. */
export function optionKey(option: CodemodOption): string {
  return option.name.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/**
 * Where the generated helpers module goes, for the run as a whole: one option that every codemod
 * which `writesHelpers` takes (./helpers.ts reads it when it settles the helpers).
 */
export const HELPERS_MODULE_OPTION: CodemodOption = {
  name: 'helpers-module',
  type: 'string',
  value: '<path>',
  description: 'Where the generated helpers module goes (default: signalr-helpers.ts or .js in the folder that holds the files that need it).',
};

/** The options `codemod` takes: its own, then the helpers module's when it writes helpers. */
export function optionsOf(codemod: CodemodInfo): readonly CodemodOption[] {
  return [...(codemod.options ?? []), ...(codemod.writesHelpers ? [HELPERS_MODULE_OPTION] : [])];
}
