// The per-file SignalR analysis shared by every rule and codemod: which bindings are SignalR, which
// expressions build connections, and which variables, fields, refs and state hold them.
// Built once per Program (see `getSignalRModel`) and only for files whose text mentions SignalR. The
// class is the one entry point; it delegates to core/model/: imports.ts (bindings and where they come
// from), builders.ts (builder chains), slots.ts (what a place holds), connections.ts (which are connections).
import type { Scope, Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from './ast.js';
import { calledMethod, walk } from './ast.js';
import type { CrossModuleLinks, LinkedMethodCall } from './cross-module.js';
import type { JoinWrapperFact } from './project-facts.js';
import { builderChainOf, isBuildCall } from './model/builders.js';
import { ConnectionIndex, isClassicFactoryCall, isGeneratedHubConnection } from './model/connections.js';
import { Bindings, isRequireCall } from './model/imports.js';
import { SlotIndex } from './model/slots.js';
import { mayUseSignalR, textMatches } from './prefilter.js';
import type { SignalRSettings } from './settings.js';
import { BUILDER_METHODS } from './signalr.js';

/** The subset of a scope manager the model needs: typescript-eslint's and eslint-scope both fit. */
export interface ScopeManagerLike {
  readonly scopes: readonly Scope[];
  readonly globalScope: Scope | null;
}

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** Where a SignalR binding comes from: a module name, or `global` for the browser bundle. */
export type Origin = string;

/**
 * The ASP.NET Core client (`@microsoft/signalr`, `@aspnet/signalr`), the classic jQuery client, or the
 * Web PubSub client SDK's `WebPubSubClient` (`@azure/web-pubsub-client`), which has the same lifecycle.
 */
export type ClientFlavour = 'core' | 'classic' | 'web-pubsub';

export interface BuilderChain {
  /** `new HubConnectionBuilder()`. */
  readonly root: TSESTree.NewExpression;
  /** Where `HubConnectionBuilder` came from (module name or `global`). */
  readonly origin: Origin;
  /** Every builder method call on this builder, in source order, including calls made through a variable. */
  readonly calls: readonly TSESTree.CallExpression[];
  /** The variables that hold this builder (`const builder = new HubConnectionBuilder()`), outermost last. */
  readonly variables: readonly Variable[];
}

/**
 * A place that holds a value: a variable, a class field (`this.x`) or a property of a variable
 * (`ref.current`), with every value this file stores there and the types it declares for it.
 */
export interface Slot {
  /** The same object for the same place: `slotOf(a).key === slotOf(b).key` means "the same place". */
  readonly key: object;
  /** Expressions stored there (initializers, field values, assignments), unwrapped, in source order. */
  readonly values: readonly Node[];
  /** Declared types: variable, parameter and field annotations, parameter properties. */
  readonly annotations: readonly TSESTree.TypeNode[];
}

/** A place that holds a connection, or a connection value used in place. */
export interface Connection {
  readonly kind: 'value' | 'variable' | 'field' | 'property';
  readonly flavour: ClientFlavour;
  /** How the code names it, for messages: `connection`, `this.hub`, `connectionRef.current`. */
  readonly name: string;
  /** The variable (kind `variable`) or the object variable (kind `property`: `ref.current`). */
  readonly variable?: Variable;
  /** The class whose instances hold it (kind `field`). */
  readonly classNode?: ClassNode;
  /** The object literal whose methods hold it as `this.<property>` (kind `field`; Vue's options API). */
  readonly objectNode?: TSESTree.ObjectExpression;
  /** The property name (kinds `field` and `property`). */
  readonly property?: string;
  /** The connection-creating expressions stored here in this file (none for slots known only by type). */
  readonly creations: readonly Node[];
}

export interface ModelOptions {
  /**
   * With type information: does this expression's type say it is a SignalR `HubConnection`?
   * Lets the model see connections that syntax cannot (parameters, imports, DI). Never required.
   */
  readonly isConnectionType?: (node: Node) => boolean;
  /**
   * With type information: does this expression's type say it is the Web PubSub export `exportName`
   * (`WebPubSubServiceClient`, `WebPubSubGroup`)? The Web PubSub counterpart of `isConnectionType`.
   */
  readonly isWebPubSubType?: (node: Node, exportName: string) => boolean;
  /**
   * Replaces the SignalR text prefilter of `getSignalRModel`: for rules about code that need not
   * mention SignalR (signing JWTs, TLS options). The model is built the same either way.
   */
  readonly textFilter?: RegExp;
  /**
   * The file's name, for what only it tells: a `.vue` file's default export is a Vue component even
   * when the file imports nothing from Vue (core/owners/vue-component.ts).
   */
  readonly filename?: string;
  /**
   * Where a Vue single-file component's `<script setup>` is (offsets of its content), when the parser
   * merged it with a plain `<script>` into one program: its top level runs once per component instance.
   */
  readonly scriptSetupRange?: readonly [number, number];
  /**
   * Values from the project's other modules (core/cross-module.ts): a factory's connection, an
   * exported one, a service method that joins a group. Without it the model sees one file.
   */
  readonly crossModule?: CrossModuleLinks;
}

/** Per-file facts about SignalR. Construct through `getSignalRModel`. */
export class SignalRModel {
  /** The file imports or references the ASP.NET Core or classic SignalR client. */
  readonly usesSignalR: boolean;
  /** The file imports the Web PubSub server SDK. */
  readonly usesWebPubSub: boolean;
  /** The file imports the Web PubSub client SDK, whose `WebPubSubClient`s are connections of flavour `web-pubsub`. */
  readonly usesWebPubSubClient: boolean;
  /** Every `.build()` call on a `HubConnectionBuilder` chain. */
  readonly builds: readonly TSESTree.CallExpression[];
  /** Every classic connection creation: `$.hubConnection(...)` and `$.connection.hub`. */
  readonly classicCreations: readonly Node[];

  private readonly memberAssignments: TSESTree.AssignmentExpression[] = [];
  private readonly bindings: Bindings;
  private readonly slots: SlotIndex;
  private readonly connections: ConnectionIndex;

  constructor(
    readonly program: TSESTree.Program,
    scopeManager: ScopeManagerLike,
    settings: SignalRSettings,
    private readonly options: ModelOptions = {},
  ) {
    const calls: TSESTree.CallExpression[] = [];
    const members: TSESTree.MemberExpression[] = [];
    const dynamicImports: TSESTree.ImportExpression[] = [];
    walk(program, (node) => {
      if (node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
      else if (node.type === AST_NODE_TYPES.ImportExpression) dynamicImports.push(node);
      else if (node.type === AST_NODE_TYPES.MemberExpression) members.push(node);
      else if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
        this.memberAssignments.push(node);
      }
    });
    this.bindings = new Bindings(program, scopeManager, settings, [...calls.filter(isRequireCall), ...dynamicImports]);
    this.slots = new SlotIndex(this.bindings, this.memberAssignments);
    this.connections = new ConnectionIndex(this.bindings, this.slots, this.memberAssignments, options, this);
    this.builds = calls.filter((call) => this.isBuildCall(call));
    this.classicCreations = [
      ...calls.filter((call) => isClassicFactoryCall(this.bindings, call)),
      ...members.filter((member) => isGeneratedHubConnection(this.bindings, member)),
    ];
    this.usesSignalR =
      this.bindings.referencesClient() ||
      this.classicCreations.length > 0 ||
      members.some((member) => this.bindings.isClientGlobal(member)) ||
      (options.crossModule?.importsSignalR ?? false);
    this.usesWebPubSub = this.bindings.importsWebPubSub();
    this.usesWebPubSubClient = this.bindings.importsWebPubSubClient();
  }

  // ---- bindings (core/model/imports.ts) ----

  /** The scope-manager variable an identifier (a reference or a declaration) stands for. */
  variableOf(identifier: Node): Variable | undefined {
    return this.bindings.variableOf(identifier);
  }

  /** The initializer of a `const` (or never reassigned `let`) that `node` names, unwrapped; else undefined. */
  resolveConst(node: Node): Node | undefined {
    return this.bindings.resolveConst(node);
  }

  /**
   * The name under which a SignalR (or Web PubSub) module exports what `node` denotes:
   * `HubConnectionBuilder` for a named import of it, for `signalR.HubConnectionBuilder` on a
   * namespace import, `require`, or the browser global. Works on type names too.
   */
  exportName(node: Node): { name: string; origin: Origin } | undefined {
    return this.bindings.exportName(node);
  }

  /** True when `node` denotes the SignalR client export `name` (e.g. `EXPORTS.builder`). */
  isClientExport(node: Node, name: string): boolean {
    return this.bindings.isClientExport(node, name);
  }

  /** True when `node` denotes the Web PubSub export `name`. */
  isWebPubSubExport(node: Node, name: string): boolean {
    return this.bindings.isWebPubSubExport(node, name);
  }

  /** True when `node` denotes the Web PubSub client SDK's export `name` (`WebPubSubClient`). */
  isWebPubSubClientExport(node: Node, name: string): boolean {
    return this.bindings.isWebPubSubClientExport(node, name);
  }

  /** The file has connections to judge: it uses SignalR, or the Web PubSub client SDK. */
  get usesConnections(): boolean {
    return this.usesSignalR || this.usesWebPubSubClient;
  }

  /**
   * The module binding `node` denotes, for any module (not only SignalR's), so analyses of other
   * libraries (web frameworks, Azure Functions) resolve imports the same way. `name` is `default` for
   * a default import, `*` for a namespace import, a whole `require('m')` or `import x = require('m')`,
   * the exported name for named imports and destructured `require`s, and for `x.a` on a `*`/`default`
   * binding `a`; a `require('m')` call itself gives `*`. Type names resolve too.
   */
  moduleBindingOf(node: Node): { module: string; name: string } | undefined {
    return this.bindings.moduleBindingOf(node);
  }

  /** True when `node` is `$`/`jQuery` (global or imported from `jquery`), also as `window.jQuery` or an IIFE parameter. */
  isJQuery(node: Node): boolean {
    return this.bindings.isJQuery(node);
  }

  /** `this`, or a name bound to it (`const self = this`): the `this` it stands for. */
  thisOf(node: Node): TSESTree.ThisExpression | undefined {
    return this.bindings.thisOf(node);
  }

  // ---- builders (core/model/builders.ts) ----

  /** For an expression whose value is a `HubConnectionBuilder`, its chain back to `new HubConnectionBuilder()`. */
  builderChainOf(node: Node, seen = new Set<Node>()): BuilderChain | undefined {
    return builderChainOf(this.bindings, node, seen);
  }

  /** True when `call` is `<builder>.build()`. */
  isBuildCall(call: TSESTree.CallExpression): boolean {
    return isBuildCall(this.bindings, call);
  }

  /** The builder chain of a `.build()` call. */
  builderChainOfBuild(call: TSESTree.CallExpression): BuilderChain | undefined {
    const method = calledMethod(call);
    return method?.name === BUILDER_METHODS.build ? this.builderChainOf(method.object) : undefined;
  }

  /** The calls of `methodName` on a chain, e.g. every `withUrl(...)`. */
  chainCalls(chain: BuilderChain, methodName: string): TSESTree.CallExpression[] {
    return chain.calls.filter((call) => calledMethod(call)?.name === methodName);
  }

  // ---- connections (core/model/connections.ts) ----

  /**
   * Which client a connection-creating expression makes: `<builder>.build()` (core),
   * `$.hubConnection(...)` or `$.connection.hub` (classic). Follows calls of functions declared in this
   * file that return one (`createConnection()`).
   */
  creationFlavour(node: Node, depth = 0): ClientFlavour | undefined {
    return this.connections.creationFlavour(node, depth);
  }

  /**
   * The connection an expression refers to: a creation used in place, or the variable, class field,
   * or object property (`ref.current`, state) that holds one. The same slot always gives the same
   * object, so rules can compare `connectionOf(a) === connectionOf(b)`.
   */
  connectionOf(node: Node): Connection | undefined {
    return this.connections.connectionOf(node);
  }

  /** True when `node` is `<connection>.<methodName>(...)`; returns that connection. */
  connectionCall(node: Node, methodName: string): Connection | undefined {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const method = calledMethod(node);
    return method?.name === methodName ? this.connectionOf(method.object) : undefined;
  }

  /** `HubConnection`, `signalR.HubConnection`, `HubConnection | null`, `HubConnection | undefined`. */
  isConnectionTypeAnnotation(type: TSESTree.TypeNode | undefined): boolean {
    return this.connections.isConnectionTypeAnnotation(type);
  }

  /**
   * The group join a call makes through a function or method of another module of the project
   * (`hub.joinGroup(room)` where `joinGroup` invokes `JoinGroup`); undefined without cross-module links.
   */
  joinWrapperOf(call: TSESTree.CallExpression): (JoinWrapperFact & { readonly callee: string }) | undefined {
    return this.options.crossModule?.joinWrapperOf(this, call);
  }

  /**
   * A call of a method of another module's class on an object of it (`this.hubService.connect()`):
   * what that method does, and which object it is called on; undefined without cross-module links.
   */
  linkedMethodOf(call: TSESTree.CallExpression): LinkedMethodCall | undefined {
    return this.options.crossModule?.linkedMethodOf(this, call);
  }

  /**
   * Could another module of the project that imports this file's `exportNames` add reconnect logic to
   * a connection this file hands out? True when the model cannot tell (no cross-module links).
   */
  mayRestartElsewhere(exportNames: readonly string[]): boolean {
    return this.options.crossModule?.mayRestartElsewhere(exportNames) ?? true;
  }

  // ---- slots (core/model/slots.ts) ----

  /**
   * The place `node` names, for analyses of values other than connections (Web PubSub clients, hub
   * proxies): a variable, `this.<field>` inside a class, or `<variable>.<property>`.
   */
  slotOf(node: Node): Slot | undefined {
    return this.slots.slotOf(node);
  }

  /** The file name given when the model was built (see `ModelOptions.filename`). */
  get filename(): string | undefined {
    return this.options.filename;
  }

  /** See `ModelOptions.scriptSetupRange`. */
  get scriptSetupRange(): readonly [number, number] | undefined {
    return this.options.scriptSetupRange;
  }

  /** With type information: `node`'s type is the Web PubSub export `exportName`. Always false without it. */
  hasWebPubSubType(node: Node, exportName: string): boolean {
    return this.options.isWebPubSubType?.(node, exportName) ?? false;
  }
}

const models = new WeakMap<TSESTree.Program, SignalRModel>();

/**
 * The model of a file, built on first request and shared by every rule (and codemod) that asks for
 * the same Program. Returns undefined, without walking anything, when the text cannot use SignalR.
 */
export function getSignalRModel(
  program: TSESTree.Program,
  text: string,
  scopeManager: ScopeManagerLike | null | undefined,
  settings: SignalRSettings,
  options?: ModelOptions,
): SignalRModel | undefined {
  const worthModelling = options?.textFilter
    ? textMatches(text, settings, options.textFilter)
    : mayUseSignalR(text, settings) || (options?.crossModule?.importsSignalR ?? false);
  if (!scopeManager || !worthModelling) return undefined;
  let model = models.get(program);
  if (!model) {
    model = new SignalRModel(program, scopeManager, settings, options);
    models.set(program, model);
  }
  return model;
}
