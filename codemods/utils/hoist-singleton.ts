// The serverless part of `add-disposal`: a connection built on every invocation of a handler becomes
// one module-level connection, built on first use, started again whenever it is disconnected, and
// shared by every invocation (the Azure Functions advice: create clients once and reuse them).
// Only when the builder chain needs nothing from the invocation; otherwise the caller falls back to
// stopping the per-invocation connection in `finally`.
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { FileInfo } from 'jscodeshift';

import type { FunctionNode, Node } from '../../core/ast.js';
import { calledMethod, contains, enclosingFunction, skipWrappers, walk } from '../../core/ast.js';
import { invocationDependency } from '../../core/invocation.js';
import { CONNECTION_METHODS, EXPORTS } from '../../core/signalr.js';
import type { ParsedFile } from './source.js';

export type HoistOutcome =
  | { readonly hoisted: true; /** The module-level function every invocation now awaits. */ readonly getter: string }
  | { readonly hoisted: false; /** Where the reason applies, for `reportSkip`. */ readonly node: Node; readonly reason: string };

/** The export that says whether a connection needs (re)starting. */
const CONNECTION_STATE_EXPORT = 'HubConnectionState';
const DISCONNECTED_STATE = 'Disconnected';

/** Registering these on a shared connection from every invocation would pile the callbacks up. */
const PER_CONNECTION_REGISTRATIONS: readonly string[] = [
  CONNECTION_METHODS.on,
  CONNECTION_METHODS.off,
  CONNECTION_METHODS.onclose,
  CONNECTION_METHODS.onreconnecting,
  CONNECTION_METHODS.onreconnected,
];

/** Names of the module-level singleton; a number is appended until none clashes with the file's names. */
const SINGLETON_NAMES = { connection: 'hubConnection', start: 'hubConnectionStart', getter: 'getHubConnection' } as const;

interface SingletonNames {
  readonly connection: string;
  readonly start: string;
  readonly getter: string;
}

/** Singletons already inserted into a file, by builder text, so handlers that build the same connection share one. */
const singletonsByProgram = new WeakMap<TSESTree.Program, Map<string, string>>();

/**
 * Replaces `const connection = <builder chain>.build(); await connection.start();` inside `handler`
 * with `const connection = await getHubConnection();` and adds the module-level getter, its state and
 * the client imports it needs. Removes the handler's `stop()` statements for that connection, since
 * stopping the shared connection would break concurrent invocations.
 *
 * Leaves the file untouched and returns the reason when it cannot: the chain uses something of the
 * invocation (`request`, a local), the connection is not a `const` started in the same block, or the
 * handler registers callbacks on it.
 */
export function hoistToModuleSingleton(parsed: ParsedFile, file: FileInfo, build: Node, handler: FunctionNode): HoistOutcome {
  const plan = planHoist(parsed, file, build, handler);
  if ('reason' in plan) return { hoisted: false, node: plan.node, reason: plan.reason };
  const getter = applyHoist(parsed, plan);
  return { hoisted: true, getter };
}

interface HoistPlan {
  readonly handler: FunctionNode;
  readonly declarator: TSESTree.VariableDeclarator & { init: TSESTree.Expression };
  readonly startStatement: TSESTree.ExpressionStatement;
  readonly stopStatements: readonly TSESTree.ExpressionStatement[];
  /** The builder chain's source text, re-indented for the getter's body. */
  readonly builderText: string;
  readonly client: ClientReferences;
  readonly typed: boolean;
}

interface Refusal {
  readonly node: Node;
  readonly reason: string;
}

function planHoist(parsed: ParsedFile, file: FileInfo, build: Node, handler: FunctionNode): HoistPlan | Refusal {
  const { model } = parsed;
  const creation = skipWrappers(build);
  const chain = creation.type === AST_NODE_TYPES.CallExpression ? model.builderChainOfBuild(creation) : undefined;
  if (!chain) return { node: build, reason: 'only `HubConnectionBuilder` connections can be shared at module level' };

  const declarator = declaratorHolding(build);
  if (!declarator || declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.parent.kind !== 'const' || declarator.parent.declarations.length !== 1) {
    return { node: build, reason: 'the connection is not held in a `const` of its own' };
  }
  if (enclosingFunction(declarator) !== handler) return { node: build, reason: 'the connection is built in a function nested inside the handler' };
  if (!handler.async) return { node: handler, reason: 'the handler is not `async`, so it cannot await a shared connection' };
  if (!contains(declarator.init, chain.root) || !chain.calls.every((call) => contains(declarator.init, call))) {
    return { node: build, reason: 'the builder is configured through a variable' };
  }
  const dependency = invocationDependency(model, declarator.init);
  if (dependency) {
    const name = dependency.type === AST_NODE_TYPES.Identifier ? dependency.name : 'this';
    return { node: dependency, reason: `its URL or options use \`${name}\`, which belongs to the invocation` };
  }

  const variable = model.variableOf(declarator.id);
  const uses = variable ? connectionUses(variable, declarator, handler) : { node: declarator, reason: 'the connection variable is not analysable' };
  if ('reason' in uses) return uses;

  const client = clientReferences(parsed, chain.root.callee, isTypeScript(file.path));
  if ('reason' in client) return client;

  return {
    handler,
    declarator,
    startStatement: uses.start,
    stopStatements: uses.stops,
    builderText: reindent(file.source.slice(declarator.init.range[0], declarator.init.range[1]), indentationOf(file.source, declarator.parent)),
    client,
    typed: isTypeScript(file.path),
  };
}

