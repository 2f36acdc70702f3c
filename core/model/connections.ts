// Which expressions are connections: a creation used in place (`<builder>.build()`, `$.hubConnection()`,
// `$.connection.hub`, a local function returning one), or a variable, field, ref or React state that
// holds one; with type information, also values whose type is `HubConnection`. A call of a local
// getter that returns a connection it keeps (`return cached`) is that kept connection, not a creation.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from '../ast.js';
import { calledMethod, contains, isFunction, skipWrappers, staticPropertyName, walk } from '../ast.js';
import type { ClassNode, ClientFlavour, Connection, ModelOptions, SignalRModel } from '../model.js';
import { returnedValues } from '../factories.js';
import { CLASSIC_CONNECTION_FACTORY, CLASSIC_CONNECTION_NAMESPACE, CLASSIC_GENERATED_HUB, EXPORTS, WEB_PUBSUB_CLIENT_EXPORTS } from '../signalr.js';
import { isBuildCall } from './builders.js';
import { isBoundOnce } from './aliases.js';
import type { Bindings } from './imports.js';
import type { SlotIndex } from './slots.js';
import { classOfState, classOfThis, componentStateField, componentStateKey, fieldKey, objectOfThis, propertyKey, typedKey } from './slots.js';

/** React's \`useRef(initial)\` and the property its result holds the value in. */
const REF_HOOK = 'useRef';
const REF_PROPERTY = 'current';
/** React's `useMemo(() => value, deps)`: the component keeps `value` between renders. */
const MEMO_HOOK = { module: 'react', name: 'useMemo' } as const;

/** The connections of a file, memoised per slot so that the same slot gives the same object. */
export class ConnectionIndex {
  private readonly connectionsBySlot = new Map<unknown, Connection | null>();
  private readonly slotsInProgress = new Set<unknown>();

  constructor(
    private readonly bindings: Bindings,
    private readonly slots: SlotIndex,
    private readonly memberAssignments: readonly TSESTree.AssignmentExpression[],
    private readonly options: ModelOptions,
    private readonly model: SignalRModel,
  ) {}

  /** See `SignalRModel.creationFlavour`. */
  creationFlavour(node: Node, depth = 0): ClientFlavour | undefined {
    const target = skipWrappers(node);
    if (target.type === AST_NODE_TYPES.CallExpression) {
      if (isBuildCall(this.bindings, target)) return 'core';
      if (isClassicFactoryCall(this.bindings, target)) return 'classic';
      // `return useMemo(() => build(), [url])` in a custom hook: the hook gives a connection back.
      const memoised = memoisedValue(this.bindings, target);
      if (memoised && depth < 2) return this.creationFlavour(memoised, depth + 1);
      if (depth < 2 && !this.keptConnectionReturnedBy(target)) {
        const returned = this.returnedCreationFlavour(target, depth);
        if (returned) return returned;
      }
      // A factory of another module of the project: each call makes a new connection here.
      const linked = this.options.crossModule?.connectionOf(this.model, target);
      if (linked?.fresh) return linked.flavour;
    }
    if (target.type === AST_NODE_TYPES.MemberExpression && isGeneratedHubConnection(this.bindings, target)) return 'classic';
    if (target.type === AST_NODE_TYPES.NewExpression && this.bindings.isWebPubSubClientExport(target.callee, WEB_PUBSUB_CLIENT_EXPORTS.client)) return 'web-pubsub';
    // The pre-1.0 client's `new HubConnection(url)`; later clients make its constructor private.
    if (target.type === AST_NODE_TYPES.NewExpression && this.bindings.isClientExport(target.callee, EXPORTS.connection)) return 'core';
    return undefined;
  }

