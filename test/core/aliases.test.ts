import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { parseSnippet } from './parse.js';

describe('the browser globals through other names', () => {
  it.each([
    ['an IIFE parameter', `(function ($) { $.hubConnection('/signalr'); })(jQuery);`],
    ['an arrow IIFE parameter', `(($j) => { $j.hubConnection('/signalr'); })(window.jQuery);`],
    ['an IIFE called with this first', `(function (jq) { jq.hubConnection('/signalr'); }).call(this, jQuery);`],
    ['window.jQuery', `window.jQuery.hubConnection('/signalr');`],
    ['window.$', `window.$.hubConnection('/signalr');`],
    ['a const holding window.$', `const jq = window.$; jq.hubConnection('/signalr');`],
  ])('jQuery as %s', (_how, code) => {
    expect(parseSnippet(code).model.classicCreations).toHaveLength(1);
  });

  it.each([
    ['a local function', `function $(x: string) { return x; } $.hubConnection('/signalr');`],
    ['an IIFE given something else', `(function ($) { $.hubConnection('/signalr'); })(myLib);`],
    ['a parameter of a function that is not invoked in place', `function setup($) { $.hubConnection('/signalr'); }`],
    ['a reassigned parameter', `(function ($) { $ = other; $.hubConnection('/signalr'); })(jQuery);`],
    ['a shadowed window', `function f(window: any) { window.jQuery.hubConnection('/signalr'); }`],
    ['another object', `app.jQuery.hubConnection('/signalr');`],
  ])('not jQuery: %s', (_how, code) => {
    expect(parseSnippet(code).model.classicCreations).toHaveLength(0);
  });

  it.each([
    ['window.signalR', `new window.signalR.HubConnectionBuilder().withUrl('/hub').build();`],
    ['globalThis.signalR', `new globalThis.signalR.HubConnectionBuilder().withUrl('/hub').build();`],
    ['an IIFE parameter', `(function (sr) { new sr.HubConnectionBuilder().withUrl('/hub').build(); })(window.signalR);`],
    ['a const', `const { signalR: _unused } = window; const sr = window.signalR; new sr.HubConnectionBuilder().build();`],
  ])('the client global as %s', (_how, code) => {
    const { model } = parseSnippet(code);
    expect(model.usesSignalR).toBe(true);
    expect(model.builds).toHaveLength(1);
  });

  it.each([
    ['a property of another object', `new app.signalR.HubConnectionBuilder().build();`],
    ['a shadowed window', `function f(window: any) { new window.signalR.HubConnectionBuilder().build(); }`],
    ['an IIFE given something else', `(function (signalR) { new signalR.HubConnectionBuilder().build(); })(fake);`],
  ])('not the client global: %s', (_how, code) => {
    expect(parseSnippet(code).model.builds).toHaveLength(0);
  });
});

describe('connections through other names', () => {
  const code = `import { HubConnectionBuilder } from '@microsoft/signalr';
const make = () => new HubConnectionBuilder().withUrl('/hub').build();
function useHub() { const hubConnection = make(); return { hub: hubConnection, ready: true }; }
class Chat {
  connection = make();
  other = 42;
  open() {
    const self = this;
    const alias = this.connection;
    const { connection } = this;
    const { connection: renamed = undefined } = self;
    const { other } = this;
    const notAlias = this.other;
    return [self.connection, alias, connection, renamed, other, notAlias];
  }
}
function Component() {
  const { hub: fromHook, ready } = useHub();
  return [fromHook, ready];
}`;
  const { model, node } = parseSnippet(code);

  it('gives the very same connection for an alias, a destructured field and `self.`', () => {
    const field = model.connectionOf(node('this.connection', 'MemberExpression'));
    expect(field).toMatchObject({ kind: 'field', property: 'connection' });
    const uses = node('[self.connection, alias, connection, renamed, other, notAlias]', 'ArrayExpression') as TSESTree.ArrayExpression;
    const [viaSelf, alias, destructured, renamed] = uses.elements.map((element) => model.connectionOf(element!));
    expect(viaSelf).toBe(field);
    expect(alias).toBe(field);
    expect(destructured).toBe(field);
    expect(renamed).toBe(field);
  });

  it('follows a local hook that returns the connection in an object', () => {
    expect(model.connectionOf(node('fromHook', 'Identifier'))).toMatchObject({ kind: 'variable', name: 'hubConnection' });
  });

  it.each(['other', 'notAlias', 'ready', 'self'])('%s is not a connection', (name) => {
    expect(model.connectionOf(node(name, 'Identifier'))).toBeUndefined();
  });

  it('does not take a reassigned name for an alias', () => {
    const { model: m, node: n } = parseSnippet(`import { HubConnectionBuilder } from '@microsoft/signalr';
class A {
  connection = new HubConnectionBuilder().build();
  f(other: unknown) { let c = this.connection; c = other; return c; }
  g() { let self = this; self = null; return self.connection; }
}`);
    expect(m.connectionOf(n('c', 'Identifier'))).not.toBe(m.connectionOf(n('this.connection', 'MemberExpression')));
    expect(m.connectionOf(n('self.connection', 'MemberExpression'))).toBeUndefined();
  });
});
