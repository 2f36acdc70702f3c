import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import type { FunctionNode } from '../../core/ast.js';
import { followConnection } from '../../core/flow.js';
import { ownerOfScope } from '../../core/owners/index.js';
import { effectCleanups, refGuardOf } from '../../core/owners/react-effect.js';
import { stopSites } from '../../core/stops.js';
import { unstoppedConnections } from '../../core/unstopped.js';
import { parseSnippet } from './parse.js';

const BUILD = "new HubConnectionBuilder().withUrl('/hub').build()";
const IMPORT = "import { HubConnectionBuilder } from '@microsoft/signalr';\n";

/** The owner kind of the code `text` in `code`, and the source of the node that owner is. */
function ownerAt(code: string, text: string, filename = 'file.ts'): { kind: string; node: string } {
  const snippet = parseSnippet(code, undefined, filename.endsWith('x'));
  const owner = ownerOfScope(snippet.model, snippet.node(text), filename);
  return { kind: owner.kind, node: code.slice(owner.node.range[0], owner.node.range[1]).split('\n')[0]! };
}

describe('ownerOfScope', () => {
  it('gives module level, top-level IIFEs and page-start callbacks the app lifetime', () => {
    expect(ownerAt(`${IMPORT}const c = ${BUILD};`, BUILD).kind).toBe('app');
    expect(ownerAt(`${IMPORT}(async () => { const c = ${BUILD}; })();`, BUILD).kind).toBe('app');
    expect(ownerAt(`$(function () { var c = $.hubConnection(); });`, '$.hubConnection()').kind).toBe('app');
    expect(ownerAt(`$(document).ready(function () { var c = $.hubConnection(); });`, '$.hubConnection()').kind).toBe('app');
    expect(ownerAt(`$(window).on('load', function () { var c = $.hubConnection(); });`, '$.hubConnection()').kind).toBe('app');
    expect(ownerAt(`${IMPORT}document.addEventListener('DOMContentLoaded', () => { const c = ${BUILD}; });`, BUILD).kind).toBe('app');
    expect(ownerAt(`${IMPORT}addEventListener('load', () => { const c = ${BUILD}; });`, BUILD).kind).toBe('app');
    expect(ownerAt(`${IMPORT}window.onload = () => { const c = ${BUILD}; };`, BUILD).kind).toBe('app');
    // The callbacks of a promise chain that the top level, or a page-start callback, runs.
    expect(ownerAt(`${IMPORT}fetch('/negotiate').then((r) => r.json()).then(() => { const c = ${BUILD}; });`, BUILD).kind).toBe('app');
    expect(ownerAt(`${IMPORT}fetch('/negotiate').catch(() => null).finally(() => { const c = ${BUILD}; });`, BUILD).kind).toBe('app');
    expect(ownerAt(`${IMPORT}$(function () { fetch('/negotiate').then(() => { const c = ${BUILD}; }); });`, BUILD).kind).toBe('app');
  });

  it('leaves the callbacks of a promise chain run by a function, or handlers such a callback registers, to the function', () => {
    const inHandler = `${IMPORT}document.addEventListener('click', () => { fetch('/negotiate').then(() => { const c = ${BUILD}; }); });`;
    expect(ownerAt(inHandler, BUILD)).toEqual({ kind: 'function', node: `() => { const c = ${BUILD}; }` });
    const registered = `${IMPORT}fetch('/negotiate').then(() => { button.addEventListener('click', () => { const c = ${BUILD}; }); });`;
    expect(ownerAt(registered, BUILD)).toEqual({ kind: 'function', node: `() => { const c = ${BUILD}; }` });
    expect(ownerAt(`${IMPORT}setInterval(() => { fetch('/negotiate').then(() => { const c = ${BUILD}; }); }, 1000);`, BUILD).kind).toBe('function');
  });

  it('gives a function that app code alone runs, once, the app lifetime', () => {
    const main = `${IMPORT}async function main() { const c = ${BUILD}; }\n`;
    expect(ownerAt(`${main}main().catch(console.error);`, BUILD)).toEqual({ kind: 'app', node: `async function main() { const c = ${BUILD}; }` });
    expect(ownerAt(`${main}$(function () { void main(); });`, BUILD).kind).toBe('app');
    expect(ownerAt(`${main}function init() { main(); }\ninit();`, BUILD).kind).toBe('app');
    expect(ownerAt(`${main}$(main);`, BUILD).kind).toBe('app');
    expect(ownerAt(`${main}window.onload = main;`, BUILD).kind).toBe('app');
    expect(ownerAt(`${main}fetch('/negotiate').then(main);`, BUILD).kind).toBe('app');
    expect(ownerAt(`${IMPORT}$.getJSON('/negotiate').always(() => { const c = ${BUILD}; });`, BUILD).kind).toBe('app');
  });

  it('leaves a function that may run more than once a function', () => {
    const main = `${IMPORT}async function main() { const c = ${BUILD}; }\n`;
    expect(ownerAt(`${main}main();\nmain();`, BUILD).kind).toBe('function');
    expect(ownerAt(`${main}for (;;) main();`, BUILD).kind).toBe('function');
    expect(ownerAt(`${main}setInterval(main, 1000);`, BUILD).kind).toBe('function');
    expect(ownerAt(`${main}button.addEventListener('click', () => main());`, BUILD).kind).toBe('function');
    expect(ownerAt(`${main}class Page { ready = main(); }`, BUILD).kind).toBe('function');
    expect(ownerAt(`${IMPORT}export async function main() { const c = ${BUILD}; }\nmain();`, BUILD).kind).toBe('function');
    // Two functions that only call each other: neither is run by app code.
    expect(ownerAt(`${IMPORT}function a() { const c = ${BUILD}; b(); }\nfunction b() { a(); }`, BUILD).kind).toBe('function');
  });

  it('does not take look-alikes of page-start callbacks for them', () => {
    // Another event, and a local `document` that is not the page's.
    expect(ownerAt(`${IMPORT}document.addEventListener('click', () => { const c = ${BUILD}; });`, BUILD).kind).toBe('function');
    expect(ownerAt(`${IMPORT}function f(document: EventTarget) { document.addEventListener('load', () => { const c = ${BUILD}; }); }`, BUILD).kind).toBe('function');
  });

  it('finds the innermost plain function, looking through IIFEs for a lifecycle around them', () => {
    const code = `${IMPORT}function outer() {\n  (async () => { const c = ${BUILD}; })();\n}`;
    expect(ownerAt(code, BUILD)).toEqual({ kind: 'function', node: `async () => { const c = ${BUILD}; }` });
  });

  it('recognises React effects through IIFEs, by import only', () => {
    const code = `${IMPORT}import { useEffect } from 'react';\nuseEffect(() => {\n  (async () => { const c = ${BUILD}; })();\n}, []);`;
    expect(ownerAt(code, BUILD, 'file.tsx')).toEqual({ kind: 'react-effect', node: '() => {' });
    // A function of the same name that is not React's.
    const lookAlike = `${IMPORT}declare function useEffect(fn: () => void): void;\nuseEffect(() => { const c = ${BUILD}; });`;
    expect(ownerAt(lookAlike, BUILD, 'file.tsx').kind).toBe('function');
  });

  it('recognises Angular components, directives and root services', () => {
    const component = (decorator: string, method: string): string =>
      `import { Component, Directive, Injectable } from '@angular/core';\n${IMPORT}${decorator}\nclass X { ${method}() { const c = ${BUILD}; } }`;
    expect(ownerAt(component("@Component({ selector: 'x' })", 'ngOnInit'), BUILD)).toEqual({ kind: 'angular-component', node: "@Component({ selector: 'x' })" });
    expect(ownerAt(component("@Directive({ selector: '[x]' })", 'ngAfterViewInit'), BUILD).kind).toBe('angular-component');
    // Any other method is a plain function: what it starts it must stop itself.
    expect(ownerAt(component("@Component({ selector: 'x' })", 'send'), BUILD).kind).toBe('function');
    expect(ownerAt(component("@Injectable({ providedIn: 'root' })", 'constructor'), BUILD).kind).toBe('app');
    expect(ownerAt(component('@Injectable()', 'constructor'), BUILD).kind).toBe('function');
  });

  it('recognises Vue setup functions, their start hooks and options-API start methods', () => {
    const vue = "import { defineComponent, onMounted } from 'vue';\n";
    expect(ownerAt(`${IMPORT}${vue}defineComponent({ setup() { const c = ${BUILD}; } });`, BUILD).kind).toBe('vue-component');
    expect(ownerAt(`${IMPORT}${vue}defineComponent({ setup() { onMounted(() => { const c = ${BUILD}; }); } });`, BUILD).kind).toBe('vue-component');
    expect(ownerAt(`${IMPORT}${vue}defineComponent(() => { const c = ${BUILD}; return () => null; });`, BUILD).kind).toBe('vue-component');
    expect(ownerAt(`${IMPORT}${vue}export default { mounted() { const c = ${BUILD}; } };`, BUILD).kind).toBe('vue-component');
    // Without Vue, an object with a `setup` method is just an object.
    expect(ownerAt(`${IMPORT}export default { setup() { const c = ${BUILD}; } };`, BUILD).kind).toBe('function');
  });

  it('recognises request handlers, also around callbacks inside them', () => {
    const code = `${IMPORT}import { app } from '@azure/functions';\napp.http('x', { handler: async () => {\n  [1].forEach(() => { const c = ${BUILD}; });\n  return {};\n} });`;
    expect(ownerAt(code, BUILD)).toEqual({ kind: 'handler', node: `() => { const c = ${BUILD}; }` });
  });
});

