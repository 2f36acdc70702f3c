// Azure Functions bindings for SignalR as configuration: the v3 `function.json` and the v4 code that
// declares the same bindings (`app.http(name, { methods, extraInputs })`, `input.generic({ type, … })`).
// Both are read into one neutral shape, `BindingView`, so each check is written once for both.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from './ast.js';
import { calledMethod, skipWrappers, staticPropertyName, walk } from './ast.js';
import type { JsonDocument, JsonNode, JsonObject, JsonValue } from './json.js';
import { memberOf } from './json.js';
import type { SignalRModel } from './model.js';
import { HANDLER_MODULES } from './owners/handler.js';
import { findProperty, resolveObject, staticString } from './values.js';

/** Binding `type`s, compared without case as the Functions host does. */
export const BINDING_TYPES = {
  httpTrigger: 'httpTrigger',
  /** The input that hands a negotiate function the client URL and access token. */
  connectionInfo: 'signalRConnectionInfo',
  /** The multi-endpoint variant of the same input, also only used by negotiate functions. */
  negotiation: 'signalRNegotiation',
} as const;

/** Binding properties the checks read (`function.json` and the v4 options share the names). */
export const BINDING_PROPERTIES = {
  bindings: 'bindings',
  type: 'type',
  methods: 'methods',
  route: 'route',
  userId: 'userId',
  idToken: 'idToken',
  claimTypeList: 'claimTypeList',
  extraInputs: 'extraInputs',
} as const;

/** The file that declares a v3 function; the folder that holds it names the function. */
export const FUNCTION_JSON = 'function.json';

/** The SignalR client sends its negotiate request as `POST <url>/negotiate`. */
export const NEGOTIATE_PATH_SEGMENT = 'negotiate';
export const NEGOTIATE_METHOD = 'POST';

/**
 * The `userId` binding expression that passes the whole `Authorization` header, `Bearer ` prefix and
 * token included (FACTS.md), so the user id never equals the user's real id.
 */
const AUTHORIZATION_HEADER_EXPRESSION = /^\{headers\.authorization\}$/i;

/** v4 exports of `@azure/functions` that declare bindings. */
const V4_EXPORTS = { app: 'app', input: 'input' } as const;
/** `input.generic(options)` declares a binding of any type. */
const V4_GENERIC_BINDING = 'generic';
/** v4 HTTP registrations and the methods each accepts when the options name none (`types/http.d.ts`). */
const V4_HTTP_REGISTRATIONS: Readonly<Record<string, readonly string[] | 'options'>> = {
  http: 'options',
  get: ['GET'],
  put: ['PUT'],
  post: ['POST'],
  patch: ['PATCH'],
  deleteRequest: ['DELETE'],
};
/** `app.http` without `methods` accepts GET and POST. */
const V4_DEFAULT_METHODS: readonly string[] = ['GET', 'POST'];

/** A property value as the checks need it: a string, a list of strings, or anything else (unknown, a number, …). */
export type PropertyValue = { readonly kind: 'string'; readonly value: string } | { readonly kind: 'strings'; readonly values: readonly string[] } | { readonly kind: 'other' };

export interface BindingProperty<N> {
  /** The value as written, to report on. */
  readonly node: N;
  readonly value: PropertyValue;
}

/** One binding as written, in `function.json` or in v4 code. `unknown`: something the analysis cannot see (a spread) may set it. */
export interface BindingView<N> {
  readonly node: N;
  property(name: string): BindingProperty<N> | 'unknown' | undefined;
}

export interface ConnectionInfoProblem<N> {
  readonly kind: 'authorizationHeaderUserId' | 'idTokenWithoutClaimTypes';
  readonly node: N;
}

/** Is this binding of `type` (compared without case)? */
export function isBindingOfType<N>(binding: BindingView<N>, type: string): boolean {
  const found = binding.property(BINDING_PROPERTIES.type);
  return found !== undefined && found !== 'unknown' && found.value.kind === 'string' && found.value.value.toLowerCase() === type.toLowerCase();
}

/** A `signalRConnectionInfo` or `signalRNegotiation` input: the binding only a negotiate function has. */
export function isNegotiateInput<N>(binding: BindingView<N>): boolean {
  return isBindingOfType(binding, BINDING_TYPES.connectionInfo) || isBindingOfType(binding, BINDING_TYPES.negotiation);
}

/** A route the client's negotiate request reaches: its last segment is `negotiate` (`negotiate`, `{hub}/negotiate`). */
export function isNegotiateRoute(route: string): boolean {
  const segments = route.split('/').filter((segment) => segment !== '');
  return segments.at(-1)?.toLowerCase() === NEGOTIATE_PATH_SEGMENT;
}

