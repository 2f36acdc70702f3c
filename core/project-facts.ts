// What a module of the project gives its importers, as far as SignalR goes: a connection it exports
// (a singleton), a function that returns one (a factory, or an accessor of one it holds), a function
// that joins a group for its caller, and classes (or an exported instance) whose methods and fields do
// those things, exported the ES way or the CommonJS way. Read from the module's own model, so every
// shape the model knows counts.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { contains, enclosingFunction, isFunction, outermostWrapper, skipWrappers, staticPropertyName, walk } from './ast.js';
import { DEFAULT_EXPORT, exportedName, MODULE_OBJECT, ownExports } from './exports.js';
import { isOwnLocal } from './factories.js';
import { functionOf } from './functions.js';
import type { GroupJoin } from './group-joins.js';
import { groupJoins } from './group-joins.js';
import type { ClassNode, ClientFlavour, Connection, SignalRModel } from './model.js';
import type { SignalRSettings } from './settings.js';
import { isReadinessGuarded } from './readiness.js';
import { CONNECTION_METHODS, HUB_CALL_METHODS } from './signalr.js';

/** Connection methods that send, and fail while the connection is not connected. */

/** A value another module gets: a connection, a function, or a class and its instances. */
export type ValueFact = ConnectionFact | FunctionFact | ClassFact;

export interface ConnectionFact {
  readonly kind: 'connection';
  readonly flavour: ClientFlavour;
}

export interface FunctionFact {
  readonly kind: 'function';
  /** It returns a connection: a new one on each call (`fresh`), or one it holds. */
  readonly returnsConnection?: { readonly flavour: ClientFlavour; readonly fresh: boolean };
  /** It joins a group for its caller. */
  readonly joins?: JoinWrapperFact;
  /** A method that, in its own run, starts the connection its object holds in a field. */
  readonly startsField?: FieldStartFact;
  /** A method that, in its own run, registers message handlers (`on`) on the connection in this field. */
  readonly registersOnField?: string;
  /** A method that, in its own run and behind no readiness check, calls `invoke`/`send`/`stream` on the connection in this field. */
  readonly invokesOnField?: string;
}

export interface FieldStartFact {
  readonly field: string;
  /** The promise the method returns settles after the start: it returns the start's promise, or awaits it being async. */
  readonly waits: boolean;
}

export interface JoinWrapperFact {
  /** The hub method (or call) that joins, as messages name it. */
  readonly method: string;
  /**
   * `returns`: the promise it returns settles after the join (returned, or awaited in an async
   * function), so a caller that drops it drops the join; `floats`: the join floats inside it, and
   * no caller can wait for it.
   */
  readonly waits: 'floats' | 'returns';
}

export interface ClassFact {
  readonly kind: 'class';
  /** `instance`: the export is an object of the class (`export default new HubService()`). */
  readonly instance: boolean;
  /** Methods (and fields holding functions) that return connections or join groups. */
  readonly methods: ReadonlyMap<string, FunctionFact>;
  /** Fields (`this.connection`) that hold a connection. */
  readonly fields: ReadonlyMap<string, ConnectionFact>;
}

export interface ModuleFacts {
  /**
   * By exported name (core/exports.ts): `default` for the default export, `*` (`MODULE_OBJECT`) for a
   * CommonJS module's whole `module.exports`, which `require('./m')` returns.
   */
  readonly exports: ReadonlyMap<string, ValueFact>;
}

export const NO_FACTS: ModuleFacts = { exports: new Map() };

/** Resolves `export … from '<specifier>'`: the facts of that module, when it is one of the project's. */
export type ReexportSource = (specifier: string) => ModuleFacts | undefined;

/**
 * The facts of a module from its model: its own exports, ES and CommonJS (core/exports.ts), then what
 * it re-exports from the project's other modules.
 */
export function extractFacts(model: SignalRModel, settings: SignalRSettings, reexported: ReexportSource): ModuleFacts {
  const joins = groupJoins(model, settings);
  const exports = new Map<string, ValueFact>();
  const add = (name: string, fact: ValueFact | undefined): void => {
    if (fact && !exports.has(name)) exports.set(name, fact);
  };
  // One fact per value: `module.exports = f` gives `f` as `*` and as `default`, and an importer that
  // reaches it both ways holds the same connection.
  const factsByValue = new Map<Node, ValueFact | undefined>();
  for (const { name, value } of ownExports(model)) {
    if (!factsByValue.has(value)) factsByValue.set(value, valueFact(model, joins, value));
    add(name, factsByValue.get(value));
  }
  for (const statement of model.program.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.source) {
      const source = reexported(statement.source.value);
      for (const specifier of statement.specifiers) add(exportedName(specifier.exported), source?.exports.get(exportedName(specifier.local)));
    } else if (statement.type === AST_NODE_TYPES.ExportAllDeclaration && !statement.exported) {
      const source = reexported(statement.source.value);
      for (const [name, fact] of source?.exports ?? []) if (name !== DEFAULT_EXPORT && name !== MODULE_OBJECT) add(name, fact);
    }
  }
  return exports.size === 0 ? NO_FACTS : { exports };
}

