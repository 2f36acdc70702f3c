// The script blocks of pages that are not JavaScript themselves: Vue single-file components
// (`<script>`, `<script setup>`) and the inline `<script>`s of HTML, Razor (.cshtml) and Web Forms
// (.aspx) pages. The codemods see each block as a file of its own; everything outside the blocks is
// kept byte for byte when their output is spliced back.
//
// Text only, no parser: an HTML page is scanned for `<script>` tags the way a browser ends a script
// (at the first `</script`), a Vue component for its top-level blocks the way Vue's compiler does.
// A block whose text holds server-side template syntax (Razor `@`, `<% %>`, `<? ?>`, `{{ }}`,
// `{% %}`) is not JavaScript until the server renders it, so it is listed as unsafe, never changed.

/** How a page holds its scripts. */
export type PageKind = 'vue' | 'html' | 'razor' | 'webforms';

const PAGE_KINDS: Readonly<Record<string, PageKind>> = {
  '.vue': 'vue',
  '.html': 'html',
  '.htm': 'html',
  '.cshtml': 'razor',
  '.aspx': 'webforms',
  '.ascx': 'webforms',
  '.master': 'webforms',
};

export type ScriptLanguage = 'js' | 'jsx' | 'ts' | 'tsx';

export interface ScriptBlock {
  /** Offsets of the block's content (between the tags) in the page. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly language: ScriptLanguage;
  /**
   * The block shares its top-level scope with the page's other sharing blocks: a Vue component's
   * `<script>` and `<script setup>` become one module; a page's classic scripts share the global scope.
   */
  readonly sharesScope: boolean;
}

/** A block left alone because server-side syntax makes it something other than JavaScript. */
export interface UnsafeBlock {
  readonly block: ScriptBlock;
  /** Where the syntax is, in the page: 1-based line and column. */
  readonly line: number;
  readonly column: number;
  readonly reason: string;
}

export interface PageScripts {
  /** The blocks the codemods may change, in page order. */
  readonly blocks: readonly ScriptBlock[];
  readonly unsafe: readonly UnsafeBlock[];
}

/** The page kind of a file by its extension, or undefined for a file that is a script itself. */
export function pageKindOf(path: string): PageKind | undefined {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : PAGE_KINDS[path.slice(dot).toLowerCase()];
}

export function findScriptBlocks(page: string, kind: PageKind): PageScripts {
  const blocks: ScriptBlock[] = [];
  const unsafe: UnsafeBlock[] = [];
  for (const block of kind === 'vue' ? vueScripts(page) : htmlScripts(page)) {
    const syntax = kind === 'vue' ? undefined : serverSyntax(block.text, kind);
    if (!syntax) blocks.push(block);
    else unsafe.push({ block, ...positionInPage(page, block, syntax.index), reason: syntax.reason });
  }
  return { blocks, unsafe };
}

/** `page` with each block's content replaced by its new text; every other byte as it was. */
export function spliceBlocks(page: string, replacements: readonly { readonly block: ScriptBlock; readonly text: string }[]): string {
  let result = '';
  let at = 0;
  for (const { block, text } of [...replacements].sort((a, b) => a.block.start - b.block.start)) {
    result += page.slice(at, block.start) + text;
    at = block.end;
  }
  return result + page.slice(at);
}

/**
 * The page position (1-based line and column) of a position in a block's text as the codemods saw it
 * (`outdented` by `indent`): `line` and `column` 1-based. A block's first line starts after its
 * opening tag and is never outdented.
 */
export function pagePosition(page: string, block: ScriptBlock, indent: string, line: number, column: number): { readonly line: number; readonly column: number } {
  const start = positionInPage(page, block, 0);
  if (line === 1) return { line: start.line, column: start.column + column - 1 };
  const text = block.text.split('\n')[line - 1] ?? '';
  return { line: start.line + line - 1, column: column + (isBlank(text) ? 0 : indent.length) };
}

/**
 * The indentation every line of a block has in common (after its first, which follows the opening
 * tag; lines of only whitespace do not count): inline scripts are usually indented with the page.
 */
