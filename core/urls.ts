// Hub URLs as the code writes them: where a client is given one (the core client's `withUrl`, the
// classic client's `$.hubConnection(url, { qs })`, `connection.qs` and `connection.url`), which query
// parameters it carries (from the URL text, `URL`/`URLSearchParams` objects, the classic `qs`), and
// whether it is the service's own client endpoint or an app server that negotiates.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from './ast.js';
import { calledMethod, parentSkippingWrappers, skipWrappers, staticPropertyName } from './ast.js';
import type { ClientFlavour, SignalRModel } from './model.js';
import { functionOf } from './functions.js';
import { BUILDER_METHODS, CLASSIC_CONNECTION_FACTORY, HTTP_OPTIONS, NEGOTIATE_RESPONSE, SERVICE_CLIENT_PATH } from './signalr.js';
import { findProperty, resolveObject, returnedExpressions, staticText, UNKNOWN_TEXT, unknownTextParts } from './values.js';

/**
 * Azure SignalR's reserved query parameter naming the hub. ASP.NET Core reads query names
 * case-insensitively, so `Hub=` counts too.
 */
export const HUB_PARAMETER = 'hub';

/** The parameter the client itself sends the `accessTokenFactory` token in (WebSockets and SSE in browsers). */
export const ACCESS_TOKEN_PARAMETER = 'access_token';

/** Query parameter names that carry an access token, compared without case, `_` or `-`. */
const TOKEN_PARAMETERS: readonly string[] = ['accesstoken', 'token', 'idtoken', 'jwt', 'authtoken', 'bearer', 'bearertoken', 'authorization'];

/** The classic client's connection settings: `$.hubConnection(url, { qs })`, `connection.qs`, `connection.url`. */
export const CLASSIC_URL_SETTINGS = { query: 'qs', url: 'url' } as const;

/** A place where a client is given its hub URL or query. */
export interface HubUrlSite {
  readonly flavour: ClientFlavour;
  /** The `withUrl(...)` / `$.hubConnection(...)` call, or the `connection.qs = …` assignment. */
  readonly node: Node;
  /** The URL expression, when this site gives one. */
  readonly url?: Node;
  /** The classic client's `qs`: an object or a query string. */
  readonly query?: Node;
  /** The second argument of `withUrl` (options, or a transport type). */
  readonly options?: Node;
}

/** A query parameter a hub URL carries. */
export interface QueryParameter {
  /** As written, URL-decoded. */
  readonly name: string;
  /** Where it is written: the URL expression, a `qs` property or string, an `append`/`set` call. */
  readonly node: Node;
}

/**
 * Where a request goes first: `service` for the Azure SignalR client endpoint (`…/client/?hub=…`),
 * which needs its `hub` parameter; `app` for an app server, which negotiates (and, behind Azure
 * SignalR, redirects with `?hub=` of its own); `unknown` when the code does not show the URL.
 */
export type UrlTarget = 'app' | 'service' | 'unknown';

/** `withUrl(...)` on a SignalR builder, `$.hubConnection(...)`, or `<classic connection>.qs|url = …`. */
export function hubUrlSiteOf(model: SignalRModel, node: Node): HubUrlSite | undefined {
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const method = calledMethod(node);
    if (!method) return undefined;
    const [first, second] = node.arguments;
    if (method.name === BUILDER_METHODS.withUrl && first && model.builderChainOf(method.object)) {
      return { flavour: 'core', node, url: first, ...(second && { options: second }) };
    }
    if (method.name === CLASSIC_CONNECTION_FACTORY && model.isJQuery(method.object)) {
      // `$.hubConnection(url, { qs, logging, useDefaultPath })`
      const query = second ? findProperty(model, second, CLASSIC_URL_SETTINGS.query) : undefined;
      return {
        flavour: 'classic',
        node,
        ...(first && { url: first }),
        ...(query && query !== 'unknown' && { query: query.value }),
      };
    }
    return undefined;
  }
  if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=' && node.left.type === AST_NODE_TYPES.MemberExpression) {
    const setting = staticPropertyName(node.left);
    if (setting !== CLASSIC_URL_SETTINGS.query && setting !== CLASSIC_URL_SETTINGS.url) return undefined;
    if (model.connectionOf(node.left.object)?.flavour !== 'classic') return undefined;
    return setting === CLASSIC_URL_SETTINGS.query
      ? { flavour: 'classic', node, query: node.right }
      : { flavour: 'classic', node, url: node.right };
  }
  return undefined;
}

