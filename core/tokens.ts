// Access tokens a file signs for SignalR, and what makes them too big. Azure SignalR Service refuses
// tokens over 4 KB (413 from `/negotiate`; WebSocket and SSE carry the token in the URL, so long ones
// also give 414), and the usual cause is a payload that copies every claim of the user.
//
// A token is "for SignalR" when its audience is the service's client URL (`…/client/?hub=…`), when
// it is returned as the `accessToken` beside a `url` (a negotiate response), or when an
// `accessTokenFactory` returns it. Signing libraries: `jsonwebtoken`'s `sign` and `jose`'s `SignJWT`.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from './ast.js';
import { calledMethod, parentSkippingWrappers, skipWrappers, staticPropertyName } from './ast.js';
import { functionOf } from './functions.js';
import type { SignalRModel } from './model.js';
import { HTTP_OPTIONS, NEGOTIATE_RESPONSE } from './signalr.js';
import { isServiceClientUrlText } from './urls.js';
import { findProperty, resolveObject, returnedExpressions, staticText, UNKNOWN_TEXT } from './values.js';

/** A file whose text matches neither signing library signs no token: the token analysis skips it unparsed. */
export const TOKEN_TEXT_FILTER = /jsonwebtoken|jose/i;

/** Azure SignalR Service's limit on an access token, in bytes. */
export const DEFAULT_MAX_TOKEN_BYTES = 4096;

/** The signing libraries. */
const JWT_MODULES = { jsonwebtoken: 'jsonwebtoken', jose: 'jose' } as const;

/** `jsonwebtoken`: `sign(payload, key, options)`, and the calls whose result is a decoded token. */
const JSONWEBTOKEN = {
  sign: 'sign',
  decoders: ['verify', 'decode'],
  options: { audience: 'audience', algorithm: 'algorithm', keyId: 'keyid' },
} as const;

/** `jose`: `new SignJWT(payload).setProtectedHeader({ alg }).setAudience(aud).sign(key)`, and its decoders. */
const JOSE = {
  signJwt: 'SignJWT',
  setProtectedHeader: 'setProtectedHeader',
  setAudience: 'setAudience',
  sign: 'sign',
  /** Return the claims themselves. */
  decoders: ['decodeJwt'],
  /** Return `{ payload, protectedHeader }`. */
  verifiers: ['jwtVerify'],
  verifiedPayload: 'payload',
} as const;

/** The `aud` claim. */
const AUDIENCE_CLAIM = 'aud';

/** The header jsonwebtoken writes (`typ` besides the algorithm, HS256 unless told otherwise). */
const JSONWEBTOKEN_HEADER = { alg: 'HS256', typ: 'JWT' } as const;
/** The shortest header jose accepts: `{"alg":"HS256"}` (every algorithm name has at least five characters). */
const SHORTEST_JOSE_HEADER_BYTES = JSON.stringify({ alg: 'HS256' }).length;

/** Signature sizes in bytes, by algorithm; RSA with the 2048-bit keys jsonwebtoken requires at least. */
const SIGNATURE_BYTES: Readonly<Record<string, number>> = {
  HS256: 32, HS384: 48, HS512: 64,
  RS256: 256, RS384: 256, RS512: 256, PS256: 256, PS384: 256, PS512: 256,
  ES256: 64, ES384: 96, ES512: 132, EdDSA: 64, Ed25519: 64,
};
const SHORTEST_SIGNATURE_BYTES = 32;

/**
 * Names of values that hold a whole user, claims set, profile or decoded token, compared without
 * case, `_` or `-`: copying one into a token copies every claim it has.
 */