  /** See `SignalRModel.connectionOf`. */
  connectionOf(node: Node): Connection | undefined {
    const target = skipWrappers(node);
    const flavour = this.creationFlavour(target);
    if (flavour) return this.memo(target, () => ({ kind: 'value', flavour, name: 'connection', creations: [target] }));
    if (target.type === AST_NODE_TYPES.Identifier) {
      const variable = this.bindings.variableOf(target);
      const held = variable && this.memo(variable, () => this.aliasedConnection(variable) ?? this.variableConnection(variable));
      return held ?? this.linkedConnection(target) ?? this.typedConnection(target, variable);
    }
    if (target.type === AST_NODE_TYPES.MemberExpression) {
      const property = staticPropertyName(target);
      const object = skipWrappers(target.object);
      if (property === undefined) return this.typedConnection(target);
      const self = this.bindings.thisOf(object);
      if (self) {
        const classNode = classOfThis(self);
        if (classNode) return this.memo(fieldKey(classNode, property), () => this.fieldConnection(classNode, property));
        const objectNode = objectOfThis(self);
        const held = objectNode && this.memo(fieldKey(objectNode, property), () => this.objectFieldConnection(objectNode, property));
        if (held) return held;
      } else if (object.type === AST_NODE_TYPES.Identifier) {
        const variable = this.bindings.variableOf(object);
        if (variable) {
          const held = this.memo(propertyKey(variable, property), () => this.propertyConnection(variable, object.name, property));
          return held ?? this.linkedConnection(target);
        }
      } else {
        const stateClass = classOfState(object);
        const held = stateClass && this.memo(componentStateKey(stateClass, property), () => this.componentStateConnection(stateClass, property));
        if (held) return held;
      }
      return this.linkedConnection(target) ?? this.typedConnection(target);
    }
    if (target.type === AST_NODE_TYPES.CallExpression) return this.keptConnectionReturnedBy(target) ?? this.linkedConnection(target);
    return undefined;
  }

  /** See `SignalRModel.isConnectionTypeAnnotation`. */
  isConnectionTypeAnnotation(type: TSESTree.TypeNode | undefined): boolean {
    return this.annotatedFlavour(type) !== undefined;
  }

  /** The client a type annotation names: `HubConnection` (core), `WebPubSubClient` (web-pubsub), also in a union. */
  annotatedFlavour(type: TSESTree.TypeNode | undefined): ClientFlavour | undefined {
    if (!type) return undefined;
    if (type.type === AST_NODE_TYPES.TSUnionType) {
      for (const member of type.types) {
        const flavour = this.annotatedFlavour(member);
        if (flavour) return flavour;
      }
      return undefined;
    }
    if (type.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
    if (this.bindings.isClientExport(type.typeName, EXPORTS.connection)) return 'core';
    return this.bindings.isWebPubSubClientExport(type.typeName, WEB_PUBSUB_CLIENT_EXPORTS.client) ? 'web-pubsub' : undefined;
  }

  private firstAnnotatedFlavour(types: readonly TSESTree.TypeNode[]): ClientFlavour | undefined {
    for (const type of types) {
      const flavour = this.annotatedFlavour(type);
      if (flavour) return flavour;
    }
    return undefined;
  }

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
    const slot = this.slots.variableSlot(variable);
    for (const value of slot.values) this.collectCreation(value, creations, (f) => (flavour ??= f));
    flavour ??= this.firstAnnotatedFlavour(slot.annotations);
    if (!flavour) return undefined;
    return { kind: 'variable', flavour, name: variable.name, variable, creations };
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
    const setter = setterName?.type === AST_NODE_TYPES.Identifier ? this.bindings.variableOf(setterName) : undefined;
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
    flavour ??= this.annotatedFlavour(typeArgument);
    if (!flavour) return undefined;
    return { kind: 'variable', flavour, name: variable.name, variable, creations };
  }

