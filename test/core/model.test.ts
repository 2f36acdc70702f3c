import { describe, expect, it } from 'vitest';

import { analyze } from '@typescript-eslint/scope-manager';

import type { Node } from '../../core/ast.js';
import { SignalRModel } from '../../core/model.js';
import { mayUseSignalR } from '../../core/prefilter.js';
import { DEFAULT_SETTINGS, readSettings } from '../../core/settings.js';
import { parseSnippet } from './parse.js';

describe('mayUseSignalR', () => {
  it('accepts any mention of the client, the classic client or Web PubSub', () => {
    expect(mayUseSignalR(`import * as x from '@microsoft/signalr'`, DEFAULT_SETTINGS)).toBe(true);
    expect(mayUseSignalR(`new signalR.HubConnectionBuilder()`, DEFAULT_SETTINGS)).toBe(true);
    expect(mayUseSignalR(`const c = $.hubConnection('/signalr')`, DEFAULT_SETTINGS)).toBe(true);
    expect(mayUseSignalR(`$.connection.hub.start()`, DEFAULT_SETTINGS)).toBe(true);
    expect(mayUseSignalR(`import { WebPubSubServiceClient } from '@azure/web-pubsub'`, DEFAULT_SETTINGS)).toBe(true);
  });

  it('rejects files that mention none of them, unless settings name their module', () => {
    const text = `import { connect } from '@acme/realtime'; db.connection.close();`;
    expect(mayUseSignalR(text, DEFAULT_SETTINGS)).toBe(false);
    expect(mayUseSignalR(text, readSettings({ signalr: { modules: ['@acme/realtime'] } }))).toBe(true);
  });
});

describe('SignalRModel: recognising the client', () => {
  const builderIn = (code: string): boolean => {
    const { model, node } = parseSnippet(code);
    return model.builderChainOf(node('new X.HubConnectionBuilder()'.replace('X.', code.includes('signalR.') ? 'signalR.' : ''), 'NewExpression')) !== undefined;
  };

  it.each([
    ['named import', `import { HubConnectionBuilder } from '@microsoft/signalr'; new HubConnectionBuilder();`],
    ['namespace import', `import * as signalR from '@microsoft/signalr'; new signalR.HubConnectionBuilder();`],
    ['default import', `import signalR from '@aspnet/signalr'; new signalR.HubConnectionBuilder();`],
    ['require', `const signalR = require('@microsoft/signalr'); new signalR.HubConnectionBuilder();`],
    ['destructured require', `const { HubConnectionBuilder } = require('@aspnet/signalr'); new HubConnectionBuilder();`],
    ['dynamic import', `async function f() { const signalR = await import('@microsoft/signalr'); new signalR.HubConnectionBuilder(); }`],
    ['browser global', `new signalR.HubConnectionBuilder();`],
    ['declared global', `declare const signalR: any; new signalR.HubConnectionBuilder();`],
  ])('%s', (_style, code) => {
    expect(builderIn(code)).toBe(true);
  });

  it('follows aliases', () => {
    const { model, node } = parseSnippet(`import { HubConnectionBuilder as B } from '@microsoft/signalr'; new B();`);
    expect(model.builderChainOf(node('new B()'))).toMatchObject({ origin: '@microsoft/signalr' });
  });

  it.each([
    ['a local class', `class HubConnectionBuilder {} new HubConnectionBuilder();`],
    ['another module', `import { HubConnectionBuilder } from './builder'; new HubConnectionBuilder();`],
    ['a shadowed global', `function f(signalR: any) { new signalR.HubConnectionBuilder(); }`],
    ['Web PubSub', `import * as signalR from '@azure/web-pubsub'; new signalR.HubConnectionBuilder();`],
  ])('does not mistake %s for the client', (_what, code) => {
    expect(builderIn(code)).toBe(false);
  });

  it('reports whether the file uses SignalR or Web PubSub', () => {
    expect(parseSnippet(`import { HubConnection } from '@microsoft/signalr';`).model.usesSignalR).toBe(true);
    expect(parseSnippet(`const x = 1;`).model.usesSignalR).toBe(false);
    const pubsub = parseSnippet(`import { WebPubSubServiceClient } from '@azure/web-pubsub';`).model;
    expect([pubsub.usesSignalR, pubsub.usesWebPubSub]).toEqual([false, true]);
  });

  it('reads extra modules and globals from settings', () => {
    const settings = readSettings({ signalr: { modules: ['@acme/realtime'], globals: ['Acme'] } });
    const imported = parseSnippet(`import { HubConnectionBuilder } from '@acme/realtime'; new HubConnectionBuilder();`, settings);
    expect(imported.model.builderChainOf(imported.node('new HubConnectionBuilder()'))).toBeDefined();
    const global = parseSnippet(`new Acme.HubConnectionBuilder();`, settings);
    expect(global.model.builderChainOf(global.node('new Acme.HubConnectionBuilder()'))).toBeDefined();
  });
});

