// A transform that misbehaves on purpose, on files carrying a marker comment, so the CLI tests can
// see one bad file fail with a reason while the others are still processed (and, on request, says
// which worker thread ran it).
import type { API, FileInfo } from 'jscodeshift';
import { threadId } from 'node:worker_threads';

export { parser } from '../../../codemods/utils/parser.js';

export const THROW_MARKER = '@fixture-throw';
export const EXIT_MARKER = '@fixture-exit-worker';
export const BREAK_SYNTAX_MARKER = '@fixture-break-syntax';
export const REPORT_THREAD_MARKER = '@fixture-report-thread';
export const CRASH_THREAD_MARKER = '@fixture-crash-thread';
export const REPORT_OPTIONS_MARKER = '@fixture-report-options';

export default function transform(file: FileInfo, api: API, options: Record<string, unknown>): string | undefined {
  // Lets a test see the codemod options the CLI passed, as plain jscodeshift would pass them.
  if (file.source.includes(REPORT_OPTIONS_MARKER)) {
    api.report(`options: ${JSON.stringify({ fixtureFlag: options['fixtureFlag'], fixtureStyle: options['fixtureStyle'] })}`);
  }
  // Lets a test count the worker threads a run used.
  if (file.source.includes(REPORT_THREAD_MARKER)) api.report(`ran in thread ${threadId}`);
  if (file.source.includes(THROW_MARKER)) throw new Error('fixture-trouble was asked to throw');
  if (file.source.includes(EXIT_MARKER)) process.exit(7);
  // An exception nobody can catch ends the thread it is thrown in: what a crashing codemod looks like.
  if (file.source.includes(CRASH_THREAD_MARKER)) {
    setTimeout(() => {
      throw new Error('fixture-trouble crashed its thread');
    });
    return new Promise<never>(() => {}) as never;
  }
  if (file.source.includes(BREAK_SYNTAX_MARKER)) return `${file.source}\nconst = ;\n`;
  return undefined;
}
