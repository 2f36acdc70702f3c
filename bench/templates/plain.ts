// Templates for the files of an ordinary TypeScript app that has nothing to do with SignalR: React
// components and hooks, Express routes, services, stores, models, Angular and Vue code, scripts and
// tests, and a WebSocket client whose API looks like a hub connection (start, stop, invoke, "JoinGroup").
// None of them contains a text that the rules' SignalR prefilter looks for.
import type { Entity, Random } from './random.js';
import { capitalize, joinBlocks } from './random.js';

export interface Template {
  /** Names the template in corpus manifests and test failures. */
  readonly kind: string;
  readonly extension: '.ts' | '.tsx' | '.js';
  /** Where such a file lives in an app: `components`, `routes`, … */
  readonly folder: string;
  /** How often it occurs relative to the other templates of its set. */
  readonly weight: number;
  render(random: Random, entity: Entity): string;
}

// ---- helpers appended to files, so that sizes vary the way real files do ----

type Helper = (random: Random, entity: Entity, suffix: string) => string;

const HELPERS: readonly Helper[] = [
  (_random, e, s) => `
export function format${e.pascal}Amount${s}(amount: number, currency = 'EUR', locale = 'de-DE'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
}`,
  (_random, e, s) => `
export function groupBy${s}<T, K extends PropertyKey>(items: readonly T[], key: (item: T) => K): Record<K, T[]> {
  const groups = {} as Record<K, T[]>;
  for (const item of items) {
    const k = key(item);
    (groups[k] ??= []).push(item);
  }
  return groups;
}`,
  (random, _e, s) => `
export function debounce${s}<A extends unknown[]>(fn: (...args: A) => void, wait = ${random.pick([50, 100, 250, 300])}): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
}`,
  (random, e, s) => `
export async function withRetries${s}<T>(operation: () => Promise<T>, attempts = ${random.int(2, 5)}): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await operation();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * ${random.pick([100, 200, 500])}));
    }
  }
  throw new Error(\`${e.camel} operation failed after \${attempts} attempts\`, { cause: lastError });
}`,
  (_random, _e, s) => `
export function parseQuery${s}(search: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of search.replace(/^\\?/, '').split('&')) {
    if (!pair) continue;
    const [key = '', value = ''] = pair.split('=');
    result[decodeURIComponent(key)] = decodeURIComponent(value.replace(/\\+/g, ' '));
  }
  return result;
}`,
  (random, _e, s) => `
export class LruCache${s}<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(private readonly capacity = ${random.pick([16, 64, 128, 500])}) {}

  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): this {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    return this;
  }

  get size(): number {
    return this.#entries.size;
  }
}`,
  (_random, e, s) => `
export function chunk${s}<T>(items: readonly T[], size: number): T[][] {
  if (size <= 0) throw new RangeError('size must be positive');
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export const ${e.camel}BatchSize${s} = 25 as const;`,
  (_random, _e, s) => `
export function isRecord${s}(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function assertNever${s}(value: never, message = 'Unexpected value'): never {
  throw new Error(\`\${message}: \${JSON.stringify(value)}\`);
}`,
  (random, e, s) => `
const EMAIL_PATTERN${s} = /^[^\\s@]+@[^\\s@]+\\.[a-z]{2,}$/i;

export function validate${e.pascal}Contact${s}(input: { email?: string; phone?: string }): string[] {
  const problems: string[] = [];
  if (!input.email && !input.phone) problems.push('email or phone is required');
  if (input.email && !EMAIL_PATTERN${s}.test(input.email)) problems.push(\`invalid email: \${input.email}\`);
  if (input.phone && input.phone.replace(/\\D/g, '').length < ${random.int(6, 9)}) problems.push('phone number is too short');
  return problems;
}`,
  (random, e, s) => `
export function relativeTime${s}(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat('${random.pick(['en', 'de', 'fr', 'nl'])}', { numeric: 'auto' });
  if (Math.abs(seconds) < 60) return format.format(-seconds, 'second');
  if (Math.abs(seconds) < 3600) return format.format(-Math.round(seconds / 60), 'minute');
  if (Math.abs(seconds) < 86400) return format.format(-Math.round(seconds / 3600), 'hour');
  return format.format(-Math.round(seconds / 86400), 'day'); // ${e.plural} older than a day
}`,
  (random, e, s) => `
export const ${e.camel}Defaults${s} = {
  pageSize: ${random.pick([10, 20, 50])},
  sortBy: '${random.pick(['createdAt', 'updatedAt', 'name'])}',
  direction: '${random.pick(['asc', 'desc'])}',
  retainDays: ${random.int(7, 90)},
} satisfies Record<string, string | number>;`,
  (_random, e, s) => `
export function uniqueBy${s}<T>(items: Iterable<T>, key: (item: T) => unknown): T[] {
  const seen = new Set<unknown>();
  const result: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    result.push(item);
  }
  return result; // e.g. ${e.plural} by id
}`,
];