describe('SignalRModel: builder chains', () => {
  it('collects chained calls and calls through a builder variable, in order', () => {
    const { model } = parseSnippet(`import { HubConnectionBuilder } from '@microsoft/signalr';
const builder = new HubConnectionBuilder().withUrl('/hub');
builder.withAutomaticReconnect();
const connection = builder.build();`);
    expect(model.builds).toHaveLength(1);
    const chain = model.builderChainOfBuild(model.builds[0]!)!;
    expect(chain.calls.map((call) => (call.callee as { property: { name: string } }).property.name)).toEqual([
      'withUrl',
      'withAutomaticReconnect',
    ]);
    expect(model.chainCalls(chain, 'withAutomaticReconnect')).toHaveLength(1);
  });

  it('ignores `build()` on other objects', () => {
    const { model } = parseSnippet(`import { HubConnectionBuilder } from '@microsoft/signalr';
const webpack = makeCompiler().build();`);
    expect(model.builds).toEqual([]);
  });
});

describe('SignalRModel: connections', () => {
  const code = `import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
import { useRef, useState } from 'react';
const make = () => new HubConnectionBuilder().withUrl('/hub').build();
function createConnection() { return new HubConnectionBuilder().withUrl('/hub').build(); }
const moduleConnection = new HubConnectionBuilder().withUrl('/hub').build();
let reassigned;
reassigned = make();
const fromFactory = createConnection();
class Chat {
  private typed!: HubConnection;
  private assigned;
  constructor(private injected: HubConnection) { this.assigned = new HubConnectionBuilder().withUrl('/hub').build(); }
  stop() { return [this.typed, this.assigned, this.injected]; }
}
function Component() {
  const ref = useRef<HubConnection | null>(null);
  const [state, setState] = useState<HubConnection>();
  const [other, setOther] = useState(0);
  ref.current = make();
  return [ref.current, state, other];
}
function handler(connection: HubConnection, notAConnection: string) { return [connection, notAConnection]; }`;
  const { model, node } = parseSnippet(code);

  it.each([
    ['moduleConnection', 'variable'],
    ['reassigned', 'variable'],
    ['fromFactory', 'variable'],
    ['this.typed', 'field'],
    ['this.assigned', 'field'],
    ['this.injected', 'field'],
    ['ref.current', 'property'],
    ['state', 'variable'],
    ['connection', 'variable'],
  ])('%s is a connection (%s)', (text, kind) => {
    const found = node(text, text.includes('.') ? 'MemberExpression' : 'Identifier');
    expect(model.connectionOf(found)).toMatchObject({ kind, flavour: 'core' });
  });

  it.each(['other', 'notAConnection', 'make'])('%s is not a connection', (text) => {
    expect(model.connectionOf(node(text, 'Identifier'))).toBeUndefined();
  });

  it('gives the same object for the same slot', () => {
    const { model: m, program } = parseSnippet(`import { HubConnectionBuilder } from '@microsoft/signalr';
const c = new HubConnectionBuilder().withUrl('/hub').build();
c.start(); c.stop();`);
    const statements = program.body.slice(2) as unknown as { expression: { callee: { object: never } } }[];
    const [start, stop] = statements.map((statement) => m.connectionOf(statement.expression.callee.object));
    expect(start).toBeDefined();
    expect(start).toBe(stop);
    expect(start!.creations).toHaveLength(1);
  });

  it('gives a getter\'s kept connection for its calls, and a factory\'s call a new one', () => {
    const { model: m, node: n } = parseSnippet(`import { HubConnectionBuilder } from '@microsoft/signalr';
let cached;
function getConnection() {
  if (!cached) cached = new HubConnectionBuilder().withUrl('/hub').build();
  return cached;
}
function createConnection() {
  const connection = new HubConnectionBuilder().withUrl('/hub').build();
  return connection;
}
getConnection().start();
createConnection().start();`);
    const kept = m.connectionOf(n('cached', 'Identifier'));
    expect(kept).toBeDefined();
    expect(m.connectionOf(n('getConnection()', 'CallExpression'))).toBe(kept);
    expect(m.creationFlavour(n('getConnection()', 'CallExpression'))).toBeUndefined();
    expect(m.creationFlavour(n('createConnection()', 'CallExpression'))).toBe('core');
  });

  it('recognises classic jQuery connections', () => {
    const { model: m, node: n } = parseSnippet(`const connection = $.hubConnection('/signalr');
const generated = $.connection.hub;
const unrelated = $.ajax('/x');`);
    expect(m.connectionOf(n('connection', 'Identifier'))).toMatchObject({ flavour: 'classic' });
    expect(m.connectionOf(n('generated', 'Identifier'))).toMatchObject({ flavour: 'classic' });
    expect(m.connectionOf(n('unrelated', 'Identifier'))).toBeUndefined();
    expect(m.classicCreations).toHaveLength(2);
    expect(m.usesSignalR).toBe(true);
  });

  it('sees connections by type when a type hook says so', () => {
    const code = `import '@microsoft/signalr';
function f(c: unknown, d: unknown) { c.start(); d.start(); c.stop(); }`;
    const { program, node } = parseSnippet(code);
    const isC = (candidate: Node): boolean => candidate.type === 'Identifier' && candidate.name === 'c';
    const typed = new SignalRModel(program, analyze(program, { sourceType: 'module' }), DEFAULT_SETTINGS, { isConnectionType: isC });
    expect(typed.connectionCall(node('c.start()'), 'start')).toBeDefined();
    expect(typed.connectionCall(node('d.start()'), 'start')).toBeUndefined();
    expect(typed.connectionCall(node('c.stop()'), 'stop')).toBe(typed.connectionCall(node('c.start()'), 'start'));
    expect(parseSnippet(code).model.connectionCall(node('c.start()'), 'start')).toBeUndefined();
  });
});

