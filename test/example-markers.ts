// The `// expect: <rule-id>` markers of examples/ (see docs/contributing.md, "examples/ markers"),
// and for JSON files, which cannot hold comments, the `<file>.expect` sidecar beside them.
import json from '@eslint/json';

import type { JsonValue } from '../core/json.js';
import { isJsonDocument } from '../core/json.js';

/** One rule expected to report on one line. */
export interface Marker {
  readonly ruleId: string;
  /** The 1-based line the rule must report on. */
  readonly line: number;
  /** The 1-based line the marker comment is written on (the same line for a trailing marker). */
  readonly markerLine: number;
}

/** The first wave of the rule catalogue (DESIGN.md); markers may also name any rule the plugin has. */
export const CATALOGUE_RULE_IDS: readonly string[] = [
  'await-group-join',
  'no-connection-per-invocation',
  'no-hub-query-param',
  'no-legacy-tls',
  'no-oversized-claims',
  'no-skip-negotiation',
  'no-token-in-url',
  'require-reconnect',
  'require-stop',
  'valid-reconnect-policy',
];

// `//` must start the line or follow whitespace, so that `https://…` inside a string never counts.
const MARKER = /(?:^|\s)\/\/\s*expect:(.*)$/;

/**
 * The markers of a source text. A marker after code expects a report on its own line; a marker alone
 * on its line expects one on the next line that holds code (blank and comment-only lines are skipped).
 */
export function parseMarkers(text: string): Marker[] {
  const lines = text.split(/\r?\n/);
  const markers: Marker[] = [];
  lines.forEach((lineText, index) => {
    const match = MARKER.exec(lineText);
    if (!match) return;
    const markerLine = index + 1;
    const ruleIds = match[1]!.split(',').map((id) => id.trim());
    if (ruleIds.some((id) => id === '')) throw new Error(`line ${markerLine}: a marker needs comma-separated rule ids, got "${match[0].trim()}"`);
    const standsAlone = lineText.slice(0, match.index).trim() === '';
    const line = standsAlone ? nextCodeLine(lines, index + 1) : markerLine;
    if (line === undefined) throw new Error(`line ${markerLine}: the marker has no code after it`);
    for (const ruleId of ruleIds) markers.push({ ruleId, line, markerLine });
  });
  return markers;
}

function nextCodeLine(lines: readonly string[], from: number): number | undefined {
  for (let index = from; index < lines.length; index++) {
    const text = lines[index]!.trim();
    if (text !== '' && !isCommentOnly(text)) return index + 1;
  }
  return undefined;
}

// A line comment, a whole block comment (bare or in JSX braces), the first line of a longer block
// comment, or a line inside one (` * …`).
function isCommentOnly(trimmedLine: string): boolean {
  if (trimmedLine.startsWith('//') || trimmedLine.startsWith('*')) return true;
  if (!/^\{?\/\*/.test(trimmedLine)) return false;
  const end = trimmedLine.indexOf('*/');
  return end === -1 || /^\}?$/.test(trimmedLine.slice(end + 2).trim());
}

/** The sidecar that holds a JSON file's markers. */
export const JSON_MARKERS_SUFFIX = '.expect';

/**
 * The markers of a JSON file, from its sidecar: one marker a line, a JSON pointer to the value the
 * rule reports (`/bindings/0/methods`) and comma-separated rule ids; `#` starts a comment line.
 * A pointer is resolved against the file, so markers stay right when the file is reformatted.
 */
export function parseJsonMarkers(sidecar: string, jsonText: string): Marker[] {
  const parsed = json.languages.jsonc.parse({ body: jsonText, path: 'markers.json', physicalPath: 'markers.json', bom: false } as never, { languageOptions: {} } as never) as {
    ok: boolean;
    ast?: unknown;
  };
  if (!parsed.ok || !isJsonDocument(parsed.ast)) throw new Error('the JSON file beside the sidecar does not parse');
  const root = parsed.ast.body;
  return sidecar.split(/\r?\n/).flatMap((lineText, index) => {
    const text = lineText.trim();
    if (text === '' || text.startsWith('#')) return [];
    const markerLine = index + 1;
    const match = /^(\/\S*)\s+(.+)$/.exec(text);
    if (!match) throw new Error(`line ${markerLine}: a marker is a JSON pointer and rule ids, got "${text}"`);
    const ruleIds = match[2]!.split(',').map((id) => id.trim());
    if (ruleIds.some((id) => id === '')) throw new Error(`line ${markerLine}: a marker needs comma-separated rule ids, got "${text}"`);
    const value = resolvePointer(root, match[1]!);
    if (!value) throw new Error(`line ${markerLine}: ${match[1]} points at nothing in the JSON file`);
    return ruleIds.map((ruleId) => ({ ruleId, line: value.loc.start.line, markerLine }));
  });
}

/** RFC 6901: `/a/0/b`, with `~1` for `/` and `~0` for `~`. */
function resolvePointer(root: JsonValue, pointer: string): JsonValue | undefined {
  let current: JsonValue | undefined = root;
  for (const token of pointer.split('/').slice(1).map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))) {
    if (current?.type === 'Object') current = current.members.find((member) => member.name.type === 'String' && member.name.value === token)?.value;
    else if (current?.type === 'Array') current = current.elements[Number(token)]?.value;
    else return undefined;
  }
  return current;
}
