import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { SignJWT } from 'jose';
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';

import type { Node } from '../../core/ast.js';
import { walk } from '../../core/ast.js';
import type { TokenSigning } from '../../core/tokens.js';
import { estimatedTokenBytes, signingsOfToken, TOKEN_TEXT_FILTER, tokenSigningOf, tokenSinkValues, wholeObjectsIn } from '../../core/tokens.js';
import { parseSnippet } from './parse.js';

function signings(code: string): { model: ReturnType<typeof parseSnippet>['model']; found: TokenSigning[]; all: Node[] } {
  const { model, program } = parseSnippet(code);
  const found: TokenSigning[] = [];
  const all: Node[] = [];
  walk(program, (node) => {
    all.push(node);
    const signing = tokenSigningOf(model, node);
    if (signing) found.push(signing);
  });
  return { model, found, all };
}

describe('estimatedTokenBytes', () => {
  const roles = Array.from({ length: 40 }, (_, i) => `role-${i}-${'é'.repeat(i % 7)}`);
  const payload = { nameid: 'alice', roles, nested: { level: 3, flags: [true, null, 1.5] } };
  const audience = 'https://contoso.service.signalr.net/client/?hub=chat';
  const literal = JSON.stringify(payload);

  it('is a close lower bound of what jsonwebtoken signs', () => {
    const { model, found } = signings(`import jwt from 'jsonwebtoken';
jwt.sign(${literal}, key, { audience: '${audience}', algorithm: 'HS512', keyid: 'k1' });`);
    const real = jwt.sign(payload, 'secret', { audience, algorithm: 'HS512', keyid: 'k1' }).length;
    const estimate = estimatedTokenBytes(model, found[0]!);
    expect(estimate).toBeLessThanOrEqual(real);
    // What it leaves out is the `iat` claim jsonwebtoken adds: `,"iat":` and ten digits.
    expect(real - estimate).toBeLessThanOrEqual(Math.ceil((17 * 4) / 3) + 1);
  });

  it('is a close lower bound of what jose signs', async () => {
    const { model, found } = signings(`import { SignJWT } from 'jose';
new SignJWT(${literal}).setProtectedHeader({ alg: 'HS256' }).sign(key);`);
    const real = (await new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('k'.repeat(32)))).length;
    const estimate = estimatedTokenBytes(model, found[0]!);
    expect(estimate).toBeLessThanOrEqual(real);
    expect(real - estimate).toBeLessThanOrEqual(2);
  });

  it('counts nothing for values the code computes, and drops keys an unseen spread may overwrite', () => {
    const { model, found } = signings(`import jwt from 'jsonwebtoken';
const big = '${'x'.repeat(500)}';
jwt.sign({ a: big, b: compute() }, key);
jwt.sign({ a: big, ...other }, key);
jwt.sign({ ...other, a: big }, key);`);
    const [kept, dropped, after] = found.map((signing) => estimatedTokenBytes(model, signing));
    expect(kept).toBeGreaterThan(500);
    expect(dropped).toBeLessThan(100);
    expect(after).toBe(kept);
  });
});

describe('signingsOfToken and tokenSinkValues', () => {
  it('follows consts, awaits, conditionals and functions of the file to the signing', () => {
    const { model, found, all } = signings(`import { SignJWT } from 'jose';
import * as jsonwebtoken from 'jsonwebtoken';
const make = async () => await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(key);
function sign2() { const t = jsonwebtoken.sign({}, key); return t; }
const options = { accessTokenFactory: () => (cached ? make() : sign2()) };
const response = { url, accessToken: sign2() };
const unrelated = { accessToken: sign2() };`);
    const sinks = all.filter((node) => node.type === AST_NODE_TYPES.Property).flatMap((property) => tokenSinkValues(model, property as TSESTree.Property));
    const reached = sinks.flatMap((value) => signingsOfToken(model, value)).map((signing) => signing.node);
    expect(new Set(reached)).toEqual(new Set(found.map((signing) => signing.node)));
    // The object without a \`url\` is no negotiate response: sign2() is reached from two sinks, not three.
    expect(reached.filter((node) => node === found[1]!.node)).toHaveLength(2);
  });
});

describe('wholeObjectsIn', () => {
  const copies = (payload: string, prelude = ''): string[] => {
    const code = `import jwt from 'jsonwebtoken';\n${prelude}\njwt.sign(${payload}, key);`;
    const { model, found } = signings(code);
    return wholeObjectsIn(model, found[0]!.payload!).map((node) => code.slice(node.range[0], node.range[1]));
  };

  it('finds spreads and embeddings of users, claims, profiles and decoded tokens', () => {
    expect(copies('{ ...req.user, profile, roles: [...userClaims], nested: { ...ctx.state.decodedToken } }')).toEqual([
      '...req.user',
      'profile',
      'roles: [...userClaims]',
      '...ctx.state.decodedToken',
    ]);
    expect(copies('{ ...(admin ? { role: "admin", ...principal } : {}) }')).toEqual(['...principal']);
    expect(copies('{ ...data }', 'const data = jwt.decode(idToken);')).toEqual(['...data']);
  });

  it('leaves scalar claims, string members of the request, picks and typed strings alone', () => {
    expect(copies('{ sub: user, name: req.query.user, ...pick(user, "id") }')).toEqual([]);
    expect(copies('{ owner: user }', 'const user: string = read();')).toEqual([]);
    expect(copies('{ owner: user }', 'const user = req.params.user;')).toEqual([]);
  });
});

describe('TOKEN_TEXT_FILTER', () => {
  it('passes files that can sign, and nothing else', () => {
    expect(TOKEN_TEXT_FILTER.test(`const jwt = require('jsonwebtoken');`)).toBe(true);
    expect(TOKEN_TEXT_FILTER.test(`import { SignJWT } from 'jose';`)).toBe(true);
    expect(TOKEN_TEXT_FILTER.test(`export const sign = (value) => value;`)).toBe(false);
  });
});
