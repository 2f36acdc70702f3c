import rule from '../../rules/no-connection-per-invocation.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-connection-per-invocation', rule, {
  valid: [
    // A module-level connection, started once and reused by the handler: what the rule asks for.
    `import { app } from '@azure/functions';
import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl(process.env.HUB_URL!).build();
const started = connection.start();
app.http('broadcast', {
  handler: async (request) => {
    await started;
    await connection.invoke('Broadcast', await request.text());
    return { status: 202 };
  },
});`,
    // A lazily built singleton behind a module-level getter.
    `import { app } from '@azure/functions';
import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
let connection: HubConnection | undefined;
async function getConnection(): Promise<HubConnection> {
  if (!connection) {
    connection = new HubConnectionBuilder().withUrl('https://example.com/hubs/news').build();
    await connection.start();
  }
  return connection;
}
app.http('broadcast', { handler: async () => { await (await getConnection()).invoke('Ping'); return {}; } });`,
    // Built inside the handler but kept in a module-level variable: built once, reused.
    `import { app } from '@azure/functions';
import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
let connection: HubConnection | undefined;
app.http('broadcast', {
  handler: async () => {
    connection ??= new HubConnectionBuilder().withUrl('/hubs/news').build();
    return {};
  },
});`,
    `import express from 'express';
import * as signalR from '@microsoft/signalr';
const app = express();
let cached: signalR.HubConnection | null = null;
app.post('/notify', async (req, res) => {
  if (!cached) {
    const fresh = new signalR.HubConnectionBuilder().withUrl('/hubs/news').build();
    await fresh.start();
    cached = fresh;
  }
  res.sendStatus(202);
});`,
    // A per-hub cache on a module-level Map.
    `import express from 'express';
import { HubConnection, HubConnectionBuilder } from '@microsoft/signalr';
const app = express();
const connections = new Map<string, HubConnection>();
app.get('/hubs/:hub', (req, res) => {
  if (!connections.has(req.params.hub)) connections.set(req.params.hub, new HubConnectionBuilder().withUrl('/hubs/' + req.params.hub).build());
  res.end();
});`,
    // A factory called once at module scope.
    `import express from 'express';
import { HubConnectionBuilder } from '@microsoft/signalr';
function createConnection() {
  return new HubConnectionBuilder().withUrl('/hubs/news').build();
}
const connection = createConnection();
const app = express();
app.get('/ping', async (req, res) => { await connection.invoke('Ping'); res.end(); });`,
    // A module-level helper that the handler calls: not reported (the build's own function is not a handler; see the docs).
    `import { app } from '@azure/functions';
import { HubConnectionBuilder } from '@microsoft/signalr';
function createConnection() {
  return new HubConnectionBuilder().withUrl('/hubs/news').build();
}
app.http('broadcast', { handler: async () => { const connection = createConnection(); await connection.start(); return {}; } });`,
    // A connection built at module level in a file that also has handlers.
    `import Koa from 'koa';
import { HubConnectionBuilder } from '@microsoft/signalr';
const connection = new HubConnectionBuilder().withUrl('/hubs/news').build();
const app = new Koa();
app.use(async (ctx) => { await connection.send('Visit', ctx.path); });`,
    // \`get(path, fn)\` on objects that are not Express apps or routers.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import http from 'node:http';
http.get('http://example.com/config', () => {
  const connection = new HubConnectionBuilder().withUrl('/hubs/news').build();
});`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { api } from './api';
api.get('/messages', () => new HubConnectionBuilder().withUrl('/hubs/news').build());`,
    `import { HubConnectionBuilder } from '@microsoft/signalr';
const app = { http(name: string, options: { handler: () => void }) { options.handler(); } };
app.http('broadcast', { handler: () => { new HubConnectionBuilder().withUrl('/hubs/news').build(); } });`,
    // An untyped parameter named \`app\`: nothing says it is an Express app.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
export function registerRoutes(app) {
  app.get('/x', () => new HubConnectionBuilder().withUrl('/hubs/news').build());
}`,
    // A router that comes from a helper the rule cannot see.
    `import { HubConnectionBuilder } from '@microsoft/signalr';
import { makeRouter } from './routing';
const router = makeRouter();
router.post('/x', () => new HubConnectionBuilder().withUrl('/hubs/news').build());`,
    // Express \`listen\` callbacks run once, at start-up.
    `import express from 'express';
import { HubConnectionBuilder } from '@microsoft/signalr';
const app = express();
app.listen(3000, async () => {
  const connection = new HubConnectionBuilder().withUrl('/hubs/news').build();
  await connection.start();
});`,
    // A Fastify plugin body runs once, at registration; only the routes it declares run per request.
    `import Fastify from 'fastify';
import { HubConnectionBuilder } from '@microsoft/signalr';
const fastify = Fastify();
fastify.register(async (instance) => {
  const connection = new HubConnectionBuilder().withUrl('/hubs/news').build();
  instance.get('/ping', async () => connection.invoke('Ping'));
});`,
    // Azure Functions start-up hooks run once.
    `import { app } from '@azure/functions';
import { HubConnectionBuilder } from '@microsoft/signalr';
app.hook.appStart(async () => {
  await new HubConnectionBuilder().withUrl('/hubs/news').build().start();
});`,
    // A function named GET outside an App Router \`route.ts\`.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function GET() {
  const connection = new HubConnectionBuilder().withUrl('/hubs/news').build();
  return connection;
}`,
      filename: 'lib/hub.ts',
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function GET() {
  return new HubConnectionBuilder().withUrl('/hubs/news').build();
}`,
      filename: 'app/api/notify/page.ts',
    },
    // In a route file, only the HTTP method exports are handlers.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export function createConnection() {
  return new HubConnectionBuilder().withUrl('/hubs/news').build();
}
const connection = createConnection();
export async function POST() {
  await connection.invoke('Ping');
  return new Response(null, { status: 202 });
}`,
      filename: 'app/api/notify/route.ts',
    },
    // A page's default export is a component, not an API route.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export default function Chat() {
  const connection = new HubConnectionBuilder().withUrl('/hubs/chat').build();
  return null;
}`,
      filename: 'pages/chat.tsx',
    },
    // A CommonJS module exporting a function that is not an Azure Functions v3 entry point.
    `const { HubConnectionBuilder } = require('@microsoft/signalr');