/** Methods written as a non-empty list of strings that leaves out POST (compared without case). */
export function refusesPost(methods: PropertyValue): boolean {
  return methods.kind === 'strings' && methods.values.length > 0 && !methods.values.some((method) => method.toUpperCase() === NEGOTIATE_METHOD);
}

/** What a `signalRConnectionInfo` binding says that cannot work as written. */
export function connectionInfoProblems<N>(binding: BindingView<N>): ConnectionInfoProblem<N>[] {
  if (!isBindingOfType(binding, BINDING_TYPES.connectionInfo)) return [];
  const problems: ConnectionInfoProblem<N>[] = [];
  const userId = binding.property(BINDING_PROPERTIES.userId);
  if (userId && userId !== 'unknown' && userId.value.kind === 'string' && AUTHORIZATION_HEADER_EXPRESSION.test(userId.value.value.trim())) {
    problems.push({ kind: 'authorizationHeaderUserId', node: userId.node });
  }
  const idToken = binding.property(BINDING_PROPERTIES.idToken);
  const claimTypes = binding.property(BINDING_PROPERTIES.claimTypeList);
  if (idToken && idToken !== 'unknown' && !isEmpty(idToken.value) && claimTypes !== 'unknown' && (!claimTypes || isEmpty(claimTypes.value))) {
    problems.push({ kind: 'idTokenWithoutClaimTypes', node: idToken.node });
  }
  return problems;
}

function isEmpty(value: PropertyValue): boolean {
  if (value.kind === 'string') return value.value.trim() === '';
  return value.kind === 'strings' && value.values.length === 0;
}

// ---- function.json (v3) ----

/** The bindings of a `function.json` document: the objects of its top-level `bindings` array. */
export function functionJsonBindings(document: JsonDocument): BindingView<JsonNode>[] {
  if (document.body.type !== 'Object') return [];
  const bindings = memberOf(document.body, BINDING_PROPERTIES.bindings)?.value;
  if (bindings?.type !== 'Array') return [];
  return bindings.elements.flatMap((element) => (element.value.type === 'Object' ? [jsonBindingView(element.value)] : []));
}

function jsonBindingView(object: JsonObject): BindingView<JsonNode> {
  return {
    node: object,
    property(name) {
      const member = memberOf(object, name);
      return member && { node: member.value, value: jsonPropertyValue(member.value) };
    },
  };
}

function jsonPropertyValue(value: JsonValue): PropertyValue {
  if (value.type === 'String') return { kind: 'string', value: value.value };
  if (value.type === 'Array' && value.elements.every((element) => element.value.type === 'String')) {
    return { kind: 'strings', values: value.elements.map((element) => (element.value as { value: string }).value) };
  }
  return { kind: 'other' };
}

/** The route of a v3 function: its HTTP trigger's `route`, else the function's name (its folder). */
export function functionJsonRoute(trigger: BindingView<JsonNode>, functionName: string): string | undefined {
  const route = trigger.property(BINDING_PROPERTIES.route);
  if (!route) return functionName;
  return route !== 'unknown' && route.value.kind === 'string' ? route.value.value : undefined;
}

// ---- v4 code ----

/** An HTTP function registered with `app.http(name, options)` or a method shortcut (`app.get`). */
export interface V4HttpFunction {
  readonly call: TSESTree.CallExpression;
  /** The registration's callee (`app.get`), to report on when the shortcut fixes the methods. */
  readonly callee: Node;
  /** The route the function serves (`route`, else its name); undefined when not static. */
  readonly route: string | undefined;
  /** The methods it accepts, and where they are written (the shortcut's callee when implied). */
  readonly methods: BindingProperty<Node> | 'unknown';
  readonly extraInputs: readonly BindingView<Node>[];
}

/** Every v4 HTTP function of the file. */
export function v4HttpFunctions(model: SignalRModel): V4HttpFunction[] {
  const functions: V4HttpFunction[] = [];
  walk(model.program, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const method = calledMethod(node);
    if (!method || !Object.hasOwn(V4_HTTP_REGISTRATIONS, method.name) || !isFunctionsExport(model, method.object, V4_EXPORTS.app)) return;
    const implied = V4_HTTP_REGISTRATIONS[method.name]!;
    const [nameArgument, optionsArgument] = node.arguments;
    const name = nameArgument && staticString(model, nameArgument);
    const options = optionsArgument && resolveObject(model, optionsArgument) ? optionsArgument : undefined;
    const route = options ? v4Route(model, options, name) : name;
    const methods: BindingProperty<Node> | 'unknown' =
      implied === 'options' ? v4Methods(model, options) : { node: node.callee, value: { kind: 'strings', values: implied } };
    functions.push({ call: node, callee: node.callee, route, methods, extraInputs: options ? v4ExtraInputs(model, options) : [] });
  });
  return functions;
}