function declaratorHolding(build: Node): (TSESTree.VariableDeclarator & { init: TSESTree.Expression }) | undefined {
  let current = build;
  while (current.parent && skipWrappers(current.parent) !== current.parent) current = current.parent;
  const parent = current.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current ? (parent as TSESTree.VariableDeclarator & { init: TSESTree.Expression }) : undefined;
}

/**
 * How the handler uses the connection: one `start()` statement in the declaration's block (which
 * the getter takes over), any number of `stop()` statements (which would stop the shared
 * connection), and nothing that registers callbacks per invocation.
 */
function connectionUses(
  variable: Variable,
  declarator: TSESTree.VariableDeclarator,
  handler: FunctionNode,
): { start: TSESTree.ExpressionStatement; stops: TSESTree.ExpressionStatement[] } | Refusal {
  const starts: TSESTree.ExpressionStatement[] = [];
  const stops: TSESTree.ExpressionStatement[] = [];
  for (const reference of variable.references) {
    if (reference.identifier === declarator.id) continue;
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    const call = member.parent;
    const method = call?.type === AST_NODE_TYPES.CallExpression ? calledMethod(call) : undefined;
    if (!call || call.type !== AST_NODE_TYPES.CallExpression || !method) continue;
    if (PER_CONNECTION_REGISTRATIONS.includes(method.name)) {
      return { node: call, reason: `the handler registers \`${method.name}\` callbacks, which would pile up on a shared connection` };
    }
    if (method.name !== CONNECTION_METHODS.start && method.name !== CONNECTION_METHODS.stop) continue;
    const statement = statementOf(call);
    if (!statement || enclosingFunction(statement) !== handler) {
      return { node: call, reason: `\`${method.name}()\` is not a statement of its own in the handler` };
    }
    (method.name === CONNECTION_METHODS.start ? starts : stops).push(statement);
  }
  const declaration = declarator.parent;
  if (starts.length !== 1) return { node: declarator, reason: 'the handler does not start the connection exactly once' };
  if (starts[0]!.parent !== declaration?.parent) return { node: starts[0]!, reason: '`start()` is not in the same block as the connection' };
  return { start: starts[0]!, stops };
}