export function commonIndent(text: string): string {
  let common: string | undefined;
  for (const line of text.split('\n').slice(1)) {
    if (isBlank(line)) continue;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (common === undefined) common = indent;
    else {
      let length = 0;
      while (length < common.length && length < indent.length && common[length] === indent[length]) length++;
      common = common.slice(0, length);
    }
  }
  return common ?? '';
}

/**
 * The block's text without `indent` at the start of its lines (but the first, and lines of only
 * whitespace), so that code the codemods add lines up with it; `indented` puts it back. Together they
 * give back every line they touch exactly, template literals included.
 */
export function outdented(text: string, indent: string): string {
  if (indent === '') return text;
  return text
    .split('\n')
    .map((line, index) => (index === 0 || isBlank(line) ? line : line.slice(indent.length)))
    .join('\n');
}

export function indented(text: string, indent: string): string {
  if (indent === '') return text;
  return text
    .split('\n')
    .map((line, index) => (index === 0 || isBlank(line) ? line : indent + line))
    .join('\n');
}

function isBlank(line: string): boolean {
  return /^\s*$/.test(line);
}

/** 1-based line and column of `offset` in the block's content, in the page. */
function positionInPage(page: string, block: ScriptBlock, offset: number): { readonly line: number; readonly column: number } {
  const absolute = block.start + offset;
  let line = 1;
  let lineStart = 0;
  for (let index = page.indexOf('\n'); index >= 0 && index < absolute; index = page.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: absolute - lineStart + 1 };
}

// ---- HTML pages ----

/** Script types that hold JavaScript (no type at all is JavaScript too). */
const JAVASCRIPT_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'text/ecmascript', 'application/ecmascript', 'module']);

function htmlScripts(page: string): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  const lower = page.toLowerCase();
  for (let at = 0; at < page.length; ) {
    const open = nextTag(lower, at, 'script');
    if (!open) break;
    const tag = readTag(page, open.end);
    if (!tag) break;
    const end = closingTag(lower, tag.end, 'script');
    const attributes = tag.attributes;
    const type = (attributes.get('type') ?? '').trim().toLowerCase();
    if (!attributes.has('src') && JAVASCRIPT_TYPES.has(type)) {
      blocks.push({ start: tag.end, end, text: page.slice(tag.end, end), language: 'js', sharesScope: type !== 'module' });
    }
    at = end;
  }
  return blocks;
}

