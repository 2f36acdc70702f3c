import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';

import transform, { parser } from '../../codemods/add-awaits.js';
import { describeFixtures, runTransform } from './harness.js';

describeFixtures('add-awaits', transform);

// Whether a named function may become async depends on callers in other files.
describe('add-awaits: callers across the project', () => {
  const rooms = `import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
export function enter(room: string): void {
  connection.invoke('JoinGroup', room);
}
`;
  const projectWith = (page: string): Project => {
    const project = new Project({ useInMemoryFileSystem: true });
    project.createSourceFile('/src/rooms.ts', rooms);
    project.createSourceFile('/src/page.ts', page);
    return project;
  };

  it('makes the function async when every caller ignores or awaits its result', async () => {
    const project = projectWith(`import { enter as join } from './rooms';\njoin('lobby');\nexport async function open() { await join('news'); }\n`);
    const { output, reports } = await runTransform(transform, '/src/rooms.ts', rooms, { project });
    expect(reports).toEqual([]);
    expect(output).toBe(rooms.replace('export function enter(room: string): void', 'export async function enter(room: string): Promise<void>').replace("  connection.invoke('JoinGroup'", "  await connection.invoke('JoinGroup'"));
  });

  it('leaves it and names the caller that uses the result', async () => {
    const project = projectWith(`import { enter } from './rooms';\nexport const entered = [enter('lobby')];\n`);
    const { output, reports } = await runTransform(transform, '/src/rooms.ts', rooms, { project });
    expect(output).toBeUndefined();
    expect(reports).toEqual(['/src/rooms.ts:4:3: skipped: `enter` cannot safely become async: the result of `enter()` is used (page.ts:2)']);
  });

  it('leaves it when the function is handed on as a value', async () => {
    const project = projectWith(`import { enter } from './rooms';\n['a', 'b'].map(enter);\n`);
    const { output, reports } = await runTransform(transform, '/src/rooms.ts', rooms, { project });
    expect(output).toBeUndefined();
    expect(reports[0]).toMatch(/`enter` is passed on as a value \(page\.ts:2\)/);
  });
});

describe('add-awaits: jscodeshift entry point', () => {
  it('exports the parser jscodeshift should use', () => {
    expect(parser.parse('const x = <T,>(y: T) => y;').type).toBe('Program');
  });

  it('returns undefined for files without SignalR, without parsing them', async () => {
    const { output, reports } = await runTransform(transform, 'plain.ts', `ipc.invoke('JoinGroup', 'lobby');\n`);
    expect(output).toBeUndefined();
    expect(reports).toEqual([]);
  });
});