function helpers(random: Random, entity: Entity, min: number, max: number): string[] {
  const count = random.int(min, max);
  return random.sample(HELPERS.map((_, i) => i), count).map((i, n) => HELPERS[i]!(random, entity, n === 0 ? '' : String(n + 1)));
}

// ---- templates ----

const FIELD_TYPES = ['string', 'number', 'boolean', 'Date', 'string[]', 'number | null'] as const;
const FIELD_NAMES = ['title', 'amount', 'owner', 'createdAt', 'updatedAt', 'status', 'priority', 'tags', 'notes', 'region', 'dueDate', 'score'];

function interfaceFields(random: Random): string {
  return random
    .sample(FIELD_NAMES, random.int(2, 7))
    .map((name) => `  ${name}${random.chance(0.3) ? '?' : ''}: ${random.pick(FIELD_TYPES)};`)
    .join('\n');
}

const reactComponent: Template = {
  kind: 'react-component',
  extension: '.tsx',
  folder: 'components',
  weight: 3,
  render(random, e) {
    const pageSize = random.pick([10, 20, 25, 50]);
    const component = `${capitalize(e.adjective)}${e.pascal}List`;
    return joinBlocks([
      `import { useEffect, useMemo, useState } from 'react';\nimport type { ReactElement } from 'react';`,
      `export interface ${e.pascal} {\n  id: string;\n  total: number;\n  status: 'open' | 'closed' | 'archived';\n${interfaceFields(random)}\n}`,
      `export interface ${component}Props {
  readonly ownerId: string;
  readonly pageSize?: number;
  onSelect?(item: ${e.pascal}): void;
}`,
      `export function ${component}({ ownerId, pageSize = ${pageSize}, onSelect }: ${component}Props): ReactElement {
  const [items, setItems] = useState<${e.pascal}[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');

  useEffect(() => {
    const controller = new AbortController();
    fetch(\`/api/owners/\${ownerId}/${e.plural}?limit=\${pageSize}\`, { signal: controller.signal })
      .then((response) => response.json() as Promise<${e.pascal}[]>)
      .then(setItems)
      .catch((reason: unknown) => {
        if (!controller.signal.aborted) setError(String(reason));
      });
    return () => controller.abort();
  }, [ownerId, pageSize]);

  const visible = useMemo(() => items.filter((item) => item.id.includes(filter)), [items, filter]);
  const total = useMemo(() => visible.reduce((sum, item) => sum + item.total, 0), [visible]);

  if (error) return <p className="error" role="alert">{error}</p>;
  return (
    <section className="${e.kebab}-list">
      <h2>
        ${capitalize(e.plural)} <small>({visible.length})</small>
      </h2>
      <input value={filter} placeholder="Filter" onChange={(event) => setFilter(event.target.value)} />
      <ul>
        {visible.map((item) => (
          <li key={item.id} data-status={item.status} onClick={() => onSelect?.(item)}>
            {item.id}: {item.total.toFixed(2)}
            {item.status === 'archived' ? <em> (archived)</em> : null}
          </li>
        ))}
      </ul>
      <footer>Total: {total.toFixed(2)}</footer>
    </section>
  );
}`,
      ...helpers(random, e, 0, 4),
    ]);
  },
};

