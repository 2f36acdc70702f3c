import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import transform from '../../codemods/register-handlers-before-start.js';
import { CODEMODS } from '../../codemods/registry.js';
import { inRunOrder } from '../../codemods/runner/run-order.js';
import rule from '../../rules/register-handlers-before-start.js';
import { describeFixtures, fixtureCases } from './harness.js';
import { ruleReportLines } from './rule-lines.js';

describeFixtures('register-handlers-before-start', transform);

describe('register-handlers-before-start: touches only what the rule reports, and fixes it', () => {
  for (const fixture of fixtureCases('register-handlers-before-start')) {
    it(fixture.name, () => {
      const input = readFileSync(fixture.inputPath, 'utf8');
      const before = ruleReportLines('register-handlers-before-start', rule, fixture.inputPath, input);
      const skips = fixture.reportsPath ? readFileSync(fixture.reportsPath, 'utf8').split('\n').filter(Boolean) : [];
      if (!fixture.outputPath) {
        // Left alone: either nothing was reported, or every report got its reason.
        expect(before.length).toBe(skips.length);
        return;
      }
      expect(before.length).toBeGreaterThan(0);
      const after = ruleReportLines('register-handlers-before-start', rule, fixture.outputPath, readFileSync(fixture.outputPath, 'utf8'));
      expect(after.length).toBe(skips.length);
    });
  }
});

describe('register-handlers-before-start in a run of several codemods', () => {
  it('runs before the codemods whose wrapped start would hide the registrations it moves', () => {
    const order = inRunOrder(CODEMODS).map((codemod) => codemod.name);
    expect(order.indexOf('register-handlers-before-start')).toBeLessThan(order.indexOf('add-reconnect'));
    expect(order.indexOf('register-handlers-before-start')).toBeLessThan(order.indexOf('handle-start-errors'));
    expect(new Set(order)).toEqual(new Set(CODEMODS.map((codemod) => codemod.name)));
  });
});