describe('SignalRModel: the Web PubSub client SDK', () => {
  it('takes a WebPubSubClient for a connection of its own flavour, by creation and by declared type', () => {
    const { model, node } = parseSnippet(`import { WebPubSubClient } from '@azure/web-pubsub-client';
import type { HubConnection } from '@microsoft/signalr';
const client = new WebPubSubClient('wss://x');
function use(typed: WebPubSubClient | undefined, hub: HubConnection) { typed; hub; }`);
    expect(model.usesWebPubSubClient).toBe(true);
    expect(model.usesSignalR).toBe(true);
    expect(model.connectionOf(node('client', 'Identifier'))?.flavour).toBe('web-pubsub');
    expect(model.connectionOf(node('typed', 'Identifier'))?.flavour).toBe('web-pubsub');
    expect(model.connectionOf(node('hub', 'Identifier'))?.flavour).toBe('core');
  });

  it('does not count the client SDK as SignalR, nor a look-alike class as the SDK', () => {
    const sdk = parseSnippet(`import { WebPubSubClient } from '@azure/web-pubsub-client'; const c = new WebPubSubClient('wss://x');`);
    expect(sdk.model.usesSignalR).toBe(false);
    expect(sdk.model.usesConnections).toBe(true);
    const other = parseSnippet(`import { WebPubSubClient } from './client'; const c = new WebPubSubClient('wss://x');`);
    expect(other.model.usesConnections).toBe(false);
    expect(other.model.connectionOf(other.node('c', 'Identifier'))).toBeUndefined();
  });
});