/** The first server-side template construct in a script, or undefined. */
function serverSyntax(text: string, kind: Exclude<PageKind, 'vue'>): { readonly index: number; readonly reason: string } | undefined {
  const found: { index: number; reason: string }[] = [];
  const look = (pattern: RegExp, reason: string): void => {
    const match = pattern.exec(text);
    if (match) found.push({ index: match.index, reason });
  };
  if (kind === 'razor') look(/@/, 'this script holds Razor syntax (`@`), so it is not JavaScript until the server renders it');
  look(/<%/, 'this script holds server-side template syntax (`<% %>`), so it is not JavaScript until the server renders it');
  look(/<\?/, 'this script holds server-side template syntax (`<? ?>`), so it is not JavaScript until the server renders it');
  look(/\{\{|\{%/, 'this script holds template syntax (`{{ }}` or `{% %}`), so it is not JavaScript until a template engine renders it');
  return found.sort((a, b) => a.index - b.index)[0];
}

// ---- Vue single-file components ----

const VUE_LANGUAGES: Readonly<Record<string, ScriptLanguage>> = { '': 'js', js: 'js', jsx: 'jsx', ts: 'ts', tsx: 'tsx' };

/** The component's top-level `<script>` blocks. Other top-level blocks (`<template>`, `<style>`, custom ones) are passed over whole. */
function vueScripts(page: string): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  const lower = page.toLowerCase();
  for (let at = 0; at < page.length; ) {
    const next = page.indexOf('<', at);
    if (next < 0) break;
    if (page.startsWith('<!--', next)) {
      const close = page.indexOf('-->', next + 4);
      at = close < 0 ? page.length : close + 3;
      continue;
    }
    const name = /^<([a-zA-Z][\w-]*)/.exec(page.slice(next, next + 64))?.[1]?.toLowerCase();
    if (!name) {
      at = next + 1;
      continue;
    }
    const tag = readTag(page, next + 1 + name.length);
    if (!tag) break;
    if (tag.selfClosing) {
      at = tag.end;
      continue;
    }
    const end = name === 'template' ? closingTemplate(lower, tag.end) : closingTag(lower, tag.end, name);
    const language = VUE_LANGUAGES[(tag.attributes.get('lang') ?? '').trim().toLowerCase()];
    if (name === 'script' && !tag.attributes.has('src') && language) {
      blocks.push({ start: tag.end, end, text: page.slice(tag.end, end), language, sharesScope: true });
    }
    const afterClose = page.indexOf('>', end);
    at = afterClose < 0 ? page.length : afterClose + 1;
  }
  return blocks;
}

/** The end of a top-level `<template>`'s content: its own `</template>`, past nested templates and comments. */
function closingTemplate(lower: string, from: number): number {
  let depth = 1;
  for (let at = from; at < lower.length; ) {
    const next = lower.indexOf('<', at);
    if (next < 0) break;
    if (lower.startsWith('<!--', next)) {
      const close = lower.indexOf('-->', next + 4);
      at = close < 0 ? lower.length : close + 3;
    } else if (isTagAt(lower, next, '</template')) {
      if (--depth === 0) return next;
      at = next + 1;
    } else {
      if (isTagAt(lower, next, '<template')) {
        const tag = readTag(lower, next + '<template'.length);
        if (tag && !tag.selfClosing) depth++;
      }
      at = next + 1;
    }
  }
  return lower.length;
}

// ---- tags ----

interface Tag {
  /** Offset just after the tag's `>`. */
  readonly end: number;
  readonly selfClosing: boolean;
  /** By lower-case name; a bare attribute has the value ''. */
  readonly attributes: ReadonlyMap<string, string>;
}

/** `<name` followed by whitespace, `/` or `>`, from `from` on; outside HTML comments. */
function nextTag(lower: string, from: number, name: string): { readonly end: number } | undefined {
  for (let at = from; at < lower.length; ) {
    const comment = lower.indexOf('<!--', at);
    const tag = lower.indexOf(`<${name}`, at);
    if (tag < 0) return undefined;
    if (comment >= 0 && comment < tag) {
      const close = lower.indexOf('-->', comment + 4);
      at = close < 0 ? lower.length : close + 3;
      continue;
    }
    if (isTagAt(lower, tag, `<${name}`)) return { end: tag + name.length + 1 };
    at = tag + 1;
  }
  return undefined;
}

function isTagAt(lower: string, at: number, start: string): boolean {
  return lower.startsWith(start, at) && /[\s/>]/.test(lower[at + start.length] ?? '');
}

/** Where a raw-text element's content ends: at `</name` followed by whitespace, `/` or `>`, or at the end of the page. */
function closingTag(lower: string, from: number, name: string): number {
  for (let at = lower.indexOf(`</${name}`, from); at >= 0; at = lower.indexOf(`</${name}`, at + 1)) {
    if (isTagAt(lower, at, `</${name}`)) return at;
  }
  return lower.length;
}

/** The attributes of a start tag whose name ends at `from`, up to its `>`; undefined when it never ends. */
function readTag(page: string, from: number): Tag | undefined {
  const attributes = new Map<string, string>();
  const attribute = /\s*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?|\s*(\/?>)|\s*\//y;
  for (let at = from; at < page.length; ) {
    attribute.lastIndex = at;
    const match = attribute.exec(page);
    if (!match) return undefined;
    at = attribute.lastIndex;
    if (match[5]) return { end: at, selfClosing: match[5] === '/>', attributes };
    if (match[1]) attributes.set(match[1].toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '');
  }
  return undefined;
}