const reactHook: Template = {
  kind: 'react-hook',
  extension: '.ts',
  folder: 'hooks',
  weight: 1,
  render(random, e) {
    const interval = random.pick([5_000, 10_000, 30_000, 60_000]);
    return joinBlocks([
      `import { useCallback, useEffect, useRef, useState } from 'react';`,
      `interface ${e.pascal}State {\n  readonly data: readonly ${e.pascal}Summary[];\n  readonly loading: boolean;\n  readonly error?: Error;\n}`,
      `export interface ${e.pascal}Summary {\n  id: string;\n${interfaceFields(random)}\n}`,
      `/** Polls the ${e.plural} endpoint while the component is mounted. */
export function use${capitalize(e.adjective)}${capitalize(e.plural)}(endpoint = '/api/${e.plural}', interval = ${interval}): ${e.pascal}State & { refresh(): void } {
  const [state, setState] = useState<${e.pascal}State>({ data: [], loading: true });
  const timer = useRef<ReturnType<typeof setInterval>>();

  const refresh = useCallback(() => {
    setState((previous) => ({ ...previous, loading: true }));
    fetch(endpoint)
      .then(async (response) => {
        if (!response.ok) throw new Error(\`\${endpoint} answered \${response.status}\`);
        return (await response.json()) as ${e.pascal}Summary[];
      })
      .then((data) => setState({ data, loading: false }))
      .catch((error: Error) => setState((previous) => ({ ...previous, loading: false, error })));
  }, [endpoint]);

  useEffect(() => {
    refresh();
    timer.current = setInterval(refresh, interval);
    return () => clearInterval(timer.current);
  }, [refresh, interval]);

  return { ...state, refresh };
}`,
      ...helpers(random, e, 0, 3),
    ]);
  },
};

const expressRouter: Template = {
  kind: 'express-router',
  extension: '.ts',
  folder: 'routes',
  weight: 2,
  render(random, e) {
    const extraRoutes = random.int(0, 3);
    const routes: string[] = [];
    for (let i = 0; i < extraRoutes; i++) {
      const action = random.pick(['archive', 'restore', 'approve', 'export', 'duplicate']);
      routes.push(`router.post('/${e.plural}/:id/${action}', async (request: Request, response: Response, next: NextFunction) => {
  try {
    const item = await store.${action}(request.params.id ?? '');
    if (!item) {
      response.status(404).json({ error: '${e.camel} not found' });
      return;
    }
    response.json(item);
  } catch (error) {
    next(error);
  }
});`);
    }
    return joinBlocks([
      `import { Router } from 'express';\nimport type { NextFunction, Request, Response } from 'express';`,
      `export interface ${e.pascal}Record {\n  id: string;\n${interfaceFields(random)}\n}`,
      `export interface ${e.pascal}Store {
  list(options: { limit: number; offset: number }): Promise<${e.pascal}Record[]>;
  get(id: string): Promise<${e.pascal}Record | undefined>;
  save(record: ${e.pascal}Record): Promise<void>;
  archive(id: string): Promise<${e.pascal}Record | undefined>;
  restore(id: string): Promise<${e.pascal}Record | undefined>;
  approve(id: string): Promise<${e.pascal}Record | undefined>;
  export(id: string): Promise<${e.pascal}Record | undefined>;
  duplicate(id: string): Promise<${e.pascal}Record | undefined>;
}`,
      `export function ${e.camel}Routes(store: ${e.pascal}Store): Router {
  const router = Router();

  router.get('/${e.plural}', async (request: Request, response: Response, next: NextFunction) => {
    const limit = Math.min(Number(request.query.limit ?? ${random.pick([20, 50])}), 200);
    const offset = Number(request.query.offset ?? 0);
    try {
      response.json(await store.list({ limit, offset }));
    } catch (error) {
      next(error);
    }
  });

  router.get('/${e.plural}/:id', async (request: Request, response: Response, next: NextFunction) => {
    try {
      const item = await store.get(request.params.id ?? '');
      if (item) response.json(item);
      else response.sendStatus(404);
    } catch (error) {
      next(error);
    }
  });

  router.put('/${e.plural}/:id', async (request: Request, response: Response, next: NextFunction) => {
    const body = request.body as Partial<${e.pascal}Record>;
    if (typeof body !== 'object' || body === null) {
      response.status(400).json({ error: 'expected a JSON object' });
      return;
    }
    try {
      await store.save({ ...body, id: request.params.id ?? '' } as ${e.pascal}Record);
      response.sendStatus(204);
    } catch (error) {
      next(error);
    }
  });

${routes.join('\n\n').replace(/^/gm, '  ').replace(/^ +$/gm, '')}

  return router;
}`,
      ...helpers(random, e, 0, 3),
    ]);
  },
};