const WHOLE_OBJECT_NAMES: ReadonlySet<string> = new Set([
  'user', 'currentuser', 'authuser', 'authenticateduser', 'sessionuser', 'loggedinuser', 'signedinuser', 'appuser', 'dbuser',
  'userrecord', 'userdoc', 'userdocument', 'userentity', 'userobject', 'userdata',
  'claims', 'allclaims', 'userclaims', 'tokenclaims', 'idtokenclaims', 'identityclaims',
  'profile', 'userprofile', 'userinfo', 'principal', 'clientprincipal', 'claimsprincipal',
  'decoded', 'decodedtoken', 'decodedjwt', 'decodedpayload', 'decodedclaims', 'decodedidtoken',
  'verifiedtoken', 'verifiedpayload', 'idtokenpayload', 'tokenpayload',
]);

/** Objects whose members are strings from the request, never whole objects: `req.query.user`. */
const STRING_CONTAINERS: ReadonlySet<string> = new Set(['query', 'params', 'headers', 'cookies', 'searchparams']);

/** Claims that hold one value by convention: `sub: user` names the user, it does not copy it. */
const SCALAR_CLAIMS: ReadonlySet<string> = new Set([
  'sub', 'nameid', 'name', 'uniquename', 'email', 'upn', 'oid', 'tid', 'aud', 'iss', 'exp', 'iat', 'nbf', 'jti', 'userid', 'id',
]);

export interface TokenSigning {
  readonly library: 'jose' | 'jsonwebtoken';
  /** `sign(...)` of jsonwebtoken, or `new SignJWT(...)` of jose. */
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly payload?: Node;
  /** jsonwebtoken's `audience` option, or the argument of jose's `setAudience`. */
  readonly audience?: Node;
  /** jsonwebtoken's options object. */
  readonly options?: Node;
  /** jose's `setProtectedHeader` argument. */
  readonly header?: Node;
}

/** The signing that `node` is: jsonwebtoken's `sign(payload, key, options?)`, or jose's `new SignJWT(payload)`. */
export function tokenSigningOf(model: SignalRModel, node: Node): TokenSigning | undefined {
  if (node.type === AST_NODE_TYPES.CallExpression) {
    if (!isExport(model, node.callee, JWT_MODULES.jsonwebtoken, JSONWEBTOKEN.sign)) return undefined;
    const [payload, , third] = node.arguments;
    const options = third && resolveObject(model, third) ? third : undefined;
    const audience = options ? findProperty(model, options, JSONWEBTOKEN.options.audience) : undefined;
    return {
      library: 'jsonwebtoken',
      node,
      ...(payload && { payload }),
      ...(options && { options }),
      ...(audience && audience !== 'unknown' && { audience: audience.value }),
    };
  }
  if (node.type === AST_NODE_TYPES.NewExpression) {
    if (!isExport(model, node.callee, JWT_MODULES.jose, JOSE.signJwt)) return undefined;
    const chain = joseChain(node);
    const audience = chain.find((call) => calledMethod(call)?.name === JOSE.setAudience)?.arguments[0];
    const header = chain.find((call) => calledMethod(call)?.name === JOSE.setProtectedHeader)?.arguments[0];
    const payload = node.arguments[0];
    return { library: 'jose', node, ...(payload && { payload }), ...(audience && { audience }), ...(header && { header }) };
  }
  return undefined;
}

/**
 * The values a property hands to SignalR as an access token: what `accessTokenFactory` returns, or
 * the `accessToken` of a negotiate response (an object that also has a `url`).
 */
export function tokenSinkValues(model: SignalRModel, property: TSESTree.Property): Node[] {
  const key = staticPropertyName(property);
  if (key === HTTP_OPTIONS.accessTokenFactory) {
    const factory = functionOf(model, property.value);
    return factory ? returnedExpressions(factory) : [];
  }
  if (key !== NEGOTIATE_RESPONSE.accessToken || property.parent.type !== AST_NODE_TYPES.ObjectExpression) return [];
  const besideUrl = property.parent.properties.some(
    (sibling) => sibling.type === AST_NODE_TYPES.Property && staticPropertyName(sibling) === NEGOTIATE_RESPONSE.url,
  );
  return besideUrl ? [property.value] : [];
}

