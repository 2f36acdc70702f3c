// ESLint glue for core/model.ts: hands a rule the shared per-file SignalR model.
import type { TSESLint } from '@typescript-eslint/utils';

import type { Node } from '../../core/ast.js';
import type { ProjectLinks } from '../../core/cross-module.js';
import type { ModelOptions, SignalRModel } from '../../core/model.js';
import { getSignalRModel } from '../../core/model.js';
import { mayMatchAnyFilter, mayUseSignalR, textMatches } from '../../core/prefilter.js';
import type { SignalRSettings } from '../../core/settings.js';
import { readSettings } from '../../core/settings.js';
import { CLIENT_MODULES, EXPORTS, WEB_PUBSUB_MODULES } from '../../core/signalr.js';
import { projectLinksOf } from './project.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * What every rule asks about the file being linted before anything else, answered once per file: the
 * plugin has many rules, and on most files these answers are all it computes.
 */
interface FileFacts {
  /** The ESLint shared settings these answers were read from. */
  readonly sharedSettings: unknown;
  readonly settings: SignalRSettings;
  /** `mayUseSignalR` of the text. */
  readonly mentionsSignalR: boolean;
  /** The links to the project's other modules; computed on first request, null when there are none. */
  links?: ProjectLinks | null;
  /** What the model is built with (besides a rule's `textFilter`); computed on first request. */
  modelOptions?: ModelOptions;
  /** `concernsNoRule`; computed on first request. */
  concernsNoRule?: boolean;
}

const factsByProgram = new WeakMap<object, FileFacts>();

function factsOf(context: AnyContext): FileFacts {
  const { sourceCode, settings: sharedSettings } = context;
  let facts = factsByProgram.get(sourceCode.ast);
  // The same tree linted again under other settings (`Linter#verify` with a SourceCode) asks again.
  if (!facts || facts.sharedSettings !== sharedSettings) {
    const settings = readSettings(sharedSettings);
    facts = { sharedSettings, settings, mentionsSignalR: mayUseSignalR(sourceCode.text, settings) };
    factsByProgram.set(sourceCode.ast, facts);
  }
  return facts;
}

/** The user's `settings.signalr`, validated. */
export function settingsOf(context: AnyContext): SignalRSettings {
  return factsOf(context).settings;
}

/**
 * The SignalR model of the file being linted, or undefined when the file cannot use SignalR (one cheap
 * text check, shared by every rule). With typed linting, the model also sees connections by type.
 * A rule about code that need not mention SignalR (JWTs, TLS) passes its own `textFilter` instead.
 */
export function modelOf(context: AnyContext, textFilter?: RegExp): SignalRModel | undefined {
  const facts = factsOf(context);
  const { sourceCode } = context;
  // Before anything else: on most files this is all the plugin does (one search of the text answers
  // every rule, whichever filter it asks about). A file that does not mention SignalR is still worth
  // modelling when a module it imports does (a factory, a service): that costs one more search of its
  // text for relative imports, and each imported module's text is read and searched once per change.
  // Every rule hands the model the same links, so the shared model never depends on which rule asked first.
  const mentionsSignalR = textFilter ? textMatches(sourceCode.text, facts.settings, textFilter) : facts.mentionsSignalR;
  if (textFilter && !mentionsSignalR) return undefined;
  if (facts.links === undefined) facts.links = projectLinksOf(context, facts.settings) ?? null;
  if (!mentionsSignalR && !facts.links?.importsSignalR) return undefined;
  facts.modelOptions ??= modelOptionsOf(context, facts.links ?? undefined);
  return getSignalRModel(sourceCode.ast, sourceCode.text, sourceCode.scopeManager, facts.settings, textFilter ? { ...facts.modelOptions, textFilter } : facts.modelOptions);
}

function modelOptionsOf(context: AnyContext, crossModule: ProjectLinks | undefined): ModelOptions {
  return {
    isConnectionType: connectionTypeCheck(context),
    isWebPubSubType: webPubSubTypeCheck(context),
    filename: context.filename,
    ...scriptSetupOf(context),
    ...(crossModule && { crossModule }),
  };
}

