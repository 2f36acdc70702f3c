// Connections and group joins that come from another module of the project: a factory's call, an
// exported singleton, a service's method or field, a wrapper that joins a group. A file's model asks
// through `CrossModuleLinks` (ModelOptions.crossModule); the answers come from the imported module's
// facts (core/project-facts.ts), built once per module, modification time and depth for the whole run
// (core/project.ts finds and reads the modules). Each answer depends only on what is on disk, never
// on which file was linted first.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from './ast.js';
import { calledMethod, skipWrappers, staticPropertyName } from './ast.js';
import { mayRestartElsewhere } from './importers.js';
import type { ClientFlavour } from './model.js';
import { SignalRModel } from './model.js';
import { mayUseSignalR } from './prefilter.js';
import type { ClassFact, FunctionFact, JoinWrapperFact, ModuleFacts, ValueFact } from './project-facts.js';
import { extractFacts, NO_FACTS } from './project-facts.js';
import type { ProjectHost } from './project.js';
import { importsSignalRModule, MAX_IMPORT_DEPTH, moduleReachesSignalR, moduleStamp, moduleText, resolveProjectImport, resolveRelativeImport } from './project.js';

/** A connection another module gives: a new one per call (`fresh`), or one that module holds. */
export interface LinkedConnection {
  readonly flavour: ClientFlavour;
  readonly fresh: boolean;
  /** The same object for the same held connection (the same export, or the same field of the same holder). */
  readonly key: object;
}

/** What a file's model asks about values from other modules of the project. */
export interface CrossModuleLinks {
  /** Some import of a project module (relative, or through a path alias) leads to one that mentions SignalR. */
  readonly importsSignalR: boolean;
  /** The connection `node` is, when another module gives it. */
  connectionOf(model: SignalRModel, node: Node): LinkedConnection | undefined;
  /**
   * Could another module of the project (one that imports this file's exports `exportNames`) add
   * reconnect logic to a connection this file hands out? True whenever that cannot be told.
   */
  mayRestartElsewhere(exportNames: readonly string[]): boolean;
  /** The group join a call makes through another module's function or method. */
  joinWrapperOf(model: SignalRModel, call: TSESTree.CallExpression): (JoinWrapperFact & { readonly callee: string }) | undefined;
  /**
   * A call of a method of another module's class on an object of it (an injected service, an exported
   * instance): that method's facts, and `holder`, the same object for calls on the same object.
   */
  linkedMethodOf(model: SignalRModel, call: TSESTree.CallExpression): LinkedMethodCall | undefined;
}

export interface LinkedMethodCall {
  readonly fact: FunctionFact;
  readonly holder: object;
}

/** Resolves the module specifiers the syntax cannot (path aliases) with type information; linted file only. */
export interface TypedResolver {
  /** The non-relative specifiers the file imports from. */
  readonly specifiers: readonly string[];
  /** The project file (never `node_modules`, never a declaration file) TypeScript resolved `specifier` to. */
  resolve(specifier: string): string | undefined;
}

export class ProjectLinks implements CrossModuleLinks {
  readonly importsSignalR: boolean;
  /** Made on first use: most files never ask. */
  private heldKeys: Map<object, Map<unknown, object>> | undefined;

  constructor(
    private readonly host: ProjectHost,
    private readonly file: string,
    text: string,
    /** How many imports away from the linted file `file` is, plus one: the depth of the modules it imports. */
    private readonly depth: number,
    private readonly typedResolver?: TypedResolver,
  ) {
    this.importsSignalR =
      importsSignalRModule(file, text, host.settings, depth) ||
      (typedResolver?.specifiers.some((specifier) => {
        const path = typedResolver.resolve(specifier);
        return path !== undefined && moduleReachesSignalR(path, host.settings, depth);
      }) ??
        false);
  }

  /** The project file a specifier of this file names; undefined for packages and unresolvable paths. */
  resolve(specifier: string): string | undefined {
    // Types know the project's resolution exactly; the syntax reads the nearest tsconfig's aliases.
    return resolveRelativeImport(this.file, specifier) ?? this.typedResolver?.resolve(specifier) ?? resolveProjectImport(this.file, specifier);
  }

  mayRestartElsewhere(exportNames: readonly string[]): boolean {
    // The folder tree, not a TypeScript program's files: those leave out `.vue` and HTML consumers.
    return mayRestartElsewhere(this.file, exportNames);
  }

