// Seeded randomness and naming for the corpus templates. Everything a template varies comes from a
// `Random`, so a corpus is a pure function of its seed: benchmarks and tests see the same files.

/** mulberry32: tiny, fast, and good enough to vary source files; not for anything secret. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick() from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight: `[[3, a], [1, b]]` gives `a` three times as often as `b`. */
  weighted<T>(entries: readonly (readonly [number, T])[]): T {
    const total = entries.reduce((sum, [weight]) => sum + weight, 0);
    let remaining = this.next() * total;
    for (const [weight, item] of entries) {
      remaining -= weight;
      if (remaining < 0) return item;
    }
    return entries[entries.length - 1]![1];
  }

  /** A new array with the items in a random order (Fisher–Yates). */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }

  /** `count` distinct items (fewer if the list is shorter). */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffled(items).slice(0, count);
  }
}

/** A seed for item `index` of a run seeded with `seed`, so file i does not depend on how many files precede it. */
export function deriveSeed(seed: number, index: number): number {
  let hash = (seed ^ 0x9e3779b9) >>> 0;
  hash = Math.imul(hash ^ index, 0x85ebca6b) >>> 0;
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35) >>> 0;
  return (hash ^ (hash >>> 16)) >>> 0;
}

const NOUNS = [
  'order', 'invoice', 'customer', 'product', 'cart', 'session', 'report', 'ticket', 'account', 'payment',
  'shipment', 'inventory', 'profile', 'team', 'project', 'task', 'comment', 'article', 'booking', 'subscription',
  'warehouse', 'supplier', 'campaign', 'survey', 'device', 'sensor', 'contract', 'employee', 'schedule', 'review',
] as const;

const ADJECTIVES = ['recent', 'pending', 'archived', 'shared', 'featured', 'active', 'overdue', 'draft', 'priority', 'local'] as const;

/** The names one file is written around: an entity in every case style a template needs. */
export interface Entity {
  /** `invoice` */
  readonly camel: string;
  /** `Invoice` */
  readonly pascal: string;
  /** `invoices` */
  readonly plural: string;
  /** `pending-invoice` style, for file and route names */
  readonly kebab: string;
  /** An adjective to qualify it: `pending` */
  readonly adjective: string;
}

export function pickEntity(random: Random): Entity {
  const noun = random.pick(NOUNS);
  const adjective = random.pick(ADJECTIVES);
  return {
    camel: noun,
    pascal: capitalize(noun),
    plural: pluralize(noun),
    kebab: `${adjective}-${noun}`,
    adjective,
  };
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function pluralize(noun: string): string {
  if (noun.endsWith('y') && !/[aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/** Joins non-empty blocks of code with one blank line between them, ending with a newline. */
export function joinBlocks(blocks: readonly (string | false | undefined)[]): string {
  return `${blocks.filter((block): block is string => typeof block === 'string' && block.length > 0).map((block) => block.trim()).join('\n\n')}\n`;
}
