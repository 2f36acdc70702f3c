import { analyze } from '@typescript-eslint/scope-manager';
import { parse, simpleTraverse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import type { Node } from '../../core/ast.js';
import { walk } from '../../core/ast.js';
import { isKeptBeyondInvocation } from '../../core/invocation.js';
import { SignalRModel } from '../../core/model.js';
import { describeHandler, handlersOf } from '../../core/owners/handler.js';
import { DEFAULT_SETTINGS } from '../../core/settings.js';

function modelFor(code: string): SignalRModel {
  const program = parse(code, { loc: true, range: true, jsx: false }) as TSESTree.Program;
  simpleTraverse(program, { enter(): void {} }, true);
  return new SignalRModel(program, analyze(program, { sourceType: 'module' }), DEFAULT_SETTINGS);
}

/** The handlers of `code` as `framework kind registration @line`, in source order. */
function handlerSummary(code: string, filename = 'src/functions/index.ts'): string[] {
  const model = modelFor(code);
  return handlersOf(model, filename).handlers.map(
    (handler) => `${handler.framework} ${handler.kind} ${handler.registration} @${handler.fn.loc.start.line}`,
  );
}

/** The first node of `type` whose source starts with `prefix`. */
function findNode(model: SignalRModel, code: string, type: AST_NODE_TYPES, prefix: string): Node {
  let found: Node | undefined;
  walk(model.program, (node) => {
    if (!found && node.type === type && code.slice(node.range[0]).startsWith(prefix)) found = node;
  });
  if (!found) throw new Error(`no ${type} starting with ${prefix}`);
  return found;
}

describe('handlersOf', () => {
  it('finds Azure Functions v4 registrations: inline, by name, method shorthand, through a const options object', () => {
    const code = `import { app } from '@azure/functions';
export async function broadcast(request, context) { return {}; }
app.http('broadcast', { methods: ['POST'], handler: broadcast });
app.timer('tick', { schedule: '* * * * *', async handler(timer) {} });
app.get('status', async () => ({}));
const queueOptions = { queueName: 'q', connection: 'c', handler: async () => {} };
app.storageQueue('q', queueOptions);
app.setup({ enableHttpStream: true });
app.hook.appStart(() => {});`;
    expect(handlerSummary(code)).toEqual([
      'azure-functions function app.http @2',
      'azure-functions function app.timer @4',
      'azure-functions function app.get @5',
      'azure-functions function app.storageQueue @6',
    ]);
  });

  it('resolves `app` through a namespace import and a destructured require', () => {
    expect(handlerSummary(`import * as func from '@azure/functions';
func.app.eventHub('e', { connection: 'c', eventHubName: 'h', handler: async () => {} });`)).toEqual([
      'azure-functions function func.app.eventHub @2',
    ]);
    expect(handlerSummary(`const { app } = require('@azure/functions');
app.serviceBusQueue('q', { connection: 'c', queueName: 'q', handler: (message) => {} });`)).toEqual([
      'azure-functions function app.serviceBusQueue @2',
    ]);
  });

  it('ignores an `app` that is not the one from @azure/functions', () => {
    expect(handlerSummary(`import { app } from './app';
app.http('x', { handler: async () => ({}) });`)).toEqual([]);
    expect(handlerSummary(`const app = { http(name, options) {} };
app.http('x', { handler: async () => ({}) });`)).toEqual([]);
  });

  it('recognises Azure Functions v3 entry points by their types or their context use', () => {
    expect(handlerSummary(`module.exports = async function (context, req) { context.res = { body: 'ok' }; };`)).toEqual([
      'azure-functions function module.exports @1',
    ]);
    expect(handlerSummary(`import { AzureFunction, Context } from '@azure/functions';
const trigger: AzureFunction = async function (ctx: any) {};
export default trigger;`)).toEqual(['azure-functions function export default @2']);
    expect(handlerSummary(`import type { Context } from '@azure/functions';
exports.run = async (context: Context) => {};`)).toEqual(['azure-functions function module.exports @2']);
    // An exported function whose `context` is something else.
    expect(handlerSummary(`module.exports = function (context) { return context.url; };`)).toEqual([]);
    expect(handlerSummary(`module.exports = function (options) { options.log('x'); };`)).toEqual([]);
    expect(handlerSummary(`module.exports = function (ctx) { ctx.res = {}; };`)).toEqual([]);
    // A local variable named \`module\` is not CommonJS.
    expect(handlerSummary(`const module = {}; module.exports = function (context) { context.log('x'); };`)).toEqual([]);
  });

  it('finds Express routes and middleware from apps, routers, routes and typed parameters', () => {
    const code = `import express, { Router } from 'express';
import type { Express } from 'express';
const app = express();
const router = Router();
const api = express.Router();
function list(req, res) {}
app.get('/items', auth, list);
app.use((req, res, next) => next());
app.use('/api', api);
router.post('/items', [auth, (req, res) => {}]);
app.route('/books').get((req, res) => {}).put((req, res) => {});
app.get('title');
app.listen(3000, () => {});
export function mount(server: Express) { server.delete('/x', (req, res) => {}); }`;
    expect(handlerSummary(code)).toEqual([
      'express route app.get @6',
      'express middleware app.use @8',
      'express route router.post @10',
      'express route app.route(…).get @11',
      'express route app.route(…).get(…).put @11',
      'express route server.delete @14',
    ]);
  });

  it('finds Fastify routes, route options and routes inside a registered plugin, but not the plugin', () => {
    const code = `const fastify = require('fastify')({ logger: true });
fastify.get('/a', async () => 'a');
fastify.post('/b', { schema: {} }, async () => 'b');
fastify.put('/c', { handler: async () => 'c' });
fastify.route({ method: 'GET', url: '/d', handler: async () => 'd' });
fastify.register(async (instance, options) => {
  instance.get('/e', async () => 'e');
});`;
    expect(handlerSummary(code)).toEqual([
      'fastify route fastify.get @2',
      'fastify route fastify.post @3',
      'fastify route fastify.put @4',
      'fastify route fastify.route @5',
      'fastify route instance.get @7',
    ]);
  });

  it('finds Koa middleware and koa-router routes, chained too', () => {
    const code = `import Koa from 'koa';
import Router from '@koa/router';
const app = new Koa();
const router = new Router({ prefix: '/api' });
app.use(async (ctx, next) => next());
app.use(router.routes());
router.get('/a', (ctx) => {}).del('/b', (ctx) => {});
app.get('/not-koa', (ctx) => {});`;
    expect(handlerSummary(code)).toEqual([
      'koa middleware app.use @5',
      'koa route router.get @7',
      'koa route router.get(…).del @7',
    ]);
  });

  it('finds Next.js route handlers only in app/**/route files and API routes only in pages/api/**', () => {
    const route = `export async function GET(request) { return new Response('ok'); }
export const POST = async () => new Response(null);
const update = async () => new Response(null);
export { update as PUT };
export function helper() {}`;
    expect(handlerSummary(route, '/repo/src/app/api/items/route.ts')).toEqual([
      'next route export GET @1',
      'next route export POST @2',
      'next route export PUT @3',
    ]);
    expect(handlerSummary(route, '/repo/src/lib/items.ts')).toEqual([]);
    expect(handlerSummary(route, 'C:\\repo\\app\\items\\route.js')).toHaveLength(3);
    const api = `export default async function handler(req, res) { res.status(200).end(); }`;
    expect(handlerSummary(api, '/repo/pages/api/items/[id].ts')).toEqual(['next route export default @1']);
    expect(handlerSummary(api, '/repo/pages/items.tsx')).toEqual([]);
  });

  it('describes handlers for messages', () => {
    const model = modelFor(`import express from 'express';
const app = express();
app.use((req, res, next) => next());`);
    expect(handlersOf(model, 'x.ts').handlers.map(describeHandler)).toEqual(['Express middleware (`app.use`)']);
  });
});

describe('HandlerIndex.enclosingHandler', () => {
  const code = `import { app } from '@azure/functions';
const atModuleLevel = 1;
function helper() { return 2; }
app.http('x', { handler: async () => { const inHandler = 3; const nested = () => { const deeper = 4; }; return {}; } });`;
  const model = modelFor(code);
  const index = handlersOf(model, 'x.ts');
  const literal = (value: string): Node => findNode(model, code, AST_NODE_TYPES.Literal, value);

  it('answers for nodes in the handler and in functions defined inside it', () => {
    expect(index.enclosingHandler(literal('3'))?.registration).toBe('app.http');
    expect(index.enclosingHandler(literal('4'))?.registration).toBe('app.http');
  });

  it('answers nothing at module level and in module-level helpers', () => {
    expect(index.enclosingHandler(literal('1'))).toBeUndefined();
    expect(index.enclosingHandler(literal('2'))).toBeUndefined();
  });

  it('is computed once per Program', () => {
    expect(handlersOf(model, 'x.ts')).toBe(index);
  });
});

describe('isKeptBeyondInvocation', () => {
  /** Whether the `create()` call in the handler of `code` keeps its value beyond the invocation. */
  function kept(code: string): boolean {
    const model = modelFor(code);
    const handler = handlersOf(model, 'x.ts').handlers[0]!;
    return isKeptBeyondInvocation(model, findNode(model, code, AST_NODE_TYPES.CallExpression, 'create()'), handler.fn);
  }
  const inHandler = (body: string, moduleLevel = 'let cached;'): string =>
    `import { app } from '@azure/functions';\n${moduleLevel}\napp.http('x', { handler: async () => { ${body} } });`;

  it('is true for values stored in module-level variables, objects and collections', () => {
    expect(kept(inHandler('cached ??= create();'))).toBe(true);
    expect(kept(inHandler('cached = cached || create();'))).toBe(true);
    expect(kept(inHandler('const fresh = create(); cached = fresh;'))).toBe(true);
    expect(kept(inHandler('cache.connection = create();', 'const cache = {};'))).toBe(true);
    expect(kept(inHandler('pool.set("k", create());', 'const pool = new Map();'))).toBe(true);
    expect(kept(inHandler('const entry = { connection: create() }; pool.push(entry);', 'const pool = [];'))).toBe(true);
  });

  it('is false for values that stay in the invocation', () => {
    expect(kept(inHandler('const connection = create(); await connection.start();'))).toBe(false);
    expect(kept(inHandler('const list = [create()]; use(list);'))).toBe(false);
    expect(kept(inHandler('let local; local = create();'))).toBe(false);
    expect(kept(inHandler('return create();'))).toBe(false);
    expect(kept(inHandler('const local = new Map(); local.set("k", create());'))).toBe(false);
    // Tested, not stored: the condition of a ternary.
    expect(kept(inHandler('cached = create() ? 1 : 2;'))).toBe(false);
    expect(kept(inHandler('const x = create() ? 1 : 2;'))).toBe(false);
  });
});

describe('SignalRModel.moduleBindingOf', () => {
  const code = `import express, { Router as ExpressRouter } from 'express';
import * as functions from '@azure/functions';
import type { Context } from '@azure/functions';
import fastifyModule = require('fastify');
const Koa = require('koa');
const { Router } = require('@koa/router');
const local = 1;
[express, ExpressRouter, functions.app, Koa, Router, fastifyModule, local, express.json, require('ws')];
let context: Context;`;
  const model = modelFor(code);
  const statement = model.program.body.find((node) => node.type === AST_NODE_TYPES.ExpressionStatement)!;
  const list = (statement as TSESTree.ExpressionStatement).expression as TSESTree.ArrayExpression;
  const bindings = list.elements.map((expression) => model.moduleBindingOf(expression!));

  it('resolves default, named, namespace, import-equals and require bindings', () => {
    expect(bindings).toEqual([
      { module: 'express', name: 'default' },
      { module: 'express', name: 'Router' },
      { module: '@azure/functions', name: 'app' },
      { module: 'koa', name: '*' },
      { module: '@koa/router', name: 'Router' },
      { module: 'fastify', name: '*' },
      undefined,
      { module: 'express', name: 'json' },
      { module: 'ws', name: '*' },
    ]);
  });

  it('resolves type names', () => {
    const declaration = model.program.body.at(-1) as TSESTree.VariableDeclaration;
    const id = declaration.declarations[0]!.id as TSESTree.Identifier;
    const typeName = (id.typeAnnotation!.typeAnnotation as TSESTree.TSTypeReference).typeName;
    expect(model.moduleBindingOf(typeName)).toEqual({ module: '@azure/functions', name: 'Context' });
  });
});
