// codemods/runner/script-blocks.ts: which blocks of a page are scripts the codemods may change, where
// they are, and that splicing new text in keeps every other byte.
import { describe, expect, it } from 'vitest';

import type { ScriptBlock } from '../../codemods/runner/script-blocks.js';
import { commonIndent, findScriptBlocks, indented, outdented, pageKindOf, pagePosition, spliceBlocks } from '../../codemods/runner/script-blocks.js';

const texts = (blocks: readonly ScriptBlock[]): string[] => blocks.map((block) => block.text);

describe('pageKindOf', () => {
  it('knows pages by extension, whatever the case; scripts are no pages', () => {
    expect(['a.vue', 'a.html', 'a.HTM', 'Views/Home/Index.cshtml', 'Default.aspx', 'Site.Master', 'a.ts', 'a.js', 'vue', 'a.html.js'].map(pageKindOf)).toEqual([
      'vue',
      'html',
      'html',
      'razor',
      'webforms',
      'webforms',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('Vue single-file components', () => {
  const component = [
    '<!-- <script>not this</script> -->',
    '<template>',
    '  <template v-if="ok"><p>&lt;script&gt;</p></template>',
    '  <p>{{ a < b }}</p>',
    '</template>',
    '<script lang="ts">',
    'export default { name: "A" };',
    '</script>',
    '<script setup lang="TSX">',
    'const a = <b />;',
    '</script >',
    '<docs><script>not a script either</script></docs>',
    '<script src="./external.ts"></script>',
    '<style scoped>',
    'p { color: red; }',
    '</style>',
    '',
  ].join('\n');

  it('finds the top-level <script> and <script setup>, with their languages, and nothing in other blocks', () => {
    const { blocks, unsafe } = findScriptBlocks(component, 'vue');
    expect(texts(blocks)).toEqual(['\nexport default { name: "A" };\n', '\nconst a = <b />;\n']);
    expect(blocks.map((block) => [block.language, block.sharesScope])).toEqual([
      ['ts', true],
      ['tsx', true],
    ]);
    expect(unsafe).toEqual([]);
  });

  it('reads the plain JavaScript of a <script> without lang', () => {
    const { blocks } = findScriptBlocks('<script>\nexport default {};\n</script>\n<template><p/></template>\n', 'vue');
    expect(blocks.map((block) => block.language)).toEqual(['js']);
  });

  it('leaves blocks in languages the codemods do not read', () => {
    expect(findScriptBlocks('<script lang="coffee">\nx = 1\n</script>\n', 'vue').blocks).toEqual([]);
  });

  it('never looks for template syntax in a component: `{{` is plain JavaScript there', () => {
    expect(findScriptBlocks('<script>\nconst nested = {{}}.constructor;\n</script>\n', 'vue').unsafe).toEqual([]);
  });
});

describe('HTML pages', () => {
  const page = [
    '<!DOCTYPE html>',
    '<html><head>',
    '<SCRIPT src="/signalr.js"></SCRIPT>',
    '<!-- <script>var commented = 1;</script> -->',
    '<script type="text/template"><li>{{ name }}</li></script>',
    '<script type="application/json">{"a": 1}</script>',
    '</head><body>',
    '  <script>',
    '    var classic = 1;',
    '  </script>',
    "  <script type='module'>import a from './a.js';</script>",
    '  <script type="text/javascript" defer>var second = "</scrip" + "t>";</script>',
    '</body></html>',
  ].join('\n');

  it('finds the inline JavaScript, classic and module, and nothing else', () => {
    const { blocks } = findScriptBlocks(page, 'html');
    expect(texts(blocks)).toEqual(['\n    var classic = 1;\n  ', "import a from './a.js';", 'var second = "</scrip" + "t>";']);
    expect(blocks.map((block) => block.sharesScope)).toEqual([true, false, true]);
    expect(blocks.map((block) => block.language)).toEqual(['js', 'js', 'js']);
  });

  it('ends a script where a browser does, at the first `</script`', () => {
    const { blocks } = findScriptBlocks('<script>var a = "</script>"; var b;</script>', 'html');
    expect(texts(blocks)).toEqual(['var a = "']);
  });

  it('takes up to the end of the page when the script is never closed', () => {
    expect(texts(findScriptBlocks('<script>var a = 1;\n', 'html').blocks)).toEqual(['var a = 1;\n']);
  });
});

describe('server-side template syntax', () => {
  // Each case: the page kind, the page, the line and column of the syntax, and the construct named.
  const cases: readonly (readonly [string, 'html' | 'razor' | 'webforms', string, number, number, string])[] = [
    ['a Razor expression', 'razor', '<div></div>\n<script>\n  var url = "@Url.Action("Hub")";\n</script>', 3, 14, 'Razor syntax (`@`)'],
    ['a Razor JSDoc tag, which Razor reads as code too', 'razor', '<script>/** @param {string} room */ function join(room) {}</script>', 1, 13, 'Razor syntax (`@`)'],
    ['a Web Forms expression', 'webforms', '<script type="text/javascript">\nvar hub = $.hubConnection(\'<%= Url %>\');\n</script>', 2, 28, '`<% %>`'],
    ['PHP', 'html', '<script>\nvar user = <?php echo $id; ?>;\n</script>', 2, 12, '`<? ?>`'],
    ['a Handlebars or Jinja expression', 'html', '<script>var room = "{{ room }}";</script>', 1, 21, '`{{ }}` or `{% %}`'],
  ];

  it.each(cases)('%s makes the script unsafe, named where it is in the page', (_name, kind, page, line, column, construct) => {
    const { blocks, unsafe } = findScriptBlocks(page, kind);
    expect(blocks).toEqual([]);
    expect(unsafe.map((entry) => [entry.line, entry.column])).toEqual([[line, column]]);
    expect(unsafe[0]?.reason).toContain(construct);
  });

  it('does not take `@` for Razor outside .cshtml pages', () => {
    expect(findScriptBlocks('<script>/** @param {string} room */ function join(room) {}</script>', 'html').blocks).toHaveLength(1);
  });

  it('names the first construct when there are several', () => {
    const { unsafe } = findScriptBlocks('<script>\nvar a = "{{ a }}";\nvar b = "<%= b %>";\n</script>', 'webforms');
    expect(unsafe.map((entry) => [entry.line, entry.column])).toEqual([[2, 10]]);
  });
});

describe('splicing', () => {
  it('replaces only the blocks, keeping every other byte (CRLF and all)', () => {
    const page = '<template>\r\n  <p>{{ a }}</p>\r\n</template>\r\n<script setup>\r\nconst a = 1;\r\n</script>\r\n<style>\r\np{}\r\n</style>\r\n';
    const [block] = findScriptBlocks(page, 'vue').blocks;
    const spliced = spliceBlocks(page, [{ block: block!, text: '\r\nconst a = 2;\r\n' }]);
    expect(spliced).toBe(page.replace('const a = 1;', 'const a = 2;'));
    expect(spliceBlocks(page, [])).toBe(page);
  });

  it('replaces several blocks, given in any order', () => {
    const page = '<script>one</script><p>between</p><script>two</script>';
    const [first, second] = findScriptBlocks(page, 'html').blocks;
    expect(spliceBlocks(page, [{ block: second!, text: '2' }, { block: first!, text: '1' }])).toBe('<script>1</script><p>between</p><script>2</script>');
  });
});

describe('indentation', () => {
  const block = '\n    var a = `\n      line of a template\n    `;\n\n    if (a) {\n      go();\n    }\n  ';

  it('is what the lines after the first share, blank lines left out', () => {
    expect(commonIndent(block)).toBe('    ');
    expect(commonIndent('\n\tvar a;\n\t\tvar b;\n')).toBe('\t');
    expect(commonIndent('var a;\nvar b;')).toBe('');
  });

  it('comes off and back on without changing a byte', () => {
    const out = outdented(block, '    ');
    expect(out).toBe('\nvar a = `\n  line of a template\n`;\n\nif (a) {\n  go();\n}\n  ');
    expect(indented(out, '    ')).toBe(block);
  });

  it('moves positions the codemods report back to the page', () => {
    const page = `<body>\n  <script>${block}</script>\n</body>`;
    const [found] = findScriptBlocks(page, 'html').blocks;
    // Block line 1 is the rest of the tag's line; `if` is on block line 6, column 1 once outdented.
    expect(pagePosition(page, found!, '    ', 6, 1)).toEqual({ line: 7, column: 5 });
    expect(pagePosition(page, found!, '    ', 1, 1)).toEqual({ line: 2, column: 11 });
  });
});
