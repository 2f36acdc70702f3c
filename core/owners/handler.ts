// Which functions of a file run once per serverless invocation or per HTTP request: Azure Functions
// (v4 `app.*` registrations, v3 exported functions), Express, Fastify and Koa route handlers and
// middleware, Next.js route handlers and API routes. Anything such a function builds is built again
// on every invocation, so its lifetime is bounded by it (see "Lifetimes" in DESIGN.md): like a plain
// function (core/owners/function.ts), its way out is every `return` and `throw`.
//
// Framework objects are recognised from where they come from (`express()`, `Fastify()`, `new Koa()`,
// a parameter typed `Express`, …), never from a variable's name, so `cache.get(key, fn)` on an
// unrelated object is not a route.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from '../ast.js';
import { calledMethod, enclosingFunction, isFunction, skipWrappers, staticPropertyName, walk } from '../ast.js';
import { isCommonJsExport } from '../exports.js';
import { functionOf } from '../functions.js';
import type { SignalRModel } from '../model.js';
import { findProperty, resolveObject } from '../values.js';

/** The npm modules whose handlers this file recognises. */
export const HANDLER_MODULES = {
  azureFunctions: '@azure/functions',
  express: 'express',
  fastify: 'fastify',
  koa: 'koa',
  koaRouter: ['@koa/router', 'koa-router'],
} as const;

/**
 * Azure Functions v4 registrations, `app.<name>(functionName, options)` (from `@azure/functions`
 * `types/app.d.ts`). The HTTP shortcuts (`get`, `post`, …) also take the handler itself.
 */
export const AZURE_FUNCTIONS_REGISTRATIONS: readonly string[] = [
  'http', 'get', 'put', 'post', 'patch', 'deleteRequest',
  'timer', 'storageBlob', 'storageQueue', 'serviceBusQueue', 'serviceBusTopic', 'eventHub', 'eventGrid',
  'cosmosDB', 'connectorTrigger', 'warmup', 'sql', 'mySql', 'generic', 'webPubSub',
  'mcpTool', 'mcpResource', 'mcpPrompt',
];
/** The export of `@azure/functions` that registers v4 functions. */
const AZURE_FUNCTIONS_APP = 'app';
/** v4 options and Fastify route options name the function `handler`. */
const HANDLER_OPTION = 'handler';
/** v3 types: `(context: Context, …)` and `const run: AzureFunction = …`. */
const AZURE_FUNCTIONS_V3_TYPES = { context: 'Context', function: 'AzureFunction' } as const;
/** Without types, a v3 entry point is recognised by its first parameter's conventional name and members. */
const AZURE_FUNCTIONS_V3_CONTEXT_NAME = 'context';
/** Members of a v3 invocation context; `context.url` or `context.siteDir` (other frameworks' contexts) do not count. */
const AZURE_FUNCTIONS_V3_CONTEXT_MEMBERS: readonly string[] = [
  'bindings', 'bindingData', 'bindingDefinitions', 'done', 'executionContext', 'invocationId', 'log', 'req', 'res', 'traceContext',
];

/** Route methods of Express apps and routers, Fastify instances and Koa routers. */
const HTTP_ROUTE_METHODS: readonly string[] = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all'];
/** koa-router also spells `delete` as `del`. */
const KOA_ROUTER_EXTRA_METHODS: readonly string[] = ['del'];
/** Registers middleware that runs on every request (Express, Koa, koa-router). */
const MIDDLEWARE_METHOD = 'use';
/** `app.route('/path')` (Express) returns a route with the HTTP methods; `fastify.route({ … })` takes options. */
const ROUTE_METHOD = 'route';
/** `fastify.register(plugin)` calls `plugin(instance)`: the parameter is a Fastify instance. */
const FASTIFY_REGISTER = 'register';

/** HTTP methods a Next.js App Router `route.ts` may export. */
export const NEXT_ROUTE_METHODS: readonly string[] = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];
/** `app/**\/route.(ts|js|…)`, also under `src/`. */
const NEXT_ROUTE_FILE = /(?:^|\/)app\/(?:.+\/)?route\.[cm]?[jt]sx?$/;
/** `pages/api/**`, also under `src/`. */
const NEXT_API_ROUTE_FILE = /(?:^|\/)pages\/api\/.+\.[cm]?[jt]sx?$/;

