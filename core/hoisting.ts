// Whether code can run earlier than it does without seeing other values: what it reads that the code
// it would move past declares or assigns, and whether that code can leave before reaching it.
//
// User: the `register-handlers-before-start` codemod, which moves registrations from after a
// `start()` to before it. The handler of a moved registration can run as soon as the start resolves,
// so what it reads must already hold its value then: a variable or `this` field set after the start
// would be read before it is set (or, for a `const`, throw), and a `return` after the start that used
// to skip the registration no longer would.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode, Node } from './ast.js';
import { contains, enclosingFunction, isFunction, skipWrappers, staticPropertyName, walk } from './ast.js';
import { callGraphOf } from './calls.js';
import { isLoop } from './control-flow.js';
import { localFunctionOf } from './functions.js';
import type { SignalRModel } from './model.js';

/** How many calls deep reads and writes are followed into the functions of this file. */
const MAX_CALL_DEPTH = 2;

/** Code between the old and the new place of moved code: `scope`'s nodes in [from, to), except the moved ones. */
export interface CrossedCode {
  readonly scope: Node;
  readonly from: number;
  readonly to: number;
  readonly moved: readonly Node[];
}

/** A value the moved code reads that the crossed code writes: how the code names it, and the write. */
export interface CrossedWrite {
  readonly name: string;
  readonly write: Node;
}

/**
 * The first variable or `this` field that `moved` reads (itself, in the functions it contains, and in
 * the functions of this file it names or calls) and that the crossed code declares or assigns
 * (itself, or through the functions of this file it calls). An assignment to a property of an object
 * counts as a write of the variable holding the object.
 */
export function crossedWrite(model: SignalRModel, moved: Node, crossed: CrossedCode): CrossedWrite | undefined {
  const reads = readsOf(model, moved);
  for (const write of writesIn(model, crossed)) {
    const name = write.variable ? reads.variables.get(write.variable) : write.field !== undefined && reads.fields.has(write.field) ? `this.${write.field}` : undefined;
    if (name !== undefined) return { name, write: write.node };
  }
  return undefined;
}

/**
 * A `return`, `throw`, `break` or `continue` in the crossed code that leaves the function (or the
 * loop) `moved` is in before `moved` runs: moved earlier, `moved` would run where it used to be skipped.
 */
export function crossedExit(crossed: CrossedCode, moved: Node): Node | undefined {
  const fn = enclosingFunction(moved);
  let found: Node | undefined;
  walk(crossed.scope, (node) => {
    if (found || node.range[1] <= crossed.from || node.range[0] >= crossed.to || crossed.moved.includes(node)) return false;
    if (node.range[0] < crossed.from || enclosingFunction(node) !== fn) return undefined;
    if (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement) found = node;
    if (node.type === AST_NODE_TYPES.BreakStatement || node.type === AST_NODE_TYPES.ContinueStatement) {
      const target = jumpTarget(node);
      if (!target || !contains(target, moved)) found = node;
    }
    return undefined;
  });
  return found;
}

/** The innermost loop around `node` inside `fn` (its function, or the Program): code in it runs once per turn. */
export function loopAround(node: Node, fn: Node): Node | undefined {
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (isLoop(current)) return current;
  }
  return undefined;
}

// ---- internals ----

interface Reads {
  /** Variables read, with the name the code uses. */
  readonly variables: Map<Variable, string>;
  /** `this.<name>` fields read. */
  readonly fields: Set<string>;
}

function readsOf(model: SignalRModel, root: Node): Reads {
  const reads: Reads = { variables: new Map(), fields: new Set() };
  const visited = new Set<Node>();
  const visit = (node: Node, depth: number): void => {
    if (visited.has(node)) return;
    visited.add(node);
    walk(node, (inner) => {
      if (inner.type === AST_NODE_TYPES.Identifier) {
        const variable = model.variableOf(inner);
        if (variable && !reads.variables.has(variable)) reads.variables.set(variable, inner.name);
      } else if (inner.type === AST_NODE_TYPES.MemberExpression && skipWrappers(inner.object).type === AST_NODE_TYPES.ThisExpression) {
        const name = staticPropertyName(inner);
        if (name !== undefined) reads.fields.add(name);
      }
      if ((inner.type === AST_NODE_TYPES.Identifier || inner.type === AST_NODE_TYPES.MemberExpression) && depth < MAX_CALL_DEPTH) {
        const fn = localFunctionOf(model, inner);
        if (fn && !contains(root, fn)) visit(fn, depth + 1);
      }
      return undefined;
    });
  };
  visit(root, 0);
  return reads;
}

interface Write {
  readonly node: Node;
  readonly variable?: Variable;
  readonly field?: string;
}

/**
 * What the crossed code declares or assigns, itself and in the functions of this file it calls
 * (MAX_CALL_DEPTH deep), in the order it is written.
 */
function writesIn(model: SignalRModel, crossed: CrossedCode): Write[] {
  const collector = new WriteCollector(model, crossed);
  collector.collect(crossed.scope, 0, (node) => node.range[0] >= crossed.from && node.range[1] <= crossed.to && !crossed.moved.some((moved) => contains(moved, node)));
  return collector.writes;
}

