// The other direction across files: could some module of the project that receives a connection from
// this one add the reconnect logic it lacks? A factory's connection is started, and restarted, by its
// importers, which a module cannot see by its imports. The question is answered from the project's
// files' text, never parsed: a module that registers an `onclose` restart (or adds automatic
// reconnect, or the classic `disconnected`) and either names this module or one of its exports, or
// builds no connection of its own (so it works on one it was given). Anything the scan cannot settle
// (no project root, too many files, an unreadable folder) counts as "may restart": no report.
import { readdirSync } from 'node:fs';
import { basename, dirname, extname, join, sep } from 'node:path';

import { moduleText, SOURCE_EXTENSIONS } from './project.js';

/** Files that can hold client code: scripts, and the pages and components that embed them. */
const CLIENT_CODE_EXTENSIONS: ReadonlySet<string> = new Set([...SOURCE_EXTENSIONS, '.vue', '.svelte', '.html', '.cshtml', '.razor', '.aspx']);
/** Folders that hold no project source: packages, build output, tool caches (and every dot-folder). */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'bin', 'obj', 'vendor', 'bower_components']);
/** Past this many files the scan gives up: the answer would cost more than it is worth. */
const MAX_PROJECT_FILES = 5000;
const MAX_FOLDER_DEPTH = 12;
/** How long a project's file list is reused: a lint run, not an editor session. */
const LISTING_LIFETIME_MS = 10_000;

/**
 * Text that restarts or reconnects a connection: a close handler, automatic reconnect, the classic
 * `disconnected` event, or a check of the state against `Disconnected` (a watchdog that restarts).
 */
const RESTART_TEXT =
  /\bonclose\s*\(|\bwithAutomaticReconnect\s*\(|\.disconnected\s*\(|\.reconnect\s*\(|\.state\s*[!=]==?\s*(?:[\w.]*HubConnectionState\.Disconnected\b|['"]Disconnected['"])/;
/** Tests and their fakes restart nothing in the running app. */
const TEST_FILE = /(?:^|[\\/])(?:__tests__|__mocks__)[\\/]|\.(?:spec|test)\.[cm]?[jt]sx?$/;
/** A name an importer's text can show. */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Text that builds a connection of its own. */
const BUILDS_TEXT = /\bHubConnectionBuilder\b|\.hubConnection\s*\(/;

interface ProjectFile {
  readonly path: string;
}

const listings = new Map<string, { readonly at: number; readonly files: readonly ProjectFile[] | undefined }>();

/**
 * Could a module of the project other than `file` add reconnect logic to the connections `file`
 * exports under `exportNames`? The project is the folder tree under the nearest `package.json`.
 */
export function mayRestartElsewhere(file: string, exportNames: readonly string[]): boolean {
  const projectFiles = listProject(file);
  if (!projectFiles) return true;
  const moduleName = basename(file, extname(file));
  // `default` and `*` (core/exports.ts) are no word an importer writes; `api.create` is two.
  const words = exportNames.flatMap((name) => name.split('.')).filter((word) => IDENTIFIER.test(word) && word !== 'default');
  const names = [...new Set([moduleName === 'index' ? basename(dirname(file)) : moduleName, ...words])];
  for (const candidate of projectFiles) {
    if (candidate.path === file || TEST_FILE.test(candidate.path)) continue;
    const text = moduleText(candidate.path);
    if (text === undefined || !RESTART_TEXT.test(text)) continue;
    if (!BUILDS_TEXT.test(text) || names.some((name) => text.includes(name))) return true;
  }
  return false;
}

/** The client-code files under the project root of `file`; undefined when that cannot be told. */
function listProject(file: string): readonly ProjectFile[] | undefined {
  const root = projectRoot(dirname(file));
  if (!root) return undefined;
  const cached = listings.get(root);
  if (cached && Date.now() - cached.at < LISTING_LIFETIME_MS) return cached.files;
  const files: ProjectFile[] = [];
  const complete = listFolder(root, 0, files);
  const listing = complete ? files : undefined;
  listings.set(root, { at: Date.now(), files: listing });
  return listing;
}

/** The nearest folder above `folder` with a `package.json` (or a `.git`): where the project's files are. */
function projectRoot(folder: string): string | undefined {
  for (let current = folder; ; current = dirname(current)) {
    let names: string[];
    try {
      names = readdirSync(current);
    } catch {
      return undefined;
    }
    if (names.includes('package.json') || names.includes('.git')) return current;
    if (dirname(current) === current) return undefined;
  }
}

/** False when the folder tree is too large or cannot be read: the caller must not judge then. */
function listFolder(folder: string, depth: number, files: ProjectFile[]): boolean {
  if (depth > MAX_FOLDER_DEPTH) return true;
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = `${folder}${folder.endsWith(sep) ? '' : sep}${entry.name}`;
    if (entry.isDirectory()) {
      if (SKIPPED_FOLDERS.has(entry.name)) continue;
      if (!listFolder(path, depth + 1, files)) return false;
    } else if (entry.isFile() && CLIENT_CODE_EXTENSIONS.has(extname(entry.name))) {
      files.push({ path: join(path) });
      if (files.length > MAX_PROJECT_FILES) return false;
    }
  }
  return true;
}