export type HandlerFramework = 'azure-functions' | 'express' | 'fastify' | 'koa' | 'next';

/** `function`: a serverless function; `route`: an HTTP route handler; `middleware`: runs on every request. */
export type HandlerKind = 'function' | 'middleware' | 'route';

export interface Handler {
  readonly fn: FunctionNode;
  readonly framework: HandlerFramework;
  readonly kind: HandlerKind;
  /** How the code registers it, for messages: `app.http`, `router.post`, `export GET`, `module.exports`. */
  readonly registration: string;
}

/** A serverless or request handler; `node` is the function that holds the connection (the handler or a function inside it). */
export interface HandlerOwner {
  readonly kind: 'handler';
  readonly node: FunctionNode;
  readonly handler: Handler;
}

/** Objects whose methods register handlers; `express` covers apps and routers, `express-route` is `app.route(path)`. */
type FrameworkObject = 'express' | 'express-route' | 'fastify' | 'koa-app' | 'koa-router';

interface ModuleExports {
  readonly modules: readonly string[];
  /** Export names; `default` and `*` stand for the module's main export. */
  readonly names: readonly string[];
}

const MAIN_EXPORT = ['default', '*'];

/** Calls that create a framework object: `express()`, `express.Router()`, `Fastify()`, `Router()` (koa-router). */
const FACTORIES: ReadonlyArray<readonly [FrameworkObject, ModuleExports]> = [
  ['express', { modules: [HANDLER_MODULES.express], names: [...MAIN_EXPORT, 'Router'] }],
  ['fastify', { modules: [HANDLER_MODULES.fastify], names: [...MAIN_EXPORT, 'fastify'] }],
  ['koa-router', { modules: HANDLER_MODULES.koaRouter, names: [...MAIN_EXPORT, 'Router'] }],
];

/** Classes whose instances are framework objects: `new Koa()`, `new Router()`, `new express.Router()`. */
const CONSTRUCTORS: ReadonlyArray<readonly [FrameworkObject, ModuleExports]> = [
  ['koa-app', { modules: [HANDLER_MODULES.koa], names: [...MAIN_EXPORT, 'Koa'] }],
  ['koa-router', { modules: HANDLER_MODULES.koaRouter, names: [...MAIN_EXPORT, 'Router'] }],
  ['express', { modules: [HANDLER_MODULES.express], names: ['Router'] }],
];

/** Parameter types that say the parameter is a framework object: `(app: Express)`, `(fastify: FastifyInstance)`. */
const PARAMETER_TYPES: ReadonlyArray<readonly [FrameworkObject, ModuleExports]> = [
  ['express', { modules: [HANDLER_MODULES.express], names: ['Express', 'Application', 'Router', 'IRouter'] }],
  ['fastify', { modules: [HANDLER_MODULES.fastify], names: ['FastifyInstance'] }],
  ['koa-app', { modules: [HANDLER_MODULES.koa], names: [...MAIN_EXPORT, 'Koa'] }],
  ['koa-router', { modules: HANDLER_MODULES.koaRouter, names: [...MAIN_EXPORT, 'Router'] }],
];

/** The handlers a file defines. Get it through `handlersOf`. */
export class HandlerIndex {
  /** Every handler function of the file, once each, in source order. */
  readonly handlers: readonly Handler[];
  private readonly byFunction = new Map<FunctionNode, Handler>();

  constructor(handlers: readonly Handler[]) {
    // A function registered twice (`app.get('/a', h); app.get('/b', h)`) keeps its first registration.
    for (const handler of handlers) if (!this.byFunction.has(handler.fn)) this.byFunction.set(handler.fn, handler);
    this.handlers = [...this.byFunction.values()];
  }

  /** The handler `fn` is, if any. */
  handlerOf(fn: Node): Handler | undefined {
    return isFunction(fn) ? this.byFunction.get(fn) : undefined;
  }

