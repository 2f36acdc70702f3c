import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import type { Node } from '../../core/ast.js';
import {
  accessTokenInUrl,
  hubUrlSiteOf,
  isHubParameter,
  isServiceClientUrlText,
  isTokenParameter,
  queryParametersOf,
  urlTarget,
} from '../../core/urls.js';
import { UNKNOWN_TEXT } from '../../core/values.js';
import { parseSnippet } from './parse.js';

describe('urlTarget', () => {
  const code = `const endpoint = process.env.ENDPOINT;
const a = '/hubs/chat?hub=chat';
const b = \`\${endpoint}/client/?hub=chat\`;
const c = \`\${endpoint}?hub=chat\`;
const d = 'https://signalr.contoso.com/client?hub=chat';
const e = \`\${base}/hubs/\${name}?x=1\`;
const f = new URL('/client/', endpoint);
use(a, b, c, d, e, f.href);`;
  const { model, node } = parseSnippet(code);
  const target = (name: string): string => urlTarget(model, node(name, AST_NODE_TYPES.Identifier));

  it('tells app servers, the service client endpoint (any host) and URLs the file cannot see apart', () => {
    expect(target('a')).toBe('app');
    expect(target('b')).toBe('service');
    expect(target('c')).toBe('unknown');
    expect(target('d')).toBe('service');
    expect(target('e')).toBe('app');
    expect(urlTarget(model, node('f.href'))).toBe('service');
  });
});

describe('isServiceClientUrlText', () => {
  it('needs the client path and a hub parameter', () => {
    expect(isServiceClientUrlText(`${UNKNOWN_TEXT}/client/?hub=${UNKNOWN_TEXT}`)).toBe(true);
    expect(isServiceClientUrlText('https://contoso.service.signalr.net/client/?hub=chat')).toBe(true);
    expect(isServiceClientUrlText('https://contoso.service.signalr.net/api/v1/hubs/chat')).toBe(false);
    expect(isServiceClientUrlText('https://contoso.service.signalr.net/client/')).toBe(false);
    expect(isServiceClientUrlText('https://api.contoso.com/client?topic=hub')).toBe(false);
  });
});

describe('parameter names', () => {
  it('matches `hub` in any case, and token names in their usual spellings only', () => {
    expect(isHubParameter('Hub')).toBe(true);
    expect(isHubParameter('hubName')).toBe(false);
    expect(['access_token', 'accessToken', 'token', 'id_token', 'jwt', 'auth-token'].every(isTokenParameter)).toBe(true);
    expect(['tokens', 'tokenizer', 'csrf', 'room'].some(isTokenParameter)).toBe(false);
  });
});

describe('queryParametersOf', () => {
  const code = `import { HubConnectionBuilder } from '@microsoft/signalr';
const url = new URL('/hubs/chat?a=1&hub=x', origin);
url.searchParams.delete('hub');
url.searchParams.append('b', '2');
url.searchParams.set('a', '3');
const params = new URLSearchParams([['c', '1'], [key, '2']]);
params.append('d', '4');
new HubConnectionBuilder().withUrl(url.toString()).build();
new HubConnectionBuilder().withUrl(\`/hubs/chat?e=\${v}&\${k}=1#f=2\` + '&g').build();
new HubConnectionBuilder().withUrl('/hubs/chat?' + params).build();
const replaced = new URL('/hubs/chat?hub=x', origin);
replaced.search = '?z=9';
$.connection.hub.qs = { ...{ h: 1 }, i: 2 };
new HubConnectionBuilder().withUrl(String(replaced)).build();`;
  const { model, program } = parseSnippet(code);
  const names = (line: number): string[] => {
    const statement = program.body.find((s) => s.loc.start.line === line)!;
    const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : undefined;
    let site = expression && hubUrlSiteOf(model, expression);
    if (!site && expression?.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.MemberExpression) {
      site = hubUrlSiteOf(model, expression.callee.object as Node);
    }
    return site ? queryParametersOf(model, site).map((parameter) => parameter.name) : [];
  };

  it('applies delete, append, set and `search` in order', () => {
    expect(names(8)).toEqual(['b', 'a']);
    expect(names(14)).toEqual(['z']);
  });

  it('reads URL text up to the fragment, skipping names the code computes', () => {
    expect(names(9)).toEqual(['e']);
  });

  it('reads URLSearchParams built from pairs', () => {
    expect(names(10)).toEqual(['c', 'd']);
  });

  it('reads the classic `qs` through spreads', () => {
    expect(names(13)).toEqual(['h', 'i']);
  });
});

describe('accessTokenInUrl', () => {
  const cut = (url: string): string | undefined => {
    const code = `f(${url});`;
    const { model, program } = parseSnippet(code);
    const statement = program.body[0]!;
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.CallExpression) throw new Error();
    const move = accessTokenInUrl(model, statement.expression.arguments[0]!);
    if (!move) return undefined;
    const token = code.slice(move.token.range[0], move.token.range[1]);
    return `${code.slice(0, move.range[0])}${move.replacement}${code.slice(move.range[1])} <- ${token}`;
  };

  it('drops the parameter and its separator', () => {
    expect(cut('`/h?access_token=${t}`')).toBe('f(`/h`); <- t');
    expect(cut('`/h?access_token=${t}&a=1`')).toBe('f(`/h?a=1`); <- t');
    expect(cut('`/h?a=1&access_token=${encodeURIComponent(s.t)}#x`')).toBe('f(`/h?a=1#x`); <- s.t');
    expect(cut(`"/h?access_token=" + t`)).toBe('f("/h"); <- t');
    expect(cut(`base + '&access_token=' + t`)).toBe('f(base); <- t');
  });

  it('leaves shapes alone where the token is computed or glued to more text', () => {
    expect(cut('`/h?access_token=${get()}`')).toBeUndefined();
    expect(cut('`/h?access_token=${t}x`')).toBeUndefined();
    expect(cut('`/h?access_token=${t}${u}`')).toBeUndefined();
    expect(cut('`/h?token=${t}`')).toBeUndefined();
    expect(cut(`'?access_token=' + t`)).toBeUndefined();
  });
});