/** The query parameters a site gives the client, in order, after `set`/`delete` calls the file makes. */
export function queryParametersOf(model: SignalRModel, site: HubUrlSite): QueryParameter[] {
  return [
    ...(site.url ? urlParameters(model, site.url) : []),
    ...(site.query ? classicQueryParameters(model, site.query) : []),
  ];
}

/** Is this the name of the reserved `hub` parameter? */
export function isHubParameter(name: string): boolean {
  return name.toLowerCase() === HUB_PARAMETER;
}

/** Is this the name of a parameter that carries an access token (`access_token`, `token`, `jwt`, …)? */
export function isTokenParameter(name: string): boolean {
  return TOKEN_PARAMETERS.includes(name.toLowerCase().replace(/[-_]/g, ''));
}

/** Where the client's first request goes, for a URL expression (see `UrlTarget`). */
export function urlTarget(model: SignalRModel, url: Node): UrlTarget {
  const { beforeQuery } = splitUrl(urlText(model, url));
  if (isServiceClientPath(beforeQuery)) return 'service';
  if (beforeQuery.replaceAll(UNKNOWN_TEXT, '') === '') return 'unknown';
  return 'app';
}

/** Is this URL text (with `UNKNOWN_TEXT`) the Azure SignalR client endpoint with its hub: `https://<name>.service.signalr.net/client/?hub=chat`? */
export function isServiceClientUrlText(text: string): boolean {
  const { beforeQuery, query } = splitUrl(text);
  return isServiceClientPath(beforeQuery) && query !== undefined && parseQuery(query).some(isHubParameter);
}

function isServiceClientPath(beforeQuery: string): boolean {
  return SERVICE_CLIENT_PATH.test(beforeQuery);
}

/**
 * `withUrl(info.url, { accessTokenFactory: () => info.accessToken })`: the URL and the token of one
 * negotiate response (`NEGOTIATE_RESPONSE`, read from one object or destructured from one, which the
 * file does not write itself). A client given those connects to the service's client endpoint.
 */
export function isNegotiateResponseUrl(model: SignalRModel, url: Node, options: Node): boolean {
  const urlSource = responseOf(model, url, NEGOTIATE_RESPONSE.url);
  const factory = findProperty(model, options, HTTP_OPTIONS.accessTokenFactory);
  if (!urlSource || !factory || factory === 'unknown') return false;
  const tokenFunction = functionOf(model, factory.value);
  return tokenFunction !== undefined && returnedExpressions(tokenFunction).some((token) => responseOf(model, token, NEGOTIATE_RESPONSE.accessToken) === urlSource);
}

/**
 * The response an expression reads `key` of: the variable of `response.key`, or the pattern of
 * `const { key } = response`. Undefined for anything else, and for an object literal of the file
 * (`const info = { url: '/hubs/chat', accessToken }`), which is no response.
 */
function responseOf(model: SignalRModel, node: Node, key: string): object | undefined {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipWrappers(target.object);
    if (staticPropertyName(target) !== key || object.type !== AST_NODE_TYPES.Identifier || resolveObject(model, object)) return undefined;
    return model.variableOf(object);
  }
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  const property = model.variableOf(target)?.defs[0]?.name.parent;
  if (property?.type !== AST_NODE_TYPES.Property || staticPropertyName(property) !== key) return undefined;
  const pattern = property.parent;
  const declarator = pattern.parent;
  const written = declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init !== null && resolveObject(model, declarator.init) !== undefined;
  return pattern.type === AST_NODE_TYPES.ObjectPattern && !written ? pattern : undefined;
}

// ---- URL text ----

function splitUrl(text: string): { beforeQuery: string; query: string | undefined } {
  const hash = text.indexOf('#');
  const withoutFragment = hash >= 0 ? text.slice(0, hash) : text;
  const mark = withoutFragment.indexOf('?');
  if (mark >= 0) return { beforeQuery: withoutFragment.slice(0, mark), query: withoutFragment.slice(mark + 1) };
  // `${hubUrl}&hub=chat`: a static `&` after a run-time part can only continue that part's query.
  const ampersand = withoutFragment.indexOf('&');
  if (ampersand > 0 && withoutFragment.slice(0, ampersand).includes(UNKNOWN_TEXT)) {
    return { beforeQuery: UNKNOWN_TEXT, query: withoutFragment.slice(ampersand + 1) };
  }
  return { beforeQuery: withoutFragment, query: undefined };
}