/** What an exported value is: a connection, a function, a class or an instance of one. */
function valueFact(model: SignalRModel, joins: readonly GroupJoin[], node: Node): ValueFact | undefined {
  const target = skipWrappers(node);
  const classNode = classDenotedBy(model, target);
  if (classNode) return classFact(model, joins, classNode, false);
  const fn = functionOf(model, target);
  if (fn) return functionFact(model, joins, fn);
  const value = target.type === AST_NODE_TYPES.Identifier ? model.resolveConst(target) : target;
  if (value?.type === AST_NODE_TYPES.NewExpression) {
    const instanceOf = classDenotedBy(model, value.callee);
    if (instanceOf) return classFact(model, joins, instanceOf, true);
  }
  const connection = model.connectionOf(target);
  return connection && connection.creations.length > 0 ? { kind: 'connection', flavour: connection.flavour } : undefined;
}

function classDenotedBy(model: SignalRModel, node: Node): ClassNode | undefined {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.ClassDeclaration || target.type === AST_NODE_TYPES.ClassExpression) return target;
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = model.variableOf(target)?.defs[0];
  if (def?.type === 'ClassName' && def.node.type === AST_NODE_TYPES.ClassDeclaration) return def.node;
  const init = model.resolveConst(target);
  return init?.type === AST_NODE_TYPES.ClassExpression ? init : undefined;
}

function functionFact(model: SignalRModel, joins: readonly GroupJoin[], fn: FunctionNode): FunctionFact | undefined {
  const returnsConnection = returnedConnection(model, fn);
  const wrapped = joinWrapped(joins, fn);
  if (!returnsConnection && !wrapped) return undefined;
  return { kind: 'function', ...(returnsConnection && { returnsConnection }), ...(wrapped && { joins: wrapped }) };
}

function classFact(model: SignalRModel, joins: readonly GroupJoin[], classNode: ClassNode, instance: boolean): ClassFact | undefined {
  const methods = new Map<string, FunctionFact>();
  const fields = new Map<string, ConnectionFact>();
  const methodNodes = new Map<string, FunctionNode>();
  for (const member of classNode.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    if (member.static || member.key.type === AST_NODE_TYPES.PrivateIdentifier) continue;
    const name = staticPropertyName(member);
    const value = member.value && skipWrappers(member.value);
    if (name === undefined || !value || !isFunction(value)) continue;
    const isGetter = member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'get';
    const isConstructor = member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor';
    if (!isGetter && !isConstructor) methodNodes.set(name, value);
    const fact = functionFact(model, joins, value);
    if (!fact) continue;
    // A getter gives the connection as a field does.
    if (isGetter) {
      if (fact.returnsConnection) fields.set(name, { kind: 'connection', flavour: fact.returnsConnection.flavour });
    } else methods.set(name, fact);
  }
  for (const [name, fn] of methodNodes) {
    const effects = fieldEffects(model, classNode, fn);
    if (effects.startsField || effects.registersOnField || effects.invokesOnField) methods.set(name, { kind: 'function', ...methods.get(name), ...effects });
  }
  walk(classNode.body, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression) return;
    const name = staticPropertyName(node);
    if (name === undefined || fields.has(name) || methods.has(name) || name.startsWith('#')) return;
    const connection = model.connectionOf(node);
    if (connection?.kind === 'field' && connection.classNode === classNode) fields.set(name, { kind: 'connection', flavour: connection.flavour });
  });
  return methods.size === 0 && fields.size === 0 ? undefined : { kind: 'class', instance, methods, fields };
}

/**
 * What a method does, before its first `await`, to a connection a field of its own class holds:
 * starts it (`this.connection.start()`), registers handlers on it (`this.connection.on(…)`). Code in
 * callbacks it hands out runs later, and does not count.
 */
