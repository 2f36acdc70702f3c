// Fixture-driven codemod tests. For a codemod `<name>`, every `test/codemods/__fixtures__/<name>/<case>.input.<ext>`
// is run through the transform and compared with `<case>.output.<ext>` (absent: the transform must
// leave the file unchanged). When `<case>.reports.txt` exists, the transform's `api.report` messages
// must equal its lines. Every output is re-run to prove idempotence, re-parsed, and all outputs are
// type-checked together against the real packages in node_modules.
import type { API, FileInfo, Transform } from 'jscodeshift';
import jscodeshift from 'jscodeshift';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { parserFor } from '../../codemods/utils/parser.js';

export const FIXTURES_ROOT = join(import.meta.dirname, '__fixtures__');

export interface FixtureCase {
  readonly name: string;
  readonly inputPath: string;
  readonly outputPath: string | undefined;
  readonly reportsPath: string | undefined;
}

export function fixtureCases(codemod: string): FixtureCase[] {
  const folder = join(FIXTURES_ROOT, codemod);
  return readdirSync(folder)
    .filter((file) => /\.input\.[cm]?[jt]sx?$/.test(file))
    .sort()
    .map((file) => {
      const name = file.replace(/\.input\.[cm]?[jt]sx?$/, '');
      const extension = file.slice(file.indexOf('.input.') + '.input'.length);
      const outputPath = join(folder, `${name}.output${extension}`);
      const reportsPath = join(folder, `${name}.reports.txt`);
      return {
        name,
        inputPath: join(folder, file),
        outputPath: existsSync(outputPath) ? outputPath : undefined,
        reportsPath: existsSync(reportsPath) ? reportsPath : undefined,
      };
    });
}

export interface TransformRun {
  readonly output: string | null | undefined;
  readonly reports: string[];
}

/** Runs a transform the way jscodeshift does, collecting `api.report` messages. */
export async function runTransform(transform: Transform, path: string, source: string, options: Record<string, unknown> = {}): Promise<TransformRun> {
  const reports: string[] = [];
  const j = jscodeshift.withParser(parserFor(path));
  const api: API = { j, jscodeshift: j, stats: () => {}, report: (message: string) => reports.push(message) };
  const file: FileInfo = { path, source };
  const output = await transform(file, api, options);
  return { output: typeof output === 'string' ? output : output ?? undefined, reports };
}

/** Declares the fixture tests of one codemod. */
export function describeFixtures(codemod: string, transform: Transform): void {
  const cases = fixtureCases(codemod);
  describe(`${codemod} fixtures`, () => {
    it('has fixtures', () => {
      expect(cases.length).toBeGreaterThan(0);
    });
    for (const fixture of cases) {
      it(fixture.name, async () => {
        const input = readFileSync(fixture.inputPath, 'utf8');
        const path = basename(fixture.inputPath);
        const first = await runTransform(transform, path, input);
        const expected = fixture.outputPath ? readFileSync(fixture.outputPath, 'utf8') : input;
        expect(first.output ?? input).toBe(expected);
        if (!fixture.outputPath) expect(first.output ?? undefined).toBeUndefined();
        if (fixture.reportsPath) {
          const expectedReports = readFileSync(fixture.reportsPath, 'utf8').split('\n').filter(Boolean);
          expect(first.reports.map((report) => report.replace(`${path}:`, ''))).toEqual(expectedReports);
        }
        // Idempotent: a second run over the output changes nothing.
        const second = await runTransform(transform, path, expected);
        expect(second.output ?? expected).toBe(expected);
        // The output parses with the rules' parser.
        expect(() => parserFor(path).parse(expected)).not.toThrow();
      });
    }
    it('outputs type-check against the real packages', () => {
      const files = cases.map((fixture) => fixture.outputPath ?? fixture.inputPath).filter((file) => /\.tsx?$/.test(file));
      expect(typeCheck(files)).toEqual([]);
    });
  });
}

/** Type errors in `files`, checked as modules against node_modules (React JSX, DOM, strict). */
export function typeCheck(files: readonly string[]): string[] {
  const program = ts.createProgram([...files], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    jsx: ts.JsxEmit.ReactJSX,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    skipLibCheck: true,
    experimentalDecorators: true,
    moduleDetection: ts.ModuleDetectionKind.Force,
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${basename(diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}
