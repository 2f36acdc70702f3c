// @typescript-eslint/rule-tester needs the test framework's hooks; hand it vitest's. ESLint's own
// RuleTester (for rules that also run on JSON) gets them too.
import { RuleTester } from '@typescript-eslint/rule-tester';
import { RuleTester as ESLintRuleTester } from 'eslint';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.describeSkip = describe.skip;
RuleTester.it = it;
RuleTester.itOnly = it.only;
RuleTester.itSkip = it.skip;

ESLintRuleTester.describe = describe;
ESLintRuleTester.it = it;
ESLintRuleTester.itOnly = it.only;
