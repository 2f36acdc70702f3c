// The per-file SignalR analysis shared by every rule and codemod: which bindings are SignalR, which
// expressions build connections, and which variables, fields, refs and state hold them.
// Built once per Program (see `getSignalRModel`) and only for files whose text mentions SignalR.
import type { Scope, Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from './ast.js';
import { calledMethod, isFunction, skipWrappers, staticPropertyName, walk } from './ast.js';
import { mayUseSignalR } from './prefilter.js';
import type { SignalRSettings } from './settings.js';
import {
  BUILDER_METHODS,
  CLASSIC_CONNECTION_FACTORY,
  CLASSIC_CONNECTION_NAMESPACE,
  CLASSIC_GENERATED_HUB,
  CLIENT_GLOBALS,
  CLIENT_MODULES,
  EXPORTS,
  JQUERY_GLOBALS,
  JQUERY_MODULES,
  WEB_PUBSUB_MODULES,
} from './signalr.js';

/** The subset of a scope manager the model needs: typescript-eslint's and eslint-scope both fit. */
export interface ScopeManagerLike {
  readonly scopes: readonly Scope[];
  readonly globalScope: Scope | null;
}

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** Where a SignalR binding comes from: a module name, or `global` for the browser bundle. */
export type Origin = string;

/** The ASP.NET Core client (`@microsoft/signalr`, `@aspnet/signalr`) or the classic jQuery client. */
export type ClientFlavour = 'core' | 'classic';

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
}

/** Per-file facts about SignalR. Construct through `getSignalRModel`. */
export class SignalRModel {
  /** The file imports or references the ASP.NET Core or classic SignalR client. */
  readonly usesSignalR: boolean;
  /** The file imports the Web PubSub server SDK. */
  readonly usesWebPubSub: boolean;
  /** Every `.build()` call on a `HubConnectionBuilder` chain. */
  readonly builds: readonly TSESTree.CallExpression[];
  /** Every classic connection creation: `$.hubConnection(...)` and `$.connection.hub`. */
  readonly classicCreations: readonly Node[];

  private readonly variables = new Map<Node, Variable>();
  /** Import bindings of client/Web PubSub modules: variable → exported name (`*` for a namespace). */
  private readonly importedNames = new Map<Variable, { name: string; origin: Origin }>();
  private readonly globalNamespaceRefs = new Set<Node>();
  private readonly jqueryRefs = new Set<Node>();
  private readonly jqueryVariables = new Set<Variable>();
  private readonly memberAssignments: TSESTree.AssignmentExpression[] = [];
  private readonly connectionsBySlot = new Map<unknown, Connection | null>();
  private readonly slotsInProgress = new Set<unknown>();

  constructor(
    readonly program: TSESTree.Program,
    private readonly scopeManager: ScopeManagerLike,
    private readonly settings: SignalRSettings,
    private readonly options: ModelOptions = {},
  ) {
    this.indexScopes();
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
    this.indexImports([...calls.filter(isRequireCall), ...dynamicImports]);
    this.builds = calls.filter((call) => this.isBuildCall(call));
    this.classicCreations = [
      ...calls.filter((call) => this.isClassicFactoryCall(call)),
      ...members.filter((member) => this.isGeneratedHubConnection(member)),
    ];
    this.usesSignalR =
      this.globalNamespaceRefs.size > 0 ||
      this.classicCreations.length > 0 ||
      [...this.importedNames.values()].some(({ origin }) => !WEB_PUBSUB_MODULES.includes(origin));
    this.usesWebPubSub = [...this.importedNames.values()].some(({ origin }) => WEB_PUBSUB_MODULES.includes(origin));
  }

