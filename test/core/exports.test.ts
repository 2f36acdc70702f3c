// Under which names a module exports a value (core/exports.ts): every ES and CommonJS shape, the
// look-alikes that export nothing, and the two directions (names of one value, every export) agreeing.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';

import type { FunctionNode } from '../../core/ast.js';
import { isFunction } from '../../core/ast.js';
import {
  exportNamesOf,
  exportNamesOfValue,
  exportNamesOfVariable,
  functionExportOf,
  isCommonJsExport,
  isExportedFunction,
  ownExports,
} from '../../core/exports.js';
import type { ClassNode } from '../../core/model.js';
import { parseSnippet } from './parse.js';

/** The sorted export names of the function or class whose source text is `text` in `code`. */
function namesOf(code: string, text: string): string[] {
  const { model, node } = parseSnippet(code);
  const target = node(text);
  const declared = target.type === AST_NODE_TYPES.ClassDeclaration || target.type === AST_NODE_TYPES.ClassExpression || isFunction(target);
  if (!declared) throw new Error(`${text} is no function or class`);
  return exportNamesOf(model, target as FunctionNode | ClassNode).sort();
}

describe('ES exports', () => {
  it('names a declaration exported in place, by its own name', () => {
    expect(namesOf('export function open() { return 1; }', 'function open() { return 1; }')).toEqual(['open']);
    expect(namesOf('export const open = () => 1;', '() => 1')).toEqual(['open']);
    expect(namesOf('export class Hub {}', 'class Hub {}')).toEqual(['Hub']);
  });

  it('names the default export `default`, in place or through its name', () => {
    expect(namesOf('export default function open() { return 1; }', 'function open() { return 1; }')).toEqual(['default']);
    expect(namesOf('export default () => 1;', '() => 1')).toEqual(['default']);
    expect(namesOf('const open = () => 1;\nexport default open;', '() => 1')).toEqual(['default']);
    expect(namesOf('class Hub {}\nexport default Hub;', 'class Hub {}')).toEqual(['default']);
  });

  it('names a specifier by the name it exports, also several of them', () => {
    expect(namesOf('function open() { return 1; }\nexport { open as connect };', 'function open() { return 1; }')).toEqual(['connect']);
    expect(namesOf("function open() { return 1; }\nexport { open, open as 'open-hub' };", 'function open() { return 1; }')).toEqual(['open', 'open-hub']);
  });

  it('names a property of a default-exported object by its key, as importers reach it (`hub.create()`)', () => {
    expect(namesOf('export default { create() { return 1; } };', '() { return 1; }')).toEqual(['create']);
  });

  it('names nothing re-exported from elsewhere: that module answers for it', () => {
    const { model } = parseSnippet("export { open } from './hub';\nexport * from './rooms';");
    expect(ownExports(model)).toEqual([]);
  });
});

describe('CommonJS exports', () => {
  it('names a whole `module.exports` both the module object (`*`) and `default`', () => {
    expect(namesOf('module.exports = function open() { return 1; };', 'function open() { return 1; }')).toEqual(['*', 'default']);
    expect(namesOf('function open() { return 1; }\nmodule.exports = open;', 'function open() { return 1; }')).toEqual(['*', 'default']);
    expect(namesOf('class Hub {}\nmodule.exports = Hub;', 'class Hub {}')).toEqual(['*', 'default']);
    expect(namesOf('module.exports = class Hub {};', 'class Hub {}')).toEqual(['*', 'default']);
  });

  it("names TypeScript's `export =` like `module.exports =`", () => {
    expect(namesOf('function open() { return 1; }\nexport = open;', 'function open() { return 1; }')).toEqual(['*', 'default']);
  });

  it('names `exports.x` and `module.exports.x` by their property, also a quoted one', () => {
    expect(namesOf('exports.open = () => 1;', '() => 1')).toEqual(['open']);
    expect(namesOf('module.exports.open = function () { return 1; };', 'function () { return 1; }')).toEqual(['open']);
    expect(namesOf("const open = () => 1;\nexports['open'] = open;", '() => 1')).toEqual(['open']);
  });

  it('names every target of a chained assignment', () => {
    expect(namesOf('const open = () => 1;\nexports.open = exports.connect = open;', '() => 1')).toEqual(['connect', 'open']);
    expect(namesOf('module.exports = exports = { open() { return 1; } };', '() { return 1; }')).toEqual(['open']);
  });

  it('names the properties of an object exported whole by their keys, shorthand, methods and values alike', () => {
    const code = 'function open() { return 1; }\nmodule.exports = { open, close() { return 2; }, reset: () => 3 };';
    expect(namesOf(code, 'function open() { return 1; }')).toEqual(['open']);
    expect(namesOf(code, '() { return 2; }')).toEqual(['close']);
    expect(namesOf(code, '() => 3')).toEqual(['reset']);
  });

  it('names a property of an object exported under a name by its path, which no import names directly', () => {
    expect(namesOf('module.exports.api = { create() { return 1; } };', '() { return 1; }')).toEqual(['api.create']);
  });

  // Decided: syntax cannot tell whether the function runs (a UMD wrapper's does), so an assignment to
  // the CommonJS globals counts wherever it is written.
  it('counts an assignment inside a function, called or not, and inside a condition', () => {
    expect(namesOf('function open() { return 1; }\nfunction setup() { module.exports.open = open; }', 'function open() { return 1; }')).toEqual(['open']);
    expect(namesOf("const open = () => 1;\n(function () { if (typeof module === 'object') module.exports = open; })();", '() => 1')).toEqual(['*', 'default']);
  });

  it('counts a variable of a function whose value the function exports', () => {
    const { model, node } = parseSnippet('function setup() { const hub = make(); exports.hub = hub; }');
    const variable = model.variableOf(node('hub', 'Identifier'));
    expect(variable && exportNamesOfVariable(model, variable)).toEqual(['hub']);
  });
});