  /**
   * The handler that runs `node` on every invocation: the nearest enclosing function that is a
   * handler, looking through functions defined inside one (callbacks, local helpers).
   */
  enclosingHandler(node: Node): Handler | undefined {
    if (this.byFunction.size === 0) return undefined;
    for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
      const handler = this.byFunction.get(fn);
      if (handler) return handler;
    }
    return undefined;
  }
}

const indexes = new WeakMap<TSESTree.Program, HandlerIndex>();

/**
 * The handlers of the model's file, computed once per Program. `filename` decides the Next.js
 * conventions (`app/**\/route.ts`, `pages/api/**`).
 */
export function handlersOf(model: SignalRModel, filename: string): HandlerIndex {
  let index = indexes.get(model.program);
  if (!index) {
    index = new HandlerIndex(findHandlers(model, filename.replaceAll('\\', '/')));
    indexes.set(model.program, index);
  }
  return index;
}

/** For messages: "Azure Functions `app.http` handler", "Express route handler (`router.post`)". */
export function describeHandler(handler: Handler): string {
  const frameworkName: Record<HandlerFramework, string> = {
    'azure-functions': 'Azure Functions',
    express: 'Express',
    fastify: 'Fastify',
    koa: 'Koa',
    next: 'Next.js',
  };
  const kindName: Record<HandlerKind, string> = { function: 'handler', middleware: 'middleware', route: 'route handler' };
  return `${frameworkName[handler.framework]} ${kindName[handler.kind]} (\`${handler.registration}\`)`;
}

function findHandlers(model: SignalRModel, filename: string): Handler[] {
  const handlers: Handler[] = [];
  const add = (fn: FunctionNode | undefined, framework: HandlerFramework, kind: HandlerKind, registration: string): void => {
    if (fn) handlers.push({ fn, framework, kind, registration });
  };
  collectRegistrations(model, add);
  for (const statement of model.program.body) {
    collectAzureFunctionsV3(model, statement, add);
    if (NEXT_ROUTE_FILE.test(filename)) collectNextRouteHandlers(model, statement, add);
    if (NEXT_API_ROUTE_FILE.test(filename)) collectNextApiRoute(model, statement, add);
  }
  return handlers.sort((a, b) => a.fn.range[0] - b.fn.range[0]);
}

type AddHandler = (fn: FunctionNode | undefined, framework: HandlerFramework, kind: HandlerKind, registration: string) => void;

/** `app.http(…)` (Azure Functions v4) and route/middleware registrations on framework objects. */
function collectRegistrations(model: SignalRModel, add: AddHandler): void {
  for (const call of callsOf(model)) {
    const method = calledMethod(call);
    if (!method) continue;
    const registration = `${nameForMessage(method.object)}.${method.name}`;
    const binding = model.moduleBindingOf(method.object);
    if (binding?.module === HANDLER_MODULES.azureFunctions && binding.name === AZURE_FUNCTIONS_APP) {
      if (AZURE_FUNCTIONS_REGISTRATIONS.includes(method.name)) {
        add(functionOrHandlerOption(model, call.arguments[1]), 'azure-functions', 'function', registration);
      }
      continue;
    }
    const object = frameworkObjectOf(model, method.object);
    if (!object) continue;
    const routeMethods = object === 'koa-router' ? [...HTTP_ROUTE_METHODS, ...KOA_ROUTER_EXTRA_METHODS] : HTTP_ROUTE_METHODS;
    const framework: HandlerFramework = object.startsWith('express') ? 'express' : object.startsWith('koa') ? 'koa' : 'fastify';
    if (method.name === MIDDLEWARE_METHOD && object !== 'fastify' && object !== 'express-route') {
      for (const fn of functionArguments(model, call.arguments)) add(fn, framework, 'middleware', registration);
    } else if (routeMethods.includes(method.name) && object !== 'koa-app') {
      for (const fn of functionArguments(model, call.arguments)) add(fn, framework, 'route', registration);
      if (object === 'fastify') {
        for (const argument of call.arguments) add(handlerOption(model, argument), framework, 'route', registration);
      }
    } else if (method.name === ROUTE_METHOD && object === 'fastify') {
      add(handlerOption(model, call.arguments[0]), framework, 'route', registration);
    }
  }
}

