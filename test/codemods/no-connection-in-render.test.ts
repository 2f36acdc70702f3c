import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import transform from '../../codemods/no-connection-in-render.js';
import rule from '../../rules/no-connection-in-render.js';
import { describeFixtures, fixtureCases } from './harness.js';
import { ruleReportLines } from './rule-lines.js';

describeFixtures('no-connection-in-render', transform);

describe('no-connection-in-render: touches only what the rule reports, and fixes it', () => {
  for (const fixture of fixtureCases('no-connection-in-render')) {
    it(fixture.name, () => {
      const input = readFileSync(fixture.inputPath, 'utf8');
      const before = ruleReportLines('no-connection-in-render', rule, fixture.inputPath, input);
      const skips = fixture.reportsPath ? readFileSync(fixture.reportsPath, 'utf8').split('\n').filter(Boolean) : [];
      if (!fixture.outputPath) {
        // Left alone: either nothing was reported, or every report got its reason.
        expect(before.length).toBe(skips.length);
        return;
      }
      expect(before.length).toBeGreaterThan(0);
      const after = ruleReportLines('no-connection-in-render', rule, fixture.outputPath, readFileSync(fixture.outputPath, 'utf8'));
      expect(after.length).toBe(skips.length);
    });
  }

});