  private fieldConnection(classNode: ClassNode, property: string): Connection | undefined {
    const creations: Node[] = [];
    let flavour: ClientFlavour | undefined;
    const slot = this.slots.fieldSlot(classNode, property);
    for (const value of slot.values) this.collectCreation(value, creations, (f) => (flavour ??= f));
    flavour ??= this.firstAnnotatedFlavour(slot.annotations);
    if (!flavour) return undefined;
    const name = `this.${property}`;
    return { kind: 'field', flavour, name, classNode, property, creations };
  }

  /** `this.state.<property>` of a class component: what `this.setState({ <property>: … })` stores. */
  private componentStateConnection(classNode: ClassNode, property: string): Connection | undefined {
    const creations: Node[] = [];
    let flavour: ClientFlavour | undefined;
    for (const value of this.slots.componentStateSlot(classNode, property).values) this.collectCreation(value, creations, (f) => (flavour ??= f));
    return flavour && { kind: 'field', flavour, name: `this.${componentStateField(property)}`, classNode, property: componentStateField(property), creations };
  }

  /** `this.<property>` in the methods of an object literal (Vue's options API): what those methods assign to it. */
  private objectFieldConnection(objectNode: TSESTree.ObjectExpression, property: string): Connection | undefined {
    const creations: Node[] = [];
    let flavour: ClientFlavour | undefined;
    for (const assignment of this.memberAssignments) {
      const left = assignment.left as TSESTree.MemberExpression;
      const self = this.bindings.thisOf(left.object);
      if (!self || staticPropertyName(left) !== property || objectOfThis(self) !== objectNode) continue;
      this.collectCreation(assignment.right, creations, (f) => (flavour ??= f));
    }
    return flavour && { kind: 'field', flavour, name: `this.${property}`, objectNode, property, creations };
  }

  /** `connectionRef.current`, `state.connection`: a property of a variable that is assigned a connection. */
  private propertyConnection(variable: Variable, objectName: string, property: string): Connection | undefined {
    const creations: Node[] = [];
    let flavour: ClientFlavour | undefined;
    for (const value of this.slots.propertySlot(variable, property).values) this.collectCreation(value, creations, (f) => (flavour ??= f));
    const initial = property === REF_PROPERTY ? refInitialValue(variable) : undefined;
    if (initial) this.collectCreation(initial, creations, (f) => (flavour ??= f));
    if (property === REF_PROPERTY) flavour ??= this.refFlavour(variable);
    if (!flavour) return undefined;
    return { kind: 'property', flavour, name: `${objectName}.${property}`, variable, property, creations };
  }

  /** `const ref = useRef<HubConnection | null>(null)`: the client its type argument names. */
  private refFlavour(variable: Variable): ClientFlavour | undefined {
    const def = variable.defs[0];
    if (def?.type !== 'Variable') return undefined;
    const init = (def.node as TSESTree.VariableDeclarator).init;
    const call = init && skipWrappers(init);
    if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
    return this.annotatedFlavour(call.typeArguments?.params[0]);
  }

