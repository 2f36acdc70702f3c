// The cheap text check every front end runs before parsing. Kept apart from model.ts so that the
// codemod CLI can prefilter thousands of files without loading the AST libraries.
//
// A lint run asks about the same text once per rule: whether it can use SignalR, and for the rules
// about code that need not name SignalR (TLS settings, JWT libraries, connection strings), whether
// it matches their own filter. All these questions share one search of the text: a single regular
// expression that matches wherever any of them could. Most files match nowhere, and that one search
// answers every rule; a file that matches somewhere has each filter tested on it once.
import type { SignalRSettings } from './settings.js';
import { TEXT_HINTS } from './signalr.js';

/** The hints as one case-insensitive search: one pass over the text, no lower-cased copy of it. */
const HINTS = new RegExp(TEXT_HINTS.map(escapeRegExp).join('|'), 'i');

/** Flags a filter may have and still join the shared search (case-insensitive: a superset of any case). */
const SHAREABLE_FLAGS = /^i?$/;
/** Back-references and named groups would change meaning, or clash, inside the shared search. */
const UNSHAREABLE_SOURCE = /\\[1-9k]|\(\?</;

/**
 * The filters the rules asked about so far, besides the hints. A module-level filter is registered
 * with its first question: after the first file, the shared search covers them all.
 */
const filters = new Set<RegExp>();

/** The shared search for each settings object, rebuilt when a filter joins. */
let sharedSearches = new WeakMap<SignalRSettings, RegExp>();

/** What is known about the last text asked about; ESLint asks once per rule for the same string. */
interface TextAnswers {
  readonly text: string;
  readonly settings: SignalRSettings;
  /** False when the shared search found nothing: then every filter's answer is false. */
  readonly anyMatch: boolean;
  /** Per filter (HINTS standing for "may use SignalR"), tested only when asked; made on the first question. */
  answers: Map<RegExp, boolean> | undefined;
}
let last: TextAnswers | undefined;

/** Cheap text check: false means the file cannot use SignalR or Web PubSub, and needs no parse or walk. */
export function mayUseSignalR(text: string, settings: SignalRSettings): boolean {
  return answer(text, settings, HINTS);
}

/**
 * `filter.test(text)`, answered with the text check: a text that the shared search finds nothing in is
 * not searched again, and a text is searched at most once per filter. For rules whose own filter
 * replaces `mayUseSignalR` (a module-level RegExp without the `g` or `y` flag).
 */
export function textMatches(text: string, settings: SignalRSettings, filter: RegExp): boolean {
  // Checked once per filter: a registered filter is known to be shareable.
  if (!filters.has(filter) && !registerTextFilter(filter)) return filter.test(text);
  return answer(text, settings, filter);
}

/**
 * Adds `filter` to the shared search before any text is asked about it; false when it cannot join
 * (flags other than `i`, back-references, named groups). For rules that declare their filters up front.
 */
export function registerTextFilter(filter: RegExp): boolean {
  if (filters.has(filter)) return true;
  if (!SHAREABLE_FLAGS.test(filter.flags) || UNSHAREABLE_SOURCE.test(filter.source)) return false;
  filters.add(filter);
  sharedSearches = new WeakMap();
  last = undefined;
  return true;
}

/**
 * False when the shared search finds nothing in `text`: no SignalR hint, none of the settings' names,
 * no registered filter. Then every `mayUseSignalR` and `textMatches` question about it is false.
 */
export function mayMatchAnyFilter(text: string, settings: SignalRSettings): boolean {
  answer(text, settings, HINTS);
  return last!.anyMatch;
}

/**
 * True when `mayUseSignalR` can be asked about the bytes of a file decoded as Latin-1, which is
 * cheaper than UTF-8 and never fails: the hints are ASCII, and no Latin-1 character matches an ASCII
 * letter case-insensitively. Only a non-ASCII module or global name in the settings needs UTF-8.
 */
export function latin1Suffices(settings: SignalRSettings): boolean {
  return [...settings.modules, ...settings.globals].every((name) => /^[\x20-\x7e]*$/.test(name));
}

/**
 * The most bytes (UTF-8) one match of `mayUseSignalR` can span: a text searched in chunks must carry
 * this many bytes less one from each chunk into the next, or a hint across the cut goes unseen.
 */
export function longestHintBytes(settings: SignalRSettings): number {
  const encoder = new TextEncoder();
  return Math.max(...[...TEXT_HINTS, ...settings.modules, ...settings.globals].map((hint) => encoder.encode(hint).length));
}

/** One filter's own answer (HINTS: with the settings' names). */
function test(text: string, settings: SignalRSettings, filter: RegExp): boolean {
  return filter === HINTS ? HINTS.test(text) || (namesPattern(settings)?.test(text) ?? false) : filter.test(text);
}

// Asked by every rule on every file: nothing is allocated for a text the shared search finds nothing in.
function answer(text: string, settings: SignalRSettings, filter: RegExp): boolean {
  // Identical strings compare by reference first, so a repeated question costs next to nothing.
  if (!last || last.settings !== settings || last.text !== text) {
    // Without other filters the shared search is the SignalR question itself: no second search.
    const anyMatch = filters.size === 0 ? test(text, settings, filter) : sharedSearch(settings).test(text);
    last = { text, settings, anyMatch, answers: undefined };
  }
  if (!last.anyMatch) return false;
  // Without other filters, the shared search was this filter's own.
  if (filters.size === 0) return true;
  last.answers ??= new Map();
  let known = last.answers.get(filter);
  if (known === undefined) last.answers.set(filter, (known = test(text, settings, filter)));
  return known;
}

/** One case-insensitive search for the hints, the settings' names and every registered filter. */
function sharedSearch(settings: SignalRSettings): RegExp {
  let search = sharedSearches.get(settings);
  if (!search) {
    const names = namesPattern(settings);
    const sources = [HINTS.source, ...(names ? [names.source] : []), ...[...filters].map((filter) => filter.source)];
    search = new RegExp(sources.map((source) => `(?:${source})`).join('|'), 'i');
    sharedSearches.set(settings, search);
  }
  return search;
}

/** The user's extra module and global names (`settings.signalr`), matched as written; null when none. */
const settingsNames = new WeakMap<SignalRSettings, RegExp | null>();

function namesPattern(settings: SignalRSettings): RegExp | null {
  let pattern = settingsNames.get(settings);
  if (pattern === undefined) {
    const names = [...settings.modules, ...settings.globals];
    pattern = names.length === 0 ? null : new RegExp(names.map(escapeRegExp).join('|'));
    settingsNames.set(settings, pattern);
  }
  return pattern;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