describe('look-alikes that export nothing', () => {
  it('ignores a local `exports` object and a `module` that is a parameter or a variable', () => {
    expect(namesOf('const exports = {};\nexports.open = () => 1;', '() => 1')).toEqual([]);
    expect(namesOf('function define(module, exports) { module.exports = () => 1; exports.close = () => 2; }', '() => 1')).toEqual([]);
    expect(namesOf('function define(module, exports) { module.exports = () => 1; exports.close = () => 2; }', '() => 2')).toEqual([]);
    expect(namesOf('const module = { exports: {} };\nmodule.exports = () => 1;', '() => 1')).toEqual([]);
  });

  it('ignores reads of the exports, compound assignments, other objects and computed names', () => {
    const code = `const open = () => 1;
const previous = module.exports.open;
use(module.exports, open);
exports.count += open;
api.exports = open;
module.exported = open;
exports[name] = open;`;
    expect(namesOf(code, '() => 1')).toEqual([]);
  });

  it('ignores what is neither exported nor held by an exported name', () => {
    expect(namesOf('function open() { return 1; }\nexport const other = 2;\nopen();', 'function open() { return 1; }')).toEqual([]);
    // Only the object exported whole gives its properties names: not an object inside one of them.
    expect(namesOf('module.exports = { nested: { open() { return 1; } } };', '() { return 1; }')).toEqual([]);
    // A class method is no export of its own (see functionExportOf).
    expect(namesOf('export class Hub { open() { return 1; } }', '() { return 1; }')).toEqual([]);
  });

  it('tells the CommonJS globals from look-alikes', () => {
    const { model, node } = parseSnippet('module.exports.a = 1;\nexports.b = 2;\nmodule.exports = {};\nmodule.id = 3;\nwindow.exports.c = 4;');
    expect(isCommonJsExport(model, node('module.exports.a'))).toBe(true);
    expect(isCommonJsExport(model, node('exports.b'))).toBe(true);
    expect(isCommonJsExport(model, node('module.exports', 'MemberExpression'))).toBe(true);
    expect(isCommonJsExport(model, node('module.id'))).toBe(false);
    expect(isCommonJsExport(model, node('window.exports.c'))).toBe(false);
  });
});

describe('how importers reach a function', () => {
  it('gives a method, static or not, its class export and the class name this file knows it by', () => {
    const { model, node } = parseSnippet('class HubFactory { create() { return 1; } static shared() { return 2; } }\nmodule.exports = HubFactory;');
    expect(functionExportOf(model, node('() { return 1; }') as FunctionNode)).toEqual({ names: ['*', 'default'], method: 'create', localName: 'HubFactory' });
    expect(functionExportOf(model, node('() { return 2; }') as FunctionNode)).toEqual({ names: ['*', 'default'], method: 'shared', localName: 'HubFactory' });
  });

  it('gives a function its export names and its own name; nothing for a function no export reaches', () => {
    const { model, node } = parseSnippet('function open() { return 1; }\nfunction helper() { return 2; }\nexports.connect = open;');
    expect(functionExportOf(model, node('function open() { return 1; }') as FunctionNode)).toEqual({ names: ['connect'], localName: 'open' });
    expect(functionExportOf(model, node('function helper() { return 2; }') as FunctionNode)).toBeUndefined();
    expect(isExportedFunction(model, node('function helper() { return 2; }') as FunctionNode)).toBe(false);
  });
});

describe('every export of a module', () => {
  const code = `export function open() { return 1; }
const close = () => 2;
export { close as shut };
export default { reset() { return 3; } };
module.exports.ping = () => 4;
function local(module) { module.exports = () => 5; }`;

  it('lists each exported value under each of its names, ES first, then CommonJS', () => {
    const { model } = parseSnippet(code);
    const listed = ownExports(model).map(({ name, value }) => `${name} ${value.type}`);
    expect(listed).toEqual([
      `open ${AST_NODE_TYPES.FunctionDeclaration}`,
      `shut ${AST_NODE_TYPES.Identifier}`,
      `default ${AST_NODE_TYPES.ObjectExpression}`,
      `reset ${AST_NODE_TYPES.FunctionExpression}`,
      `ping ${AST_NODE_TYPES.ArrowFunctionExpression}`,
    ]);
  });

  it('agrees with the names of each value', () => {
    const { model } = parseSnippet(code);
    for (const { name, value } of ownExports(model)) {
      const variable = value.type === AST_NODE_TYPES.Identifier ? model.variableOf(value) : undefined;
      const declared = isFunction(value) || value.type === AST_NODE_TYPES.ClassDeclaration ? exportNamesOf(model, value as FunctionNode | ClassNode) : [];
      const names = [...exportNamesOfValue(model, value), ...declared, ...(variable ? exportNamesOfVariable(model, variable) : [])];
      expect(names).toContain(name);
    }
  });

  it('lists `module.exports = { … }` as the module object, its default and each property', () => {
    const { model } = parseSnippet('const open = () => 1;\nmodule.exports = { open, close: () => 2 };');
    expect(ownExports(model).map(({ name }) => name)).toEqual(['*', 'default', 'open', 'close']);
  });
});
