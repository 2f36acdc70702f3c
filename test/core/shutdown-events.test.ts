import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { registersShutdownListener } from '../../core/shutdown-events.js';
import { parseSnippet } from './parse.js';

/** Whether the first statement's call registers a listener for the way out. */
function registersShutdown(code: string): boolean {
  const { program, model } = parseSnippet(code);
  const statement = program.body[0] as TSESTree.ExpressionStatement;
  return registersShutdownListener(model, statement.expression as TSESTree.CallExpression);
}

describe('listeners for the end of a process or a page', () => {
  it.each([
    ['a signal on process', `process.on('SIGINT', () => undefined);`],
    ['a signal once', `process.once('SIGTERM', () => undefined);`],
    ['a signal on a readline interface', `rl.on('SIGINT', () => undefined);`],
    ['the process exiting', `process.on('exit', () => undefined);`],
    ['the event loop draining', `process.prependListener('beforeExit', () => undefined);`],
    ['the page unloading', `window.addEventListener('beforeunload', () => undefined);`],
    ['the page hiding, on the implied window', `addEventListener('pagehide', () => undefined);`],
    ['unload through jQuery', `$(window).on('unload', () => undefined);`],
    ['an Electron app quitting', `app.on('before-quit', () => undefined);`],
    ['a template literal', 'process.on(`SIGHUP`, () => undefined);'],
  ])('%s', (_how, code) => {
    expect(registersShutdown(code)).toBe(true);
  });

  it.each([
    ['a child process exiting: it can exit at once', `child.on('exit', () => undefined);`],
    ['a message from the parent process', `process.on('message', () => undefined);`],
    ['a page event that comes early', `window.addEventListener('message', () => undefined);`],
    ['the page loading', `window.addEventListener('load', () => undefined);`],
    ['an event name the file does not spell out', `process.on(eventName, () => undefined);`],
    ['a call that is not a registration', `emit('SIGINT', () => undefined);`],
    ['a local addEventListener', `addEventListener('beforeunload', () => undefined); function addEventListener(event: string, fn: () => void) {}`],
    ['a registration with no listener', `process.on('SIGINT');`],
  ])('not: %s', (_how, code) => {
    expect(registersShutdown(code)).toBe(false);
  });
});
