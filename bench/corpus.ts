// A deterministic corpus of realistic TypeScript/TSX (and a few jQuery-era .js) files, a chosen
// fraction of which use SignalR in the shapes of `examples/`. The benchmarks lint and transform it;
// the robustness tests reuse its plain templates as programs that must not trouble any rule.
//
//   tsx bench/corpus.ts [--files 5000] [--signalr-fraction 0.02] [--seed 20261122] [--out bench/corpus]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import type { Template } from './templates/plain.js';
import { PLAIN_TEMPLATES } from './templates/plain.js';
import { deriveSeed, pickEntity, Random } from './templates/random.js';
import { SIGNALR_TEMPLATES } from './templates/signalr.js';

export interface CorpusOptions {
  /** How many files. */
  readonly files: number;
  /** Share of the files that use SignalR, in [0, 1]. */
  readonly signalrFraction: number;
  readonly seed: number;
}

export const DEFAULT_CORPUS: CorpusOptions = { files: 5000, signalrFraction: 0.02, seed: 20261122 };

export interface CorpusFile {
  /** Relative, `/`-separated: `packages/app-3/src/components/pending-order-41.tsx`. */
  readonly path: string;
  readonly text: string;
  readonly usesSignalR: boolean;
  /** The template it was made from. */
  readonly kind: string;
}

/** Files per package, so that the tree looks like a monorepo rather than one flat folder. */
const FILES_PER_PACKAGE = 400;

/**
 * The corpus for `options`. File i depends only on the seed, i, and whether it is one of the SignalR
 * files, so a larger corpus with the same seed is mostly a superset of a smaller one.
 */
export function generateCorpus(options: CorpusOptions): CorpusFile[] {
  validate(options);
  const signalrIndices = chooseSignalRIndices(options);
  const files: CorpusFile[] = [];
  for (let index = 0; index < options.files; index++) {
    const usesSignalR = signalrIndices.has(index);
    files.push(renderFile(options.seed, index, usesSignalR ? SIGNALR_TEMPLATES : PLAIN_TEMPLATES, usesSignalR));
  }
  return files;
}

/** `count` files made only from the templates without SignalR. */
export function generatePlainFiles(count: number, seed: number = DEFAULT_CORPUS.seed): CorpusFile[] {
  return generateCorpus({ files: count, signalrFraction: 0, seed });
}

/** One file of every SignalR template (several variants each), for tests that need them all. */
export function generateSignalRFiles(variantsPerTemplate: number, seed: number = DEFAULT_CORPUS.seed): CorpusFile[] {
  const files: CorpusFile[] = [];
  SIGNALR_TEMPLATES.forEach((template, t) => {
    for (let variant = 0; variant < variantsPerTemplate; variant++) {
      files.push(renderFile(seed, t * variantsPerTemplate + variant, [template], true));
    }
  });
  return files;
}

export interface WrittenCorpus {
  readonly root: string;
  readonly files: readonly CorpusFile[];
  readonly bytes: number;
}

/** Writes the corpus under `root`, replacing whatever was there. */
export function writeCorpus(root: string, options: CorpusOptions): WrittenCorpus {
  const files = generateCorpus(options);
  rmSync(root, { recursive: true, force: true });
  const made = new Set<string>();
  let bytes = 0;
  for (const file of files) {
    const target = join(root, file.path);
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, file.text);
    bytes += Buffer.byteLength(file.text);
  }
  return { root, files, bytes };
}

function validate(options: CorpusOptions): void {
  if (!Number.isInteger(options.files) || options.files < 0) throw new RangeError(`files must be a non-negative integer, not ${options.files}`);
  if (!(options.signalrFraction >= 0 && options.signalrFraction <= 1)) {
    throw new RangeError(`signalrFraction must be in [0, 1], not ${options.signalrFraction}`);
  }
}

/** Exactly round(files × fraction) SignalR files, spread over the corpus by a seeded shuffle. */
function chooseSignalRIndices(options: CorpusOptions): Set<number> {
  const count = Math.round(options.files * options.signalrFraction);
  if (count === 0) return new Set();
  const random = new Random(deriveSeed(options.seed, -1));
  const indices = Array.from({ length: options.files }, (_, i) => i);
  return new Set(random.shuffled(indices).slice(0, count));
}

function renderFile(seed: number, index: number, templates: readonly Template[], usesSignalR: boolean): CorpusFile {
  const random = new Random(deriveSeed(seed, index));
  const template = random.weighted(templates.map((candidate) => [candidate.weight, candidate] as const));
  const entity = pickEntity(random);
  const packageName = `app-${Math.floor(index / FILES_PER_PACKAGE)}`;
  const path = `packages/${packageName}/src/${template.folder}/${entity.kebab}-${index}${template.extension}`;
  return { path, text: template.render(random, entity), usesSignalR, kind: template.kind };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      files: { type: 'string', default: String(DEFAULT_CORPUS.files) },
      'signalr-fraction': { type: 'string', default: String(DEFAULT_CORPUS.signalrFraction) },
      seed: { type: 'string', default: String(DEFAULT_CORPUS.seed) },
      out: { type: 'string', default: join(dirname(fileURLToPath(import.meta.url)), 'corpus') },
    },
  });
  const options: CorpusOptions = { files: Number(values.files), signalrFraction: Number(values['signalr-fraction']), seed: Number(values.seed) };
  const corpus = writeCorpus(resolve(values.out), options);
  const signalr = corpus.files.filter((file) => file.usesSignalR);
  writeFileSync(
    join(corpus.root, 'corpus.json'),
    `${JSON.stringify({ ...options, bytes: corpus.bytes, signalrFiles: signalr.map((file) => file.path) }, null, 2)}\n`,
  );
  console.log(`Wrote ${corpus.files.length} files (${signalr.length} with SignalR, ${(corpus.bytes / 1e6).toFixed(1)} MB) to ${corpus.root}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
