// Which binding an identifier is, and which module it comes from: the SignalR, Web PubSub and jQuery
// imports the model tracks (named, namespace, default, `require`, `import()`, the browser globals),
// and for any other library (React, Vue, Angular, web frameworks) `moduleBindingOf`/`isImportedFrom`.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from '../ast.js';
import { skipWrappers, staticPropertyName } from '../ast.js';
import type { Origin, ScopeManagerLike, SignalRModel } from '../model.js';
import type { SignalRSettings } from '../settings.js';
import { CLIENT_GLOBALS, CLIENT_MODULES, JQUERY_GLOBALS, JQUERY_MODULES, WEB_PUBSUB_CLIENT_MODULES, WEB_PUBSUB_MODULES } from '../signalr.js';
import { aliasedGlobal, thisOf } from './aliases.js';

const JQUERY_NAMES: ReadonlySet<string> = new Set(JQUERY_GLOBALS);
/** Vue's prefix for what plugins add to every component instance (`this.$signalR`). */
const INSTANCE_PROPERTY_PREFIX = '$';

/** Tracked modules that are not SignalR's: the Web PubSub server and client SDKs. */
function isWebPubSubModule(origin: Origin): boolean {
  return WEB_PUBSUB_MODULES.includes(origin) || WEB_PUBSUB_CLIENT_MODULES.includes(origin);
}

/**
 * The bindings of a file: which variable an identifier is, and which SignalR, Web PubSub or jQuery
 * export it names. The model (core/model.ts) answers its binding questions from here.
 */
export class Bindings {
  private readonly variables = new Map<Node, Variable>();
  /** Import bindings of client/Web PubSub modules: variable → exported name (`*` for a namespace). */
  private readonly importedNames = new Map<Variable, { name: string; origin: Origin }>();
  private readonly globalNamespaceRefs = new Set<Node>();
  private readonly jqueryRefs = new Set<Node>();
  private readonly jqueryVariables = new Set<Variable>();
  private readonly clientGlobals: ReadonlySet<string>;

  constructor(
    private readonly program: TSESTree.Program,
    private readonly scopeManager: ScopeManagerLike,
    private readonly settings: SignalRSettings,
    loads: readonly Node[],
  ) {
    this.clientGlobals = new Set([...CLIENT_GLOBALS, ...settings.globals]);
    this.indexScopes();
    this.indexImports(loads);
  }

  /** The file imports the ASP.NET Core or classic client, or uses its browser global. */
  referencesClient(): boolean {
    return this.globalNamespaceRefs.size > 0 || [...this.importedNames.values()].some(({ origin }) => !isWebPubSubModule(origin));
  }

  /** The file imports the Web PubSub server SDK. */
  importsWebPubSub(): boolean {
    return [...this.importedNames.values()].some(({ origin }) => WEB_PUBSUB_MODULES.includes(origin));
  }

  /** The file imports the Web PubSub client SDK (`@azure/web-pubsub-client`), types included. */
  importsWebPubSubClient(): boolean {
    return [...this.importedNames.values()].some(({ origin }) => WEB_PUBSUB_CLIENT_MODULES.includes(origin));
  }

  /** The scope-manager variable an identifier (a reference or a declaration) stands for. */
  variableOf(identifier: Node): Variable | undefined {
    return this.variables.get(identifier);
  }

  /** The initializer of a `const` (or never reassigned `let`) that `node` names, unwrapped; else undefined. */
  resolveConst(node: Node): Node | undefined {
    const target = skipWrappers(node);
    if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.variableOf(target);
    const def = variable?.defs[0];
    if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable') return undefined;
    const declarator = def.node as TSESTree.VariableDeclarator;
    if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
    const writes = variable.references.filter((ref) => ref.isWrite());
    if (writes.length > 1) return undefined;
    return skipWrappers(declarator.init);
  }

