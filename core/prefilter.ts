// The cheap text check every front end runs before parsing. Kept apart from model.ts so that the
// codemod CLI can prefilter thousands of files without loading the AST libraries.
import type { SignalRSettings } from './settings.js';
import { TEXT_HINTS } from './signalr.js';

/** Cheap text check: false means the file cannot use SignalR or Web PubSub, and needs no parse or walk. */
export function mayUseSignalR(text: string, settings: SignalRSettings): boolean {
  const lower = text.toLowerCase();
  if (TEXT_HINTS.some((hint) => lower.includes(hint))) return true;
  return [...settings.modules, ...settings.globals].some((name) => text.includes(name));
}
