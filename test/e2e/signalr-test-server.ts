// A minimal SignalR server for end-to-end tests: negotiate (version 1) and the JSON hub protocol over
// WebSockets, on 127.0.0.1 only. It answers invocations of a few test hub methods (`Echo`, and
// `JoinGroup`, which adds the calling connection to a group), sends to a group's members, records every
// negotiate request with its time, and can be stopped (dropping every client and with them every
// group membership, as a restart does) and started again on the same port.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';

const RECORD_SEPARATOR = '\u001e';

/** SignalR hub protocol message types used here (see the protocol's JSON encoding). */
const MessageType = { Invocation: 1, Completion: 3, Ping: 6, Close: 7 } as const;

interface HubMessage {
  readonly type: number;
  readonly invocationId?: string;
  readonly target?: string;
  readonly arguments?: unknown[];
}

export interface NegotiateRecord {
  readonly at: number;
  readonly clientName: string | null;
}

export class SignalRTestServer {
  readonly negotiations: NegotiateRecord[] = [];
  private readonly sockets = new Set<WebSocket>();
  private readonly groups = new Map<string, Set<WebSocket>>();
  private server: ReturnType<typeof createServer> | undefined;
  private port = 0;

  /** Starts listening (on the same port as before, after a `stop()`). Returns the hub URL base. */
  async start(): Promise<string> {
    const webSockets = new WebSocketServer({ noServer: true });
    const server = createServer((request, response) => this.handleHttp(request, response));
    server.on('upgrade', (request, socket, head) => {
      webSockets.handleUpgrade(request, socket, head, (webSocket) => this.accept(webSocket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return `http://127.0.0.1:${this.port}/hub`;
  }

  /** Drops every client without a close message, as a crashed or restarting server would, and stops listening. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.sockets.clear();
    this.groups.clear();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get connectedClients(): number {
    return this.sockets.size;
  }

  /** How many connections are in `group` now. */
  groupSize(group: string): number {
    return this.groups.get(group)?.size ?? 0;
  }

  /** Calls client method `target` on every connection in `group`; returns how many it reached. */
  sendToGroup(group: string, target: string, ...args: unknown[]): number {
    const members = [...(this.groups.get(group) ?? [])];
    for (const socket of members) socket.send(JSON.stringify({ type: MessageType.Invocation, target, arguments: args }) + RECORD_SEPARATOR);
    return members.length;
  }

  private handleHttp(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'POST' && url.pathname === '/hub/negotiate') {
      this.negotiations.push({ at: Date.now(), clientName: url.searchParams.get('client') });
      const connectionId = randomUUID();
      // No keep-alive: a pooled socket from before a restart would fail the next negotiate.
      response.writeHead(200, { 'content-type': 'application/json', connection: 'close' });
      response.end(
        JSON.stringify({
          negotiateVersion: 1,
          connectionId,
          connectionToken: connectionId,
          availableTransports: [{ transport: 'WebSockets', transferFormats: ['Text', 'Binary'] }],
        }),
      );
      return;
    }
    response.writeHead(404).end();
  }

  private accept(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      for (const members of this.groups.values()) members.delete(socket);
    });
    let handshakeDone = false;
    socket.on('message', (data) => {
      for (const frame of data.toString().split(RECORD_SEPARATOR)) {
        if (!frame) continue;
        if (!handshakeDone) {
          // The client opens with {"protocol":"json","version":1}; an empty object accepts it.
          handshakeDone = true;
          socket.send(`{}${RECORD_SEPARATOR}`);
          continue;
        }
        this.handleMessage(socket, JSON.parse(frame) as HubMessage);
      }
    });
  }

  private handleMessage(socket: WebSocket, message: HubMessage): void {
    if (message.type === MessageType.Ping) return;
    if (message.type === MessageType.Close) {
      socket.close();
      return;
    }
    if (message.type !== MessageType.Invocation || message.invocationId === undefined) return;
    // `Echo` returns its argument; every other method completes with no result.
    const result = message.target === 'Echo' ? message.arguments?.[0] : null;
    if (message.target === 'JoinGroup') {
      const group = String(message.arguments?.[0]);
      this.groups.set(group, (this.groups.get(group) ?? new Set()).add(socket));
    }
    socket.send(JSON.stringify({ type: MessageType.Completion, invocationId: message.invocationId, result }) + RECORD_SEPARATOR);
  }
}
