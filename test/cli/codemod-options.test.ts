// The real codemods' options through the built CLI: `--restart-on-close` reaches add-reconnect.
import { afterAll, beforeAll, expect, it } from 'vitest';

import { assertBuilt, BUILT_CLI, parseReport, removeTemporaryDirectories, runCli, temporaryDirectory, writeFiles } from './harness.js';

const CHAT = `import { HubConnectionBuilder } from '@microsoft/signalr';

const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
connection.on('message', (text: string) => console.log(text));
connection.start().catch((error) => console.error(error));
`;

let project: string;

beforeAll(() => {
  assertBuilt();
  project = temporaryDirectory('codemod-options');
  writeFiles(project, { 'src/chat.ts': CHAT });
});

afterAll(removeTemporaryDirectories);

function diffOf(args: readonly string[]): string {
  const run = runCli(BUILT_CLI, ['add-reconnect', 'src', '--dry', '--json', ...args], { cwd: project });
  expect(run.status).toBe(0);
  return parseReport(run).files[0]?.diff ?? '';
}

it('adds an onclose restart only with --restart-on-close', () => {
  const plain = diffOf([]);
  expect(plain).toMatch(/^\+.*\.withAutomaticReconnect\(/m);
  expect(plain).not.toContain('onclose');
  const withRestart = diffOf(['--restart-on-close']);
  expect(withRestart).toMatch(/^\+.*\.withAutomaticReconnect\(/m);
  expect(withRestart).toMatch(/^\+.*\.onclose\(/m);
});

it('refuses --restart-on-close for a run without add-reconnect', () => {
  const run = runCli(BUILT_CLI, ['add-awaits', 'src', '--dry', '--restart-on-close'], { cwd: project });
  expect(run.status).toBe(3);
  expect(run.stderr).toContain('--restart-on-close is an option of add-reconnect, which this run does not include.');
});