/** Every call in the file (the model walked it already; this pass runs only in files that use SignalR). */
function callsOf(model: SignalRModel): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  walk(model.program, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
  });
  return calls;
}

/** Function arguments of a route registration: `(path, auth, handler)`, `(path, [auth, handler])`. */
function functionArguments(model: SignalRModel, args: readonly TSESTree.CallExpressionArgument[]): FunctionNode[] {
  const functions: FunctionNode[] = [];
  for (const argument of args) {
    const target = skipWrappers(argument);
    const items = target.type === AST_NODE_TYPES.ArrayExpression ? target.elements : [target];
    for (const item of items) {
      const fn = item && functionOf(model, item);
      if (fn) functions.push(fn);
    }
  }
  return functions;
}

/** The handler given as a function, or as the `handler` of an options object. */
function functionOrHandlerOption(model: SignalRModel, node: Node | undefined): FunctionNode | undefined {
  return node && (functionOf(model, node) ?? handlerOption(model, node));
}

/** `{ handler }`, `{ handler: fn }`, `{ async handler() {} }`, also through a `const` options object. */
function handlerOption(model: SignalRModel, node: Node | undefined): FunctionNode | undefined {
  if (!node || !resolveObject(model, node)) return undefined;
  const found = findProperty(model, node, HANDLER_OPTION);
  return found && found !== 'unknown' ? functionOf(model, found.value) : undefined;
}

/** Which framework object `node` is, from its creation, its parameter type, or a Fastify plugin's parameter. */
function frameworkObjectOf(model: SignalRModel, node: Node, depth = 0): FrameworkObject | undefined {
  if (depth > 4) return undefined;
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const init = model.resolveConst(target);
    return init ? frameworkObjectOf(model, init, depth + 1) : frameworkObjectOfParameter(model, target);
  }
  if (target.type === AST_NODE_TYPES.NewExpression) return matchExport(model, target.callee, CONSTRUCTORS);
  if (target.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const factory = matchExport(model, target.callee, FACTORIES);
  if (factory) return factory;
  // Registration methods return their object, so chains stay on it: `router.get(…).post(…)`.
  const method = calledMethod(target);
  if (!method) return undefined;
  const object = frameworkObjectOf(model, method.object, depth + 1);
  if (object === 'express' && method.name === ROUTE_METHOD) return 'express-route';
  if (object === 'express-route' && HTTP_ROUTE_METHODS.includes(method.name)) return object;
  const isRegistration = HTTP_ROUTE_METHODS.includes(method.name) || KOA_ROUTER_EXTRA_METHODS.includes(method.name) || method.name === MIDDLEWARE_METHOD;
  return object && object !== 'express-route' && isRegistration ? object : undefined;
}

function frameworkObjectOfParameter(model: SignalRModel, identifier: TSESTree.Identifier): FrameworkObject | undefined {
  const def = model.variableOf(identifier)?.defs[0];
  if (def?.type !== 'Parameter') return undefined;
  const annotation = def.name.type === AST_NODE_TYPES.Identifier ? def.name.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type === AST_NODE_TYPES.TSTypeReference) return matchExport(model, annotation.typeName, PARAMETER_TYPES);
  // `fastify.register(async (instance) => { instance.get(…) })`: the plugin receives the instance first.
  const fn = def.node;
  const call = fn.parent;
  if (!isFunction(fn) || fn.params[0] !== def.name || call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return undefined;
  const method = calledMethod(call);
  return method?.name === FASTIFY_REGISTER && frameworkObjectOf(model, method.object) === 'fastify' ? 'fastify' : undefined;
}

function matchExport(model: SignalRModel, node: Node, table: ReadonlyArray<readonly [FrameworkObject, ModuleExports]>): FrameworkObject | undefined {
  const binding = model.moduleBindingOf(node);
  if (!binding) return undefined;
  return table.find(([, exports]) => exports.modules.includes(binding.module) && exports.names.includes(binding.name))?.[0];
}