const serviceClass: Template = {
  kind: 'service-class',
  extension: '.ts',
  folder: 'services',
  weight: 2,
  render(random, e) {
    const ttl = random.pick([30_000, 60_000, 300_000]);
    return joinBlocks([
      `import { EventEmitter } from 'node:events';`,
      `export interface ${e.pascal}Entity {\n  readonly id: string;\n  version: number;\n${interfaceFields(random)}\n}`,
      `export interface ${e.pascal}Repository {
  findById(id: string): Promise<${e.pascal}Entity | null>;
  findMany(ids: readonly string[]): Promise<${e.pascal}Entity[]>;
  upsert(entity: ${e.pascal}Entity): Promise<${e.pascal}Entity>;
}`,
      `type CacheEntry<T> = { readonly value: T; readonly expiresAt: number };`,
      `export class ${e.pascal}Service extends EventEmitter {
  static readonly defaultTtl = ${ttl};
  readonly #cache = new Map<string, CacheEntry<${e.pascal}Entity>>();
  #hits = 0;
  #misses = 0;

  constructor(
    private readonly repository: ${e.pascal}Repository,
    private readonly ttl: number = ${e.pascal}Service.defaultTtl,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  get hitRate(): number {
    const total = this.#hits + this.#misses;
    return total === 0 ? 0 : this.#hits / total;
  }

  async get(id: string): Promise<${e.pascal}Entity | null> {
    const cached = this.#cache.get(id);
    if (cached && cached.expiresAt > this.now()) {
      this.#hits++;
      return cached.value;
    }
    this.#misses++;
    const entity = await this.repository.findById(id);
    if (entity) this.#cache.set(id, { value: entity, expiresAt: this.now() + this.ttl });
    return entity;
  }

  async getMany(ids: readonly string[]): Promise<Map<string, ${e.pascal}Entity>> {
    const missing = ids.filter((id) => !this.#cache.has(id));
    const loaded = missing.length > 0 ? await this.repository.findMany(missing) : [];
    for (const entity of loaded) this.#cache.set(entity.id, { value: entity, expiresAt: this.now() + this.ttl });
    return new Map(ids.flatMap((id) => {
      const entry = this.#cache.get(id);
      return entry ? [[id, entry.value] as const] : [];
    }));
  }

  async update(id: string, change: (entity: ${e.pascal}Entity) => void): Promise<${e.pascal}Entity> {
    const current = await this.get(id);
    if (!current) throw new Error(\`${e.camel} \${id} does not exist\`);
    const next = structuredClone(current);
    change(next);
    next.version = current.version + 1;
    const saved = await this.repository.upsert(next);
    this.#cache.delete(id);
    this.emit('${e.camel}Changed', saved);
    return saved;
  }

  clear(): void {
    this.#cache.clear();
    this.#hits = this.#misses = 0;
  }
}`,
      ...helpers(random, e, 0, 4),
    ]);
  },
};

const storeReducer: Template = {
  kind: 'store-reducer',
  extension: '.ts',
  folder: 'store',
  weight: 1,
  render(random, e) {
    const P = e.pascal;
    return joinBlocks([
      `export interface ${P}Item {\n  id: string;\n${interfaceFields(random)}\n}`,
      `export interface ${P}State {
  readonly byId: Readonly<Record<string, ${P}Item>>;
  readonly selected: string | null;
  readonly status: 'idle' | 'loading' | 'failed';
  readonly error?: string;
}`,
      `export type ${P}Action =
  | { type: '${e.camel}/loaded'; items: ${P}Item[] }
  | { type: '${e.camel}/selected'; id: string | null }
  | { type: '${e.camel}/removed'; id: string }
  | { type: '${e.camel}/loading' }
  | { type: '${e.camel}/failed'; error: string };`,
      `export const initial${P}State: ${P}State = { byId: {}, selected: null, status: 'idle' };`,
      `export function ${e.camel}Reducer(state: ${P}State = initial${P}State, action: ${P}Action): ${P}State {
  switch (action.type) {
    case '${e.camel}/loading':
      return { ...state, status: 'loading', error: undefined };
    case '${e.camel}/loaded':
      return {
        ...state,
        status: 'idle',
        byId: Object.fromEntries(action.items.map((item) => [item.id, item])),
      };
    case '${e.camel}/selected':
      return { ...state, selected: action.id };
    case '${e.camel}/removed': {
      const { [action.id]: _removed, ...rest } = state.byId;
      return { ...state, byId: rest, selected: state.selected === action.id ? null : state.selected };
    }
    case '${e.camel}/failed':
      return { ...state, status: 'failed', error: action.error };
    default: {
      const unexpected: never = action;
      return unexpected;
    }
  }
}`,
      `export const select${P}s = (state: { ${e.camel}: ${P}State }): ${P}Item[] => Object.values(state.${e.camel}.byId);
export const selectSelected${P} = (state: { ${e.camel}: ${P}State }): ${P}Item | undefined =>
  state.${e.camel}.selected === null ? undefined : state.${e.camel}.byId[state.${e.camel}.selected];`,
      ...helpers(random, e, 0, 2),
    ]);
  },
};

