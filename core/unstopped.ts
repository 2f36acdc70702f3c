// Connections started in a bounded scope and not stopped on its way out: the findings of `require-stop`,
// which `add-disposal` rewrites. Each connection is followed (core/flow.ts) and given its owner
// (core/owners/, whose files also name the functions each owner runs on its way out); then the stops
// (core/stops.ts) in those functions decide.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { FunctionNode } from './ast.js';
import { calledMethod, enclosingFunction, skipWrappers } from './ast.js';
import type { ConnectionFlow } from './flow.js';
import { followConnection, isOnConnection, startCalls } from './flow.js';
import type { ClassNode, Connection, SignalRModel } from './model.js';
import { angularDestroyCallbacks } from './owners/angular.js';
import { functionStopProblem } from './owners/function.js';
import type { BoundedOwner } from './owners/index.js';
import { ownerOfConnection } from './owners/index.js';
import { reactUnmountCallback } from './owners/react-class.js';
import { effectCallbacks, effectCleanups, isStaleInCleanup } from './owners/react-effect.js';
import type { VueComponentOwner } from './owners/vue-component.js';
import { vueUnmountCallbacks } from './owners/vue.js';
import { CONNECTION_METHODS } from './signalr.js';
import { stopSites, uncalledStops } from './stops.js';

export type StopProblem =
  /** Nothing stops it on the owner's way out. */
  | 'not-stopped'
  /** A function stops it, but only when nothing between `start()` and `stop()` throws or returns early. */
  | 'stopped-only-on-success'
  /** An effect's cleanup stops React state as the effect saw it (still empty), not the connection. */
  | 'stale-cleanup';

export interface UnstoppedConnection {
  /** The first `start()` of the connection in its owner: where the finding is reported. */
  readonly start: TSESTree.CallExpression;
  /** The connection `start()` is called on, as the model names it. */
  readonly connection: Connection;
  readonly owner: BoundedOwner;
  readonly problem: StopProblem;
  readonly flow: ConnectionFlow;
  /** For `stopped-only-on-success`: the stops that a failure before them skips. */
  readonly successPathStops: readonly TSESTree.CallExpression[];
  /** For `stale-cleanup`: the cleanup's stops that read the state captured when the effect ran. */
  readonly staleStops: readonly StaleStop[];
}

/** `connection?.stop()` in a cleanup, where `connection` is the state of the render the effect ran in. */
export interface StaleStop {
  readonly call: TSESTree.CallExpression;
  readonly state: TSESTree.Identifier;
  readonly effectCallback: FunctionNode;
}

type StopFinding = { problem: StopProblem; successPathStops: TSESTree.CallExpression[]; staleStops?: StaleStop[] };

const findings = new WeakMap<SignalRModel, readonly UnstoppedConnection[]>();

/**
 * Every connection this file starts in a bounded scope without stopping it on the way out (the
 * findings of `require-stop`, and what `add-disposal` fixes). Computed once per file.
 */
export function unstoppedConnections(model: SignalRModel, filename: string): readonly UnstoppedConnection[] {
  let found = findings.get(model);
  if (!found) {
    found = findUnstopped(model, filename);
    findings.set(model, found);
  }
  return found;
}