  // ---- bindings ----

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
      if (name === undefined || object.type !== AST_NODE_TYPES.Identifier) return undefined;
      if (this.globalNamespaceRefs.has(object)) return { name, origin: 'global' };
      const imported = this.importOf(object);
      return imported?.name === '*' ? { name, origin: imported.origin } : undefined;
    }
    return undefined;
  }

  /** True when `node` denotes the SignalR client export `name` (e.g. `EXPORTS.builder`). */
  isClientExport(node: Node, name: string): boolean {
    const found = this.exportName(node);
    return found !== undefined && found.name === name && !WEB_PUBSUB_MODULES.includes(found.origin);
  }

  /** True when `node` denotes the Web PubSub export `name`. */
  isWebPubSubExport(node: Node, name: string): boolean {
    const found = this.exportName(node);
    return found !== undefined && found.name === name && WEB_PUBSUB_MODULES.includes(found.origin);
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

  /** True when `node` is `$`/`jQuery` (global or imported from `jquery`). */
  isJQuery(node: Node): boolean {
    const target = skipWrappers(node);
    if (target.type !== AST_NODE_TYPES.Identifier) return false;
    if (this.jqueryRefs.has(target)) return true;
    const variable = this.variableOf(target);
    return variable !== undefined && this.jqueryVariables.has(variable);
  }

  // ---- builders ----

  /** For an expression whose value is a `HubConnectionBuilder`, its chain back to `new HubConnectionBuilder()`. */
  builderChainOf(node: Node, seen = new Set<Node>()): BuilderChain | undefined {
    const target = skipWrappers(node);
    if (seen.has(target)) return undefined;
    seen.add(target);
    if (target.type === AST_NODE_TYPES.NewExpression) {
      const found = this.exportName(target.callee);
      if (!found || found.name !== EXPORTS.builder || WEB_PUBSUB_MODULES.includes(found.origin)) return undefined;
      return { root: target, origin: found.origin, calls: [], variables: [] };
    }
    if (target.type === AST_NODE_TYPES.CallExpression) {
      const method = calledMethod(target);
      if (!method || method.name === BUILDER_METHODS.build) return undefined;
      const inner = this.builderChainOf(method.object, seen);
      return inner && { ...inner, calls: [...inner.calls, target] };
    }
    if (target.type === AST_NODE_TYPES.Identifier) {
      const variable = this.variableOf(target);
      const init = this.resolveConst(target);
      if (!variable || !init) return undefined;
      const inner = this.builderChainOf(init, seen);
      if (!inner) return undefined;
      // `builder.withUrl(...)` as a statement configures the same builder (the methods return `this`).
      const callsThroughVariable = variable.references
        .map((ref) => ref.identifier.parent)
        .filter((member): member is TSESTree.MemberExpression => member?.type === AST_NODE_TYPES.MemberExpression)
        .map((member) => member.parent)
        .filter(
          (call): call is TSESTree.CallExpression =>
            call?.type === AST_NODE_TYPES.CallExpression &&
            calledMethod(call)?.name !== BUILDER_METHODS.build &&
            skipWrappers(call.callee).type === AST_NODE_TYPES.MemberExpression,
        );
      const calls = [...inner.calls, ...callsThroughVariable].sort((a, b) => a.range[0] - b.range[0]);
      return { ...inner, calls: [...new Set(calls)], variables: [...inner.variables, variable] };
    }
    return undefined;
  }

  /** True when `call` is `<builder>.build()`. */
  isBuildCall(call: TSESTree.CallExpression): boolean {
    const method = calledMethod(call);
    return method?.name === BUILDER_METHODS.build && this.builderChainOf(method.object) !== undefined;
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

  // ---- connections ----

  /**
   * Which client a connection-creating expression makes: `<builder>.build()` (core),
   * `$.hubConnection(...)` or `$.connection.hub` (classic). Follows calls of functions declared in this
   * file that return one (`createConnection()`).
   */
  creationFlavour(node: Node, depth = 0): ClientFlavour | undefined {
    const target = skipWrappers(node);
    if (target.type === AST_NODE_TYPES.CallExpression) {
      if (this.isBuildCall(target)) return 'core';
      if (this.isClassicFactoryCall(target)) return 'classic';
      if (depth < 2) return this.returnedCreationFlavour(target, depth);
    }
    if (target.type === AST_NODE_TYPES.MemberExpression && this.isGeneratedHubConnection(target)) return 'classic';
    return undefined;
  }

  /**
   * The connection an expression refers to: a creation used in place, or the variable, class field,
   * or object property (`ref.current`, state) that holds one. The same slot always gives the same
   * object, so rules can compare `connectionOf(a) === connectionOf(b)`.
   */
  connectionOf(node: Node): Connection | undefined {
    const target = skipWrappers(node);
    const flavour = this.creationFlavour(target);
    if (flavour) return this.memo(target, () => ({ kind: 'value', flavour, name: 'connection', creations: [target] }));
    if (target.type === AST_NODE_TYPES.Identifier) {
      const variable = this.variableOf(target);
      const held = variable && this.memo(variable, () => this.variableConnection(variable));
      return held ?? this.typedConnection(target, variable);
    }
    if (target.type === AST_NODE_TYPES.MemberExpression) {
      const property = staticPropertyName(target);
      const object = skipWrappers(target.object);
      if (property === undefined) return this.typedConnection(target);
      if (object.type === AST_NODE_TYPES.ThisExpression) {
        const classNode = classOfThis(object);
        if (classNode) return this.memo(fieldKey(classNode, property), () => this.fieldConnection(classNode, property));
        const objectNode = objectOfThis(object);
        const held = objectNode && this.memo(fieldKey(objectNode, property), () => this.objectFieldConnection(objectNode, property));
        if (held) return held;
      } else if (object.type === AST_NODE_TYPES.Identifier) {
        const variable = this.variableOf(object);
        if (variable) {
          return this.memo(propertyKey(variable, property), () => this.propertyConnection(variable, object.name, property));
        }
      }
      return this.typedConnection(target);
    }
    return undefined;
  }

  /** True when `node` is `<connection>.<methodName>(...)`; returns that connection. */
  connectionCall(node: Node, methodName: string): Connection | undefined {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const method = calledMethod(node);
    return method?.name === methodName ? this.connectionOf(method.object) : undefined;
  }

  // ---- slots ----

  /**
   * The place `node` names, for analyses of values other than connections (Web PubSub clients, hub
   * proxies): a variable, `this.<field>` inside a class, or `<variable>.<property>`.
   */
  slotOf(node: Node): Slot | undefined {
    const target = skipWrappers(node);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const variable = this.variableOf(target);
      return variable && this.variableSlot(variable);
    }
    if (target.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const property = staticPropertyName(target);
    const object = skipWrappers(target.object);
    if (property === undefined) return undefined;
    if (object.type === AST_NODE_TYPES.ThisExpression) {
      const classNode = classOfThis(object);
      return classNode && this.fieldSlot(classNode, property);
    }
    const variable = object.type === AST_NODE_TYPES.Identifier ? this.variableOf(object) : undefined;
    return variable && this.propertySlot(variable, property);
  }

  /** With type information: `node`'s type is the Web PubSub export `exportName`. Always false without it. */
  hasWebPubSubType(node: Node, exportName: string): boolean {
    return this.options.isWebPubSubType?.(node, exportName) ?? false;
  }

  private variableSlot(variable: Variable): Slot {
    const values: Node[] = [];
    for (const ref of variable.references) {
      // `const { hub } = ...` writes a part of the value, not the value.
      const writesWholeValue =
        ref.identifier.parent?.type === AST_NODE_TYPES.VariableDeclarator ||
        ref.identifier.parent?.type === AST_NODE_TYPES.AssignmentExpression;
      if (ref.isWrite() && ref.writeExpr && writesWholeValue) values.push(skipWrappers(ref.writeExpr));
    }
    const annotations = variable.defs.map((def) => annotationOfDef(def.name)).filter((type) => type !== undefined);
    return { key: variable, values, annotations };
  }

  private fieldSlot(classNode: ClassNode, property: string): Slot {
    const values: Node[] = [];
    const annotations: TSESTree.TypeNode[] = [];
    for (const member of classNode.body.body) {
      if (member.type === AST_NODE_TYPES.PropertyDefinition && staticPropertyName(member) === property) {
        if (member.typeAnnotation) annotations.push(member.typeAnnotation.typeAnnotation);
        if (member.value) values.push(skipWrappers(member.value));
      }
      if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
        for (const param of member.value.params) {
          if (param.type === AST_NODE_TYPES.TSParameterProperty && param.parameter.type === AST_NODE_TYPES.Identifier && param.parameter.name === property) {
            if (param.parameter.typeAnnotation) annotations.push(param.parameter.typeAnnotation.typeAnnotation);
          }
        }
      }
    }
    for (const assignment of this.memberAssignments) {
      const left = assignment.left as TSESTree.MemberExpression;
      if (skipWrappers(left.object).type !== AST_NODE_TYPES.ThisExpression || staticPropertyName(left) !== property) continue;
      if (classOfThis(skipWrappers(left.object) as TSESTree.ThisExpression) !== classNode) continue;
      values.push(skipWrappers(assignment.right));
    }
    return { key: fieldKey(classNode, property), values, annotations };
  }

  private propertySlot(variable: Variable, property: string): Slot {
    const values: Node[] = [];
    for (const assignment of this.memberAssignments) {
      const left = assignment.left as TSESTree.MemberExpression;
      const object = skipWrappers(left.object);
      if (object.type !== AST_NODE_TYPES.Identifier || this.variableOf(object) !== variable) continue;
      if (staticPropertyName(left) !== property) continue;
      values.push(skipWrappers(assignment.right));
    }
    return { key: propertyKey(variable, property), values, annotations: [] };
  }

  // ---- internals ----

  private memo(key: unknown, compute: () => Connection | undefined): Connection | undefined {
    if (this.connectionsBySlot.has(key)) return this.connectionsBySlot.get(key) ?? undefined;
    if (this.slotsInProgress.has(key)) return undefined;
    this.slotsInProgress.add(key);
    const connection = compute();
    this.slotsInProgress.delete(key);
    this.connectionsBySlot.set(key, connection ?? null);
    return connection;
  }

  private variableConnection(variable: Variable): Connection | undefined {
    const stateConnection = this.stateConnection(variable);
    if (stateConnection) return stateConnection;
    const creations: Node[] = [];
    let flavour: ClientFlavour | undefined;
    const slot = this.variableSlot(variable);
    for (const value of slot.values) this.collectCreation(value, creations, (f) => (flavour ??= f));
    const typed = slot.annotations.some((type) => this.isConnectionTypeAnnotation(type));
    if (!flavour && !typed) return undefined;
    return { kind: 'variable', flavour: flavour ?? 'core', name: variable.name, variable, creations };
  }

  /** `const [connection, setConnection] = useState<HubConnection>()`: the state holds a connection. */
  private stateConnection(variable: Variable): Connection | undefined {
    const def = variable.defs[0];
    const pattern = def?.name.parent;
    if (def?.type !== 'Variable' || pattern?.type !== AST_NODE_TYPES.ArrayPattern || pattern.elements[0] !== def.name) {
      return undefined;
    }
    const init = (def.node as TSESTree.VariableDeclarator).init;
    if (!init || init.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const typeArgument = init.typeArguments?.params[0];
    const setterName = pattern.elements[1];
    const setter = setterName?.type === AST_NODE_TYPES.Identifier ? this.variableOf(setterName) : undefined;
    const creations: Node[] = [];
    let flavour: ClientFlavour | undefined;
    for (const ref of setter?.references ?? []) {
      const call = ref.identifier.parent;
      const argument = call?.type === AST_NODE_TYPES.CallExpression && call.callee === ref.identifier ? call.arguments[0] : undefined;
      if (argument) this.collectCreation(argument, creations, (f) => (flavour ??= f));
    }
    // The initial state: \`useState(build())\`, or the lazy \`useState(() => build())\`.
    const initial = init.arguments[0] && skipWrappers(init.arguments[0]);
    const initialValue = initial?.type === AST_NODE_TYPES.ArrowFunctionExpression && initial.expression ? initial.body : initial;
    if (initialValue && initialValue.type !== AST_NODE_TYPES.SpreadElement) this.collectCreation(initialValue, creations, (f) => (flavour ??= f));
    if (!flavour && !(typeArgument && this.isConnectionTypeAnnotation(typeArgument))) return undefined;
    return { kind: 'variable', flavour: flavour ?? 'core', name: variable.name, variable, creations };
  }

  private fieldConnection(classNode: ClassNode, property: string): Connection | undefined {
    const creations: Node[] = [];
    let flavour: ClientFlavour | undefined;
    const slot = this.fieldSlot(classNode, property);
    for (const value of slot.values) this.collectCreation(value, creations, (f) => (flavour ??= f));
    const typed = slot.annotations.some((type) => this.isConnectionTypeAnnotation(type));
    if (!flavour && !typed) return undefined;
    const name = `this.${property}`;
    return { kind: 'field', flavour: flavour ?? 'core', name, classNode, property, creations };
  }

  /** `this.<property>` in the methods of an object literal (Vue's options API): what those methods assign to it. */
  private objectFieldConnection(objectNode: TSESTree.ObjectExpression, property: string): Connection | undefined {
    const creations: Node[] = [];
    let flavour: ClientFlavour | undefined;
    for (const assignment of this.memberAssignments) {
      const left = assignment.left as TSESTree.MemberExpression;
      const object = skipWrappers(left.object);
      if (object.type !== AST_NODE_TYPES.ThisExpression || staticPropertyName(left) !== property || objectOfThis(object) !== objectNode) continue;
      this.collectCreation(assignment.right, creations, (f) => (flavour ??= f));
    }
    return flavour && { kind: 'field', flavour, name: `this.${property}`, objectNode, property, creations };
  }

  /** `connectionRef.current`, `state.connection`: a property of a variable that is assigned a connection. */
  private propertyConnection(variable: Variable, objectName: string, property: string): Connection | undefined {
    const creations: Node[] = [];
    let flavour: ClientFlavour | undefined;
    for (const value of this.propertySlot(variable, property).values) this.collectCreation(value, creations, (f) => (flavour ??= f));
    const typed = property === 'current' && this.isConnectionRef(variable);
    if (!flavour && !typed) return undefined;
    return { kind: 'property', flavour: flavour ?? 'core', name: `${objectName}.${property}`, variable, property, creations };
  }

  /** `const ref = useRef<HubConnection | null>(null)`. */
  private isConnectionRef(variable: Variable): boolean {
    const def = variable.defs[0];
    if (def?.type !== 'Variable') return false;
    const init = (def.node as TSESTree.VariableDeclarator).init;
    const call = init && skipWrappers(init);
    if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
    const typeArgument = call.typeArguments?.params[0];
    return typeArgument !== undefined && this.isConnectionTypeAnnotation(typeArgument);
  }

  private collectCreation(value: Node, creations: Node[], onFlavour: (flavour: ClientFlavour) => void): void {
    const target = skipWrappers(value);
    const flavour = this.creationFlavour(target);
    if (flavour) {
      onFlavour(flavour);
      creations.push(target);
      return;
    }
    const source = this.connectionOf(target);
    if (source) {
      onFlavour(source.flavour);
      creations.push(...source.creations);
    }
  }

  /** A connection known only from type information; per variable when it has one, so slots compare equal. */
  private typedConnection(node: Node, variable?: Variable): Connection | undefined {
    if (!this.options.isConnectionType?.(node)) return undefined;
    if (!variable) return this.memo(node, () => ({ kind: 'value', flavour: 'core', name: 'connection', creations: [] }));
    return this.memo(typedKey(variable), () => ({ kind: 'variable', flavour: 'core', name: variable.name, variable, creations: [] }));
  }

  /** `HubConnection`, `signalR.HubConnection`, `HubConnection | null`, `HubConnection | undefined`. */
  isConnectionTypeAnnotation(type: TSESTree.TypeNode | undefined): boolean {
    if (!type) return false;
    if (type.type === AST_NODE_TYPES.TSUnionType) return type.types.some((member) => this.isConnectionTypeAnnotation(member));
    if (type.type !== AST_NODE_TYPES.TSTypeReference) return false;
    return this.isClientExport(type.typeName, EXPORTS.connection);
  }

  /** A call of a function declared in this file whose every `return` gives a connection. */
  private returnedCreationFlavour(call: TSESTree.CallExpression, depth: number): ClientFlavour | undefined {
    const callee = skipWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.variableOf(callee);
    const def = variable?.defs[0];
    let fn: Node | undefined;
    if (def?.type === 'FunctionName') fn = def.node;
    else if (def?.type === 'Variable') fn = this.resolveConst(callee);
    if (!fn || !isFunction(fn)) return undefined;
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return this.creationFlavour(fn.body, depth + 1);
    let flavour: ClientFlavour | undefined;
    let allReturnConnections = true;
    walk(fn.body, (node) => {
      if (node !== fn && isFunction(node)) return false;
      if (node.type === AST_NODE_TYPES.ReturnStatement) {
        const returned = node.argument && (this.creationFlavour(node.argument, depth + 1) ?? this.connectionOf(node.argument)?.flavour);
        if (returned) flavour ??= returned;
        else allReturnConnections = false;
      }
      return undefined;
    });
    return allReturnConnections ? flavour : undefined;
  }

  private isClassicFactoryCall(call: TSESTree.CallExpression): boolean {
    const method = calledMethod(call);
    return method?.name === CLASSIC_CONNECTION_FACTORY && this.isJQuery(method.object);
  }

  /** `$.connection.hub`. */
  private isGeneratedHubConnection(member: TSESTree.MemberExpression): boolean {
    if (staticPropertyName(member) !== CLASSIC_GENERATED_HUB) return false;
    const object = skipWrappers(member.object);
    return (
      object.type === AST_NODE_TYPES.MemberExpression &&
      staticPropertyName(object) === CLASSIC_CONNECTION_NAMESPACE &&
      this.isJQuery(object.object)
    );
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
    const globals = new Set([...CLIENT_GLOBALS, ...this.settings.globals]);
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
    const isTracked = (source: string): boolean => clientModules.has(source) || WEB_PUBSUB_MODULES.includes(source);
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

function isRequireCall(call: TSESTree.CallExpression): boolean {
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

function annotationOfDef(name: Node): TSESTree.TypeNode | undefined {
  if (name.type === AST_NODE_TYPES.Identifier) return name.typeAnnotation?.typeAnnotation;
  return undefined;
}

/** The class whose instance `this` is: through arrow functions, up to a method or field initializer. */
export function classOfThis(node: TSESTree.ThisExpression): ClassNode | undefined {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      const method = current.parent;
      if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.static) return undefined;
      const cls = method.parent.parent;
      return cls.type === AST_NODE_TYPES.ClassDeclaration || cls.type === AST_NODE_TYPES.ClassExpression ? cls : undefined;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.AccessorProperty) {
      if (current.static) return undefined;
      const cls = current.parent.parent;
      return cls.type === AST_NODE_TYPES.ClassDeclaration || cls.type === AST_NODE_TYPES.ClassExpression ? cls : undefined;
    }
  }
  return undefined;
}

/**
 * The object literal whose method `this` is in (`{ mounted() { this.x } }`, Vue's options API): through
 * arrow functions, up to a method or `function` property of the literal.
 */
export function objectOfThis(node: TSESTree.ThisExpression): TSESTree.ObjectExpression | undefined {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      const property = current.parent;
      const object = property?.type === AST_NODE_TYPES.Property && property.value === current ? property.parent : undefined;
      return object?.type === AST_NODE_TYPES.ObjectExpression ? object : undefined;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.AccessorProperty) return undefined;
  }
  return undefined;
}

