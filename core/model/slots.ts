// Places that hold values: a variable, a class field (`this.x`) or a property of a variable
// (`ref.current`), with every value the file stores there and the types it declares for it. The same
// place always has the same key. Connections (core/model/connections.ts) and other values (Web PubSub
// clients, hub proxies) are read out of these.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from '../ast.js';
import { enclosingFunction, outermostWrapper, skipWrappers, staticPropertyName, walk } from '../ast.js';
import type { ClassNode, Slot } from '../model.js';
import { VUE_METHOD_GROUPS } from '../owners/vue-component.js';
import type { Bindings } from './imports.js';

/** The slots of a file; the model (core/model.ts) reads connections out of them. */
export class SlotIndex {
  private readonly stateObjectsByClass = new Map<ClassNode, TSESTree.ObjectExpression[]>();

  constructor(
    private readonly bindings: Bindings,
    private readonly memberAssignments: readonly TSESTree.AssignmentExpression[],
  ) {}

  /**
   * The place `node` names, for analyses of values other than connections (Web PubSub clients, hub
   * proxies): a variable, `this.<field>` inside a class, or `<variable>.<property>`.
   */
  slotOf(node: Node): Slot | undefined {
    const target = skipWrappers(node);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const variable = this.bindings.variableOf(target);
      return variable && this.variableSlot(variable);
    }
    if (target.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const property = staticPropertyName(target);
    const object = skipWrappers(target.object);
    if (property === undefined) return undefined;
    const self = this.bindings.thisOf(object);
    if (self) {
      const classNode = classOfThis(self);
      return classNode && this.fieldSlot(classNode, property);
    }
    const stateClass = classOfState(object);
    if (stateClass) return this.componentStateSlot(stateClass, property);
    const variable = object.type === AST_NODE_TYPES.Identifier ? this.bindings.variableOf(object) : undefined;
    return variable && this.propertySlot(variable, property);
  }

  variableSlot(variable: Variable): Slot {
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

  fieldSlot(classNode: ClassNode, property: string): Slot {
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
      const self = this.bindings.thisOf(left.object);
      if (!self || staticPropertyName(left) !== property || classOfThis(self) !== classNode) continue;
      values.push(skipWrappers(assignment.right));
    }
    return { key: fieldKey(classNode, property), values, annotations };
  }

  /** `this.state.<property>` of a class component: what `this.setState`, `this.state = …` and a `state` field write to it. */
  componentStateSlot(classNode: ClassNode, property: string): Slot {
    const values: Node[] = [];
    for (const literal of this.stateObjects(classNode)) {
      for (const member of literal.properties) {
        if (member.type === AST_NODE_TYPES.Property && staticPropertyName(member) === property) values.push(skipWrappers(member.value));
      }
    }
    return { key: componentStateKey(classNode, property), values, annotations: [] };
  }

  private stateObjects(classNode: ClassNode): TSESTree.ObjectExpression[] {
    let literals = this.stateObjectsByClass.get(classNode);
    if (!literals) {
      const found: TSESTree.ObjectExpression[] = [];
      walk(classNode.body, (node) => {
        if (node.type === AST_NODE_TYPES.ObjectExpression && stateObjectClass(node) === classNode) found.push(node);
      });
      this.stateObjectsByClass.set(classNode, (literals = found));
    }
    return literals;
  }

  propertySlot(variable: Variable, property: string): Slot {
    const values: Node[] = [];
    for (const assignment of this.memberAssignments) {
      const left = assignment.left as TSESTree.MemberExpression;
      const object = skipWrappers(left.object);
      if (object.type !== AST_NODE_TYPES.Identifier || this.bindings.variableOf(object) !== variable) continue;
      if (staticPropertyName(left) !== property) continue;
      values.push(skipWrappers(assignment.right));
    }
    return { key: propertyKey(variable, property), values, annotations: [] };
  }
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
      return object?.type === AST_NODE_TYPES.ObjectExpression ? (optionsOfMethodGroup(object) ?? object) : undefined;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.AccessorProperty) return undefined;
  }
  return undefined;
}