/**
 * The signings whose token an expression can be: directly, awaited, through `const`s, conditionals,
 * and functions of this file that return one.
 */
export function signingsOfToken(model: SignalRModel, node: Node, depth = 0): TokenSigning[] {
  const target = skipWrappers(node);
  if (depth > 6) return [];
  switch (target.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return signingsOfToken(model, target.argument, depth + 1);
    case AST_NODE_TYPES.ConditionalExpression:
      return [...signingsOfToken(model, target.consequent, depth + 1), ...signingsOfToken(model, target.alternate, depth + 1)];
    case AST_NODE_TYPES.LogicalExpression:
      return [...signingsOfToken(model, target.left, depth + 1), ...signingsOfToken(model, target.right, depth + 1)];
    case AST_NODE_TYPES.Identifier: {
      const init = model.resolveConst(target);
      return init ? signingsOfToken(model, init, depth + 1) : [];
    }
    case AST_NODE_TYPES.CallExpression: {
      const signing = tokenSigningOf(model, target) ?? joseSigningOfSignCall(model, target);
      if (signing) return [signing];
      const callee = functionOf(model, target.callee);
      return callee ? returnedExpressions(callee).flatMap((returned) => signingsOfToken(model, returned, depth + 1)) : [];
    }
    default:
      return [];
  }
}

/** The token's audience (option, `setAudience`, or `aud` claim) is the Azure SignalR client URL. */
export function hasSignalRAudience(model: SignalRModel, signing: TokenSigning): boolean {
  const claim = signing.payload ? findProperty(model, signing.payload, AUDIENCE_CLAIM) : undefined;
  const audiences = [signing.audience, claim && claim !== 'unknown' ? claim.value : undefined];
  return audiences.some((audience) => {
    if (!audience) return false;
    const target = skipWrappers(audience);
    const candidates = target.type === AST_NODE_TYPES.ArrayExpression ? target.elements : [target];
    return candidates.some((candidate) => candidate?.type !== AST_NODE_TYPES.SpreadElement && candidate && isServiceClientUrlText(staticText(model, candidate)));
  });
}

/**
 * Where a payload copies a whole object (a user, its claims, a profile, a decoded token): spreads
 * (`...req.user`), embedded values (`claims: user.claims`), or the payload itself (`sign(user, key)`).
 * Spreads of calls (`...pick(user, 'id')`) are how claims get chosen, and are left alone.
 */
export function wholeObjectsIn(model: SignalRModel, payload: Node): Node[] {
  const found: Node[] = [];
  collectWholeObjects(model, payload, found, new Set());
  return found;
}

/**
 * A lower bound of the token's encoded size in bytes: header, payload and signature in base64url.
 * Values the code computes count as nothing, so a report is certain.
 */
export function estimatedTokenBytes(model: SignalRModel, signing: TokenSigning): number {
  const algorithm = algorithmOf(model, signing);
  let headerBytes: number;
  if (signing.library === 'jose') {
    headerBytes = Math.max((signing.header && jsonBytes(model, signing.header)) ?? 0, SHORTEST_JOSE_HEADER_BYTES);
  } else {
    const keyId = signing.options && findProperty(model, signing.options, JSONWEBTOKEN.options.keyId);
    const kid = keyId && keyId !== 'unknown' ? jsonBytes(model, keyId.value) : undefined;
    headerBytes = utf8Bytes(JSON.stringify({ ...JSONWEBTOKEN_HEADER, alg: algorithm ?? JSONWEBTOKEN_HEADER.alg })) + (kid ? kid + ',"kid":'.length : 0);
  }
  let payloadBytes = (signing.payload && payloadJsonBytes(model, signing.payload)) ?? 2;
  // jsonwebtoken writes its `audience` option into the payload as `aud`.
  const claim = signing.payload ? findProperty(model, signing.payload, AUDIENCE_CLAIM) : undefined;
  if (signing.library === 'jsonwebtoken' && signing.audience && claim === undefined) {
    const audience = jsonBytes(model, signing.audience);
    if (audience) payloadBytes += audience + `,"${AUDIENCE_CLAIM}":`.length;
  }
  const signatureBytes = (algorithm === undefined ? undefined : SIGNATURE_BYTES[algorithm]) ?? SHORTEST_SIGNATURE_BYTES;
  return base64Length(headerBytes) + 1 + base64Length(payloadBytes) + 1 + base64Length(signatureBytes);
}