module.exports = function createClient(config) {
  return new HubConnectionBuilder().withUrl(config.url).build();
};`,
    `const { HubConnectionBuilder } = require('@microsoft/signalr');
module.exports = function (context) {
  return new HubConnectionBuilder().withUrl(context.url).build();
};`,
    // The generated-proxy connection of the classic client is the page's, not built here.
    `import express from 'express';
const app = express();
app.get('/x', (req, res) => {
  $.connection.hub.start();
  res.end();
});`,
    // A Web PubSub client at module level, used by the handler.
    `import { app } from '@azure/functions';
import { WebPubSubServiceClient } from '@azure/web-pubsub';
const serviceClient = new WebPubSubServiceClient(process.env.WEBPUBSUB_CONNECTION_STRING!, 'chat');
app.http('broadcast', { handler: async (request) => { await serviceClient.sendToAll(await request.text()); return {}; } });`,
    // A look-alike \`app\` from another module.
    `import { app } from './my-functions';
import { HubConnectionBuilder } from '@microsoft/signalr';
app.http('broadcast', { handler: () => { new HubConnectionBuilder().withUrl('/hubs/news').build(); } });`,
    // A handler in a file without SignalR: nothing to look at.
    `import express from 'express';
const app = express();
app.get('/x', (req, res) => { res.send(new Builder().build()); });`,
  ],
  invalid: [
    // Azure Functions v4, inline handler.
    {
      code: `import { app } from '@azure/functions';
