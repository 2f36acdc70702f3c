// A React class component owns what its mount methods (`componentDidMount`, the constructor) start and
// what its fields and state (`this.connection`, `this.state.connection`) hold: its way out is
// `componentWillUnmount`, which React runs before it removes the component.
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode } from '../ast.js';
import { outermostWrapper, skipWrappers, staticPropertyName } from '../ast.js';
import { memberFunction } from '../functions.js';
import type { ClassNode, SignalRModel } from '../model.js';
import { isImportedFrom } from '../model/imports.js';
import { classOfThis } from '../model/slots.js';
import { REACT_MODULES } from './react-hooks.js';

/** The base classes of React class components. */
const REACT_COMPONENT_CLASSES: readonly string[] = ['Component', 'PureComponent'];
/** Methods React runs once while a component mounts: what they start belongs to the component. */
export const REACT_MOUNT_METHODS: readonly string[] = ['constructor', 'componentDidMount', 'componentWillMount', 'UNSAFE_componentWillMount'];
export const REACT_UNMOUNT_METHOD = 'componentWillUnmount';
const SET_STATE = 'setState';

/** A React class component: `componentWillUnmount` must stop the connection. */
export interface ReactClassComponentOwner {
  readonly kind: 'react-class-component';
  readonly node: ClassNode;
}

/** `class X extends Component` / `React.PureComponent`, with React's class imported from React. */
export function isReactClassComponent(model: SignalRModel, classNode: ClassNode): boolean {
  return classNode.superClass !== null && classNode.superClass !== undefined && isImportedFrom(model, classNode.superClass, REACT_MODULES, REACT_COMPONENT_CLASSES);
}

/**
 * For a method React runs once while a class component mounts (`componentDidMount`, also written as
 * an arrow-function field, or the constructor), the component.
 */
export function reactClassStartedBy(model: SignalRModel, fn: FunctionNode): ReactClassComponentOwner | undefined {
  const member = outermostWrapper(fn).parent;
  if (member?.type !== AST_NODE_TYPES.MethodDefinition && member?.type !== AST_NODE_TYPES.PropertyDefinition) return undefined;
  if (member.static || skipWrappers(member.value!) !== fn) return undefined;
  const name = member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor' ? 'constructor' : staticPropertyName(member);
  const classNode = member.parent.parent;
  if (name === undefined || !REACT_MOUNT_METHODS.includes(name) || !isReactClassComponent(model, classNode)) return undefined;
  return { kind: 'react-class-component', node: classNode };
}

/**
 * The callback of `this.setState(update, callback)` in a class component: React runs it once, after
 * the update, as a continuation of the method that asked for it.
 */
export function isSetStateCallback(model: SignalRModel, fn: FunctionNode): boolean {
  const wrapper = outermostWrapper(fn);
  const call = wrapper.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== wrapper) return false;
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== SET_STATE) return false;
  const object = skipWrappers(callee.object);
  const classNode = object.type === AST_NODE_TYPES.ThisExpression ? classOfThis(object) : undefined;
  return classNode !== undefined && isReactClassComponent(model, classNode);
}

/** The method React runs when the component goes away, if the class has one. */
export function reactUnmountCallback(classNode: ClassNode): FunctionNode | undefined {
  return memberFunction(classNode, REACT_UNMOUNT_METHOD);
}