// ---- signings ----

function isExport(model: SignalRModel, node: Node, module: string, name: string): boolean {
  const found = model.moduleBindingOf(node);
  return found?.module === module && found.name === name;
}

/** The calls chained on `new SignJWT(...)`: `.setProtectedHeader(...).setAudience(...).sign(key)`. */
function joseChain(root: TSESTree.NewExpression): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  let current: Node = root;
  for (;;) {
    const member = parentSkippingWrappers(current);
    if (member?.type !== AST_NODE_TYPES.MemberExpression || skipWrappers(member.object) !== current) break;
    const call = parentSkippingWrappers(member);
    if (call?.type !== AST_NODE_TYPES.CallExpression || skipWrappers(call.callee) !== member) break;
    calls.push(call);
    current = call;
  }
  return calls;
}

/** For `new SignJWT(...)…sign(key)`, the `SignJWT` signing. */
function joseSigningOfSignCall(model: SignalRModel, call: TSESTree.CallExpression): TokenSigning | undefined {
  if (calledMethod(call)?.name !== JOSE.sign) return undefined;
  let current: Node = call;
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const method = calledMethod(current);
    if (!method) return undefined;
    current = skipWrappers(method.object);
  }
  return tokenSigningOf(model, current);
}

function algorithmOf(model: SignalRModel, signing: TokenSigning): string | undefined {
  const holder = signing.library === 'jose' ? signing.header : signing.options;
  const name = signing.library === 'jose' ? 'alg' : JSONWEBTOKEN.options.algorithm;
  const found = holder ? findProperty(model, holder, name) : undefined;
  if (!found || found === 'unknown') return undefined;
  const text = staticText(model, found.value);
  return text.includes(UNKNOWN_TEXT) ? undefined : text;
}

// ---- whole objects ----

function collectWholeObjects(model: SignalRModel, node: Node, found: Node[], seen: Set<Node>): void {
  const target = skipWrappers(node);
  const object = resolveObject(model, target);
  if (!object) {
    if (isWholeObject(model, target)) found.push(target);
    return;
  }
  if (seen.has(object)) return;
  seen.add(object);
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const branches = objectBranches(model, property.argument);
      if (branches) branches.forEach((branch) => collectWholeObjects(model, branch, found, seen));
      else if (isWholeObject(model, property.argument)) found.push(property);
      continue;
    }
    const key = staticPropertyName(property);
    if (key !== undefined && SCALAR_CLAIMS.has(normalizedName(key))) continue;
    const value = skipWrappers(property.value);
    if (resolveObject(model, value)) collectWholeObjects(model, value, found, seen);
    else if (value.type === AST_NODE_TYPES.ArrayExpression) {
      const copied = value.elements.some((element) => element?.type === AST_NODE_TYPES.SpreadElement && isWholeObject(model, element.argument));
      if (copied) found.push(property);
    } else if (isWholeObject(model, value)) found.push(property);
  }
}

/** `{…}` or `cond ? {…} : {}`: the object literals a spread can spread; undefined for anything else. */
function objectBranches(model: SignalRModel, node: Node): Node[] | undefined {
  const target = skipWrappers(node);
  if (resolveObject(model, target)) return [target];
  if (target.type === AST_NODE_TYPES.ConditionalExpression) {
    const consequent = objectBranches(model, target.consequent);
    const alternate = objectBranches(model, target.alternate);
    return consequent && alternate ? [...consequent, ...alternate] : undefined;
  }
  if (target.type === AST_NODE_TYPES.LogicalExpression) return objectBranches(model, target.right);
  return undefined;
}