  /**
   * The name under which a SignalR (or Web PubSub) module exports what `node` denotes:
   * `HubConnectionBuilder` for a named import of it, for `signalR.HubConnectionBuilder` on a
   * namespace import, `require`, or the browser global. Works on type names too.
   */
  exportName(node: Node): { name: string; origin: Origin } | undefined {
    const target = skipWrappers(node);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const imported = this.importOf(target);
      return imported && imported.name !== '*' ? imported : undefined;
    }
    if (target.type === AST_NODE_TYPES.MemberExpression || target.type === AST_NODE_TYPES.TSQualifiedName) {
      const object = target.type === AST_NODE_TYPES.MemberExpression ? skipWrappers(target.object) : target.left;
      const name =
        target.type === AST_NODE_TYPES.MemberExpression
          ? staticPropertyName(target)
          : target.right.name;
      if (name === undefined) return undefined;
      if (target.type === AST_NODE_TYPES.MemberExpression && this.isClientGlobal(object)) return { name, origin: 'global' };
      if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
      if (this.globalNamespaceRefs.has(object)) return { name, origin: 'global' };
      const imported = this.importOf(object);
      return imported?.name === '*' ? { name, origin: imported.origin } : undefined;
    }
    return undefined;
  }

  /** True when `node` denotes the SignalR client export `name` (e.g. `EXPORTS.builder`). */
  isClientExport(node: Node, name: string): boolean {
    const found = this.exportName(node);
    return found !== undefined && found.name === name && !isWebPubSubModule(found.origin);
  }

  /** True when `node` denotes the Web PubSub export `name`. */
  isWebPubSubExport(node: Node, name: string): boolean {
    const found = this.exportName(node);
    return found !== undefined && found.name === name && WEB_PUBSUB_MODULES.includes(found.origin);
  }

  /** True when `node` denotes the Web PubSub client SDK's export `name` (`WebPubSubClient`). */
  isWebPubSubClientExport(node: Node, name: string): boolean {
    const found = this.exportName(node);
    return found !== undefined && found.name === name && WEB_PUBSUB_CLIENT_MODULES.includes(found.origin);
  }

  /**
   * The module binding `node` denotes, for any module (not only SignalR's), so analyses of other
   * libraries (web frameworks, Azure Functions) resolve imports the same way. `name` is `default` for
   * a default import, `*` for a namespace import, a whole `require('m')` or `import x = require('m')`,
   * the exported name for named imports and destructured `require`s, and for `x.a` on a `*`/`default`
   * binding `a`; a `require('m')` call itself gives `*`. Type names resolve too.
   */
  moduleBindingOf(node: Node): { module: string; name: string } | undefined {
    const target = skipWrappers(node);
    if (target.type === AST_NODE_TYPES.MemberExpression || target.type === AST_NODE_TYPES.TSQualifiedName) {
      const object = target.type === AST_NODE_TYPES.MemberExpression ? target.object : target.left;
      const name = target.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(target) : target.right.name;
      const namespace = this.moduleBindingOf(object);
      const isNamespace = namespace?.name === '*' || namespace?.name === 'default';
      return name !== undefined && isNamespace ? { module: namespace.module, name } : undefined;
    }
    if (target.type === AST_NODE_TYPES.CallExpression && isRequireCall(target)) {
      const module = moduleSourceOf(target);
      return module === undefined ? undefined : { module, name: '*' };
    }
    if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.variableOf(target);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'ImportBinding') {
      const specifier = def.node;
      if (specifier.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
        const reference = specifier.moduleReference;
        const source = reference.type === AST_NODE_TYPES.TSExternalModuleReference ? reference.expression.value : undefined;
        return source === undefined ? undefined : { module: source, name: '*' };
      }
      const module = (def.parent as TSESTree.ImportDeclaration).source.value;
      if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { module, name: 'default' };
      if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { module, name: '*' };
      const imported = specifier.imported;
      return { module, name: imported.type === AST_NODE_TYPES.Identifier ? imported.name : imported.value };
    }
    if (def?.type !== 'Variable') return undefined;
    const declarator = def.node as TSESTree.VariableDeclarator;
    let load = declarator.init && skipWrappers(declarator.init);
    if (load?.type === AST_NODE_TYPES.AwaitExpression) load = skipWrappers(load.argument);
    const isLoad = load?.type === AST_NODE_TYPES.ImportExpression || (load?.type === AST_NODE_TYPES.CallExpression && isRequireCall(load));
    const module = load && isLoad ? moduleSourceOf(load) : undefined;
    if (module === undefined) return undefined;
    if (declarator.id === def.name) return { module, name: '*' };
    if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
    for (const property of declarator.id.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      const name = staticPropertyName(property);
      if (value === def.name && name !== undefined) return { module, name };
    }
    return undefined;
  }

  /**
   * True when `node` is `$`/`jQuery` (global or imported from `jquery`), also as `window.jQuery` or
   * through an alias (`(function ($) { … })(jQuery)`, `const jq = window.$`).
   */
  isJQuery(node: Node): boolean {
    return aliasedGlobal(this, node, JQUERY_NAMES, (identifier) => this.isJQueryName(identifier)) !== undefined;
  }

  /**
   * `signalR` (or a global from settings) as the browser global, `window.signalR`, an alias of one, or
   * `this.$signalR`: the name a Vue plugin gives the client on every component.
   */
  isClientGlobal(node: Node): boolean {
    return aliasedGlobal(this, node, this.clientGlobals, (identifier) => this.globalNamespaceRefs.has(identifier)) !== undefined || this.isComponentGlobal(node);
  }

  /**
   * `this.$signalR`: Vue plugins put the client's namespace on every component
   * (`Vue.prototype.$signalR = signalR`, `app.config.globalProperties.$signalR`), under the global's
   * name with Vue's `$` prefix for instance properties.
   */
  private isComponentGlobal(node: Node): boolean {
    const target = skipWrappers(node);
    if (target.type !== AST_NODE_TYPES.MemberExpression || !this.thisOf(target.object)) return false;
    const name = staticPropertyName(target);
    return name?.startsWith(INSTANCE_PROPERTY_PREFIX) === true && this.clientGlobals.has(name.slice(INSTANCE_PROPERTY_PREFIX.length));
  }

  /** `this`, or a name bound to it (`const self = this`): the `this` it stands for. */
  thisOf(node: Node): TSESTree.ThisExpression | undefined {
    return thisOf(this, node);
  }

  private isJQueryName(identifier: TSESTree.Identifier): boolean {
    if (this.jqueryRefs.has(identifier)) return true;
    const variable = this.variableOf(identifier);
    return variable !== undefined && this.jqueryVariables.has(variable);
  }

  private importOf(identifier: TSESTree.Identifier): { name: string; origin: Origin } | undefined {
    const variable = this.variableOf(identifier);
    return variable ? this.importedNames.get(variable) : undefined;
  }

  private indexScopes(): void {
    for (const scope of this.scopeManager.scopes) {
      for (const variable of scope.variables) {
        for (const identifier of variable.identifiers) this.variables.set(identifier, variable);
      }
      for (const ref of scope.references) {
        if (ref.resolved) this.variables.set(ref.identifier, ref.resolved);
      }
    }
    const globals = this.clientGlobals;
    for (const ref of this.scopeManager.globalScope?.through ?? []) {
      const name = ref.identifier.name;
      if (globals.has(name)) this.globalNamespaceRefs.add(ref.identifier);
      else if (JQUERY_GLOBALS.includes(name)) this.jqueryRefs.add(ref.identifier);
    }
    // A `declare const signalR: ...` or a `/* global */` comment creates a global variable: still the global.
    const topScopes = this.scopeManager.scopes.filter((scope) => scope.type === 'global' || scope.type === 'module');
    for (const variable of topScopes.flatMap((scope) => scope.variables)) {
      const declaredAmbient = variable.defs.every((def) => isAmbientDeclaration(def.node));
      if (!declaredAmbient) continue;
      for (const ref of variable.references) {
        if (globals.has(variable.name)) this.globalNamespaceRefs.add(ref.identifier);
        else if (JQUERY_GLOBALS.includes(variable.name)) this.jqueryRefs.add(ref.identifier);
      }
    }
  }

  private indexImports(loads: readonly Node[]): void {
    const clientModules = new Set([...CLIENT_MODULES, ...this.settings.modules]);
    const isTracked = (source: string): boolean => clientModules.has(source) || isWebPubSubModule(source);
    for (const statement of this.program.body) {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
        const source = statement.source.value;
        const jquery = JQUERY_MODULES.includes(source);
        if (!isTracked(source) && !jquery) continue;
        for (const specifier of statement.specifiers) {
          const variable = this.variableOf(specifier.local);
          if (!variable) continue;
          if (jquery) {
            if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) this.jqueryVariables.add(variable);
            continue;
          }
          const name =
            specifier.type === AST_NODE_TYPES.ImportSpecifier
              ? specifier.imported.type === AST_NODE_TYPES.Identifier
                ? specifier.imported.name
                : specifier.imported.value
              : '*';
          this.importedNames.set(variable, { name, origin: source });
        }
      } else if (
        statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
        statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference &&
        statement.moduleReference.expression.type === AST_NODE_TYPES.Literal &&
        typeof statement.moduleReference.expression.value === 'string' &&
        isTracked(statement.moduleReference.expression.value)
      ) {
        const variable = this.variableOf(statement.id);
        if (variable) this.importedNames.set(variable, { name: '*', origin: statement.moduleReference.expression.value });
      }
    }
    // `require('@microsoft/signalr')` and `await import('@microsoft/signalr')`, bound to a name or destructured.
    for (const load of loads) {
      const source = moduleSourceOf(load);
      if (source === undefined || !isTracked(source)) continue;
      let holder = load.parent;
      while (holder && (holder.type === AST_NODE_TYPES.AwaitExpression || skipWrappers(holder) !== holder)) holder = holder.parent;
      if (holder?.type !== AST_NODE_TYPES.VariableDeclarator) continue;
      if (holder.id.type === AST_NODE_TYPES.Identifier) {
        const variable = this.variableOf(holder.id);
        if (variable) this.importedNames.set(variable, { name: '*', origin: source });
      } else if (holder.id.type === AST_NODE_TYPES.ObjectPattern) {
        for (const property of holder.id.properties) {
          if (property.type !== AST_NODE_TYPES.Property) continue;
          const name = staticPropertyName(property);
          const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
          const variable = value.type === AST_NODE_TYPES.Identifier ? this.variableOf(value) : undefined;
          if (name !== undefined && variable) this.importedNames.set(variable, { name, origin: source });
        }
      }
    }
  }
}

export function isRequireCall(call: TSESTree.CallExpression): boolean {
  return call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'require' && call.arguments.length === 1;
}

function moduleSourceOf(load: Node): string | undefined {
  const argument =
    load.type === AST_NODE_TYPES.ImportExpression
      ? load.source
      : load.type === AST_NODE_TYPES.CallExpression
        ? load.arguments[0]
        : undefined;
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : undefined;
}

function isAmbientDeclaration(node: Node): boolean {
  for (let current: Node | undefined = node; current; current = current.parent) {
    if ('declare' in current && current.declare === true) return true;
  }
  return false;
}

/** `node` is `name` imported (named, or through a namespace/default import) from one of `modules`. */
export function isImportedFrom(model: SignalRModel, node: Node, modules: readonly string[], names: readonly string[]): boolean {
  const binding = model.moduleBindingOf(node);
  return binding !== undefined && modules.includes(binding.module) && names.includes(binding.name);
}