function fieldEffects(model: SignalRModel, classNode: ClassNode, fn: FunctionNode): Pick<FunctionFact, 'invokesOnField' | 'registersOnField' | 'startsField'> {
  let startsField: FieldStartFact | undefined;
  let registersOnField: string | undefined;
  let invokesOnField: string | undefined;
  let suspended = false;
  const ownField = (connection: Connection | undefined): string | undefined =>
    connection?.kind === 'field' && connection.classNode === classNode && connection.flavour === 'core' ? connection.property : undefined;
  walk(fn.body, (node) => {
    if (suspended || (node !== fn.body && isFunction(node))) return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression) {
      // The awaited expression runs before the suspension: look inside it first.
      walk(node.argument ?? node, (inner) => {
        if (inner !== node.argument && isFunction(inner)) return false;
        if (inner.type === AST_NODE_TYPES.CallExpression) note(inner);
        return undefined;
      });
      suspended = true;
      return false;
    }
    if (node.type === AST_NODE_TYPES.CallExpression) note(node);
    return undefined;
  });
  return {
    ...(startsField && { startsField }),
    ...(registersOnField !== undefined && { registersOnField }),
    ...(invokesOnField !== undefined && { invokesOnField }),
  };

  function note(call: TSESTree.CallExpression): void {
    const started = ownField(model.connectionCall(call, CONNECTION_METHODS.start));
    if (started !== undefined && !startsField) {
      const awaited = outermostWrapper(call).parent?.type === AST_NODE_TYPES.AwaitExpression;
      startsField = { field: started, waits: isReturned(call, fn) || (fn.async && awaited) };
    }
    registersOnField ??= ownField(model.connectionCall(call, CONNECTION_METHODS.on));
    for (const method of HUB_CALL_METHODS) {
      const sentOn = ownField(model.connectionCall(call, method));
      if (sentOn !== undefined && !isReadinessGuarded(model, call)) invokesOnField ??= sentOn;
    }
  }
}

/** Every `return` of `fn` gives a connection; `fresh` when each is created inside `fn` (a factory, not an accessor). */
function returnedConnection(model: SignalRModel, fn: FunctionNode): FunctionFact['returnsConnection'] {
  const returned: Node[] = [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) returned.push(fn.body);
  else {
    walk(fn.body, (node) => {
      if (isFunction(node)) return false;
      if (node.type === AST_NODE_TYPES.ReturnStatement) returned.push(node.argument ?? node);
      return undefined;
    });
  }
  if (returned.length === 0) return undefined;
  let flavour: ClientFlavour | undefined;
  let fresh = true;
  for (const value of returned) {
    if (value.type === AST_NODE_TYPES.ReturnStatement) return undefined;
    const connection = model.connectionOf(value);
    if (!connection) return undefined;
    flavour ??= connection.flavour;
    const createdHere = connection.creations.length > 0 && connection.creations.every((creation) => contains(fn, creation));
    if (!createdHere || !isHeldPerCall(connection, fn)) fresh = false;
  }
  return flavour && { flavour, fresh };
}

/**
 * Each call of `fn` has its own `connection`: a creation in place, or a local of `fn`. A field or a
 * module-level variable that `fn` fills lazily (`if (!cached) cached = build()`) is kept across calls.
 */
function isHeldPerCall(connection: Connection, fn: FunctionNode): boolean {
  if (connection.kind === 'value') return true;
  return connection.kind === 'variable' && connection.variable !== undefined && isOwnLocal(fn, connection.variable);
}

/**
 * The group join `fn` makes for its caller: one it returns (or awaits, being async), or one that floats
 * inside it. A join it handles itself (`.catch(…)` without returning it) is its own business.
 */
function joinWrapped(joins: readonly GroupJoin[], fn: FunctionNode): JoinWrapperFact | undefined {
  for (const join of joins) {
    if (enclosingFunction(join.call) !== fn) continue;
    if (join.fate.kind === 'floating') return { method: join.method, waits: 'floats' };
    if (join.fate.kind === 'handled' && (fn.async || isReturned(join.call, fn))) return { method: join.method, waits: 'returns' };
  }
  return undefined;
}

/** `return join(…)`, `() => join(…)`, also with `.then(…)` chained on it. */
function isReturned(call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  let current: Node = outermostWrapper(call);
  for (;;) {
    const parent = current.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.ReturnStatement) return true;
    if (parent === fn) return fn.body === current;
    const chained = parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current && parent.parent?.type === AST_NODE_TYPES.CallExpression;
    if (!chained) return false;
    current = outermostWrapper(parent.parent as TSESTree.CallExpression);
  }
}