/**
 * For the object under a component's `methods`, `computed` or `watch` option, the component's options:
 * Vue calls those functions with `this` the component (the names are Vue's, see core/owners/vue-component.ts).
 */
function optionsOfMethodGroup(object: TSESTree.ObjectExpression): TSESTree.ObjectExpression | undefined {
  const group = object.parent;
  if (group?.type !== AST_NODE_TYPES.Property || group.value !== object || group.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const name = staticPropertyName(group);
  return name !== undefined && VUE_METHOD_GROUPS.includes(name) ? group.parent : undefined;
}

/** A class component's state: `this.state`, written with `this.setState(…)`. */
const STATE = 'state';
const SET_STATE = 'setState';

/** `this.state` inside a class: the class whose component state it is. */
export function classOfState(node: Node): ClassNode | undefined {
  const target = skipWrappers(node);
  if (target.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(target) !== STATE) return undefined;
  const object = skipWrappers(target.object);
  return object.type === AST_NODE_TYPES.ThisExpression ? classOfThis(object) : undefined;
}

/**
 * For an object literal written to a class component's state, the class: `this.setState({ … })`,
 * `this.setState((state) => ({ … }))` (or a function returning the literal), `this.state = { … }`, and
 * a `state = { … }` field.
 */
export function stateObjectClass(literal: TSESTree.ObjectExpression): ClassNode | undefined {
  let wrapper = outermostWrapper(literal);
  let parent = wrapper.parent;
  const updater = parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === wrapper ? parent : parent?.type === AST_NODE_TYPES.ReturnStatement ? enclosingFunction(parent) : undefined;
  if (updater) {
    wrapper = outermostWrapper(updater);
    parent = wrapper.parent;
  }
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === wrapper) {
    const callee = skipWrappers(parent.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== SET_STATE) return undefined;
    const object = skipWrappers(callee.object);
    return object.type === AST_NODE_TYPES.ThisExpression ? classOfThis(object) : undefined;
  }
  if (updater) return undefined;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === wrapper) return classOfState(parent.left);
  if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.value === wrapper && !parent.static && staticPropertyName(parent) === STATE) {
    const classNode = parent.parent.parent;
    return classNode.type === AST_NODE_TYPES.ClassDeclaration || classNode.type === AST_NODE_TYPES.ClassExpression ? classNode : undefined;
  }
  return undefined;
}

const fieldKeys = new WeakMap<ClassNode | TSESTree.ObjectExpression, Map<string, object>>();
export function fieldKey(classNode: ClassNode | TSESTree.ObjectExpression, property: string): object {
  let byName = fieldKeys.get(classNode);
  if (!byName) fieldKeys.set(classNode, (byName = new Map()));
  let key = byName.get(property);
  if (!key) byName.set(property, (key = { classNode, property }));
  return key;
}

/** The key of `this.state.<property>`: a field of the class named `state.<property>`, as flows name it too. */
export function componentStateKey(classNode: ClassNode, property: string): object {
  return fieldKey(classNode, componentStateField(property));
}

export function componentStateField(property: string): string {
  return `${STATE}.${property}`;
}

const typedKeys = new WeakMap<Variable, object>();
export function typedKey(variable: Variable): object {
  let key = typedKeys.get(variable);
  if (!key) typedKeys.set(variable, (key = { typed: variable }));
  return key;
}

const propertyKeys = new WeakMap<Variable, Map<string, object>>();
export function propertyKey(variable: Variable, property: string): object {
  let byName = propertyKeys.get(variable);
  if (!byName) propertyKeys.set(variable, (byName = new Map()));
  let key = byName.get(property);
  if (!key) byName.set(property, (key = { variable, property }));
  return key;
}
