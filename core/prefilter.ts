// The cheap text check every front end runs before parsing. Kept apart from model.ts so that the
// codemod CLI can prefilter thousands of files without loading the AST libraries.
import type { SignalRSettings } from './settings.js';
import { TEXT_HINTS } from './signalr.js';

/** The hints as one case-insensitive search: one pass over the text, no lower-cased copy of it. */
const HINTS = new RegExp(TEXT_HINTS.map(escapeRegExp).join('|'), 'i');

/** The user's extra module and global names (`settings.signalr`), matched as written; null when none. */
const settingsNames = new WeakMap<SignalRSettings, RegExp | null>();

/**
 * The last answer. ESLint asks once per rule for the same file (the same string), and a codemod run
 * asks once per codemod: each file's text is searched once, however many rules or codemods there are.
 */
let last: { readonly text: string; readonly settings: SignalRSettings; readonly answer: boolean } | undefined;

/** Cheap text check: false means the file cannot use SignalR or Web PubSub, and needs no parse or walk. */
export function mayUseSignalR(text: string, settings: SignalRSettings): boolean {
  // Identical strings compare by reference first, so a repeated question costs next to nothing.
  if (last && last.settings === settings && last.text === text) return last.answer;
  const answer = HINTS.test(text) || (namesPattern(settings)?.test(text) ?? false);
  last = { text, settings, answer };
  return answer;
}

/**
 * True when `mayUseSignalR` can be asked about the bytes of a file decoded as Latin-1, which is
 * cheaper than UTF-8 and never fails: the hints are ASCII, and no Latin-1 character matches an ASCII
 * letter case-insensitively. Only a non-ASCII module or global name in the settings needs UTF-8.
 */
export function latin1Suffices(settings: SignalRSettings): boolean {
  return [...settings.modules, ...settings.globals].every((name) => /^[\x20-\x7e]*$/.test(name));
}

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
