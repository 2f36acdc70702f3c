// parseFile and preservingLineEnds: what every codemod relies on, tested through the real codemods.
import { describe, expect, it } from 'vitest';

import addAwaits from '../../codemods/add-awaits.js';
import addDisposal from '../../codemods/add-disposal.js';
import addReconnect from '../../codemods/add-reconnect.js';
import { runTransform } from './harness.js';

const FLOATING_JOIN = `import { HubConnection } from '@microsoft/signalr';
export async function enter(connection: HubConnection, room: string) {
  connection.invoke('JoinGroup', room);
}
`;
const UNSTOPPED = `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function report() {
  const connection = new HubConnectionBuilder().withUrl('/hubs/report').build();
  await connection.start();
  await connection.invoke('Publish');
}
`;
const WITHOUT_RECONNECT = `import { HubConnectionBuilder } from '@microsoft/signalr';
export const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
void connection.start();
`;
const crlf = (text: string): string => text.replaceAll('\n', '\r\n');

describe.each([
  ['add-awaits', addAwaits, FLOATING_JOIN],
  ['add-disposal', addDisposal, UNSTOPPED],
  ['add-reconnect', addReconnect, WITHOUT_RECONNECT],
] as const)('%s', (_name, transform, input) => {
  it('handles a file that ends with comments after its last statement', async () => {
    const withComments = `${input}// one\n// two\n`;
    const { output } = await runTransform(transform, 'file.ts', withComments);
    expect(output).toMatch(/\/\/ one\n\/\/ two\n$/);
    const plain = await runTransform(transform, 'file.ts', input);
    expect(output).toBe(`${plain.output}// one\n// two\n`);
  });

  it('keeps CRLF line ends, with the same edits as for LF', async () => {
    const lf = await runTransform(transform, 'file.ts', input);
    const windows = await runTransform(transform, 'file.ts', crlf(input));
    expect(lf.output).toBeTypeOf('string');
    expect(windows.output).toBe(crlf(lf.output!));
  });
});
