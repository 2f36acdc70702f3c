// Connections and group joins across the modules of a project, without type information: a fixture
// project is written to a temporary folder, and its files are linted through ESLint's Node API with the
// README's TypeScript setup, so the imported modules are found, parsed and cached as in a real run.
import type { Linter } from 'eslint';
import { ESLint } from 'eslint';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import { importsSignalRModule, resolveRelativeImport } from '../../core/project.js';
import { DEFAULT_SETTINGS } from '../../core/settings.js';
import plugin from '../../rules/index.js';
import { useProjectFixture } from './project-fixture.js';

const PROJECT: Readonly<Record<string, string>> = {
  'package.json': '{ "name": "fixture", "private": true }',
  'tsconfig.json': JSON.stringify({
    compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', baseUrl: '.', paths: { '@app/*': ['src/*'] }, noEmit: true },
    include: ['src'],
  }),
  // A factory without reconnect logic, an arrow default export, and one with it.
  'src/realtime/connection-factory.ts': `import { HubConnectionBuilder } from '@microsoft/signalr';

export function buildHubConnection(url: string) {
  return new HubConnectionBuilder().withUrl(url).build();
}

const makeConnection = (url: string) => new HubConnectionBuilder().withUrl(url).withAutomaticReconnect().build();
export default makeConnection;
`,
  // A barrel that re-exports the factory.
  'src/realtime/index.ts': `export * from './connection-factory';
export { default as makeConnection } from './connection-factory';
`,
  // A service: a field that holds the app's connection, a join it returns, one it drops, one it handles.
  'src/realtime/group-service.ts': `import * as signalR from '@microsoft/signalr';

export class GroupService {
  readonly connection = new signalR.HubConnectionBuilder().withUrl('/hubs/chat').withAutomaticReconnect().build();

  enterRoom(room: string) {
    return this.connection.invoke('JoinGroup', room);
  }

  async enterTeam(team: string): Promise<void> {
    await this.connection.invoke('AddToGroup', team);
  }

  enterLobby(): void {
    this.connection.invoke('JoinGroup', 'lobby');
  }

  enterQuietly(room: string): void {
    this.connection.invoke('JoinGroup', room).catch(() => undefined);
  }

  announce(text: string) {
    return this.connection.invoke('Announce', text);
  }
}

export const groupService = new GroupService();
`,
  // A module-level connection other modules share.
  'src/realtime/shared.ts': `import { HubConnectionBuilder } from '@microsoft/signalr';

export const sharedConnection = new HubConnectionBuilder().withUrl('/hubs/shared').withAutomaticReconnect().build();
`,
  // A getter of a connection built once and kept at module level, and a factory that returns a local.
  'src/realtime/lazy.ts': `import type { HubConnection } from '@microsoft/signalr';
import { HubConnectionBuilder } from '@microsoft/signalr';

let cached: HubConnection | undefined;

export function getConnection(): HubConnection {
  if (!cached) cached = new HubConnectionBuilder().withUrl('/hubs/lazy').withAutomaticReconnect().build();
  return cached;
}

export function openConnection(url: string): HubConnection {
  const connection = new HubConnectionBuilder().withUrl(url).withAutomaticReconnect().build();
  connection.on('message', console.log);
  return connection;
}
`,
  // Same names, nothing to do with SignalR.
  'src/lookalike/sockets.ts': `export function buildHubConnection(url: string) {
  return new WebSocket(url);
}

export class GroupService {
  enterRoom(room: string) {
    return fetch('/rooms/' + room);
  }
}
`,
  // A module with nothing about SignalR in it.
  'src/lookalike/format.ts': `export function formatRoom(room: string): string {
  return room.trim().toLowerCase();
}
`,
  // A module that mentions SignalR but does not parse: no facts, no crash.
  'src/broken/hub.ts': `import { HubConnectionBuilder } from '@microsoft/signalr';
export function buildHubConnection(url: string) {
  return new HubConnectionBuilder().withUrl(url).build(
`,
  // A package with the same export: never read.
  'node_modules/realtime-kit/index.js': `import { HubConnectionBuilder } from '@microsoft/signalr';
export function buildHubConnection(url) {
  return new HubConnectionBuilder().withUrl(url).build();
}
`,
  'node_modules/realtime-kit/package.json': '{ "name": "realtime-kit", "main": "index.js" }',
};

const CONFIG: Linter.Config[] = [
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
  plugin.configs.all as Linter.Config,
];

const fixture = useProjectFixture('cross-module', PROJECT, CONFIG);
const { lint } = fixture;

describe('connections built by another module', () => {
  it('reports a factory-built connection that a function starts and never stops', async () => {
    const findings = await lint(
      'src/jobs/ping.ts',
      `import { buildHubConnection } from '../realtime/connection-factory';

export async function ping(url: string): Promise<void> {
  const connection = buildHubConnection(url);
  await connection.start();
  await connection.invoke('Ping');
}
`,
    );
    expect(findings).toEqual(['signalr/require-stop 5:9']);
  });

  it('accepts the same function when it stops the connection in a finally block', async () => {
    const findings = await lint(
      'src/jobs/ping-stopped.ts',
      `import { buildHubConnection } from '../realtime/connection-factory';

export async function ping(url: string): Promise<void> {
  const connection = buildHubConnection(url);
  await connection.start();
  try {
    await connection.invoke('Ping');
  } finally {
    await connection.stop();
  }
}
`,
    );
    expect(findings).toEqual([]);
  });

  it('follows a barrel (an index module re-exporting the factory) and a default export', async () => {
    const findings = await lint(
      'src/jobs/ping-barrel.ts',
      `import { buildHubConnection, makeConnection } from '../realtime';

export async function first(url: string): Promise<void> {
  const connection = buildHubConnection(url);
  await connection.start();
}

export async function second(url: string): Promise<void> {
  const connection = makeConnection(url);
  await connection.start();
}
`,
    );
    expect(findings).toEqual(['signalr/require-stop 5:9', 'signalr/require-stop 10:9']);
  });

  it('takes a function that returns a local holding what it built for a factory, and a lazy getter for none', async () => {
    const findings = await lint(
      'src/jobs/lazy-start.ts',
      `import { getConnection, openConnection } from '../realtime/lazy';

export async function ping(url: string): Promise<void> {
  const connection = openConnection(url);
  await connection.start();
}

export async function pingShared(): Promise<void> {
  const connection = getConnection();
  await connection.start();
}
`,
    );
    expect(findings).toEqual(['signalr/require-stop 5:9']);
  });

  it('does not take a same-named function of an unrelated module for a factory', async () => {
    const findings = await lint(
      'src/jobs/socket.ts',
      `import { buildHubConnection } from '../lookalike/sockets';

export async function open(url: string): Promise<void> {
  const socket = buildHubConnection(url);
  await socket.start();
}
`,
    );
    expect(findings).toEqual([]);
  });

  it('never reads node_modules, even through a relative path', async () => {
    const findings = await lint(
      'src/jobs/package.ts',
      `import { buildHubConnection } from 'realtime-kit';
import { buildHubConnection as viaPath } from '../../node_modules/realtime-kit/index.js';

export async function open(url: string): Promise<void> {
  await buildHubConnection(url).start();
  await viaPath(url).start();
}
`,
    );
    expect(findings).toEqual([]);
  });

  it('gives nothing, and does not fail, when the imported module does not parse or does not exist', async () => {
    const findings = await lint(
      'src/jobs/broken.ts',
      `import { buildHubConnection } from '../broken/hub';
import { missing } from '../realtime/missing';

export async function open(url: string): Promise<void> {
  await buildHubConnection(url).start();
  missing();
}
`,
    );
    expect(findings).toEqual([]);
  });

  it('sees a connection another module exports: a group join on it floats', async () => {
    const findings = await lint(
      'src/rooms/shared-rooms.ts',
      `import { sharedConnection } from '../realtime/shared';

export function enter(room: string): void {
  sharedConnection.invoke('JoinGroup', room);
}

export async function enterAndWait(room: string): Promise<void> {
  await sharedConnection.invoke('JoinGroup', room);
}
`,
    );
    expect(findings).toEqual(['signalr/await-group-join 4:3']);
  });

  it('leaves a connection that another module holds to that module: starting it in a function is no leak', async () => {
    const findings = await lint(
      'src/rooms/shared-start.ts',
      `import { sharedConnection } from '../realtime/shared';
import { groupService } from '../realtime/group-service';

export async function connect(): Promise<void> {
  await sharedConnection.start();
  await groupService.connection.start();
}
`,
    );
    expect(findings).toEqual([]);
  });
});

describe('group joins through another module', () => {
  it('reports a dropped call of a method that returns (or awaits) the join', async () => {
    const findings = await lint(
      'src/rooms/enter.ts',
      `import { groupService } from '../realtime/group-service';

export function enter(room: string, team: string): void {
  groupService.enterRoom(room);
  groupService.enterTeam(team);
}
`,
    );
    expect(findings).toEqual(['signalr/await-group-join 4:3', 'signalr/await-group-join 5:3']);
  });

  it('accepts awaited, returned and handled calls, calls that are no joins, and same-named methods elsewhere', async () => {
    const findings = await lint(
      'src/rooms/enter-ok.ts',
      `import { groupService } from '../realtime/group-service';
import { GroupService as SocketGroups } from '../lookalike/sockets';

export async function enter(room: string): Promise<void> {
  await groupService.enterRoom(room);
  groupService.enterQuietly(room);
  groupService.announce('hello');
}

export function enterLater(room: string) {
  return groupService.enterRoom(room);
}

export function enterOrLog(room: string): void {
  groupService.enterRoom(room).catch((error: unknown) => console.error(error));
}

export function other(room: string): void {
  new SocketGroups().enterRoom(room);
}
`,
    );
    expect(findings).toEqual([]);
  });

  it('sees a service injected by type (a constructor parameter property) or built with new', async () => {
    const findings = await lint(
      'src/rooms/effects.ts',
      `import { GroupService } from '../realtime/group-service';

export class RoomEffects {
  constructor(private readonly groups: GroupService) {}

  enter(room: string): string {
    this.groups.enterRoom(room);
    return room;
  }

  async enterAwaited(room: string): Promise<string> {
    await this.groups.enterRoom(room);
    return room;
  }
}

export function standalone(room: string): void {
  const groups = new GroupService();
  groups.enterRoom(room);
}
`,
    );
    expect(findings).toEqual(['signalr/await-group-join 7:5', 'signalr/await-group-join 19:3']);
  });

  it('names a wrapper that drops the join itself, and accepts an awaited call of it', async () => {
    const dropped = await lint(
      'src/rooms/lobby.ts',
      `import { groupService } from '../realtime/group-service';

export function lobby(): void {
  groupService.enterLobby();
}

export async function lobbyAwaited(): Promise<void> {
  await groupService.enterLobby();
}
`,
    );
    expect(dropped).toEqual(['signalr/await-group-join 4:3']);
    const messages = await new ESLint({ cwd: fixture.root, overrideConfigFile: true, overrideConfig: CONFIG, ignore: false }).lintFiles([join(fixture.root, 'src/rooms/lobby.ts')]);
    expect(messages[0]?.messages[0]?.message).toMatch(/^`enterLobby` drops the promise of group join `JoinGroup`/);
  });
});

describe('reconnect logic that a factory leaves to its importers', () => {
  const factory = `import { HubConnectionBuilder } from '@microsoft/signalr';

export function createHubConnection(url: string) {
  return new HubConnectionBuilder()
    .withUrl(url)
    .build();
}
`;
  const starter = `import { createHubConnection } from './factory';

export const connection = createHubConnection('/hubs/feed');
connection.start().catch((error: unknown) => console.error(error));
`;

  /** Writes a small project of its own (its own package.json), then lints its `factory.ts`. */
  async function lintFactory(name: string, files: Readonly<Record<string, string>>): Promise<string[]> {
    for (const [path, text] of Object.entries({ 'package.json': '{}', ...files })) {
      mkdirSync(dirname(join(fixture.root, 'apps', name, path)), { recursive: true });
      writeFileSync(join(fixture.root, 'apps', name, path), text);
    }
    return (await lint(`apps/${name}/factory.ts`, files['factory.ts']!)).filter((finding) => finding.startsWith('signalr/require-reconnect'));
  }

  it('reports the builder of a factory whose connection nothing in the project restarts', async () => {
    expect(await lintFactory('plain', { 'factory.ts': factory, 'feed.ts': starter })).toEqual(['signalr/require-reconnect 6:6']);
  });

  it('reports it when the only restart in the project is on a connection another module builds for itself', async () => {
    const other = `import { HubConnectionBuilder } from '@microsoft/signalr';

const chat = new HubConnectionBuilder().withUrl('/hubs/chat').build();
chat.onclose(() => setTimeout(() => void chat.start(), 1000 + Math.random() * 4000));
`;
    expect(await lintFactory('other', { 'factory.ts': factory, 'feed.ts': starter, 'chat.ts': other })).toEqual(['signalr/require-reconnect 6:6']);
  });

  it('does not count a test, or a fake that sets a state, as a restart', async () => {
    const spec = `import { createHubConnection } from './factory';

it('restarts', () => {
  const connection = createHubConnection('/hubs/feed');
  connection.onclose(() => void connection.start());
});
`;
    const fake = `import { HubConnectionState } from '@microsoft/signalr';

export class FakeConnection {
  state = HubConnectionState.Connected;
  stop(): Promise<void> {
    this.state = HubConnectionState.Disconnected;
    return Promise.resolve();
  }
}
`;
    expect(await lintFactory('tests', { 'factory.ts': factory, 'feed.ts': starter, 'factory.spec.ts': spec, 'testing/fake.ts': fake })).toEqual([
      'signalr/require-reconnect 6:6',
    ]);
  });

  it('accepts a factory whose importer runs a watchdog that restarts a disconnected connection', async () => {
    const watchdog = `${starter}setInterval(() => {
  if (connection.state === HubConnectionState.Disconnected) void connection.start();
}, 5000 + Math.random() * 5000);
`.replace("import { createHubConnection } from './factory';", "import { HubConnectionState } from '@microsoft/signalr';\nimport { createHubConnection } from './factory';");
    expect(await lintFactory('watchdog', { 'factory.ts': factory, 'feed.ts': watchdog })).toEqual([]);
  });

  it('reports a class method that builds and returns a new connection', async () => {
    const method = `import { HubConnectionBuilder } from '@microsoft/signalr';

export class HubFactory {
  create(url: string) {
    return new HubConnectionBuilder().withUrl(url).build();
  }
}
`;
    expect(await lintFactory('method', { 'factory.ts': method })).toEqual(['signalr/require-reconnect 5:52']);
  });

  it('accepts a factory whose importer restarts the connection from onclose', async () => {
    const restarted = `${starter}connection.onclose(() => setTimeout(() => void connection.start(), 1000 + Math.random() * 4000));
`;
    expect(await lintFactory('restarted', { 'factory.ts': factory, 'feed.ts': restarted })).toEqual([]);
  });

  it('accepts it when a module that builds no connection of its own restarts one it is given', async () => {
    const session = `import type { HubConnection } from '@microsoft/signalr';

export function keepAlive(connection: HubConnection): void {
  connection.onclose(() => setTimeout(() => void connection.start(), 1000 + Math.random() * 4000));
}
`;
    expect(await lintFactory('handed', { 'factory.ts': factory, 'feed.ts': starter, 'session.ts': session })).toEqual([]);
  });

  it('accepts a factory that adds automatic reconnect, or an onclose restart, itself', async () => {
    const automatic = factory.replace('.withUrl(url)', '.withUrl(url)\n    .withAutomaticReconnect()');
    expect(await lintFactory('automatic', { 'factory.ts': automatic, 'feed.ts': starter })).toEqual([]);
    const ownRestart = `import { HubConnectionBuilder } from '@microsoft/signalr';

export function createHubConnection(url: string) {
  const connection = new HubConnectionBuilder().withUrl(url).build();
  connection.onclose(() => setTimeout(() => void connection.start(), 1000 + Math.random() * 4000));
  return connection;
}
`;
    expect(await lintFactory('own-restart', { 'factory.ts': ownRestart, 'feed.ts': starter })).toEqual([]);
  });

  it('accepts a function that is not exported, and a connection handed to code it cannot see', async () => {
    const local = factory.replace('export function', 'function');
    expect(await lintFactory('local', { 'factory.ts': local })).toEqual([]);
    const passed = `import { HubConnectionBuilder } from '@microsoft/signalr';
import { register } from './registry';

export function createHubConnection(url: string) {
  const connection = new HubConnectionBuilder().withUrl(url).build();
  register(connection);
  return connection;
}
`;
    expect(await lintFactory('passed', { 'factory.ts': passed, 'registry.ts': 'export function register(value: unknown): void { void value; }\n' })).toEqual([]);
  });
});

describe('through path aliases, without type information', () => {
  it('follows a `paths` alias of the tsconfig, and the `@/` convention for src', async () => {
    const text = (specifier: string) => `import { groupService } from '${specifier}';

export function enter(room: string): void {
  groupService.enterRoom(room);
}
`;
    expect(await lint('src/rooms/through-paths.ts', text('@app/realtime/group-service'))).toEqual(['signalr/await-group-join 4:3']);
    expect(await lint('src/rooms/through-convention.ts', text('@/realtime/group-service'))).toEqual(['signalr/await-group-join 4:3']);
  });

  it('does not take a same-named service that an alias names for a SignalR one, nor guess an unmapped prefix', async () => {
    const lookalike = `import { GroupService } from '@app/lookalike/sockets';

export function enter(room: string): void {
  new GroupService().enterRoom(room);
}
`;
    expect(await lint('src/rooms/lookalike.ts', lookalike)).toEqual([]);
    const unmapped = `import { groupService } from '~/realtime/group-service';

export function enter(room: string): void {
  groupService.enterRoom(room);
}
`;
    expect(await lint('src/rooms/unmapped.ts', unmapped)).toEqual([]);
  });
});

describe('with typed linting', () => {
  const typed: Linter.Config[] = [
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser, parserOptions: { projectService: true } } },
    plugin.configs.all as Linter.Config,
  ];

  it('follows an import through a path alias to the file TypeScript resolved it to, as syntax does from the tsconfig', async () => {
    const file = join(fixture.root, 'src/rooms/aliased.ts');
    const text = `import { groupService } from '@app/realtime/group-service';
import { formatRoom } from '@app/lookalike/format';

export function enter(room: string): void {
  groupService.enterRoom(formatRoom(room));
}

export async function enterAwaited(room: string): Promise<void> {
  await groupService.enterRoom(formatRoom(room));
}
`;
    writeFileSync(file, text);
    const syntaxOnly = await lint('src/rooms/aliased.ts', text);
    expect(syntaxOnly).toEqual(['signalr/await-group-join 5:3']);
    const eslint = new ESLint({ cwd: fixture.root, overrideConfigFile: true, overrideConfig: typed, ignore: false });
    const [result] = await eslint.lintFiles([file]);
    expect(result?.messages.map((message) => `${message.ruleId} ${message.line}:${message.column}`)).toEqual(['signalr/await-group-join 5:3']);
  });
});