/**
 * True when no rule that declared its text filters (see `createRule`) can report on the file being
 * linted: a JavaScript or TypeScript tree, linted without type information, whose text the shared
 * search finds nothing in (SignalR hints, the settings' names, every declared filter) and that imports
 * no project module leading to SignalR. Most files of a project: then no such rule's `create` runs.
 */
export function concernsNoRule(context: AnyContext): boolean {
  const facts = factsOf(context);
  if (facts.concernsNoRule === undefined) {
    const { sourceCode } = context;
    facts.concernsNoRule =
      (sourceCode.ast as { type: string }).type === 'Program' &&
      !hasTypeInformation(context) &&
      !mayMatchAnyFilter(sourceCode.text, facts.settings) &&
      !(facts.links ??= projectLinksOf(context, facts.settings) ?? null)?.importsSignalR;
  }
  return facts.concernsNoRule;
}

/** `filter.test(text)` of the file being linted, through the text check that every rule shares. */
export function fileTextMatches(context: AnyContext, filter: RegExp): boolean {
  return textMatches(context.sourceCode.text, factsOf(context).settings, filter);
}

/** The part of vue-eslint-parser's document the model needs: the component's top-level elements. */
interface VueDocumentElement {
  readonly type: string;
  readonly name?: string;
  readonly startTag?: { readonly range: readonly [number, number]; readonly attributes: readonly { readonly directive: boolean; readonly key: { readonly name: unknown } }[] };
  readonly endTag?: { readonly range: readonly [number, number] } | null;
}

/**
 * Where vue-eslint-parser found the `<script setup>` of a single-file component: it merges it with a
 * plain `<script>` into one program, and only the document says which statements run per instance.
 */
function scriptSetupOf(context: AnyContext): { scriptSetupRange?: readonly [number, number] } {
  const services = context.sourceCode.parserServices as { getDocumentFragment?: () => { readonly children: readonly VueDocumentElement[] } | null } | undefined;
  const document = typeof services?.getDocumentFragment === 'function' ? services.getDocumentFragment() : undefined;
  const script = document?.children.find(
    (element) => element.type === 'VElement' && element.name === 'script' && element.startTag?.attributes.some((attribute) => !attribute.directive && attribute.key.name === 'setup'),
  );
  return script?.startTag && script.endTag ? { scriptSetupRange: [script.startTag.range[1], script.endTag.range[0]] } : {};
}

/** Typed linting is on: the parser built a TypeScript program for this file. */
export function hasTypeInformation(context: AnyContext): boolean {
  const services = context.sourceCode.parserServices;
  return services !== undefined && 'program' in services && services.program !== null;
}

function connectionTypeCheck(context: AnyContext): ((node: Node) => boolean) | undefined {
  const isExportType = exportTypeCheck(context);
  return isExportType && ((node) => isExportType(node, EXPORTS.connection, CLIENT_MODULES));
}

function webPubSubTypeCheck(context: AnyContext): ((node: Node, exportName: string) => boolean) | undefined {
  const isExportType = exportTypeCheck(context);
  return isExportType && ((node, exportName) => isExportType(node, exportName, WEB_PUBSUB_MODULES));
}

/** With a type-checked program: is `node`'s type (or a member of its union) `exportName`, declared by one of `modules`? */
function exportTypeCheck(context: AnyContext): ((node: Node, exportName: string, modules: readonly string[]) => boolean) | undefined {
  const services = context.sourceCode.parserServices;
  const program = services && 'program' in services ? services.program : undefined;
  if (!program || !services?.esTreeNodeToTSNodeMap) return undefined;
  const checker = program.getTypeChecker();
  const nodeMap = services.esTreeNodeToTSNodeMap;
  return (node, exportName, modules) => {
    const tsNode = nodeMap.get(node as never);
    if (!tsNode) return false;
    const type = checker.getTypeAtLocation(tsNode);
    const candidates = type.isUnion() ? type.types : [type];
    return candidates.some((candidate) => {
      const symbol = candidate.getSymbol();
      if (symbol?.getName() !== exportName) return false;
      return (symbol.getDeclarations() ?? []).some((declaration) => {
        const fileName = declaration.getSourceFile().fileName;
        return modules.some((name) => fileName.includes(`/node_modules/${name}/`));
      });
    });
  };
}