const utilities: Template = {
  kind: 'utilities',
  extension: '.ts',
  folder: 'utils',
  weight: 2,
  render(random, e) {
    return joinBlocks([
      `export function parse${e.pascal}Id(value: string): number;
export function parse${e.pascal}Id(value: string | undefined): number | undefined;
export function parse${e.pascal}Id(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^${e.camel.slice(0, 3).toUpperCase()}-(\\d+)$/.exec(value.trim());
  if (!match) throw new SyntaxError(\`not a ${e.camel} id: \${value}\`);
  return Number(match[1]);
}`,
      `export type ${e.pascal}Key = \`${e.camel}:\${string}\`;`,
      `export const to${e.pascal}Key = (id: string | number): ${e.pascal}Key => \`${e.camel}:\${id}\`;`,
      `export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}`,
      ...helpers(random, e, 2, 7),
    ]);
  },
};

const models: Template = {
  kind: 'models',
  extension: '.ts',
  folder: 'models',
  weight: 2,
  render(random, e) {
    const states = random.sample(['Draft', 'Submitted', 'Approved', 'Rejected', 'Cancelled', 'Completed', 'OnHold'], random.int(3, 6));
    return joinBlocks([
      `export enum ${e.pascal}Status {\n${states.map((state) => `  ${state} = '${state.toLowerCase()}',`).join('\n')}\n}`,
      `export interface ${e.pascal} {\n  readonly id: string;\n  status: ${e.pascal}Status;\n${interfaceFields(random)}\n}`,
      `export interface ${e.pascal}Page {\n  readonly items: readonly ${e.pascal}[];\n  readonly nextCursor?: string;\n}`,
      `export type ${e.pascal}Patch = Partial<Omit<${e.pascal}, 'id'>> & Pick<${e.pascal}, 'id'>;`,
      `export function is${e.pascal}(value: unknown): value is ${e.pascal} {
  return typeof value === 'object' && value !== null && 'id' in value && 'status' in value;
}`,
      `export abstract class ${e.pascal}Rule {
  abstract readonly name: string;
  abstract applies(item: ${e.pascal}): boolean;

  check(items: readonly ${e.pascal}[]): string[] {
    return items.filter((item) => this.applies(item)).map((item) => \`\${this.name}: \${item.id}\`);
  }
}`,
      `export const ${e.camel}Transitions: Readonly<Record<${e.pascal}Status, readonly ${e.pascal}Status[]>> = {
${states.map((state, i) => `  [${e.pascal}Status.${state}]: [${states.slice(i + 1, i + 3).map((next) => `${e.pascal}Status.${next}`).join(', ')}],`).join('\n')}
};`,
      ...helpers(random, e, 0, 3),
    ]);
  },
};

const angularComponent: Template = {
  kind: 'angular-component',
  extension: '.ts',
  folder: 'app',
  weight: 1,
  render(random, e) {
    const selector = `app-${e.kebab}`;
    return joinBlocks([
      `import { Component, EventEmitter, Input, OnDestroy, OnInit, Output } from '@angular/core';
import { Subject, debounceTime, distinctUntilChanged, takeUntil } from 'rxjs';`,
      `export interface ${e.pascal}Row {\n  id: string;\n${interfaceFields(random)}\n}`,
      `@Component({
  selector: '${selector}',
  template: \`
    <input (input)="search$.next($any($event.target).value)" placeholder="Search ${e.plural}" />
    <ul>
      <li *ngFor="let row of rows" (click)="picked.emit(row)">{{ row.id }}</li>
    </ul>
  \`,
})
export class ${capitalize(e.adjective)}${e.pascal}Component implements OnInit, OnDestroy {
  @Input() rows: ${e.pascal}Row[] = [];
  @Input({ required: ${random.chance(0.5)} }) title = '${capitalize(e.plural)}';
  @Output() readonly picked = new EventEmitter<${e.pascal}Row>();
  @Output() readonly searched = new EventEmitter<string>();

  readonly search$ = new Subject<string>();
  private readonly destroy$ = new Subject<void>();

  ngOnInit(): void {
    this.search$
      .pipe(debounceTime(${random.pick([150, 250, 400])}), distinctUntilChanged(), takeUntil(this.destroy$))
      .subscribe((term) => this.searched.emit(term));
  }

  ngOnDestroy(): void {
    this.destroy$.next();
    this.destroy$.complete();
  }
}`,
      ...helpers(random, e, 0, 2),
    ]);
  },
};