/** `call;` or `await call;` as a statement of its own. */
function statementOf(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | undefined {
  const outer = call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent : call;
  return outer.parent?.type === AST_NODE_TYPES.ExpressionStatement ? outer.parent : undefined;
}

/** How the getter names the client's exports, and the import edits that make those names exist. */
interface ClientReferences {
  /** Expression for `HubConnectionState` (`HubConnectionState`, `signalR.HubConnectionState`). */
  readonly state: string;
  /** Type for `HubConnection` (TypeScript only). */
  readonly connectionType: string;
  /** Statements the singleton needs above it (a `require` of `HubConnectionState`). */
  readonly preamble: readonly string[];
  /** Adds the missing specifiers; runs only once the plan is certain. */
  readonly addImports: () => void;
}

/** Names for `HubConnectionState` and `HubConnection`, reached the way the file reaches `HubConnectionBuilder`. */
function clientReferences(parsed: ParsedFile, builderCallee: Node, typed: boolean): ClientReferences | Refusal {
  const { model, j } = parsed;
  const callee = skipWrappers(builderCallee);
  const origin = model.exportName(callee)?.origin;
  if (!origin || origin === 'global') return { node: callee, reason: 'the client is the browser global, not an imported module' };
  const moduleLiteral = quoted(parsed.program, origin);
  const importType = (name: string): string => `import(${moduleLiteral}).${name}`;
  const noImports = (): void => {};

  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
    const namespace = callee.object.name;
    const def = model.variableOf(callee.object)?.defs[0];
    const isTypeNamespace =
      def?.type === 'ImportBinding' &&
      (def.node.type === AST_NODE_TYPES.ImportNamespaceSpecifier || def.node.type === AST_NODE_TYPES.TSImportEqualsDeclaration);
    const connectionType = isTypeNamespace ? `${namespace}.${EXPORTS.connection}` : importType(EXPORTS.connection);
    return { state: `${namespace}.${CONNECTION_STATE_EXPORT}`, connectionType, preamble: [], addImports: noImports };
  }
  if (callee.type !== AST_NODE_TYPES.Identifier) return { node: callee, reason: 'the builder class is not reached through an import' };
  const def = model.variableOf(callee)?.defs[0];
  const taken = namesInFile(parsed.program);

  if (def?.type === 'ImportBinding' && def.node.type === AST_NODE_TYPES.ImportSpecifier && def.parent?.type === AST_NODE_TYPES.ImportDeclaration) {
    const declaration = def.parent;
    // A type-only import serves the annotation, not `HubConnectionState.Disconnected`.
    const existing = (name: string): string | undefined => importedLocalName(parsed.program, origin, name, name === EXPORTS.connection);
    const needed = typed ? [CONNECTION_STATE_EXPORT, EXPORTS.connection] : [CONNECTION_STATE_EXPORT];
    const missing = needed.filter((name) => existing(name) === undefined);
    const clash = missing.find((name) => taken.has(name));
    if (clash) return { node: callee, reason: `\`${clash}\` already names something else in this file` };
    return {
      state: existing(CONNECTION_STATE_EXPORT) ?? CONNECTION_STATE_EXPORT,
      connectionType: existing(EXPORTS.connection) ?? EXPORTS.connection,
      preamble: [],
      addImports: () => {
        for (const name of missing) {
          declaration.specifiers.push(j.importSpecifier(j.identifier(name), j.identifier(name)) as unknown as TSESTree.ImportSpecifier);
        }
      },
    };
  }

  // `const { HubConnectionBuilder } = require('@microsoft/signalr')`.
  const declarator = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator) : undefined;
  const declaration = declarator?.parent;
  if (declarator?.id.type === AST_NODE_TYPES.ObjectPattern && declaration?.parent?.type === AST_NODE_TYPES.Program) {
    const existingState = destructuredLocalName(declarator.id, CONNECTION_STATE_EXPORT);
    if (!existingState && taken.has(CONNECTION_STATE_EXPORT)) {
      return { node: callee, reason: `\`${CONNECTION_STATE_EXPORT}\` already names something else in this file` };
    }
    return {
      state: existingState ?? CONNECTION_STATE_EXPORT,
      connectionType: importType(EXPORTS.connection),
      // A `require` of its own above the singleton: recast would reprint an edited pattern over several lines.
      preamble: existingState ? [] : [`const { ${CONNECTION_STATE_EXPORT} } = require(${moduleLiteral});`],
      addImports: noImports,
    };
  }
  return { node: callee, reason: 'the builder class is not reached through an import' };
}

/** The local name under which some import declaration of `module` imports `name` (as a value unless `typeOnlyWillDo`). */
function importedLocalName(program: TSESTree.Program, module: string, name: string, typeOnlyWillDo: boolean): string | undefined {
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== module) continue;
    if (statement.importKind === 'type' && !typeOnlyWillDo) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || (specifier.importKind === 'type' && !typeOnlyWillDo)) continue;
      const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
      if (imported === name) return specifier.local.name;
    }
  }
  return undefined;
}

/** `module` as a string literal, in the quotes the file uses where it loads that module. */
function quoted(program: TSESTree.Program, module: string): string {
  let raw: string | undefined;
  walk(program, (node) => {
    if (raw !== undefined) return false;
    if (node.type === AST_NODE_TYPES.Literal && node.value === module && node.parent && isLoadSource(node.parent)) raw = node.raw;
    return undefined;
  });
  const quote = raw?.startsWith('"') ? '"' : "'";
  return `${quote}${module}${quote}`;
}

function isLoadSource(node: Node): boolean {
  return node.type === AST_NODE_TYPES.ImportDeclaration || node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.ImportExpression;
}

function destructuredLocalName(pattern: TSESTree.ObjectPattern, name: string): string | undefined {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
    if (key === name && property.value.type === AST_NODE_TYPES.Identifier) return property.value.name;
  }
  return undefined;
}

