// Handlers registered, and messages sent, through another module's service after that service began
// starting its connection, without type information: a fixture project on disk, linted through ESLint's Node API so that the
// service module is found, parsed and its facts cached as in a real run.
import type { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../rules/index.js';
import { useProjectFixture } from './project-fixture.js';

const PROJECT: Readonly<Record<string, string>> = {
  'package.json': '{ "name": "registrations-fixture", "private": true }',
  // A service whose methods start its connection (floating, or waiting) and register handlers on it.
  'src/app/orders-hub.service.ts': `import { HubConnectionBuilder } from '@microsoft/signalr';

export class OrdersHubService {
  readonly connection = new HubConnectionBuilder().withUrl('/hubs/orders').withAutomaticReconnect().build();

  connect = (): void => {
    this.connection.start().catch((error) => console.error(error));
  };

  async open(): Promise<void> {
    await this.connection.start();
  }

  listen(): void {
    this.connection.on('orderPlaced', (id: string) => console.log(id));
  }

  announce(text: string): Promise<void> {
    return this.connection.invoke('Announce', text);
  }

  announceWhenConnected(text: string): void {
    if (this.connection.state !== 'Connected') return;
    this.connection.send('Announce', text).catch(console.error);
  }

  async announceLater(text: string): Promise<void> {
    await this.ready();
    await this.connection.send('Announce', text);
  }

  ready(): Promise<void> {
    return Promise.resolve();
  }

  connectAndListen(): void {
    this.connection.start().catch(console.error);
    this.connection.on('orderPlaced', (id: string) => console.log(id));
  }
}
`,
  // Same method names, and a connection that is no SignalR one.
  'src/app/sockets.service.ts': `export class SocketsService {
  readonly connection = new WebSocket('wss://example.test/orders');

  connect(): void {
    this.connection.addEventListener('open', () => undefined);
  }

  listen(): void {
    this.connection.addEventListener('message', () => undefined);
  }
}
`,
};

const CONFIG: Linter.Config[] = [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
  { rules: { 'signalr/register-handlers-before-start': 'error', 'signalr/no-invoke-before-start': 'error' }, plugins: { signalr: plugin as never } },
];

const fixture = useProjectFixture('linked-registrations', PROJECT, CONFIG);

/** Writes a component whose class body is `body` and lints it; `line:column` of each report. */
async function lintComponent(name: string, body: string, service = './orders-hub.service', serviceClass = 'OrdersHubService'): Promise<string[]> {
  return fixture.lint(`src/app/${name}.component.ts`, `import { ${serviceClass} } from '${service}';\n\nexport class Component {\n${body}\n}\n`);
}

describe('handlers registered through a service of another module', () => {
  it('reports the registering call in a timer set after the starting call', async () => {
    const body = `  constructor(private readonly hub: OrdersHubService) {}

  ngOnInit(): void {
    this.hub.connect();
    setTimeout(() => {
      this.hub.listen();
    }, 2000);
  }`;
    expect(await lintComponent('timer', body)).toEqual(['signalr/register-handlers-before-start 9:7']);
  });

  it('reports the registering call after awaiting a method that waits for the start', async () => {
    const body = `  constructor(private readonly hub: OrdersHubService) {}

  async ngOnInit(): Promise<void> {
    await this.hub.open();
    this.hub.listen();
  }`;
    expect(await lintComponent('awaited', body)).toEqual(['signalr/register-handlers-before-start 8:5']);
  });

  it('accepts registrations in the same run as the start, or before it', async () => {
    const sameRun = `  constructor(private readonly hub: OrdersHubService) {}

  ngOnInit(): void {
    this.hub.connect();
    this.hub.listen();
  }`;
    expect(await lintComponent('same-run', sameRun)).toEqual([]);
    const before = `  constructor(private readonly hub: OrdersHubService) {}

  async ngOnInit(): Promise<void> {
    this.hub.listen();
    await this.hub.open();
  }

  ngAfterViewInit(): void {
    // The timer is set before the start is called.
    setTimeout(() => this.hub.listen(), 2000);
    this.hub.connect();
  }`;
    expect(await lintComponent('before', before)).toEqual([]);
  });

  it('accepts a timer with no delay, an await of a method that does not wait for the start, and another object', async () => {
    const body = `  constructor(private readonly hub: OrdersHubService, private readonly other: OrdersHubService) {}

  async ngOnInit(): Promise<void> {
    this.hub.connect();
    setTimeout(() => this.hub.listen());
    await this.hub.connect();
    this.hub.listen();
    await this.other.open();
    this.hub.listen();
  }`;
    expect(await lintComponent('no-wait', body)).toEqual([]);
  });

  it('leaves a method that starts and registers itself to its own module, and ignores same-named methods elsewhere', async () => {
    const own = `  constructor(private readonly hub: OrdersHubService) {}

  async ngOnInit(): Promise<void> {
    await this.hub.open();
    this.hub.connectAndListen();
  }`;
    expect(await lintComponent('own', own)).toEqual([]);
    const lookalike = `  constructor(private readonly hub: SocketsService) {}

  ngOnInit(): void {
    this.hub.connect();
    setTimeout(() => this.hub.listen(), 2000);
  }`;
    expect(await lintComponent('lookalike', lookalike, './sockets.service', 'SocketsService')).toEqual([]);
  });
});

describe('messages sent through a service of another module while its start is pending', () => {
  it('reports a sending method called in the same run as a starting one', async () => {
    const body = `  constructor(private readonly hub: OrdersHubService) {}

  ngOnInit(): void {
    this.hub.connect();
    this.hub.announce('hello').catch(console.error);
    this.hub.open().catch(console.error);
    this.hub.announce('again').catch(console.error);
  }`;
    expect(await lintComponent('send-same-run', body)).toEqual(['signalr/no-invoke-before-start 8:5', 'signalr/no-invoke-before-start 10:5']);
  });

  it('accepts a send after awaiting the start, after any other await, behind a state check, or before the start', async () => {
    const body = `  constructor(private readonly hub: OrdersHubService, private readonly other: OrdersHubService) {}

  async ngOnInit(): Promise<void> {
    await this.hub.announce('first');
    await this.hub.open();
    await this.hub.announce('hello');
    this.hub.connect();
    await this.hub.ready();
    await this.hub.announce('after another await');
  }

  ngAfterViewInit(): void {
    this.hub.connect();
    this.hub.announceWhenConnected('hello');
    void this.hub.announceLater('hello');
    void this.other.announce('another object');
  }`;
    expect(await lintComponent('send-valid', body)).toEqual([]);
  });
});