const vueComposable: Template = {
  kind: 'vue-composable',
  extension: '.ts',
  folder: 'composables',
  weight: 1,
  render(random, e) {
    return joinBlocks([
      `import { computed, onMounted, onUnmounted, ref, watch } from 'vue';
import type { Ref } from 'vue';`,
      `export interface ${e.pascal}Filter {\n  text: string;\n  onlyMine: boolean;\n}`,
      `export function use${e.pascal}Search(source: Ref<readonly { id: string; name: string; owner: string }[]>, me: string) {
  const filter = ref<${e.pascal}Filter>({ text: '', onlyMine: ${random.chance(0.5)} });
  const results = computed(() =>
    source.value.filter(
      (item) => item.name.toLowerCase().includes(filter.value.text.toLowerCase()) && (!filter.value.onlyMine || item.owner === me),
    ),
  );
  const width = ref(window.innerWidth);
  const onResize = (): void => {
    width.value = window.innerWidth;
  };

  onMounted(() => window.addEventListener('resize', onResize));
  onUnmounted(() => window.removeEventListener('resize', onResize));
  watch(
    () => filter.value.text,
    (text, previous) => {
      if (text.length > ${random.int(20, 80)}) filter.value.text = previous;
    },
  );

  return { filter, results, compact: computed(() => width.value < ${random.pick([600, 768, 960])}) };
}`,
      ...helpers(random, e, 0, 3),
    ]);
  },
};

const nodeScript: Template = {
  kind: 'node-script',
  extension: '.ts',
  folder: 'scripts',
  weight: 1,
  render(random, e) {
    return joinBlocks([
      `#!/usr/bin/env node
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';`,
      `interface ${e.pascal}Row {\n  id: string;\n${interfaceFields(random)}\n}`,
      `function toCsv(rows: readonly ${e.pascal}Row[]): string {
  if (rows.length === 0) return '';
  const columns = Object.keys(rows[0]!) as (keyof ${e.pascal}Row)[];
  const escape = (value: unknown): string => {
    const text = value instanceof Date ? value.toISOString() : String(value ?? '');
    return /[",\\n]/.test(text) ? \`"\${text.replaceAll('"', '""')}"\` : text;
  };
  return [columns.join(','), ...rows.map((row) => columns.map((column) => escape(row[column])).join(','))].join('\\n');
}`,
      `async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      input: { type: 'string', short: 'i', default: 'data/${e.plural}.json' },
      out: { type: 'string', short: 'o', default: 'out/${e.kebab}.csv' },
      limit: { type: 'string', default: '${random.pick([100, 1000, 5000])}' },
    },
  });
  const rows = JSON.parse(await readFile(values.input, 'utf8')) as ${e.pascal}Row[];
  const limited = rows.slice(0, Number(values.limit));
  await mkdir(dirname(values.out), { recursive: true });
  await writeFile(values.out, toCsv(limited));
  console.log(\`wrote \${limited.length} ${e.plural} to \${join(process.cwd(), values.out)}\`);
}`,
      `main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});`,
      ...helpers(random, e, 0, 2),
    ]);
  },
};

const unitTest: Template = {
  kind: 'unit-test',
  extension: '.ts',
  folder: 'test',
  weight: 2,
  render(random, e) {
    const cases = random.int(2, 6);
    const its: string[] = [];
    for (let i = 0; i < cases; i++) {
      const a = random.int(0, 100);
      const b = random.int(0, 100);
      its.push(`  it('handles case ${i + 1}', async () => {
    const service = create${e.pascal}Fixture({ id: '${e.camel}-${i}', score: ${a} });
    await service.bump(${b});
    expect(service.current().score).toBe(${a + b});
    expect(service.history()).toHaveLength(1);
  });`);
    }
    return joinBlocks([
      `import { beforeEach, describe, expect, it, vi } from 'vitest';`,
      `interface ${e.pascal}Fixture {\n  id: string;\n  score: number;\n}`,
      `function create${e.pascal}Fixture(initial: ${e.pascal}Fixture) {
  let state = { ...initial };
  const history: ${e.pascal}Fixture[] = [];
  return {
    async bump(by: number): Promise<void> {
      await Promise.resolve();
      history.push(state);
      state = { ...state, score: state.score + by };
    },
    current: () => state,
    history: () => history,
  };
}`,
      `describe('${e.camel} fixture', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

${its.join('\n\n')}
});`,
    ]);
  },
};