/** Does this value hold a whole user, claims set, profile or decoded token? */
function isWholeObject(model: SignalRModel, node: Node, depth = 0): boolean {
  const target = skipWrappers(node);
  if (depth > 4) return false;
  switch (target.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return isWholeObject(model, target.argument, depth + 1);
    case AST_NODE_TYPES.CallExpression:
      return isDecodedToken(model, target);
    case AST_NODE_TYPES.MemberExpression: {
      const name = staticPropertyName(target);
      if (name === undefined || target.computed || readsFromStringContainer(target)) return false;
      if (name === JOSE.verifiedPayload && isJoseVerification(model, target.object)) return true;
      return WHOLE_OBJECT_NAMES.has(normalizedName(name));
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = model.variableOf(target);
      if (variable?.defs.some((definition) => hasPrimitiveAnnotation(definition.name))) return false;
      const init = model.resolveConst(target);
      if (init) {
        if (isWholeObject(model, init, depth + 1)) return true;
        // The initializer shows what the value is: a literal, or a member read judged above.
        if (init.type === AST_NODE_TYPES.MemberExpression || isLiteralValue(init)) return false;
      }
      return WHOLE_OBJECT_NAMES.has(normalizedName(target.name));
    }
    default:
      return false;
  }
}

/** `jwt.verify(...)`, `jwt.decode(...)`, `decodeJwt(...)`: the claims of a token, all of them. */
function isDecodedToken(model: SignalRModel, call: TSESTree.CallExpression): boolean {
  const found = model.moduleBindingOf(call.callee);
  if (!found) return false;
  if (found.module === JWT_MODULES.jsonwebtoken) return (JSONWEBTOKEN.decoders as readonly string[]).includes(found.name);
  return found.module === JWT_MODULES.jose && (JOSE.decoders as readonly string[]).includes(found.name);
}

/** `await jwtVerify(...)` (or a `const` holding it), whose `payload` is the verified claims. */
function isJoseVerification(model: SignalRModel, node: Node): boolean {
  let target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.Identifier) target = model.resolveConst(target) ?? target;
  if (target.type === AST_NODE_TYPES.AwaitExpression) target = skipWrappers(target.argument);
  if (target.type !== AST_NODE_TYPES.CallExpression) return false;
  const found = model.moduleBindingOf(target.callee);
  return found?.module === JWT_MODULES.jose && (JOSE.verifiers as readonly string[]).includes(found.name);
}

function readsFromStringContainer(member: TSESTree.MemberExpression): boolean {
  for (let current: Node = member.object; current.type === AST_NODE_TYPES.MemberExpression; current = skipWrappers(current.object)) {
    const name = staticPropertyName(current);
    if (name !== undefined && STRING_CONTAINERS.has(name.toLowerCase())) return true;
  }
  return false;
}

function hasPrimitiveAnnotation(name: Node): boolean {
  if (name.type !== AST_NODE_TYPES.Identifier) return false;
  const type = name.typeAnnotation?.typeAnnotation.type;
  return type === AST_NODE_TYPES.TSStringKeyword || type === AST_NODE_TYPES.TSNumberKeyword || type === AST_NODE_TYPES.TSBooleanKeyword;
}

function isLiteralValue(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.Literal ||
    node.type === AST_NODE_TYPES.TemplateLiteral ||
    node.type === AST_NODE_TYPES.ObjectExpression ||
    node.type === AST_NODE_TYPES.ArrayExpression
  );
}

