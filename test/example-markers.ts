// The `// expect: <rule-id>` markers of examples/ (see docs/contributing.md, "examples/ markers").

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