class WriteCollector {
  readonly writes: Write[] = [];
  private readonly visited = new Set<FunctionNode>();

  constructor(
    private readonly model: SignalRModel,
    private readonly crossed: CrossedCode,
  ) {}

  /** Records the writes of the nodes under `root` that `inRange` accepts; walks past the others only where crossed code may lie. */
  collect(root: Node, depth: number, inRange: (node: Node) => boolean): void {
    const { crossed } = this;
    walk(root, (node) => {
      if (!inRange(node)) return node.range[1] <= crossed.from || node.range[0] >= crossed.to || crossed.moved.includes(node) ? false : undefined;
      this.record(node, depth);
      return undefined;
    });
  }

  private record(node: Node, depth: number): void {
    switch (node.type) {
      case AST_NODE_TYPES.VariableDeclarator:
        for (const name of patternIdentifiers(node.id)) this.addVariable(name, node);
        break;
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.ClassDeclaration:
        if (node.id) this.addVariable(node.id, node);
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        this.addTarget(node.left, node);
        break;
      case AST_NODE_TYPES.UpdateExpression:
        this.addTarget(node.argument, node);
        break;
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
        if (node.left.type !== AST_NODE_TYPES.VariableDeclaration) this.addTarget(node.left, node);
        break;
      case AST_NODE_TYPES.CallExpression: {
        if (depth === 0) this.addMethodReceiver(node);
        const callee = depth < MAX_CALL_DEPTH ? callGraphOf(this.model).calleeOf(node) : undefined;
        if (callee && !this.visited.has(callee)) {
          this.visited.add(callee);
          this.collect(callee.body, depth + 1, () => true);
        }
        break;
      }
      default:
        break;
    }
  }

  private addVariable(name: TSESTree.Identifier, node: Node): void {
    const variable = this.model.variableOf(name);
    if (variable) this.writes.push({ node, variable });
  }

  private addTarget(target: Node, node: Node): void {
    for (const name of patternIdentifiers(target)) this.addVariable(name, node);
    const root = memberRoot(target);
    if (root?.type === AST_NODE_TYPES.Identifier) this.addVariable(root, node);
    if (root?.type === AST_NODE_TYPES.ThisExpression && target.type === AST_NODE_TYPES.MemberExpression) {
      const field = outermostThisField(target);
      if (field !== undefined) this.writes.push({ node, field });
    }
  }

  /**
   * `orders.push(…)`, `this.items.clear()` in the crossed code itself: a method may change the object
   * it is called on. Not the connection's own methods (`invoke`, `send`), and not `this.method()`,
   * whose assignments are followed instead.
   */
  private addMethodReceiver(call: TSESTree.CallExpression): void {
    const callee = skipWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const receiver = skipWrappers(callee.object);
    if (receiver.type === AST_NODE_TYPES.ThisExpression || this.model.connectionOf(receiver)) return;
    if (receiver.type === AST_NODE_TYPES.Identifier) this.addVariable(receiver, call);
    else this.addTarget(receiver, call);
  }
}

/** The identifiers a declaration or assignment target binds: `a`, `[a, b]`, `{ a, b: c }`, `...rest`, `a = 1`. */
function patternIdentifiers(target: Node): TSESTree.Identifier[] {
  switch (target.type) {
    case AST_NODE_TYPES.Identifier:
      return [target];
    case AST_NODE_TYPES.ArrayPattern:
      return target.elements.flatMap((element) => (element ? patternIdentifiers(element) : []));
    case AST_NODE_TYPES.ObjectPattern:
      return target.properties.flatMap((property) => patternIdentifiers(property.type === AST_NODE_TYPES.Property ? property.value : property));
    case AST_NODE_TYPES.RestElement:
      return patternIdentifiers(target.argument);
    case AST_NODE_TYPES.AssignmentPattern:
      return patternIdentifiers(target.left);
    default:
      return [];
  }
}

/** `a` of `a.b.c`, `this` of `this.x.y`. */
function memberRoot(target: Node): Node | undefined {
  let current = skipWrappers(target);
  if (current.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  while (current.type === AST_NODE_TYPES.MemberExpression) current = skipWrappers(current.object);
  return current;
}

/** `x` of `this.x`, `this.x.y`, `this.x[i]`. */
function outermostThisField(target: TSESTree.MemberExpression): string | undefined {
  let current: Node = target;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipWrappers(current.object);
    if (object.type === AST_NODE_TYPES.ThisExpression) return staticPropertyName(current);
    current = object;
  }
  return undefined;
}

/** The loop or switch a `break`/`continue` leaves (or the labelled statement it names). */
function jumpTarget(node: TSESTree.BreakStatement | TSESTree.ContinueStatement): Node | undefined {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (isFunction(current)) return undefined;
    if (node.label) {
      if (current.type === AST_NODE_TYPES.LabeledStatement && current.label.name === node.label.name) return current;
    } else if (isLoop(current) || (node.type === AST_NODE_TYPES.BreakStatement && current.type === AST_NODE_TYPES.SwitchStatement)) {
      return current;
    }
  }
  return undefined;
}
