// Every codemod, alone and all of them in run order (as `signalr-codemod all` runs them), over
// every codemod fixture (inputs and outputs) and every example file: no crash, output that parses,
// and a second run that changes nothing. Each fixture folder's own test checks exact outputs; this
// one checks that every codemod copes with the files written for the others.
import { describe, expect, it } from 'vitest';

import { CODEMODS } from '../../codemods/registry.js';
import { inRunOrder } from '../../codemods/runner/run-order.js';
import { exampleFiles, fixtureFiles, transformProblems } from './inputs.js';
import { transformInIsolation } from './isolated-transforms.js';

const files = [...fixtureFiles(), ...exampleFiles()];
const names = CODEMODS.map(({ name }) => name);
const runOrder = inRunOrder(CODEMODS).map(({ name }) => name);
const runs: readonly (readonly string[])[] = [...names.map((name) => [name]), ...(names.length > 1 ? [runOrder] : [])];

describe('codemods over fixtures and examples', () => {
  it('has fixtures and examples to run on', () => {
    expect(files.some((file) => file.path.includes('__fixtures__'))).toBe(true);
    expect(files.some((file) => file.path.startsWith('examples/'))).toBe(true);
  });

  for (const codemods of runs) {
    it(`${codemods.length > 1 ? `all (${codemods.join(' → ')})` : codemods[0]}: output parses, a second run changes nothing`, async () => {
      const outcomes = await transformInIsolation(codemods, files);
      const { crashes, unparsableOutputs, notIdempotent } = transformProblems(files, outcomes);
      expect({ crashes, unparsableOutputs, notIdempotent }).toEqual({ crashes: [], unparsableOutputs: [], notIdempotent: [] });
      // Every file here parses, so nothing may throw, not even with the parser's own error.
      expect(outcomes.filter((outcome) => outcome.error !== undefined).map((outcome) => outcome.path)).toEqual([]);
    }, 300_000);
  }
});