/** The names in a query string (without `?`); names the code computes are left out. */
function parseQuery(query: string): string[] {
  const names: string[] = [];
  for (const pair of query.split('&')) {
    const rawName = pair.split('=', 1)[0]!;
    if (rawName === '' || rawName.includes(UNKNOWN_TEXT)) continue;
    names.push(decodeQueryName(rawName));
  }
  return names;
}

/** `qs`, `url.search` and `URLSearchParams` accept a query string with or without its `?`. */
function withoutQuestionMark(query: string): string {
  return query.startsWith('?') ? query.slice(1) : query;
}

function decodeQueryName(raw: string): string {
  const spaced = raw.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** The text of a URL expression; for a `URL` object, of its input. */
function urlText(model: SignalRModel, url: Node): string {
  const object = urlObjectOf(model, url);
  const input = object?.init.arguments[0];
  if (object) return input ? staticText(model, input) : UNKNOWN_TEXT;
  return staticText(model, url);
}

function urlParameters(model: SignalRModel, url: Node): QueryParameter[] {
  const { query } = splitUrl(staticText(model, url));
  const parameters = query === undefined ? [] : parseQuery(query).map((name) => ({ name, node: url }));
  // `?${params}`, `url.toString()`: parts the text cannot show, but whose parameters the file writes.
  for (const part of unknownTextParts(model, url)) parameters.push(...searchParameters(model, part) ?? []);
  return parameters;
}

function classicQueryParameters(model: SignalRModel, query: Node): QueryParameter[] {
  const object = resolveObject(model, query);
  if (!object) {
    const text = staticText(model, query);
    return parseQuery(withoutQuestionMark(text)).map((name) => ({ name, node: query }));
  }
  return objectKeys(model, object);
}

/** The static keys of an object literal, through spreads of `const` objects. */
function objectKeys(model: SignalRModel, object: TSESTree.ObjectExpression, seen = new Set<Node>()): QueryParameter[] {
  if (seen.has(object)) return [];
  seen.add(object);
  const keys: QueryParameter[] = [];
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const inner = resolveObject(model, property.argument);
      if (inner) keys.push(...objectKeys(model, inner, seen));
      continue;
    }
    const name = staticPropertyName(property);
    if (name !== undefined) keys.push({ name, node: property });
  }
  return keys;
}

// ---- URL and URLSearchParams objects ----

const URL_CLASS = 'URL';
const SEARCH_PARAMS_CLASS = 'URLSearchParams';
/** Members of `URL` and `URLSearchParams` that give the query: `url.searchParams`, `url.href`, `params.toString()`. */
const SEARCH_PARAMS_PROPERTY = 'searchParams';
const SEARCH_PROPERTY = 'search';
const URL_TEXT_MEMBERS: readonly string[] = ['href', 'toString', 'toJSON'];
const SEARCH_PARAMS_EDITS = { append: 'append', set: 'set', delete: 'delete' } as const;

/** `new URL(...)` or `new URLSearchParams(...)`, and the `const` that holds it, if any. */
interface ObjectVariable {
  readonly init: TSESTree.NewExpression;
  readonly declarator?: TSESTree.VariableDeclarator & { id: TSESTree.Identifier };
}

/** `url`, `url.href`, `url.toString()`, `String(url)` for a `const url = new URL(...)`. */
function urlObjectOf(model: SignalRModel, node: Node): ObjectVariable | undefined {
  return objectVariableOf(model, textSource(model, node), URL_CLASS);
}

/** Unwraps `x.href`, `x.toString()`, `String(x)` to `x`. */
function textSource(model: SignalRModel, node: Node): Node {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.CallExpression) {
    const method = calledMethod(target);
    if (method && URL_TEXT_MEMBERS.includes(method.name) && target.arguments.length === 0) return skipWrappers(method.object);
    if (isGlobal(model, target.callee, 'String') && target.arguments.length === 1) {
      return skipWrappers(target.arguments[0]!);
    }
  }
  if (target.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(target) === 'href') return skipWrappers(target.object);
  return target;
}

function objectVariableOf(model: SignalRModel, node: Node, className: string): ObjectVariable | undefined {
  const init = node.type === AST_NODE_TYPES.Identifier ? model.resolveConst(node) : node;
  if (init?.type !== AST_NODE_TYPES.NewExpression || !isGlobal(model, init.callee, className)) return undefined;
  const holder = parentSkippingWrappers(init);
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier) return { init };
  return { init, declarator: holder as TSESTree.VariableDeclarator & { id: TSESTree.Identifier } };
}