describe('followConnection', () => {
  function flowOf(code: string): ReturnType<typeof followConnection> & { describe(): string[] } {
    const snippet = parseSnippet(code, undefined, true);
    const creations = [...snippet.model.builds];
    const flow = followConnection(snippet.model, creations);
    return {
      ...flow,
      describe: () => [
        ...flow.slots.map((slot) => (slot.kind === 'variable' ? `${slot.borrowed ? 'borrowed' : 'variable'} ${slot.variable.name}` : slot.kind === 'field' ? `field ${slot.property}` : slot.kind)),
        ...flow.handOffs.map((handOff) => `${handOff.how} ${code.slice(handOff.node.range[0], handOff.node.range[1]).split('\n')[0]!}`),
      ],
    };
  }

  it('follows aliases, fields, refs and globals', () => {
    // `this` outside a class is no field this file can follow.
    expect(flowOf(`${IMPORT}function f() { const a = ${BUILD}; const b = a; this.x = b; }`).describe()).toEqual(['variable a', 'variable b', 'stored this.x']);
    expect(flowOf(`${IMPORT}class K { m() { const a = ${BUILD}; this.hub = a; } }`).describe()).toEqual(['variable a', 'field hub']);
    expect(flowOf(`${IMPORT}import { useRef } from 'react';\nfunction C() { const r = useRef(null); r.current = ${BUILD}; }`).describe()).toEqual(['ref']);
    expect(flowOf(`${IMPORT}function f() { window.hub = ${BUILD}; }`).describe()).toEqual(['global']);
  });

  it('names every hand-off', () => {
    expect(flowOf(`${IMPORT}function f() { return ${BUILD}; }`).describe()).toEqual([`returned return ${BUILD};`]);
    expect(flowOf(`${IMPORT}function f() { register(${BUILD}); }`).describe()).toEqual([`passed register(${BUILD})`]);
    expect(flowOf(`${IMPORT}function f(store: any) { store.hub = ${BUILD}; }`).describe()).toEqual(['stored store.hub']);
    expect(flowOf(`${IMPORT}function f() { const c = ${BUILD}; return { c }; }`).describe()).toEqual(['variable c', 'stored c']);
    expect(flowOf(`${IMPORT}import { useState } from 'react';\nfunction C() { const [s, setS] = useState(null); setS(${BUILD}); }`).describe()).toEqual([
      `state setS(${BUILD})`,
    ]);
  });

  it('does not count the connection\'s own members, logging or tests as hand-offs', () => {
    const code = `${IMPORT}function f() { const c = ${BUILD}; c.on('x', () => {}); console.log(c); if (c) { void c.start(); } const { state } = c; }`;
    expect(flowOf(code).describe()).toEqual(['variable c']);
  });

  it('follows the connection into helpers of the file, and back out when they return it', () => {
    const code = `${IMPORT}function configure(connection: any) { connection.on('x', () => {}); return connection; }\nfunction f() { const c = configure(${BUILD}); return c; }`;
    expect(flowOf(code).describe()).toEqual(['borrowed connection', 'variable c', 'returned return c;']);
  });

  it('finds closures that outlive the function', () => {
    const escaping = flowOf(`${IMPORT}function f(b: HTMLElement) { const c = ${BUILD}; b.addEventListener('click', () => c.invoke('x')); }`);
    expect(escaping.escapingClosures).toHaveLength(1);
    const staying = flowOf(`${IMPORT}function f(items: string[]) { const c = ${BUILD}; c.onclose(() => c.start()); c.start().then(() => c.invoke('x')); items.forEach((i) => c.send('x', i)); (() => c.stop())(); }`);
    expect(staying.escapingClosures).toHaveLength(0);
  });

  it('keeps what Vue setup returns in the component', () => {
    const code = `${IMPORT}import { defineComponent } from 'vue';\ndefineComponent({ setup() { const c = ${BUILD}; return { c, other: [c] }; } });`;
    expect(flowOf(code).handOffs).toEqual([]);
  });
});