/** A WebSocket client whose API looks like a hub connection: the rules must not mistake it for one. */
const socketClient: Template = {
  kind: 'socket-client',
  extension: '.ts',
  folder: 'realtime',
  weight: 1,
  render(random, e) {
    return joinBlocks([
      `type Handler = (...args: unknown[]) => void;`,
      `/** A thin JSON-RPC client over a plain WebSocket. */
export class SocketConnection {
  private socket: WebSocket | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(reason: unknown): void }>();
  private readonly handlers = new Map<string, Handler[]>();

  constructor(private readonly url: string) {}

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url);
      socket.onopen = () => resolve();
      socket.onerror = (event) => reject(event);
      socket.onmessage = (event) => this.dispatch(JSON.parse(String(event.data)));
      this.socket = socket;
    });
  }

  stop(): Promise<void> {
    this.socket?.close();
    return Promise.resolve();
  }

  on(method: string, handler: Handler): void {
    this.handlers.set(method, [...(this.handlers.get(method) ?? []), handler]);
  }

  invoke(method: string, ...args: unknown[]): Promise<unknown> {
    const id = this.nextId++;
    this.socket?.send(JSON.stringify({ id, method, args }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  private dispatch(message: { id?: number; method?: string; result?: unknown; error?: string; args?: unknown[] }): void {
    if (message.id !== undefined) {
      const call = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) call?.reject(new Error(message.error));
      else call?.resolve(message.result);
    } else if (message.method) {
      for (const handler of this.handlers.get(message.method) ?? []) handler(...(message.args ?? []));
    }
  }
}`,
      `export class ConnectionBuilder {
  private url = '';
  withUrl(url: string, _options: { skipNegotiation?: boolean } = {}): this {
    this.url = url;
    return this;
  }
  build(): SocketConnection {
    return new SocketConnection(this.url);
  }
}`,
      `export async function follow${e.pascal}(room: string): Promise<SocketConnection> {
  const connection = new ConnectionBuilder().withUrl('wss://realtime.example.com/${e.plural}', { skipNegotiation: ${random.chance(0.5)} }).build();
  await connection.start();
  connection.invoke('JoinGroup', room);
  connection.on('${e.camel}Updated', (payload) => console.debug('${e.camel} updated', payload));
  return connection;
}`,
      ...helpers(random, e, 0, 2),
    ]);
  },
};

/** An old page script on jQuery: `$` everywhere, but no hub connection. */
const legacyPageScript: Template = {
  kind: 'legacy-page-script',
  extension: '.js',
  folder: 'Scripts',
  weight: 1,
  render(random, e) {
    return joinBlocks([
      `// ${capitalize(e.plural)} page of the old site.
$(function () {
  var pageSize = ${random.pick([10, 20, 50])};
  var page = 0;

  function render(items) {
    var list = $('#${e.kebab}-list').empty();
    $.each(items, function (_, item) {
      $('<li>').text(item.name + ' (' + item.id + ')').data('id', item.id).appendTo(list);
    });
  }

  function load() {
    $.ajax({ url: '/api/${e.plural}', data: { skip: page * pageSize, take: pageSize }, dataType: 'json' })
      .done(render)
      .fail(function (xhr) {
        $('#status').text('Could not load ${e.plural}: ' + xhr.status);
      });
  }

  $('#next').on('click', function () {
    page++;
    load();
  });
  $('#${e.kebab}-list').on('click', 'li', function () {
    window.location.href = '/${e.plural}/' + $(this).data('id');
  });
  load();
});`,
    ]);
  },
};

/** Every template of a file that does not use SignalR. */
export const PLAIN_TEMPLATES: readonly Template[] = [
  reactComponent,
  reactHook,
  expressRouter,
  serviceClass,
  storeReducer,
  utilities,
  models,
  angularComponent,
  vueComposable,
  nodeScript,
  unitTest,
  socketClient,
  legacyPageScript,
];
