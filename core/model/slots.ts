// Places that hold values: a variable, a class field (`this.x`) or a property of a variable
// (`ref.current`), with every value the file stores there and the types it declares for it. The same
// place always has the same key. Connections (core/model/connections.ts) and other values (Web PubSub
// clients, hub proxies) are read out of these.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from '../ast.js';
import { skipWrappers, staticPropertyName } from '../ast.js';
import type { ClassNode, Slot } from '../model.js';
import type { Bindings } from './imports.js';

/** The slots of a file; the model (core/model.ts) reads connections out of them. */
export class SlotIndex {
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
    if (object.type === AST_NODE_TYPES.ThisExpression) {
      const classNode = classOfThis(object);
      return classNode && this.fieldSlot(classNode, property);
    }
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
      if (skipWrappers(left.object).type !== AST_NODE_TYPES.ThisExpression || staticPropertyName(left) !== property) continue;
      if (classOfThis(skipWrappers(left.object) as TSESTree.ThisExpression) !== classNode) continue;
      values.push(skipWrappers(assignment.right));
    }
    return { key: fieldKey(classNode, property), values, annotations };
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
      return object?.type === AST_NODE_TYPES.ObjectExpression ? object : undefined;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.AccessorProperty) return undefined;
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