describe('stops and cleanups', () => {
  it('counts stop calls and functions of the file that stop, not `stop` without a call', () => {
    const code = `${IMPORT}function f() {\n  const c = ${BUILD};\n  const close = () => c.stop();\n  c.stop;\n  close();\n  c.stop();\n  other.stop();\n}`;
    const snippet = parseSnippet(code);
    const flow = followConnection(snippet.model, [...snippet.model.builds]);
    const body = (snippet.program.body[1] as TSESTree.FunctionDeclaration).body;
    expect(stopSites(snippet.model, body, flow).map((call) => code.slice(call.range[0], call.range[1]))).toEqual(['c.stop()', 'close()', 'c.stop()']);
  });

  it('finds effect cleanups returned directly, by name, or as an expression body', () => {
    const code = `import { useEffect } from 'react';\nuseEffect(() => { const done = () => {}; if (x) return () => {}; return done; });\nuseEffect(() => () => {});`;
    const snippet = parseSnippet(code, undefined, true);
    const callbacks = snippet.program.body
      .filter((statement): statement is TSESTree.ExpressionStatement => statement.type === 'ExpressionStatement')
      .map((statement) => (statement.expression as TSESTree.CallExpression).arguments[0] as FunctionNode);
    expect(callbacks.map((callback) => effectCleanups(snippet.model, callback).length)).toEqual([2, 1]);
  });

  it('sees ref guards that keep a connection across StrictMode remounts', () => {
    const guarded = `import { useEffect, useRef } from 'react';\nconst r = useRef(null);\nuseEffect(() => { if (r.current) return; r.current = 1; });`;
    const plain = `import { useEffect, useRef } from 'react';\nconst r = { current: 1 };\nuseEffect(() => { if (r.current) return; });`;
    for (const [code, expected] of [[guarded, true], [plain, false]] as const) {
      const snippet = parseSnippet(code, undefined, true);
      const effect = snippet.program.body.at(-1) as TSESTree.ExpressionStatement;
      const callback = (effect.expression as TSESTree.CallExpression).arguments[0] as FunctionNode;
      expect(refGuardOf(snippet.model, callback) !== undefined).toBe(expected);
    }
  });
});

