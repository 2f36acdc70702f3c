// The options a rule's `create` receives: the user's merged over `meta.defaultOptions`, whether ESLint
// merged them already (9.15+) or hands over the config's own (8.57), and whatever the order of files.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { createRule } from '../rules/utils/create-rule.js';

interface Limits {
  nested: { low: number; high: number };
  names: string[];
  strict: boolean;
}

function probeRule(): { rule: ReturnType<typeof createRule<[Limits], 'never'>>; received: Limits[]; optionsFor: (options: unknown[]) => Limits } {
  const received: Limits[] = [];
  const rule = createRule<[Limits], 'never'>({
    name: 'probe',
    meta: {
      type: 'problem',
      docs: { description: 'Records its options.' },
      schema: [{ type: 'object' }],
      messages: { never: 'Never reported.' },
      defaultOptions: [{ nested: { low: 1, high: 10 }, names: ['join'], strict: false }],
    },
    create(_context, [limits]) {
      received.push(limits);
      return {};
    },
  });
  const optionsFor = (options: unknown[]): Limits => {
    rule.create({ options } as never);
    return received.at(-1)!;
  };
  return { rule, received, optionsFor };
}

describe('createRule options', () => {
  it('gives the defaults when the config sets no options', () => {
    const { optionsFor } = probeRule();
    expect(optionsFor([])).toEqual({ nested: { low: 1, high: 10 }, names: ['join'], strict: false });
  });

  it('merges objects deeply and replaces arrays, as ESLint 8.57 needs (it passes the config options as written)', () => {
    const { optionsFor } = probeRule();
    expect(optionsFor([{ nested: { high: 20 }, names: ['enter'] }])).toEqual({ nested: { low: 1, high: 20 }, names: ['enter'], strict: false });
  });

  it('gives the same result for options that ESLint 10 already merged (a new array per file, the defaults\' own objects)', () => {
    const { rule, optionsFor } = probeRule();
    const declared = rule.defaultOptions![0];
    expect(optionsFor([declared])).toEqual({ nested: { low: 1, high: 10 }, names: ['join'], strict: false });
    expect(optionsFor([{ ...declared, strict: true }])).toEqual({ nested: { low: 1, high: 10 }, names: ['join'], strict: true });
  });

  it('answers each file by its own options when they change from file to file', () => {
    const { optionsFor } = probeRule();
    expect(optionsFor([{ strict: true }]).strict).toBe(true);
    expect(optionsFor([{ strict: false }]).strict).toBe(false);
    expect(optionsFor([{ nested: { low: 5 } }]).nested).toEqual({ low: 5, high: 10 });
    expect(optionsFor([{ nested: { low: 5 } }, 'extra'])).toEqual({ nested: { low: 5, high: 10 }, names: ['join'], strict: false });
    expect(optionsFor([]).nested).toEqual({ low: 1, high: 10 });
  });

  it('sees a config object changed in place between two files', () => {
    const { optionsFor } = probeRule();
    const config = { nested: { low: 2 } };
    expect(optionsFor([config]).nested.low).toBe(2);
    config.nested.low = 3;
    expect(optionsFor([config]).nested.low).toBe(3);
  });

  it('never changes the declared defaults', () => {
    const { rule, optionsFor } = probeRule();
    optionsFor([{ nested: { low: 7 }, names: [] }]);
    expect(rule.defaultOptions).toEqual([{ nested: { low: 1, high: 10 }, names: ['join'], strict: false }]);
    expect(optionsFor([]).nested.low).toBe(1);
  });
});

describe('createRule textFilters', () => {
  // A rule that declares its filters promises to need nothing else on a JavaScript file: its create
  // runs only where the text may use SignalR or matches one of them.
  function lintedCreates(textFilters: readonly RegExp[] | undefined, code: string): number {
    let creates = 0;
    const rule = createRule<[], 'never'>({
      name: 'probe-gate',
      meta: { type: 'problem', docs: { description: 'Counts its create calls.' }, schema: [], messages: { never: 'Never reported.' } },
      ...(textFilters && { textFilters }),
      create() {
        creates++;
        return {};
      },
    });
    const linter = new Linter({ configType: 'flat' });
    linter.verify(code, [{ files: ['**/*.js'], plugins: { probe: { rules: { gate: rule as never } } }, rules: { 'probe/gate': 'error' } }], { filename: 'file.js' });
    return creates;
  }

  it('skips create on a file that neither mentions SignalR nor matches a declared filter', () => {
    expect(lintedCreates([/needleInText/], 'export const total = 1 + 2;')).toBe(0);
    expect(lintedCreates([], 'export const total = 1 + 2;')).toBe(0);
  });

  it('runs create where the text may use SignalR or matches a declared filter', () => {
    expect(lintedCreates([/needleInText/], 'export const needleInText = 1;')).toBe(1);
    expect(lintedCreates([], "import { HubConnectionBuilder } from '@microsoft/signalr';")).toBe(1);
  });

  it('always runs create for a rule that declares no filters, or one the shared search cannot take', () => {
    expect(lintedCreates(undefined, 'export const total = 1 + 2;')).toBe(1);
    expect(lintedCreates([/(a)\1/], 'export const total = 1 + 2;')).toBe(1);
  });
});