  private collectCreation(value: Node, creations: Node[], onFlavour: (flavour: ClientFlavour) => void): void {
    const target = skipWrappers(value);
    const memoised = memoisedValue(this.bindings, target);
    if (memoised) {
      this.collectCreation(memoised, creations, onFlavour);
      return;
    }
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

  /**
   * A connection another module of the project holds (an exported singleton, a service's field or
   * accessor): like a typed one, no creation here, and the same object wherever the file reaches it.
   */
  private linkedConnection(node: Node): Connection | undefined {
    const linked = this.options.crossModule?.connectionOf(this.model, node);
    if (!linked || linked.fresh) return undefined;
    const name = node.type === AST_NODE_TYPES.Identifier ? node.name : 'connection';
    return this.memo(linked.key, () => ({ kind: 'value', flavour: linked.flavour, name, creations: [] }));
  }

  /** A connection known only from type information; per variable when it has one, so slots compare equal. */
  private typedConnection(node: Node, variable?: Variable): Connection | undefined {
    if (!this.options.isConnectionType?.(node)) return undefined;
    if (!variable) return this.memo(node, () => ({ kind: 'value', flavour: 'core', name: 'connection', creations: [] }));
    return this.memo(typedKey(variable), () => ({ kind: 'variable', flavour: 'core', name: variable.name, variable, creations: [] }));
  }

  /**
   * Another name for a connection held elsewhere, bound once: `const c = this.connection`, `const c =
   * connection`, `const { connection } = this` (or `= holder`), `const { connection } = useHub()` for a
   * function of this file that returns it in an object. Such a name gives the very same connection.
   */
  private aliasedConnection(variable: Variable): Connection | undefined {
    const def = variable.defs[0];
    if (def?.type !== 'Variable' || !isBoundOnce(variable)) return undefined;
    const declarator = def.node as TSESTree.VariableDeclarator;
    const init = declarator.init && skipWrappers(declarator.init);
    if (!init) return undefined;
    if (declarator.id === def.name) {
      const readsSlot = init.type === AST_NODE_TYPES.Identifier || init.type === AST_NODE_TYPES.MemberExpression;
      return readsSlot && !this.creationFlavour(init) ? this.connectionOf(init) : undefined;
    }
    const property = declarator.id.type === AST_NODE_TYPES.ObjectPattern ? destructuredProperty(declarator.id, def.name) : undefined;
    if (property === undefined) return undefined;
    if (init.type === AST_NODE_TYPES.CallExpression) {
      const returned = returnedProperty(this.bindings, init, property);
      return returned && this.connectionOf(returned);
    }
    const self = this.bindings.thisOf(init);
    const classNode = self && classOfThis(self);
    if (classNode) return this.memo(fieldKey(classNode, property), () => this.fieldConnection(classNode, property));
    const holder = init.type === AST_NODE_TYPES.Identifier ? this.bindings.variableOf(init) : undefined;
    return holder && this.memo(propertyKey(holder, property), () => this.propertyConnection(holder, (init as TSESTree.Identifier).name, property));
  }

  /**
   * For a call of a getter of this file, the connection it keeps and returns on every path: `if
   * (!cached) cached = build(); return cached;`. Each call gives that same connection, not a new one.
   */
  private keptConnectionReturnedBy(call: TSESTree.CallExpression): Connection | undefined {
    const fn = localFunction(this.bindings, call.callee);
    if (!fn) return undefined;
    let kept: Connection | undefined;
    for (const value of returnedValues(fn)) {
      const target = skipWrappers(value);
      const readsSlot = target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.MemberExpression;
      const connection = readsSlot ? this.connectionOf(target) : undefined;
      if (!connection || (kept && connection !== kept) || !isKeptAcrossCalls(connection, fn)) return undefined;
      kept = connection;
    }
    return kept;
  }

  /** A call of a function declared in this file whose every `return` gives a connection. */
  private returnedCreationFlavour(call: TSESTree.CallExpression, depth: number): ClientFlavour | undefined {
    const fn = localFunction(this.bindings, call.callee);
    if (!fn) return undefined;
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return this.creationFlavour(fn.body, depth + 1);
    let flavour: ClientFlavour | undefined;
    let allReturnConnections = true;
    // `if (shared) return shared; …; shared = c; return c;`: a lazy getter, whose calls share one connection.
    let returnsKept = false;
    walk(fn.body, (node) => {
      if (node !== fn && isFunction(node)) return false;
      if (node.type === AST_NODE_TYPES.ReturnStatement) {
        const created = node.argument && this.creationFlavour(node.argument, depth + 1);
        const held = node.argument && !created ? this.connectionOf(node.argument) : undefined;
        if (held && isKeptAcrossCalls(held, fn)) returnsKept = true;
        const returned = created ?? held?.flavour;
        if (returned) flavour ??= returned;
        else allReturnConnections = false;
      }
      return undefined;
    });
    return allReturnConnections && !returnsKept ? flavour : undefined;
  }
}

/** The slot outlives a call of `fn`: a field, a property, a variable declared outside `fn` (not one of its locals or parameters). */
function isKeptAcrossCalls(connection: Connection, fn: FunctionNode): boolean {
  if (connection.kind === 'field' || connection.kind === 'property') return true;
  const def = connection.kind === 'variable' ? connection.variable?.defs[0] : undefined;
  return def !== undefined && !contains(fn, def.node);
}

/** `$.hubConnection(…)`. */
export function isClassicFactoryCall(bindings: Bindings, call: TSESTree.CallExpression): boolean {
  const method = calledMethod(call);
  return method?.name === CLASSIC_CONNECTION_FACTORY && bindings.isJQuery(method.object);
}

/** `$.connection.hub`. */
export function isGeneratedHubConnection(bindings: Bindings, member: TSESTree.MemberExpression): boolean {
  if (staticPropertyName(member) !== CLASSIC_GENERATED_HUB) return false;
  const object = skipWrappers(member.object);
  return (
    object.type === AST_NODE_TYPES.MemberExpression &&
    staticPropertyName(object) === CLASSIC_CONNECTION_NAMESPACE &&
    bindings.isJQuery(object.object)
  );
}

/** The initial value of \`const ref = useRef(value)\`, which \`ref.current\` holds until something else is stored. */
function refInitialValue(variable: Variable): Node | undefined {
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def?.type !== 'Variable') return undefined;
  const init = (def.node as TSESTree.VariableDeclarator).init;
  const call = init && skipWrappers(init);
  const initial = call?.type === AST_NODE_TYPES.CallExpression ? call.arguments[0] : undefined;
  if (!call || call.type !== AST_NODE_TYPES.CallExpression || !initial || initial.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const callee = skipWrappers(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
  return name === REF_HOOK ? initial : undefined;
}

/** For React's `useMemo(() => value, deps)`, the value its function returns (what the hook keeps). */
function memoisedValue(bindings: Bindings, node: Node): Node | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const binding = bindings.moduleBindingOf(node.callee);
  if (binding?.module !== MEMO_HOOK.module || binding.name !== MEMO_HOOK.name) return undefined;
  const fn = node.arguments[0] && skipWrappers(node.arguments[0]);
  if (!fn || !isFunction(fn)) return undefined;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const last = fn.body.body.at(-1);
  return last?.type === AST_NODE_TYPES.ReturnStatement && last.argument ? last.argument : undefined;
}

/** The property `const { <property>: name } = …` takes into `name`. */
function destructuredProperty(pattern: TSESTree.ObjectPattern, name: Node): string | undefined {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value === name) return staticPropertyName(property);
  }
  return undefined;
}

/** For a call of a function of this file that returns an object literal (`return { connection }`), that property's value. */
function returnedProperty(bindings: Bindings, call: TSESTree.CallExpression, property: string): Node | undefined {
  const fn = localFunction(bindings, call.callee);
  if (!fn) return undefined;
  const returned: Node[] = [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) returned.push(fn.body);
  else {
    walk(fn.body, (node) => {
      if (node !== fn && isFunction(node)) return false;
      if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(node.argument);
      return undefined;
    });
  }
  for (const value of returned) {
    const literal = skipWrappers(value);
    if (literal.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const member of literal.properties) {
      if (member.type === AST_NODE_TYPES.Property && !member.computed && staticPropertyName(member) === property) return member.value;
    }
  }
  return undefined;
}

/** The function a callee names when this file declares it: `function f()`, `const f = () => …`. */
function localFunction(bindings: Bindings, callee: Node): FunctionNode | undefined {
  const target = skipWrappers(callee);
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = bindings.variableOf(target)?.defs[0];
  if (def?.type === 'FunctionName' && isFunction(def.node)) return def.node;
  const init = def?.type === 'Variable' ? bindings.resolveConst(target) : undefined;
  return init && isFunction(init) ? init : undefined;
}
