// Listeners for the end of a process or a page: a signal (`process.on('SIGINT', …)`), the process
// exiting, the page unloading, an Electron app quitting. They run once, when the program is on its way
// out, so they cannot realistically run in the moments between a program's start-up and its
// connection's `start()`: code in them is not "early".
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { calledMethod, skipWrappers } from './ast.js';
import { isGlobalName } from './globals.js';
import type { SignalRModel } from './model.js';
import { staticString } from './values.js';

/** Methods that register a listener for a named event: Node's emitters, the DOM, jQuery's `on`/`one`. */
const LISTEN_METHODS: readonly string[] = ['on', 'once', 'one', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener'];
/** `SIGINT`, `SIGTERM`, `SIGHUP`, `SIGBREAK`…: Node emits them on `process` (and readline on its interface). */
const SIGNAL_EVENT = /^SIG[A-Z0-9]+$/;
/** Events of Node's `process` when it ends; on other emitters (a child process, a worker) these names come early. */
const PROCESS_OBJECT = 'process';
const PROCESS_END_EVENTS: readonly string[] = ['exit', 'beforeExit'];
/**
 * Events whose names only ever mean "going away", on any target: the page unloading (`beforeunload`,
 * `unload`, `pagehide`) and an Electron app quitting.
 */
const LEAVING_EVENTS: readonly string[] = ['beforeunload', 'unload', 'pagehide', 'before-quit', 'will-quit', 'window-all-closed'];

/** `call` registers a listener for a signal, the process's exit, the page's unload or the app's quit. */
export function registersShutdownListener(model: SignalRModel, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const eventArgument = call.arguments[0];
  if (call.type !== AST_NODE_TYPES.CallExpression || !eventArgument || call.arguments.length < 2) return false;
  const callee = skipWrappers(call.callee);
  const method = calledMethod(call);
  // `addEventListener('beforeunload', …)` with the window implied.
  const bareListen = callee.type === AST_NODE_TYPES.Identifier && callee.name === 'addEventListener' && isGlobalName(model, callee, callee.name);
  if (!bareListen && !(method && LISTEN_METHODS.includes(method.name))) return false;
  const event = staticString(model, eventArgument);
  if (event === undefined) return false;
  if (SIGNAL_EVENT.test(event) || LEAVING_EVENTS.includes(event)) return true;
  return PROCESS_END_EVENTS.includes(event) && method !== undefined && isGlobalName(model, method.object, PROCESS_OBJECT);
}
