// Text edits on a file's own source: insertions and replacements by offset, applied together, so
// that every byte a codemod does not touch stays as it was (recast would reprint whole statements).
// With them, the layout questions an insertion asks: a line's indentation, where a line ends, how to
// add a statement after another, a call to a builder chain, or an argument to a call.
import type { Node } from '../../core/ast.js';
import type { FileStyle } from './style.js';
import { LINE_WIDTH } from './style.js';

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Collects the edits of one transform; `apply` writes them all at once, later offsets first. */
export class TextEdits {
  private readonly edits: TextEdit[] = [];

  constructor(readonly source: string) {}

  get size(): number {
    return this.edits.length;
  }

  insert(at: number, text: string): void {
    this.edits.push({ start: at, end: at, text });
  }

  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text });
  }

  add(...edits: readonly TextEdit[]): void {
    this.edits.push(...edits);
  }

  all(): readonly TextEdit[] {
    return this.edits;
  }

  /** The source with every edit made, or undefined when nothing changes. Insertions at one offset keep their order. */
  apply(): string | undefined {
    if (this.edits.length === 0) return undefined;
    const ordered = this.edits.map((edit, index) => ({ edit, index })).sort((a, b) => b.edit.start - a.edit.start || b.edit.end - a.edit.end || b.index - a.index);
    let result = this.source;
    for (const { edit } of ordered) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
    return result === this.source ? undefined : result;
  }

  text(node: Node): string {
    return this.source.slice(node.range[0], node.range[1]);
  }

  /** The whitespace before the first token on the line holding `offset`. */
  indentAt(offset: number): string {
    return /^[ \t]*/.exec(this.source.slice(this.lineStart(offset)))![0];
  }

  lineStart(offset: number): number {
    return this.source.lastIndexOf('\n', offset - 1) + 1;
  }

  /** The length of the line holding `offset`, without its line end. */
  lineLength(offset: number): number {
    const start = this.lineStart(offset);
    const end = this.source.indexOf('\n', offset);
    return (end < 0 ? this.source.length : end) - start;
  }

  /** `offset`, or past the comment that ends its line (`…; // note`): what follows goes on a new line after it. */
  endOfLine(offset: number): number {
    return endOfLine(this.source, offset);
  }

  /** Adds `statement` (one or more lines, without indentation) on new lines after `after`, indented like it. */
  insertStatementAfter(after: Node, statement: string): void {
    this.add(this.statementAfter(after, statement));
  }

  /** Adds `statement` on new lines before `before` (which starts its line), indented like it. */
  insertStatementBefore(before: Node, statement: string): void {
    this.add(this.statementBefore(before, statement));
  }

  /** The edit `insertStatementAfter` makes, for a caller that collects edits to make all together or not at all. */
  statementAfter(after: Node, statement: string): TextEdit {
    const indent = this.indentAt(after.range[0]);
    const at = this.endOfLine(after.range[1]);
    return { start: at, end: at, text: `\n${indentLines(statement, indent)}` };
  }

  /** The edit `insertStatementBefore` makes. */
  statementBefore(before: Node, statement: string): TextEdit {
    const indent = this.indentAt(before.range[0]);
    return { start: before.range[0], end: before.range[0], text: `${indentLines(statement, indent).slice(indent.length)}\n${indent}` };
  }
}

/** `offset`, or past the comment that ends its line in `source` (`…; // note`). */
export function endOfLine(source: string, offset: number): number {
  const rest = /^[ \t]*(?:\/\/[^\n]*|\/\*[^\n]*?\*\/[ \t]*)?(?=\n|$)/.exec(source.slice(offset));
  return rest ? offset + rest[0].length : offset;
}

/** Indents every non-empty line of `text` by `indent`. */
export function indentLines(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : indent + line))
    .join('\n');
}

/**
 * Adds `.call` to a method chain right before the member access `dot` (the offset of the `.` of the
 * next call, e.g. `.build`), the way the chain is laid out:
 * - a chain written one call per line gets the call on a line of its own;
 * - a chain written on one line keeps it there when the line stays within LINE_WIDTH; otherwise the
 *   whole chain is broken one call per line, indented one step below its statement, as Prettier
 *   breaks member chains. `dots` are the offsets of every `.` of the chain, head first.
 */
export function addChainCall(edits: TextEdits, style: FileStyle, dots: readonly number[], dot: number, call: string): void {
  const source = edits.source;
  const previousDot = dots.filter((offset) => offset < dot).at(-1);
  const lineBreakBefore = /\n[ \t]*$/.exec(source.slice(0, dot));
  if (lineBreakBefore) {
    edits.insert(dot, `${call}\n${edits.indentAt(dot)}`);
    return;
  }
  if (edits.lineLength(dot) + call.length <= LINE_WIDTH || previousDot === undefined) {
    edits.insert(dot, call);
    return;
  }
  const indent = edits.indentAt(dot) + style.indent;
  // The head (`new signalR.HubConnectionBuilder()`) stays; every call after a call goes on its own line.
  const breaks = dots.filter((offset) => source.slice(0, offset).trimEnd().endsWith(')'));
  for (const offset of breaks) {
    const spaceStart = offset - /[ \t]*$/.exec(source.slice(0, offset))![0].length;
    edits.replace(spaceStart, offset, `\n${indent}`);
    if (offset === dot) edits.insert(dot, `${call}\n${indent}`);
  }
}