describe('the prefilter for files that only import a SignalR module', () => {
  it('passes a file whose relative imports lead to a module that mentions SignalR, within the depth bound', () => {
    const from = join(fixture.root, 'src/app.ts');
    expect(importsSignalRModule(from, `import { groupService } from './realtime/group-service';`, DEFAULT_SETTINGS)).toBe(true);
    expect(importsSignalRModule(from, `import { buildHubConnection } from './realtime';`, DEFAULT_SETTINGS)).toBe(true);
    // Through a module that only imports one that mentions SignalR.
    expect(importsSignalRModule(join(fixture.root, 'src/realtime/nested/app.ts'), `export * from '../index';`, DEFAULT_SETTINGS)).toBe(true);
    expect(importsSignalRModule(from, `import { formatRoom } from './lookalike/format';`, DEFAULT_SETTINGS)).toBe(false);
    expect(importsSignalRModule(from, `import x from 'realtime-kit'; import y from './missing';`, DEFAULT_SETTINGS)).toBe(false);
    expect(importsSignalRModule(from, `const text = "no imports here";`, DEFAULT_SETTINGS)).toBe(false);
  });

  it('resolves extensions, index modules and `.js` specifiers of TypeScript sources, never into node_modules', () => {
    const from = join(fixture.root, 'src/app.ts');
    expect(resolveRelativeImport(from, './realtime/shared')).toBe(join(fixture.root, 'src/realtime/shared.ts'));
    expect(resolveRelativeImport(from, './realtime/shared.js')).toBe(join(fixture.root, 'src/realtime/shared.ts'));
    expect(resolveRelativeImport(from, './realtime')).toBe(join(fixture.root, 'src/realtime/index.ts'));
    expect(resolveRelativeImport(from, '../node_modules/realtime-kit/index.js')).toBeUndefined();
    expect(resolveRelativeImport(from, 'realtime-kit')).toBeUndefined();
  });

  it('sees an imported module again once it changes on disk, from the next turn of the event loop', async () => {
    const from = join(fixture.root, 'src/editing/page.ts');
    const module = join(fixture.root, 'src/editing/feed.ts');
    mkdirSync(dirname(module), { recursive: true });
    writeFileSync(module, `export const feedUrl = '/feed';\n`);
    const importer = `import { feed } from './feed';`;
    expect(importsSignalRModule(from, importer, DEFAULT_SETTINGS)).toBe(false);
    await nextTurn();
    // The editor saves the module: now it builds a connection, and a later lint of the importer sees it.
    writeFileSync(module, `import { HubConnectionBuilder } from '@microsoft/signalr';\nexport const feed = new HubConnectionBuilder().withUrl('/feed').build();\n`);
    utimesSync(module, new Date(), new Date(Date.now() + 5_000));
    await nextTurn();
    expect(importsSignalRModule(from, importer, DEFAULT_SETTINGS)).toBe(true);
    // And back, for a module that no longer mentions SignalR.
    writeFileSync(module, `export const feed = null;\n`);
    utimesSync(module, new Date(), new Date(Date.now() + 10_000));
    await nextTurn();
    expect(importsSignalRModule(from, importer, DEFAULT_SETTINGS)).toBe(false);
  });
});