/** The built-in `name`, not a binding of the file that shadows it. */
function isGlobal(model: SignalRModel, node: Node, name: string): boolean {
  const target = skipWrappers(node);
  if (target.type !== AST_NODE_TYPES.Identifier || target.name !== name) return false;
  const variable = model.variableOf(target);
  return !variable || variable.defs.length === 0;
}

/**
 * The parameters of a `URL` (through `url`, `url.href`, `url.toString()`) or `URLSearchParams`
 * object written in this file; undefined for anything else.
 */
function searchParameters(model: SignalRModel, node: Node): QueryParameter[] | undefined {
  const source = textSource(model, node);
  const url = objectVariableOf(model, source, URL_CLASS);
  if (url) {
    const input = url.init.arguments[0];
    const { query } = splitUrl(input ? staticText(model, input) : UNKNOWN_TEXT);
    const initial = query === undefined || !input ? [] : parseQuery(query).map((name) => ({ name, node: input }));
    return applyEdits(model, url, initial, (member) => {
      // `url.searchParams.append(...)` and `url.search = '...'`
      if (staticPropertyName(member) === SEARCH_PARAMS_PROPERTY && member.parent.type === AST_NODE_TYPES.MemberExpression) {
        return { kind: 'searchParams', member: member.parent };
      }
      return staticPropertyName(member) === SEARCH_PROPERTY ? { kind: 'search', member } : undefined;
    });
  }
  const params = objectVariableOf(model, source, SEARCH_PARAMS_CLASS);
  if (params) {
    const input = params.init.arguments[0];
    const initial = input ? searchParamsInit(model, input) : [];
    return applyEdits(model, params, initial, (member) => ({ kind: 'searchParams', member }));
  }
  return undefined;
}

/** `new URLSearchParams('a=1')`, `({ hub: 'x' })`, `[['hub', 'x']]`. */
function searchParamsInit(model: SignalRModel, input: Node): QueryParameter[] {
  const target = skipWrappers(input);
  const object = resolveObject(model, target);
  if (object) return objectKeys(model, object);
  if (target.type === AST_NODE_TYPES.ArrayExpression) {
    return target.elements.flatMap((pair) => {
      const name = pair?.type === AST_NODE_TYPES.ArrayExpression && pair.elements[0] ? staticText(model, pair.elements[0]) : UNKNOWN_TEXT;
      return name.includes(UNKNOWN_TEXT) ? [] : [{ name, node: pair! }];
    });
  }
  const text = staticText(model, target);
  return parseQuery(withoutQuestionMark(text)).map((name) => ({ name, node: input }));
}

/** `x.searchParams.append(…)`-like calls, or an assignment to `url.search`. */
interface Edit {
  readonly kind: 'search' | 'searchParams';
  readonly member: TSESTree.MemberExpression;
}

/**
 * Applies, in source order, the edits the file makes to an object's parameters. Only statements in
 * the block that declares it count: an edit inside a branch may not happen, and guessing it does
 * would report parameters the URL never has.
 */
function applyEdits(
  model: SignalRModel,
  object: ObjectVariable,
  initial: QueryParameter[],
  editOf: (member: TSESTree.MemberExpression) => Edit | undefined,
): QueryParameter[] {
  let parameters = [...initial];
  if (!object.declarator) return parameters;
  const variable = model.variableOf(object.declarator.id);
  const declaration = object.declarator.parent;
  const block = declaration.parent.type === AST_NODE_TYPES.ExportNamedDeclaration ? declaration.parent.parent : declaration.parent;
  for (const reference of variable?.references ?? []) {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    const edit = editOf(member);
    if (!edit) continue;
    if (edit.kind === 'search') {
      const assignment = edit.member.parent;
      if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== edit.member) continue;
      if (!isStatementOf(assignment, block)) continue;
      const text = staticText(model, assignment.right);
      parameters = parseQuery(withoutQuestionMark(text)).map((name) => ({ name, node: assignment }));
      continue;
    }
    const call = edit.member.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== edit.member || !isStatementOf(call, block)) continue;
    const operation = staticPropertyName(edit.member);
    const nameNode = call.arguments[0];
    const name = nameNode ? staticText(model, nameNode) : UNKNOWN_TEXT;
    if (name.includes(UNKNOWN_TEXT)) continue;
    if (operation === SEARCH_PARAMS_EDITS.set || operation === SEARCH_PARAMS_EDITS.delete) {
      parameters = parameters.filter((parameter) => parameter.name !== name);
    }
    if (operation === SEARCH_PARAMS_EDITS.set || operation === SEARCH_PARAMS_EDITS.append) parameters.push({ name, node: call });
  }
  return parameters;
}

