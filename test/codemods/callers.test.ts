import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Project } from 'ts-morph';
import { afterAll, describe, expect, it } from 'vitest';

import { checkCallers } from '../../codemods/utils/callers.js';

const LIBRARY = `export function enter(room: string): void {}
export class Lobby {
  open(): void {}
  start(): void { this.open(); }
}
`;

function projectWith(files: Record<string, string>): Project {
  const project = new Project({ useInMemoryFileSystem: true });
  for (const [path, text] of Object.entries(files)) project.createSourceFile(path, text);
  return project;
}

const query = (name: string, source = LIBRARY): { filePath: string; source: string; namePosition: number; functionName: string } => ({
  filePath: '/src/library.ts',
  source,
  namePosition: source.indexOf(name),
  functionName: name,
});

describe('checkCallers on an in-memory project', () => {
  it('is safe when every call ignores, voids or awaits the result, through aliases and re-exports', async () => {
    const project = projectWith({
      '/src/library.ts': LIBRARY,
      '/src/index.ts': `export { enter as join } from './library';\n`,
      '/src/page.ts': `import { join } from './index';\njoin('a');\nvoid join('b');\nexport async function f() { await (join('c')); }\n`,
    });
    expect(await checkCallers(query('enter'), project)).toEqual({ safe: true });
  });

  it('follows methods called through `this`', async () => {
    const project = projectWith({ '/src/library.ts': LIBRARY });
    expect(await checkCallers(query('open'), project)).toEqual({ safe: true });
  });

  it('does not take the interface member a method implements for a use of it', async () => {
    const source = `interface Startable { start(): void }\nexport class Page implements Startable { start(): void {} }\nnew Page().start();\n`;
    const project = projectWith({ '/src/library.ts': source });
    const namePosition = source.indexOf('start', source.indexOf('class'));
    expect(await checkCallers({ filePath: '/src/library.ts', source, namePosition, functionName: 'start' }, project)).toEqual({ safe: true });
  });

  it('is unsafe when a call uses the result, naming where', async () => {
    const project = projectWith({
      '/src/library.ts': LIBRARY,
      '/src/page.ts': `import { enter } from './library';\nenter('a');\nexport const result = enter('b');\n`,
    });
    expect(await checkCallers(query('enter'), project)).toEqual({ safe: false, reason: 'the result of `enter()` is used (page.ts:3)' });
  });

  it('is unsafe when the function is passed on, or nothing in the project calls it', async () => {
    const passed = projectWith({ '/src/library.ts': LIBRARY, '/src/page.ts': `import { enter } from './library';\nsetTimeout(enter, 10, 'a');\n` });
    expect(await checkCallers(query('enter'), passed)).toMatchObject({ safe: false, reason: expect.stringMatching(/passed on as a value \(page\.ts:2\)/) });
    const uncalled = projectWith({ '/src/library.ts': LIBRARY });
    expect(await checkCallers(query('enter'), uncalled)).toMatchObject({ safe: false, reason: expect.stringMatching(/no call of `enter`/) });
  });

  it('checks the text it is given, not a stale copy in the project', async () => {
    const project = projectWith({ '/src/library.ts': LIBRARY });
    const edited = `${LIBRARY}export const opened = new Lobby().open();\n`;
    expect(await checkCallers(query('open', edited), project)).toMatchObject({ safe: false });
  });
});

describe('checkCallers without a given project', () => {
  const directory = mkdtempSync(join(tmpdir(), 'add-awaits-callers-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('treats a file that is not on disk as the whole program: nothing else can import it', async () => {
    const source = `function enter(room: string): void {}\nenter('a');\n`;
    const verdict = await checkCallers({ filePath: join(directory, 'not-written.ts'), source, namePosition: source.indexOf('enter'), functionName: 'enter' });
    expect(verdict).toEqual({ safe: true });
  });

  it('refuses when a file on disk has no tsconfig.json above it', async () => {
    const source = `export function enter(room: string): void {}\nenter('a');\n`;
    const filePath = join(directory, 'on-disk.ts');
    writeFileSync(filePath, source);
    const verdict = await checkCallers({ filePath, source, namePosition: source.indexOf('enter'), functionName: 'enter' });
    expect(verdict).toMatchObject({ safe: false, reason: expect.stringMatching(/no tsconfig\.json covers this file/) });
  });
});