/**
 * Azure Functions v3: `module.exports = async function (context, req) {…}` (or `module.exports.run`,
 * `exports.run`, `export default`). A function counts when its first parameter is typed `Context` from
 * `@azure/functions`, it is held by a variable typed `AzureFunction`, or its first parameter is named
 * `context` and reads invocation-context members (`context.res`, `context.bindings`, `context.log`, …).
 */
function collectAzureFunctionsV3(model: SignalRModel, statement: TSESTree.ProgramStatement, add: AddHandler): void {
  let exported: Node | undefined;
  let registration = 'module.exports';
  if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
    exported = statement.declaration;
    registration = 'export default';
  } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
    const assignment = statement.expression;
    if (assignment.operator !== '=' || !isCommonJsExport(model, assignment.left)) return;
    exported = assignment.right;
  }
  const fn = exported && functionOf(model, exported);
  if (fn && exported && isAzureFunctionsV3(model, fn, exported)) add(fn, 'azure-functions', 'function', registration);
}

function isAzureFunctionsV3(model: SignalRModel, fn: FunctionNode, exported: Node): boolean {
  const isAzureType = (type: TSESTree.TypeNode | undefined, name: string): boolean => {
    if (type?.type !== AST_NODE_TYPES.TSTypeReference) return false;
    const binding = model.moduleBindingOf(type.typeName);
    return binding?.module === HANDLER_MODULES.azureFunctions && binding.name === name;
  };
  const holder = skipWrappers(exported);
  if (holder.type === AST_NODE_TYPES.Identifier) {
    const def = model.variableOf(holder)?.defs[0];
    const id = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator).id : undefined;
    if (id?.type === AST_NODE_TYPES.Identifier && isAzureType(id.typeAnnotation?.typeAnnotation, AZURE_FUNCTIONS_V3_TYPES.function)) return true;
  }
  const context = fn.params[0];
  if (context?.type !== AST_NODE_TYPES.Identifier) return false;
  if (isAzureType(context.typeAnnotation?.typeAnnotation, AZURE_FUNCTIONS_V3_TYPES.context)) return true;
  if (context.name !== AZURE_FUNCTIONS_V3_CONTEXT_NAME) return false;
  return (model.variableOf(context)?.references ?? []).some((reference) => {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) return false;
    const name = staticPropertyName(member);
    return name !== undefined && AZURE_FUNCTIONS_V3_CONTEXT_MEMBERS.includes(name);
  });
}

/** `export async function GET(…)`, `export const POST = …`, `export { handler as PUT }` in `app/**\/route.ts`. */
function collectNextRouteHandlers(model: SignalRModel, statement: TSESTree.ProgramStatement, add: AddHandler): void {
  if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) return;
  const declaration = statement.declaration;
  if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id && NEXT_ROUTE_METHODS.includes(declaration.id.name)) {
    add(declaration, 'next', 'route', `export ${declaration.id.name}`);
  } else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !NEXT_ROUTE_METHODS.includes(declarator.id.name) || !declarator.init) continue;
      add(functionOf(model, declarator.init), 'next', 'route', `export ${declarator.id.name}`);
    }
  }
  if (statement.source) return;
  for (const specifier of statement.specifiers) {
    const exportedName = moduleExportName(specifier.exported);
    if (NEXT_ROUTE_METHODS.includes(exportedName)) add(functionOf(model, specifier.local), 'next', 'route', `export ${exportedName}`);
  }
}

/** `export default function handler(req, res)` (or a function named by the default export) in `pages/api/**`. */
function collectNextApiRoute(model: SignalRModel, statement: TSESTree.ProgramStatement, add: AddHandler): void {
  if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
    add(functionOf(model, statement.declaration), 'next', 'route', 'export default');
  } else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.source) {
    for (const specifier of statement.specifiers) {
      if (moduleExportName(specifier.exported) === 'default') add(functionOf(model, specifier.local), 'next', 'route', 'export default');
    }
  }
}

function moduleExportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

function nameForMessage(node: Node): string {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const property = staticPropertyName(target);
    if (property !== undefined) return `${nameForMessage(target.object)}.${property}`;
  }
  if (target.type === AST_NODE_TYPES.CallExpression) return `${nameForMessage(target.callee)}(…)`;
  return '…';
}