function applyHoist(parsed: ParsedFile, plan: HoistPlan): string {
  const { j, program } = parsed;
  const singletons = singletonsByProgram.get(program) ?? new Map<string, string>();
  singletonsByProgram.set(program, singletons);
  const key = plan.builderText.replace(/\s+/g, ' ');
  let getter = singletons.get(key);
  if (!getter) {
    const names = freeNames(namesInFile(program));
    getter = names.getter;
    const anchor = topLevelStatementOf(plan.handler);
    const statements = (j(singletonSource(plan, names)).get().node as { program: TSESTree.Program }).program.body;
    program.body.splice(program.body.indexOf(anchor), 0, ...statements);
    plan.client.addImports();
    singletons.set(key, getter);
  }

  plan.declarator.init = j.awaitExpression(j.callExpression(j.identifier(getter), [])) as unknown as TSESTree.Expression;
  const declaration = plan.declarator.parent as TSESTree.VariableDeclaration;
  removeStatement(j, plan.startStatement, declaration);
  for (const stop of plan.stopStatements) removeStatement(j, stop, declaration);
  return getter;
}

function singletonSource(plan: HoistPlan, names: SingletonNames): string {
  const { connection, start, getter } = names;
  const type = (text: string): string => (plan.typed ? `: ${text}` : '');
  const connectionType = plan.client.connectionType;
  return [
    ...plan.client.preamble,
    `let ${connection}${type(`${connectionType} | undefined`)};`,
    `let ${start}${type('Promise<void> | undefined')};`,
    '',
    '/**',
    ' * One connection shared by every invocation: a connection per invocation piles up until Azure SignalR',
    ' * answers 429. Built on first use; started again whenever it is disconnected.',
    ' */',
    `async function ${getter}()${type(`Promise<${connectionType}>`)} {`,
    `  ${connection} ??= ${plan.builderText};`,
    `  if (${connection}.state === ${plan.client.state}.${DISCONNECTED_STATE}) {`,
    `    ${start} ??= ${connection}.start().finally(() => {`,
    `      ${start} = undefined;`,
    '    });',
    '  }',
    `  await ${start};`,
    `  return ${connection};`,
    '}',
    '',
  ].join('\n');
}

/**
 * Removes a statement from its block. A `finally` left empty goes too, and a `try` left with neither
 * `catch` nor `finally` is replaced by its block's statements. Their comments move to `keeper` (the
 * connection's declaration, which now does what they described), so no comment is lost.
 */
function removeStatement(j: ParsedFile['j'], statement: TSESTree.Statement, keeper: Node): void {
  const block = statement.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement) return;
  block.body.splice(block.body.indexOf(statement), 1);
  moveComments(statement, keeper);
  const tryStatement = block.parent;
  if (block.body.length > 0 || tryStatement?.type !== AST_NODE_TYPES.TryStatement || tryStatement.finalizer !== block) return;
  tryStatement.finalizer = null;
  if (tryStatement.handler) return;
  const outer = tryStatement.parent;
  if (outer?.type !== AST_NODE_TYPES.BlockStatement) {
    tryStatement.finalizer = j.blockStatement([]) as unknown as TSESTree.BlockStatement;
    return;
  }
  outer.body.splice(outer.body.indexOf(tryStatement), 1, ...tryStatement.block.body);
  moveComments(tryStatement, keeper);
}

/** recast prints the comments it attached to a node (`node.comments`), as leading or trailing ones. */
interface Commented {
  comments?: unknown[];
}

function moveComments(from: Node, to: Node): void {
  const moving = (from as Commented).comments;
  if (!moving?.length) return;
  const target = to as Commented;
  target.comments = [...(target.comments ?? []), ...moving];
  (from as Commented).comments = [];
}

function topLevelStatementOf(node: Node): TSESTree.ProgramStatement {
  let current = node;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current as TSESTree.ProgramStatement;
}

/** Every identifier name in the file as it is now (including what earlier rewrites inserted). */
function namesInFile(program: TSESTree.Program): Set<string> {
  const names = new Set<string>();
  walk(program, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier) names.add(node.name);
  });
  return names;
}

function freeNames(taken: ReadonlySet<string>): SingletonNames {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : String(n);
    const names = {
      connection: SINGLETON_NAMES.connection + suffix,
      start: SINGLETON_NAMES.start + suffix,
      getter: SINGLETON_NAMES.getter + suffix,
    };
    if (!Object.values(names).some((name) => taken.has(name))) return names;
  }
}

function isTypeScript(path: string): boolean {
  return /\.[cm]?tsx?$/i.test(path);
}

function indentationOf(source: string, node: Node): string {
  const lineStart = source.lastIndexOf('\n', node.range[0] - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart, node.range[0]))![0];
}

/** Moves continuation lines from the handler's indentation to the getter body's. */
function reindent(text: string, from: string): string {
  return text
    .split('\n')
    .map((line, i) => (i > 0 && line.startsWith(from) ? `  ${line.slice(from.length)}` : line))
    .join('\n');
}