describe('imports of files that do not exist yet', () => {
  it('resolves an import once its file is created, from the next turn of the event loop', async () => {
    const from = join(fixture.root, 'src/drafts/page.ts');
    mkdirSync(dirname(from), { recursive: true });
    expect(resolveRelativeImport(from, './hub')).toBeUndefined();
    expect(resolveRelativeImport(from, './realtime')).toBeUndefined();
    await nextTurn();
    // The editor creates the module, and a folder whose index module comes later.
    writeFileSync(join(fixture.root, 'src/drafts/hub.ts'), `export const hub = null;\n`);
    mkdirSync(join(fixture.root, 'src/drafts/realtime'));
    await nextTurn();
    expect(resolveRelativeImport(from, './hub')).toBe(join(fixture.root, 'src/drafts/hub.ts'));
    expect(resolveRelativeImport(from, './realtime')).toBeUndefined();
    await nextTurn();
    writeFileSync(join(fixture.root, 'src/drafts/realtime/index.ts'), `export const realtime = null;\n`);
    await nextTurn();
    expect(resolveRelativeImport(from, './realtime')).toBe(join(fixture.root, 'src/drafts/realtime/index.ts'));
  });
});

/** Lets the event loop turn, as it does between two lints in an editor or in `ESLint#lintFiles`. */
function nextTurn(): Promise<void> {
  return new Promise((done) => setImmediate(done));
}
