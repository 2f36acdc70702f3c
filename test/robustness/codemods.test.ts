// Every codemod, each in a process of its own, over thousands of valid programs that are not about
// SignalR (the corpus generator's plain templates and the code that ships in node_modules): no
// transform may throw, and a file that does not use SignalR comes back byte for byte.
import { describe, expect, it } from 'vitest';

import { CODEMODS } from '../../codemods/registry.js';
import { corpusPlainFiles, nodeModulesSample, transformProblems } from './inputs.js';
import { transformInIsolation } from './isolated-transforms.js';

const programs = [...corpusPlainFiles(400), ...nodeModulesSample({ sources: 1500, declarations: 500, maxBytes: 150_000 })];

describe('codemods over programs without SignalR', () => {
  it('has codemods to check', () => {
    expect(CODEMODS.length).toBeGreaterThan(0);
  });

  for (const { name } of CODEMODS) {
    it(`${name}: no crash, and files without SignalR unchanged byte for byte`, async () => {
      const problems = transformProblems(programs, await transformInIsolation([name], programs));
      expect(problems).toEqual({ crashes: [], unparsableOutputs: [], notIdempotent: [], changedWithoutSignalR: [] });
    }, 600_000);
  }
});