  connectionOf(model: SignalRModel, node: Node): LinkedConnection | undefined {
    const target = skipWrappers(node);
    if (target.type === AST_NODE_TYPES.CallExpression) {
      const fact = this.calledFunction(model, target)?.returnsConnection;
      return fact && { ...fact, key: this.heldKey(fact, undefined) };
    }
    const direct = this.valueFact(model, target);
    if (direct?.kind === 'connection') return { flavour: direct.flavour, fresh: false, key: this.heldKey(direct, undefined) };
    if (target.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const property = staticPropertyName(target);
    const holder = this.classOf(model, target.object);
    const field = property === undefined ? undefined : holder?.fact.fields.get(property);
    return field && { flavour: field.flavour, fresh: false, key: this.heldKey(field, holder!.key) };
  }

  joinWrapperOf(model: SignalRModel, call: TSESTree.CallExpression): (JoinWrapperFact & { callee: string }) | undefined {
    const joins = this.calledFunction(model, call)?.joins;
    if (!joins) return undefined;
    const callee = skipWrappers(call.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
    return { ...joins, callee: name ?? joins.method };
  }

  linkedMethodOf(model: SignalRModel, call: TSESTree.CallExpression): LinkedMethodCall | undefined {
    const method = calledMethod(call);
    const holder = method && this.classOf(model, method.object);
    const fact = holder?.fact.methods.get(method!.name);
    return fact && { fact, holder: holder!.key };
  }

  /** The other module's function a call calls: an imported function, or a method of an imported class's instance. */
  private calledFunction(model: SignalRModel, call: TSESTree.CallExpression): FunctionFact | undefined {
    const direct = this.valueFact(model, call.callee);
    if (direct) return direct.kind === 'function' ? direct : undefined;
    const method = calledMethod(call);
    return method && this.classOf(model, method.object)?.fact.methods.get(method.name);
  }

  /**
   * The other module's export `node` names (`hub`, `api.hub`, a namespace member, `require('./hub').hub`,
   * a destructured `require`). A whole module (`const hub = require('./hub')`, a namespace) names the
   * `MODULE_OBJECT` export, which only a CommonJS `module.exports = …` (or `export =`) gives.
   */
  private valueFact(model: SignalRModel, node: Node): ValueFact | undefined {
    const binding = model.moduleBindingOf(node);
    if (!binding) return undefined;
    const path = this.resolve(binding.module);
    return path ? factsOf(this.host, path, this.depth).exports.get(binding.name) : undefined;
  }

  /**
   * The imported class of an object: an exported instance, or a variable or field that holds `new
   * Imported()` or is declared with the class as its type (an injected Angular service).
   */
  private classOf(model: SignalRModel, object: Node): { fact: ClassFact; key: object } | undefined {
    const direct = this.valueFact(model, object);
    if (direct?.kind === 'class') return direct.instance ? { fact: direct, key: direct } : undefined;
    if (direct) return undefined;
    const slot = model.slotOf(object);
    if (!slot) return undefined;
    for (const value of slot.values) {
      const fact = value.type === AST_NODE_TYPES.NewExpression ? this.valueFact(model, value.callee) : undefined;
      if (fact?.kind === 'class') return { fact, key: slot.key };
    }
    for (const annotation of slot.annotations) {
      const fact = annotation.type === AST_NODE_TYPES.TSTypeReference ? this.valueFact(model, annotation.typeName) : undefined;
      if (fact?.kind === 'class') return { fact, key: slot.key };
    }
    return undefined;
  }

  private heldKey(fact: object, holder: unknown): object {
    this.heldKeys ??= new Map();
    let byHolder = this.heldKeys.get(fact);
    if (!byHolder) this.heldKeys.set(fact, (byHolder = new Map()));
    let key = byHolder.get(holder);
    if (!key) byHolder.set(holder, (key = {}));
    return key;
  }
}

const factsByHost = new WeakMap<object, Map<string, { readonly stamp: string; readonly facts: ModuleFacts }>>();

/**
 * The facts of a project module `depth` imports away from the linted file, cached per parser, path,
 * modification time and depth. A module that cannot be read or parsed has none.
 */
export function factsOf(host: ProjectHost, path: string, depth: number): ModuleFacts {
  if (depth > MAX_IMPORT_DEPTH) return NO_FACTS;
  const stamp = moduleStamp(path);
  if (stamp === undefined) return NO_FACTS;
  let cache = factsByHost.get(host.key);
  if (!cache) factsByHost.set(host.key, (cache = new Map()));
  const key = `${depth}\0${path}`;
  const cached = cache.get(key);
  if (cached?.stamp === stamp) return cached.facts;
  const facts = computeFacts(host, path, depth);
  cache.set(key, { stamp, facts });
  return facts;
}

function computeFacts(host: ProjectHost, path: string, depth: number): ModuleFacts {
  const text = moduleText(path);
  if (text === undefined) return NO_FACTS;
  const links = new ProjectLinks(host, path, text, depth + 1);
  if (!mayUseSignalR(text, host.settings) && !links.importsSignalR) return NO_FACTS;
  try {
    const parsed = host.parse(path, text);
    if (!parsed) return NO_FACTS;
    const model = new SignalRModel(parsed.program, parsed.scopeManager, host.settings, { crossModule: links });
    return extractFacts(model, host.settings, (specifier) => {
      const source = links.resolve(specifier);
      return source === undefined ? undefined : factsOf(host, source, depth + 1);
    });
  } catch {
    // Another module's odd code must never break the lint of this one: it simply gives no facts.
    return NO_FACTS;
  }
}
