// Connections and group joins that CommonJS modules of a project export (`module.exports = …`,
// `exports.x = …`), followed into the files that `require` them (destructured, through the module
// object, or the module itself being the factory) and into ES importers of them. A fixture project is
// written to a temporary folder and linted through ESLint's Node API: `.js` files as ES modules (ESLint's
// default), `.cjs` files as CommonJS, where `module`, `exports` and `require` are declared globals.
import type { Linter } from 'eslint';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import { relativeSpecifiers } from '../../core/project.js';
import plugin from '../../rules/index.js';
import { useProjectFixture } from './project-fixture.js';

const PROJECT: Readonly<Record<string, string>> = {
  'package.json': '{ "name": "commonjs-fixture", "private": true }',
  // A factory module exporting an object of functions, with a module-level connection and a join wrapper.
  'src/realtime/hub.js': `const { HubConnectionBuilder } = require('@microsoft/signalr');

function createHubConnection(url) {
  return new HubConnectionBuilder().withUrl(url).withAutomaticReconnect().build();
}

const notifications = new HubConnectionBuilder().withUrl('/hubs/notifications').withAutomaticReconnect().build();

function joinRoom(room) {
  return notifications.invoke('JoinGroup', room);
}

module.exports = { createHubConnection, notifications, joinRoom };
`,
  // The module itself is the factory.
  'src/realtime/connect.cjs': `const signalR = require('@microsoft/signalr');

module.exports = function connect(url) {
  return new signalR.HubConnectionBuilder().withUrl(url).withAutomaticReconnect().build();
};
`,
  // One name at a time.
  'src/realtime/feed.js': `const signalR = require('@microsoft/signalr');

exports.openFeed = (url) => new signalR.HubConnectionBuilder().withUrl(url).withAutomaticReconnect().build();
module.exports.feedConnection = new signalR.HubConnectionBuilder().withUrl('/hubs/feed').withAutomaticReconnect().build();
`,
  // Same names, nothing to do with SignalR.
  'src/lookalike/sockets.js': `function createHubConnection(url) {
  return new WebSocket(url);
}

module.exports = { createHubConnection, joinRoom: (room) => fetch('/rooms/' + room) };
`,
  // Builds connections but exports nothing: a bundler-style wrapper whose \`module\`/\`exports\` are
  // parameters, and a local \`exports\` object.
  'src/lookalike/wrapped.js': `const { HubConnectionBuilder } = require('@microsoft/signalr');

function define(module, exports) {
  exports.createHubConnection = (url) => new HubConnectionBuilder().withUrl(url).build();
  module.exports.connect = (url) => new HubConnectionBuilder().withUrl(url).build();
}
define({ exports: {} }, {});
`,
  'src/lookalike/local-exports.js': `const { HubConnectionBuilder } = require('@microsoft/signalr');

const exports = {};
exports.createHubConnection = (url) => new HubConnectionBuilder().withUrl(url).build();
`,
};

const CONFIG: Linter.Config[] = [
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
  plugin.configs.all as Linter.Config,
];

const fixture = useProjectFixture('commonjs', PROJECT, CONFIG);
const { lint } = fixture;

describe('factories a CommonJS module exports', () => {
  it('reports a connection from a destructured require that a function starts and never stops', async () => {
    const findings = await lint(
      'src/jobs/ping.cjs',
      `const { createHubConnection } = require('../realtime/hub');

async function ping(url) {
  const connection = createHubConnection(url);
  await connection.start();
  await connection.invoke('Ping');
}

module.exports = { ping };
`,
    );
    expect(findings).toEqual(['signalr/require-stop 5:9']);
  });

  it('accepts the same function when it stops the connection in a finally block', async () => {
    const findings = await lint(
      'src/jobs/ping-stopped.cjs',
      `const { createHubConnection } = require('../realtime/hub');

async function ping(url) {
  const connection = createHubConnection(url);
  await connection.start();
  try {
    await connection.invoke('Ping');
  } finally {
    await connection.stop();
  }
}

module.exports = { ping };
`,
    );
    expect(findings).toEqual([]);
  });

  it('follows a member of the required module, a module that is the factory, and `exports.x`', async () => {
    const findings = await lint(
      'src/jobs/shapes.js',
      `const hub = require('../realtime/hub');
const connect = require('../realtime/connect.cjs');
const { openFeed } = require('../realtime/feed');

async function viaMember(url) {
  const connection = hub.createHubConnection(url);
  await connection.start();
}

async function viaModule(url) {
  const connection = connect(url);
  await connection.start();
}

async function viaName(url) {
  const connection = openFeed(url);
  await connection.start();
}

async function inPlace(url) {
  const connection = require('../realtime/hub').createHubConnection(url);
  await connection.start();
}

module.exports = { viaMember, viaModule, viaName, inPlace };
`,
    );
    expect(findings).toEqual(['signalr/require-stop 7:9', 'signalr/require-stop 12:9', 'signalr/require-stop 17:9', 'signalr/require-stop 22:9']);
  });

  it('follows ES imports of a CommonJS module: a named import and the default one', async () => {
    const findings = await lint(
      'src/jobs/typed.ts',
      `import { createHubConnection } from '../realtime/hub';
import connect from '../realtime/connect.cjs';

export async function named(url: string): Promise<void> {
  const connection = createHubConnection(url);
  await connection.start();
}

export async function byDefault(url: string): Promise<void> {
  const connection = connect(url);
  await connection.start();
}
`,
    );
    expect(findings).toEqual(['signalr/require-stop 6:9', 'signalr/require-stop 11:9']);
  });

  it('does not take a same-named export of an unrelated module, or a wrapper that exports nothing, for a factory', async () => {
    const findings = await lint(
      'src/jobs/lookalikes.cjs',
      `const sockets = require('../lookalike/sockets');
const { createHubConnection } = require('../lookalike/wrapped');
const { connect } = require('../lookalike/wrapped');
const local = require('../lookalike/local-exports');

async function open(url) {
  await sockets.createHubConnection(url).start();
  await createHubConnection(url).start();
  await connect(url).start();
  await local.createHubConnection(url).start();
  sockets.joinRoom('lobby');
}

module.exports = { open };
`,
    );
    expect(findings).toEqual([]);
  });
});

