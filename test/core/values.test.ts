import { describe, expect, it } from 'vitest';

import { findProperty, staticString, staticText, UNKNOWN_TEXT } from '../../core/values.js';
import { parseSnippet } from './parse.js';

describe('findProperty', () => {
  const code = `const base = { skip: true, keep: 1 };
const options = { ...base, skip: false, ['computed' + x]: 1 };
const plain = { ...base, other: 2 };
const unknownSpread = { ...imported };
use({ a: 1 }, options, plain, unknownSpread);`;
  const { model, node } = parseSnippet(code);

  it('takes the last write, through consts and spreads', () => {
    expect(findProperty(model, node('plain', 'Identifier'), 'skip')).toMatchObject({ value: { value: true } });
    expect(findProperty(model, node('{ a: 1 }'), 'a')).toMatchObject({ value: { value: 1 } });
  });

  it('says unknown when a computed key or an unseen spread may set it', () => {
    expect(findProperty(model, node('options', 'Identifier'), 'keep')).toBe('unknown');
    expect(findProperty(model, node('unknownSpread', 'Identifier'), 'skip')).toBe('unknown');
  });

  it('is undefined when the object provably lacks it', () => {
    expect(findProperty(model, node('{ a: 1 }'), 'b')).toBeUndefined();
  });
});

describe('staticText', () => {
  const code = `const host = 'example.org';
const name = getName();
const a = \`https://\${host}/hub?x=\${name}\`;
const b = 'https://' + host + '/hub';
const c = 42;`;
  const { model, node } = parseSnippet(code);

  it('joins literals, templates, concatenation and consts, marking run-time parts', () => {
    expect(staticText(model, node('a', 'Identifier'))).toBe(`https://example.org/hub?x=${UNKNOWN_TEXT}`);
    expect(staticString(model, node('b', 'Identifier'))).toBe('https://example.org/hub');
    expect(staticString(model, node('a', 'Identifier'))).toBeUndefined();
    expect(staticText(model, node('c', 'Identifier'))).toBe(UNKNOWN_TEXT);
  });
});