describe('unstoppedConnections', () => {
  function findings(code: string, filename = 'file.ts'): string[] {
    const snippet = parseSnippet(code, undefined, filename.endsWith('x'));
    return unstoppedConnections(snippet.model, filename).map(
      (finding) => `${finding.owner.kind} ${finding.problem} ${code.slice(finding.start.range[0], finding.start.range[1])}`,
    );
  }

  it('reports each connection once, at the first start the owner makes itself', () => {
    const code = `${IMPORT}async function f() {\n  const c = ${BUILD};\n  c.onclose(() => c.start());\n  await c.start();\n  await c.start();\n}`;
    const snippet = parseSnippet(code);
    const found = unstoppedConnections(snippet.model, 'file.ts');
    expect(found.map((finding) => [finding.problem, finding.start.loc.start.line])).toEqual([['not-stopped', 5]]);
  });

  it('tells a stop on the success path from one on every path', () => {
    const onlyOnSuccess = `${IMPORT}async function f() {\n  const c = ${BUILD};\n  await c.start();\n  await c.invoke('x');\n  await c.stop();\n}`;
    expect(findings(onlyOnSuccess)).toEqual(['function stopped-only-on-success c.start()']);
    const inFinally = `${IMPORT}async function f() {\n  const c = ${BUILD};\n  try {\n    await c.start();\n    await c.invoke('x');\n  } finally {\n    await c.stop();\n  }\n}`;
    expect(findings(inFinally)).toEqual([]);
  });

  it('attributes a state connection started in an effect to that effect', () => {
    const code = `${IMPORT}import { useEffect, useState } from 'react';\nfunction C() {\n  const [c, setC] = useState<any>(null);\n  useEffect(() => { setC(${BUILD}); }, []);\n  useEffect(() => { c?.start(); }, [c]);\n}`;
    expect(findings(code, 'file.tsx')).toEqual(['react-effect not-stopped c?.start()']);
  });

  it('finds nothing in files whose connections all live as long as the app', () => {
    const code = `${IMPORT}const c = ${BUILD};\nexport function connect() { return c.start(); }`;
    expect(findings(code)).toEqual([]);
  });
});