import { HubConnectionBuilder } from '@microsoft/signalr';
app.http('broadcast', {
  methods: ['POST'],
  handler: async (request) => {
    const connection = new HubConnectionBuilder().withUrl(process.env.HUB_URL!).build();
    await connection.start();
    await connection.invoke('Broadcast', await request.text());
    return { status: 202 };
  },
});`,
      errors: [{ messageId: 'connectionPerInvocation', line: 6, column: 24, data: { handler: 'Azure Functions handler (`app.http`)' } }],
    },
    // Azure Functions v4, the template's shape: a handler declared elsewhere in the file, registered by name.
    {
      code: `import { app, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import * as signalR from '@microsoft/signalr';
export async function broadcast(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const connection = new signalR.HubConnectionBuilder().withUrl('https://example.com/hubs/news').build();
  await connection.start();
  return { status: 202 };
}
app.http('broadcast', { methods: ['POST'], authLevel: 'anonymous', handler: broadcast });`,
      errors: [{ messageId: 'connectionPerInvocation', line: 4, column: 22 }],
    },
    // Timer trigger with a method-shorthand handler; the connection built in a callback inside it.
    {
      code: `import * as functions from '@azure/functions';
import { HubConnectionBuilder } from '@aspnet/signalr';
functions.app.timer('tick', {
  schedule: '0 */5 * * * *',
  async handler(timer, context) {
    await Promise.resolve().then(() => new HubConnectionBuilder().withUrl('/hubs/tick').build().start());
  },
});`,
      errors: [{ messageId: 'connectionPerInvocation', line: 6, column: 40, data: { handler: 'Azure Functions handler (`functions.app.timer`)' } }],
    },
    // CommonJS: a storage queue handler in a const, and the HTTP shortcut taking the handler itself.
    {
      code: `const { app } = require('@azure/functions');
const signalR = require('@microsoft/signalr');
const onMessage = async (message, context) => {
  const connection = new signalR.HubConnectionBuilder().withUrl(process.env.HUB_URL).build();
  await connection.start();
};
app.storageQueue('orders', { queueName: 'orders', connection: 'Storage', handler: onMessage });
app.post('notify', async (request) => {
  const connection = new signalR.HubConnectionBuilder().withUrl(process.env.HUB_URL).build();
  return {};
});`,
      errors: [
        { messageId: 'connectionPerInvocation', line: 4, column: 22, data: { handler: 'Azure Functions handler (`app.storageQueue`)' } },
        { messageId: 'connectionPerInvocation', line: 9, column: 22, data: { handler: 'Azure Functions handler (`app.post`)' } },
      ],
    },
    // Options in a const; a builder configured at module level but built per invocation.
    {
      code: `import { app } from '@azure/functions';
import { HubConnectionBuilder } from '@microsoft/signalr';
const builder = new HubConnectionBuilder().withUrl('/hubs/news');
const options = { handler: async () => { const connection = builder.build(); await connection.start(); return {}; } };
app.http('broadcast', options);`,
      errors: [{ messageId: 'connectionPerInvocation', line: 4, column: 61 }],
    },
    // Azure Functions v3, JavaScript.
    {
      code: `const signalR = require('@microsoft/signalr');
module.exports = async function (context, req) {
  const connection = new signalR.HubConnectionBuilder().withUrl(process.env.HUB_URL).build();
  await connection.start();
  context.res = { status: 202 };
};`,
      errors: [{ messageId: 'connectionPerInvocation', line: 3, column: 22, data: { handler: 'Azure Functions handler (`module.exports`)' } }],
    },
    // Azure Functions v3, the TypeScript template.
    {
      code: `import { AzureFunction, Context, HttpRequest } from '@azure/functions';
import { HubConnectionBuilder } from '@microsoft/signalr';
const httpTrigger: AzureFunction = async function (ctx, req: HttpRequest): Promise<void> {
  const connection = new HubConnectionBuilder().withUrl('/hubs/news').build();
  await connection.start();
};
export default httpTrigger;`,
      errors: [{ messageId: 'connectionPerInvocation', line: 4, column: 22, data: { handler: 'Azure Functions handler (`export default`)' } }],
    },
    {
      code: `import type { Context } from '@azure/functions';
import { HubConnectionBuilder } from '@microsoft/signalr';
export async function run(context: Context): Promise<void> {
  new HubConnectionBuilder().withUrl('/hubs/news').build();
}
module.exports.run = run;`,
      errors: [{ messageId: 'connectionPerInvocation', line: 4, column: 3 }],
    },
    // Express app, router and route chains.
    {
      code: `import express from 'express';
import { HubConnectionBuilder } from '@microsoft/signalr';
const app = express();
app.post('/notify', async (req, res) => {
  const connection = new HubConnectionBuilder().withUrl('/hubs/news').build();
  await connection.start();
  res.sendStatus(202);
});`,
      errors: [{ messageId: 'connectionPerInvocation', line: 5, column: 22, data: { handler: 'Express route handler (`app.post`)' } }],
    },
    {
      code: `const express = require('express');
const { HubConnectionBuilder } = require('@microsoft/signalr');
const router = express.Router();
function notify(req, res) {
  const connection = new HubConnectionBuilder().withUrl('/hubs/news').build();
  res.end();
}
router.get('/notify', authenticate, notify);
module.exports = router;`,
      errors: [{ messageId: 'connectionPerInvocation', line: 5, column: 22, data: { handler: 'Express route handler (`router.get`)' } }],
    },
    {
      code: `import { Router } from 'express';
import { HubConnectionBuilder } from '@microsoft/signalr';
const router = Router();
router.route('/orders').get((req, res) => res.end()).post((req, res) => {
  new HubConnectionBuilder().withUrl('/hubs/orders').build();
  res.end();
});`,
      errors: [{ messageId: 'connectionPerInvocation', line: 5, column: 3 }],
    },
    // Middleware runs on every request too.
    {
      code: `import express from 'express';
import { HubConnectionBuilder } from '@microsoft/signalr';
const app = express();
app.use((req, res, next) => {
  const connection = new HubConnectionBuilder().withUrl('/hubs/audit').build();
  next();
});`,
      errors: [{ messageId: 'connectionPerInvocation', line: 5, column: 22, data: { handler: 'Express middleware (`app.use`)' } }],
    },
    // A parameter typed as an Express app.
    {
      code: `import type { Express } from 'express';
import { HubConnectionBuilder } from '@microsoft/signalr';
export function registerRoutes(app: Express): void {
  app.get('/x', (req, res) => {
    new HubConnectionBuilder().withUrl('/hubs/news').build();
    res.end();
  });
}`,
      errors: [{ messageId: 'connectionPerInvocation', line: 5, column: 5 }],
    },
    // Fastify: shorthand routes, route options, and routes declared inside a plugin.
    {
      code: `import Fastify from 'fastify';
import { HubConnectionBuilder } from '@microsoft/signalr';
const fastify = Fastify({ logger: true });
fastify.get('/ping', async (request, reply) => {
  const connection = new HubConnectionBuilder().withUrl('/hubs/news').build();
  return 'pong';
});
fastify.route({
  method: 'POST',
  url: '/notify',
  handler: async () => {
    const connection = new HubConnectionBuilder().withUrl('/hubs/news').build();
  },
});
fastify.register(async (instance) => {
  instance.post('/x', { schema: {} }, async () => new HubConnectionBuilder().withUrl('/hubs/news').build());
});`,
      errors: [
        { messageId: 'connectionPerInvocation', line: 5, column: 22, data: { handler: 'Fastify route handler (`fastify.get`)' } },
        { messageId: 'connectionPerInvocation', line: 12, column: 24, data: { handler: 'Fastify route handler (`fastify.route`)' } },
        { messageId: 'connectionPerInvocation', line: 16, column: 51, data: { handler: 'Fastify route handler (`instance.post`)' } },
      ],
    },
    {
      code: `const fastify = require('fastify')({ logger: true });
const signalR = require('@microsoft/signalr');
fastify.post('/notify', { handler: async () => new signalR.HubConnectionBuilder().withUrl('/hubs/news').build() });`,
      errors: [{ messageId: 'connectionPerInvocation', line: 3, column: 48 }],
    },
    // Koa middleware and koa-router routes (chained).
    {
      code: `import Koa from 'koa';
import Router from '@koa/router';
import { HubConnectionBuilder } from '@microsoft/signalr';
const app = new Koa();
const router = new Router();
app.use(async (ctx, next) => {
  const connection = new HubConnectionBuilder().withUrl('/hubs/audit').build();
  await next();
});
router.get('/a', (ctx) => { ctx.body = 'a'; }).post('/b', async (ctx) => {
  const connection = new HubConnectionBuilder().withUrl('/hubs/news').build();
});`,
      errors: [
        { messageId: 'connectionPerInvocation', line: 7, column: 22, data: { handler: 'Koa middleware (`app.use`)' } },
        { messageId: 'connectionPerInvocation', line: 11, column: 22 },
      ],
    },
    {
      code: `const Router = require('koa-router');
const { HubConnectionBuilder } = require('@microsoft/signalr');
const router = new Router();
router.del('/session', async (ctx) => { new HubConnectionBuilder().withUrl('/hubs/news').build(); });`,
      errors: [{ messageId: 'connectionPerInvocation', line: 4, column: 41 }],
    },
    // Next.js App Router route handlers.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export async function POST(request: Request) {
  const connection = new HubConnectionBuilder().withUrl(process.env.HUB_URL!).build();
  await connection.start();
  return new Response(null, { status: 202 });
}`,
      filename: 'app/api/notify/route.ts',
      errors: [{ messageId: 'connectionPerInvocation', line: 3, column: 22, data: { handler: 'Next.js route handler (`export POST`)' } }],
    },
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
const notify = async () => {
  new HubConnectionBuilder().withUrl('/hubs/news').build();
  return new Response(null);
};
export const GET = async () => { new HubConnectionBuilder().withUrl('/hubs/news').build(); return new Response(null); };
export { notify as PUT };`,
      filename: 'src/app/notify/route.ts',
      errors: [
        { messageId: 'connectionPerInvocation', line: 3, column: 3 },
        { messageId: 'connectionPerInvocation', line: 6, column: 34 },
      ],
    },
    // Next.js Pages Router API route.
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
export default async function handler(req, res) {
  const connection = new HubConnectionBuilder().withUrl('/hubs/news').build();
  res.status(202).end();
}`,
      filename: 'pages/api/notify.ts',
      errors: [{ messageId: 'connectionPerInvocation', line: 3, column: 22, data: { handler: 'Next.js route handler (`export default`)' } }],
    },
    // A local variable that stays in the invocation is still one connection per invocation.
    {
      code: `import express from 'express';
import { HubConnectionBuilder } from '@microsoft/signalr';
const app = express();
app.get('/x', async (req, res) => {
  const connection = new HubConnectionBuilder().withUrl('/hubs/news').build();
  const connections = [connection];
  res.end();
});`,
      errors: [{ messageId: 'connectionPerInvocation', line: 5, column: 22 }],
    },
    // Web PubSub service client.
    {
      code: `import { app } from '@azure/functions';
import { WebPubSubServiceClient } from '@azure/web-pubsub';
app.http('broadcast', {
  handler: async (request) => {
    const serviceClient = new WebPubSubServiceClient(process.env.WEBPUBSUB_CONNECTION_STRING!, 'chat');
    await serviceClient.sendToAll(await request.text());
    return {};
  },
});`,
      errors: [{ messageId: 'serviceClientPerInvocation', line: 5, column: 27 }],
    },
    // The classic jQuery client (unlikely on a server, but the same mistake).
    {
      code: `import express from 'express';
import $ from 'jquery';
const app = express();
app.get('/x', (req, res) => {
  const connection = $.hubConnection('/signalr');
  res.end();
});`,
      errors: [{ messageId: 'connectionPerInvocation', line: 5, column: 22 }],
    },
  ],
});