/**
 * Every binding object a v4 file declares: object literals with a `type` (the options of
 * `input.generic(…)`, or objects in `extraInputs`). An object only spread into others is a part of
 * those, not a binding of its own.
 */
export function v4BindingObjects(model: SignalRModel): BindingView<Node>[] {
  const bindings: BindingView<Node>[] = [];
  walk(model.program, (node) => {
    if (node.type === AST_NODE_TYPES.ObjectExpression && findProperty(model, node, BINDING_PROPERTIES.type) && !isSpreadOnly(model, node)) {
      bindings.push(v4BindingView(model, node));
    }
  });
  return bindings;
}

function isSpreadOnly(model: SignalRModel, object: TSESTree.ObjectExpression): boolean {
  const declarator = object.parent;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== object) return false;
  const references = model.variableOf(declarator.id)?.references.filter((reference) => reference.isRead()) ?? [];
  return references.length > 0 && references.every((reference) => reference.identifier.parent?.type === AST_NODE_TYPES.SpreadElement);
}

function v4Route(model: SignalRModel, options: Node, name: string | undefined): string | undefined {
  const route = findProperty(model, options, BINDING_PROPERTIES.route);
  if (route === undefined) return name;
  return route === 'unknown' ? undefined : staticString(model, route.value);
}

function v4Methods(model: SignalRModel, options: Node | undefined): BindingProperty<Node> | 'unknown' {
  const found = options ? findProperty(model, options, BINDING_PROPERTIES.methods) : undefined;
  if (found === 'unknown') return 'unknown';
  if (!found) return { node: options ?? model.program, value: { kind: 'strings', values: V4_DEFAULT_METHODS } };
  return { node: found.value, value: v4PropertyValue(model, found.value) };
}

/** The bindings listed in `extraInputs`: `input.generic(…)` calls and binding objects, also through `const`s. */
function v4ExtraInputs(model: SignalRModel, options: Node): BindingView<Node>[] {
  const found = findProperty(model, options, BINDING_PROPERTIES.extraInputs);
  if (!found || found === 'unknown') return [];
  const list = resolveArray(model, found.value);
  return (list?.elements ?? []).flatMap((element) => {
    const binding = element && v4BindingOf(model, element);
    return binding ? [binding] : [];
  });
}

function v4BindingOf(model: SignalRModel, node: Node): BindingView<Node> | undefined {
  let target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.Identifier) target = model.resolveConst(target) ?? target;
  if (target.type === AST_NODE_TYPES.CallExpression) {
    const method = calledMethod(target);
    const isGeneric = method?.name === V4_GENERIC_BINDING && isFunctionsExport(model, method.object, V4_EXPORTS.input);
    const options = isGeneric ? target.arguments[0] : undefined;
    return options && resolveObject(model, options) ? v4BindingView(model, options) : undefined;
  }
  return target.type === AST_NODE_TYPES.ObjectExpression ? v4BindingView(model, target) : undefined;
}

function v4BindingView(model: SignalRModel, options: Node): BindingView<Node> {
  return {
    node: options,
    property(name) {
      const found = findProperty(model, options, name) ?? findPropertyIgnoringCase(model, options, name);
      if (!found || found === 'unknown') return found;
      return { node: found.value, value: v4PropertyValue(model, found.value) };
    },
  };
}

/** Binding names are case-insensitive for the host: `userID` works like `userId`. */
function findPropertyIgnoringCase(model: SignalRModel, options: Node, name: string): ReturnType<typeof findProperty> {
  const object = resolveObject(model, options);
  const key = object?.properties.find(
    (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && staticPropertyName(property)?.toLowerCase() === name.toLowerCase(),
  );
  return key && findProperty(model, options, staticPropertyName(key)!);
}

function v4PropertyValue(model: SignalRModel, node: Node): PropertyValue {
  const text = staticString(model, node);
  if (text !== undefined) return { kind: 'string', value: text };
  const list = resolveArray(model, node);
  if (!list) return { kind: 'other' };
  const values = list.elements.map((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? staticString(model, element) : undefined));
  return values.every((value) => value !== undefined) ? { kind: 'strings', values: values as string[] } : { kind: 'other' };
}

function resolveArray(model: SignalRModel, node: Node): TSESTree.ArrayExpression | undefined {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.ArrayExpression) return target;
  const init = model.resolveConst(target);
  return init?.type === AST_NODE_TYPES.ArrayExpression ? init : undefined;
}

function isFunctionsExport(model: SignalRModel, node: Node, name: string): boolean {
  const binding = model.moduleBindingOf(node);
  return binding?.module === HANDLER_MODULES.azureFunctions && binding.name === name;
}