describe('connections and group joins a CommonJS module holds', () => {
  it('sees a connection it exports, and a function that joins for its caller: dropped joins float', async () => {
    const findings = await lint(
      'src/rooms/enter.cjs',
      `const { notifications, joinRoom } = require('../realtime/hub');
const { feedConnection } = require('../realtime/feed');

function enter(room) {
  notifications.invoke('JoinGroup', room);
  joinRoom(room);
  feedConnection.invoke('JoinGroup', room);
}

module.exports = { enter };
`,
    );
    expect(findings).toEqual(['signalr/await-group-join 5:3', 'signalr/await-group-join 6:3', 'signalr/await-group-join 7:3']);
  });

  it('accepts awaited joins, and leaves the connection it holds to that module: starting it is no leak', async () => {
    const findings = await lint(
      'src/rooms/enter-ok.cjs',
      `const hub = require('../realtime/hub');

async function enter(room) {
  await hub.notifications.start();
  await hub.notifications.invoke('JoinGroup', room);
  await hub.joinRoom(room);
}

module.exports = { enter };
`,
    );
    expect(findings).toEqual([]);
  });
});

describe('reconnect logic that a CommonJS factory leaves to its importers', () => {
  const factory = `const { HubConnectionBuilder } = require('@microsoft/signalr');

function createHubConnection(url) {
  return new HubConnectionBuilder()
    .withUrl(url)
    .build();
}

module.exports = { createHubConnection };
`;
  const starter = `const { createHubConnection } = require('./factory');

const connection = createHubConnection('/hubs/feed');
connection.start().catch((error) => console.error(error));
module.exports = { connection };
`;

  /** Writes a small project of its own (its own package.json), then lints its `factory.js`. */
  async function lintFactory(name: string, files: Readonly<Record<string, string>>): Promise<string[]> {
    for (const [path, text] of Object.entries({ 'package.json': '{}', ...files })) {
      mkdirSync(dirname(join(fixture.root, 'apps', name, path)), { recursive: true });
      writeFileSync(join(fixture.root, 'apps', name, path), text);
    }
    return (await lint(`apps/${name}/factory.js`, files['factory.js']!)).filter((finding) => finding.startsWith('signalr/require-reconnect'));
  }

  it('reports the builder of a factory that nothing in the project restarts, exported by name or as the module', async () => {
    expect(await lintFactory('cjs-bare', { 'factory.js': factory, 'feed.js': starter })).toEqual(['signalr/require-reconnect 6:6']);
    const whole = factory.replace('function createHubConnection', 'module.exports = function createHubConnection').replace('\nmodule.exports = { createHubConnection };\n', '');
    const wholeStarter = starter.replace('const { createHubConnection } =', 'const createHubConnection =');
    expect(await lintFactory('cjs-whole', { 'factory.js': whole, 'feed.js': wholeStarter })).toEqual(['signalr/require-reconnect 6:6']);
  });

  it('accepts it when an importer restarts the connection from onclose', async () => {
    const restarted = `${starter}connection.onclose(() => setTimeout(() => void connection.start(), 1000 + Math.random() * 4000));
`;
    expect(await lintFactory('cjs-restarted', { 'factory.js': factory, 'feed.js': restarted })).toEqual([]);
  });

  it('accepts a factory that no export reaches: a local `exports` object, a `module` parameter', async () => {
    const local = factory.replace('module.exports = { createHubConnection };', 'const exports = {};\nexports.createHubConnection = createHubConnection;');
    expect(await lintFactory('cjs-local', { 'factory.js': local, 'feed.js': starter })).toEqual([]);
    const wrapped = factory.replace('module.exports = { createHubConnection };', 'function define(module) {\n  module.exports = { createHubConnection };\n}\ndefine({});');
    expect(await lintFactory('cjs-wrapped', { 'factory.js': wrapped, 'feed.js': starter })).toEqual([]);
  });
});

describe('finding the modules a file requires', () => {
  it('reads relative specifiers of require calls, with or without spaces, and none of packages', () => {
    const text = `const a = require('./a');
const { b } = require ( "../lib/b.cjs" );
const pkg = require('@microsoft/signalr');
const c = require(\`./c\`);`;
    expect(relativeSpecifiers(text)).toEqual(['./a', '../lib/b.cjs']);
  });
});