/** `expression;` is a statement of `block` itself: not in a branch, a loop, a callback or a `&&`. */
function isStatementOf(expression: Node, block: Node): boolean {
  const statement = parentSkippingWrappers(expression);
  return statement?.type === AST_NODE_TYPES.ExpressionStatement && statement.parent === block;
}

// ---- moving a token out of the URL ----

/** A rewrite that drops `access_token=${token}` from a URL written in place (see `accessTokenInUrl`). */
export interface AccessTokenInUrl {
  /** Replace this range of the source … */
  readonly range: readonly [number, number];
  /** … with this text, to drop the parameter. */
  readonly replacement: string;
  /** The token, for `accessTokenFactory: () => <token>`. */
  readonly token: Node;
}

/**
 * For a `withUrl` URL written in place as `\`…?access_token=${token}\`` or `'…?access_token=' + token`,
 * how to drop the parameter; undefined for any other shape. The token must be a plain variable or
 * property read (optionally through `encodeURIComponent`, which the client applies itself), so
 * reading it again on every connect is harmless.
 */
export function accessTokenInUrl(model: SignalRModel, url: Node): AccessTokenInUrl | undefined {
  if (url.type === AST_NODE_TYPES.TemplateLiteral) return fromTemplate(model, url);
  if (url.type === AST_NODE_TYPES.BinaryExpression && url.operator === '+') return fromConcatenation(model, url);
  return undefined;
}

const ACCESS_TOKEN_ASSIGNMENT = `${ACCESS_TOKEN_PARAMETER}=`;

function fromTemplate(model: SignalRModel, url: TSESTree.TemplateLiteral): AccessTokenInUrl | undefined {
  for (let i = 0; i < url.expressions.length; i++) {
    const before = url.quasis[i]!;
    const after = url.quasis[i + 1]!;
    const separator = before.value.raw.at(-ACCESS_TOKEN_ASSIGNMENT.length - 1);
    if (!before.value.raw.endsWith(ACCESS_TOKEN_ASSIGNMENT) || (separator !== '?' && separator !== '&')) continue;
    const rest = after.value.raw;
    const last = i + 1 === url.expressions.length;
    if (!(rest.startsWith('&') || rest.startsWith('#') || (rest === '' && last))) return undefined;
    const token = plainToken(model, url.expressions[i]!);
    if (!token) return undefined;
    // `before` ends with `${`, `after` starts with `}` in the source.
    const assignmentStart = before.range[1] - 2 - ACCESS_TOKEN_ASSIGNMENT.length;
    const afterValue = after.range[0] + 1;
    if (separator === '?' && rest.startsWith('&')) {
      return { range: [assignmentStart, afterValue + 1], replacement: '', token };
    }
    return { range: [assignmentStart - 1, afterValue], replacement: '', token };
  }
  return undefined;
}

function fromConcatenation(model: SignalRModel, url: TSESTree.BinaryExpression): AccessTokenInUrl | undefined {
  const token = plainToken(model, url.right);
  const left = url.left;
  const literal =
    left.type === AST_NODE_TYPES.Literal
      ? left
      : left.type === AST_NODE_TYPES.BinaryExpression && left.operator === '+' && left.right.type === AST_NODE_TYPES.Literal
        ? left.right
        : undefined;
  if (!token || typeof literal?.value !== 'string') return undefined;
  const raw = literal.raw.slice(1, -1);
  const suffix = [`?${ACCESS_TOKEN_ASSIGNMENT}`, `&${ACCESS_TOKEN_ASSIGNMENT}`].find((candidate) => raw.endsWith(candidate));
  if (!suffix) return undefined;
  if (raw === suffix) {
    // `hubUrl + '?access_token=' + token` becomes `hubUrl`.
    if (left.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
    return { range: [left.left.range[1], url.range[1]], replacement: '', token };
  }
  const quote = literal.raw.at(-1)!;
  return { range: [literal.range[1] - 1 - suffix.length, url.range[1]], replacement: quote, token };
}

function plainToken(model: SignalRModel, node: Node): Node | undefined {
  let target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.CallExpression && isGlobal(model, target.callee, 'encodeURIComponent') && target.arguments.length === 1) {
    target = skipWrappers(target.arguments[0]!);
  }
  return isPlainRead(target) ? target : undefined;
}

function isPlainRead(node: Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression) return true;
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && !node.optional && isPlainRead(node.object);
}