function findUnstopped(model: SignalRModel, filename: string): UnstoppedConnection[] {
  // One finding per connection and owner, at the first start the owner makes itself rather than in
  // a callback (an `onclose` restart written before the first start).
  const startsByConnection = new Map<string, { start: TSESTree.CallExpression; connection: Connection; owner: BoundedOwner; flow: ConnectionFlow }[]>();
  for (const start of startCalls(model)) {
    const connection = model.connectionCall(start, CONNECTION_METHODS.start)!;
    if (connection.creations.length === 0) continue;
    const flow = followConnection(model, connection.creations);
    const owner = ownerOfConnection(model, start, connection, flow, filename);
    if (owner.kind === 'app' || owner.kind === 'handed-off') continue;
    const key = `${[...flow.creations].map((node) => node.range[0]).join(',')}@${owner.node.range[0]}`;
    const starts = startsByConnection.get(key) ?? [];
    starts.push({ start, connection, owner, flow });
    startsByConnection.set(key, starts);
  }
  const results: UnstoppedConnection[] = [];
  for (const starts of startsByConnection.values()) {
    const chosen = starts.find(({ start, owner }) => enclosingFunction(start) === owner.node) ?? starts[0]!;
    const finding = stopProblemOf(model, chosen.owner, chosen.start, chosen.flow);
    // `connection.stop;` says where the author meant to stop it: that is the finding (core/stops.ts).
    if (!finding || (finding.problem === 'not-stopped' && uncalledStops(model).some((stop) => isOnConnection(model, stop.member.object, chosen.flow)))) continue;
    results.push({ ...chosen, staleStops: [], ...finding });
  }
  return results.sort((a, b) => a.start.range[0] - b.start.range[0]);
}

function stopProblemOf(
  model: SignalRModel,
  owner: BoundedOwner,
  start: TSESTree.CallExpression,
  flow: ConnectionFlow,
): StopFinding | undefined {
  switch (owner.kind) {
    case 'function':
    case 'handler':
      return functionStopProblem(model, owner.node, start, flow);
    case 'react-effect':
      return reactEffectStopProblem(model, flow);
    case 'react-class-component':
      return reactClassStops(model, owner.node, flow) ? undefined : { problem: 'not-stopped', successPathStops: [] };
    case 'angular-component':
      return angularComponentStops(model, owner.node, flow) ? undefined : { problem: 'not-stopped', successPathStops: [] };
    case 'vue-component':
      return vueComponentStops(model, owner, flow) ? undefined : { problem: 'not-stopped', successPathStops: [] };
  }
}

/**
 * Some effect's cleanup stops it (the effect that started it, or another one of the component's),
 * through a name that holds it when the cleanup runs: a stop of state captured while still empty
 * stops nothing.
 */
function reactEffectStopProblem(model: SignalRModel, flow: ConnectionFlow): StopFinding | undefined {
  const staleStops: StaleStop[] = [];
  for (const callback of effectCallbacks(model)) {
    for (const cleanup of effectCleanups(model, callback)) {
      for (const call of stopSites(model, cleanup, flow)) {
        const object = calledMethod(call) && skipWrappers(calledMethod(call)!.object);
        if (object?.type === AST_NODE_TYPES.Identifier && isStaleInCleanup(model, object, callback)) staleStops.push({ call, state: object, effectCallback: callback });
        else return undefined;
      }
    }
  }
  return { problem: staleStops.length > 0 ? 'stale-cleanup' : 'not-stopped', successPathStops: [], staleStops };
}

/** `componentWillUnmount` (through the methods it calls) stops it. */
function reactClassStops(model: SignalRModel, classNode: ClassNode, flow: ConnectionFlow): boolean {
  const unmount = reactUnmountCallback(classNode);
  return unmount !== undefined && stops(model, unmount, flow);
}

/** `ngOnDestroy` (through the methods it calls) or a `DestroyRef.onDestroy` callback stops it; an inherited `ngOnDestroy` may. */
function angularComponentStops(model: SignalRModel, classNode: ClassNode, flow: ConnectionFlow): boolean {
  const { callbacks, inherited } = angularDestroyCallbacks(model, classNode);
  return inherited || callbacks.some((callback) => stops(model, callback, flow));
}

/** `onUnmounted`/`onBeforeUnmount` in `setup`, or the `beforeUnmount`/`unmounted` option, stops it. */
function vueComponentStops(model: SignalRModel, owner: VueComponentOwner, flow: ConnectionFlow): boolean {
  return vueUnmountCallbacks(model, owner).some((callback) => stops(model, callback, flow));
}

function stops(model: SignalRModel, fn: FunctionNode, flow: ConnectionFlow): boolean {
  return stopSites(model, fn, flow).length > 0;
}