function normalizedName(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

// ---- sizes ----

/**
 * The fewest bytes `JSON.stringify` can give for a value; undefined when the value may be left out
 * altogether (an `undefined` or a function drops its key) or the code computes it.
 */
function jsonBytes(model: SignalRModel, node: Node, depth = 0): number | undefined {
  const target = skipWrappers(node);
  if (depth > 16) return undefined;
  switch (target.type) {
    case AST_NODE_TYPES.Literal:
      if (typeof target.value === 'string') return utf8Bytes(JSON.stringify(target.value));
      if (typeof target.value === 'number' && Number.isFinite(target.value)) return String(target.value).length;
      if (typeof target.value === 'boolean' || target.value === null) return String(target.value).length;
      return undefined;
    case AST_NODE_TYPES.TemplateLiteral:
      return utf8Bytes(JSON.stringify(staticText(model, target).replaceAll(UNKNOWN_TEXT, '')));
    case AST_NODE_TYPES.BinaryExpression: {
      if (target.operator !== '+') return undefined;
      const text = staticText(model, target);
      // Only a string on one side makes `+` a concatenation for certain.
      return text.replaceAll(UNKNOWN_TEXT, '') === '' ? undefined : utf8Bytes(JSON.stringify(text.replaceAll(UNKNOWN_TEXT, '')));
    }
    case AST_NODE_TYPES.Identifier: {
      const init = model.resolveConst(target);
      return init ? jsonBytes(model, init, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.ArrayExpression: {
      let bytes = 2;
      let elements = 0;
      for (const element of target.elements) {
        if (element?.type === AST_NODE_TYPES.SpreadElement) continue;
        // An element is never left out: `undefined` and functions become `null`.
        bytes += (element && jsonBytes(model, element, depth + 1)) ?? 1;
        elements++;
      }
      return bytes + Math.max(0, elements - 1);
    }
    case AST_NODE_TYPES.ObjectExpression: {
      const { members } = objectMemberBytes(model, target, depth);
      let bytes = 2 + Math.max(0, members.size - 1);
      for (const [key, value] of members) bytes += utf8Bytes(JSON.stringify(key)) + 1 + value;
      return bytes;
    }
    default:
      return undefined;
  }
}

/**
 * Key → fewest bytes of the value, for the keys certainly written. A spread the analysis cannot see,
 * or a computed key, may overwrite any key before it (`overwritesUnknown`), so those are dropped.
 */
function objectMemberBytes(
  model: SignalRModel,
  object: TSESTree.ObjectExpression,
  depth: number,
): { members: Map<string, number>; overwritesUnknown: boolean } {
  let members = new Map<string, number>();
  let overwritesUnknown = false;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const inner = resolveObject(model, property.argument);
      const spread = inner && depth < 16 ? objectMemberBytes(model, inner, depth + 1) : undefined;
      if (!spread || spread.overwritesUnknown) {
        members = new Map();
        overwritesUnknown = true;
      }
      for (const [key, value] of spread?.members ?? []) members.set(key, value);
      continue;
    }
    const key = staticPropertyName(property);
    if (key === undefined) {
      members = new Map();
      overwritesUnknown = true;
      continue;
    }
    members.delete(key);
    const value = jsonBytes(model, property.value, depth + 1);
    if (value !== undefined) members.set(key, value);
  }
  return { members, overwritesUnknown };
}

/** Like `jsonBytes`, but a string payload is signed as it is, without JSON quotes or escapes. */
function payloadJsonBytes(model: SignalRModel, payload: Node): number | undefined {
  const target = skipWrappers(payload);
  const value = target.type === AST_NODE_TYPES.Identifier ? (model.resolveConst(target) ?? target) : target;
  const isString = (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') || value.type === AST_NODE_TYPES.TemplateLiteral;
  return isString ? utf8Bytes(staticText(model, value).replaceAll(UNKNOWN_TEXT, '')) : jsonBytes(model, payload);
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** base64url without padding, as JWTs are written. */
function base64Length(bytes: number): number {
  return Math.ceil((bytes * 4) / 3);
}
