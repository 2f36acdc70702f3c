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

// recast sets `loc` to null on an exported declaration and on a method's function: a component
// written as `export default { … }` must still be read, and skips must still name their line.
describe('a component object exported as default, with multi-line literals and methods', () => {
  const COMPONENT = `import * as signalR from '@microsoft/signalr';

export default {
  data() {
    return {
      online: false,
      names: [],
    };
  },
  async mounted() {
    const hub = new signalR.HubConnectionBuilder().withUrl('/hubs/board').build();
    await hub.start();
    this.online = true;
  },
};
`;

  it.each([
    ['add-awaits', addAwaits],
    ['add-disposal', addDisposal],
    ['add-reconnect', addReconnect],
  ] as const)('%s reads it without failing, and places its skips on real lines', async (_name, transform) => {
    const { reports } = await runTransform(transform, 'board.js', COMPONENT);
    const lines = COMPONENT.split('\n');
    for (const report of reports) {
      const [, line, column] = /^board\.js:(\d+):(\d+): skipped: /.exec(report) ?? [];
      expect(line, report).toBeDefined();
      expect(lines[Number(line) - 1]!.length, report).toBeGreaterThanOrEqual(Number(column) - 1);
    }
  });
});