const fieldKeys = new WeakMap<ClassNode | TSESTree.ObjectExpression, Map<string, object>>();
function fieldKey(classNode: ClassNode | TSESTree.ObjectExpression, property: string): object {
  let byName = fieldKeys.get(classNode);
  if (!byName) fieldKeys.set(classNode, (byName = new Map()));
  let key = byName.get(property);
  if (!key) byName.set(property, (key = { classNode, property }));
  return key;
}

const typedKeys = new WeakMap<Variable, object>();
function typedKey(variable: Variable): object {
  let key = typedKeys.get(variable);
  if (!key) typedKeys.set(variable, (key = { typed: variable }));
  return key;
}

const propertyKeys = new WeakMap<Variable, Map<string, object>>();
function propertyKey(variable: Variable, property: string): object {
  let byName = propertyKeys.get(variable);
  if (!byName) propertyKeys.set(variable, (byName = new Map()));
  let key = byName.get(property);
  if (!key) byName.set(property, (key = { variable, property }));
  return key;
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
  const worthModelling = options?.textFilter ? options.textFilter.test(text) : mayUseSignalR(text, settings);
  if (!scopeManager || !worthModelling) return undefined;
  let model = models.get(program);
  if (!model) {
    model = new SignalRModel(program, scopeManager, settings, options);
    models.set(program, model);
  }
  return model;
}
