// ESLint glue for core/cross-module.ts: parses the project's other modules with the parser of the lint
// run (through ESLint's own `Linter`, so they get the same tree, `parent` pointers and scopes as the
// linted file), and with typed linting resolves imports the syntax cannot (path aliases) through the
// program ESLint already has. Never builds a second TypeScript program.
import type { ParserServices, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';

import type { ScopeManagerLike } from '../../core/model.js';
import type { TypedResolver } from '../../core/cross-module.js';
import { ProjectLinks } from '../../core/cross-module.js';
import type { ParsedModule, ProjectHost } from '../../core/project.js';
import { isRelativeSpecifier, SOURCE_EXTENSIONS } from '../../core/project.js';
import type { SignalRSettings } from '../../core/settings.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Parser options that make a typed parser build or reuse a TypeScript program: never for other modules. */
const PROGRAM_OPTIONS: readonly string[] = ['project', 'projectService', 'programs', 'EXPERIMENTAL_useProjectService', 'EXPERIMENTAL_useSourceOfProjectReferenceRedirect'];
/** By the lint run's language options (ESLint hands every file of one config the same object), else by parser. */
const hostsByOptions = new WeakMap<object, WeakMap<SignalRSettings, ProjectHost>>();

const require = createRequire(import.meta.url);

interface LanguageOptionsLike {
  readonly parser?: unknown;
  readonly parserOptions?: Readonly<Record<string, unknown>>;
  readonly ecmaVersion?: unknown;
  readonly sourceType?: unknown;
}

/**
 * The links of the linted file to the project's other modules, or undefined for a file ESLint did not
 * read from disk (`<input>`, `<text>`) or whose parser cannot be used again. Computed once per file:
 * rules/utils/model.ts keeps the answer with the file's other shared facts.
 */
export function projectLinksOf(context: AnyContext, settings: SignalRSettings): ProjectLinks | undefined {
  const host = hostOf(context, settings);
  const file = context.physicalFilename;
  // `<input>`, `<text>`: a file that is not on disk has no neighbours to read.
  return host && isAbsolute(file) ? new ProjectLinks(host, file, context.sourceCode.text, 1, typedResolver(context)) : undefined;
}

function hostOf(context: AnyContext, settings: SignalRSettings): ProjectHost | undefined {
  const languageOptions = (context as unknown as { languageOptions?: LanguageOptionsLike }).languageOptions;
  const parser = languageOptions?.parser ?? parserFromPath(context);
  if (!parser || typeof parser !== 'object') return undefined;
  // A module imported by files of two configs (a classic script's `sourceType`, JSX on or off) is
  // parsed, and its facts kept, once for each: never with the options of whichever file came first.
  const key = languageOptions ?? parser;
  let bySettings = hostsByOptions.get(key);
  if (!bySettings) hostsByOptions.set(key, (bySettings = new WeakMap()));
  let host = bySettings.get(settings);
  if (!host) {
    host = new LinterHost(key, parser, languageOptions, settings);
    bySettings.set(settings, host);
  }
  return host;
}

/** ESLint 8 with eslintrc names its parser by path. */
function parserFromPath(context: AnyContext): unknown {
  const parserPath = (context as unknown as { parserPath?: string }).parserPath;
  if (!parserPath) return undefined;
  try {
    return require(parserPath) as unknown;
  } catch {
    return undefined;
  }
}

interface LinterLike {
  verify(text: string, config: unknown, options: { filename: string }): unknown[];
}

/** Parses with ESLint's `Linter` and a rule that keeps the SourceCode it is handed. */
class LinterHost implements ProjectHost {
  private linter: LinterLike | undefined;
  private readonly parserOptions: Record<string, unknown>;

  constructor(
    readonly key: object,
    private readonly parser: object,
    private readonly languageOptions: LanguageOptionsLike | undefined,
    readonly settings: SignalRSettings,
  ) {
    this.parserOptions = Object.fromEntries(Object.entries(languageOptions?.parserOptions ?? {}).filter(([key]) => !PROGRAM_OPTIONS.includes(key)));
  }

  parse(path: string, text: string): ParsedModule | undefined {
    let parsed: ParsedModule | undefined;
    const capture = {
      create: (context: { sourceCode: { ast: TSESTree.Program; scopeManager: ScopeManagerLike } }) => ({
        Program: () => {
          parsed = { program: context.sourceCode.ast, scopeManager: context.sourceCode.scopeManager };
        },
      }),
    };
    const { ecmaVersion, sourceType } = this.languageOptions ?? {};
    const config = [
      {
        // A pattern that names extensions: ESLint does not count `**/*` as matching a file.
        files: [`**/*.{${SOURCE_EXTENSIONS.map((extension) => extension.slice(1)).join(',')}}`],
        languageOptions: {
          parser: this.parser,
          parserOptions: this.parserOptions,
          ...(ecmaVersion !== undefined && { ecmaVersion }),
          ...(sourceType !== undefined && { sourceType }),
        },
        plugins: { 'signalr-project': { rules: { capture } } },
        rules: { 'signalr-project/capture': 'error' },
      },
    ];
    try {
      this.linter ??= newLinter();
      this.linter.verify(text, config, { filename: path });
    } catch {
      return undefined;
    }
    return parsed;
  }
}

function newLinter(): LinterLike {
  const { Linter } = require('eslint') as { Linter: new (options?: { configType?: string; cwd?: string }) => LinterLike };
  return new Linter({ configType: 'flat', cwd: '/' });
}

/**
 * With typed linting, an import the syntax cannot resolve (a `paths` alias, `baseUrl`) resolves to the
 * file TypeScript resolved it to, when that file is the project's own (not `node_modules`, not `.d.ts`).
 */
function typedResolver(context: AnyContext): TypedResolver | undefined {
  const services = context.sourceCode.parserServices;
  const program = services && 'program' in services ? services.program : undefined;
  const nodeMap = services?.esTreeNodeToTSNodeMap;
  // Asked on every linted file: without a program, no closure is made.
  return program && nodeMap ? resolverWithTypes(context, program, nodeMap) : undefined;
}

function resolverWithTypes(
  context: AnyContext,
  program: NonNullable<ParserServices['program']>,
  nodeMap: NonNullable<ParserServices['esTreeNodeToTSNodeMap']>,
): TypedResolver {
  const checker = program.getTypeChecker();
  const sources = new Map<string, TSESTree.StringLiteral>();
  for (const statement of context.sourceCode.ast.body) {
    if ((statement.type === 'ImportDeclaration' || statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportAllDeclaration') && statement.source) {
      sources.set(statement.source.value, statement.source);
    }
  }
  const resolved = new Map<string, string | undefined>();
  return {
    specifiers: [...sources.keys()].filter((specifier) => !isRelativeSpecifier(specifier)),
    resolve(specifier) {
      if (!resolved.has(specifier)) resolved.set(specifier, resolveWithTypes(specifier));
      return resolved.get(specifier);
    },
  };

  function resolveWithTypes(specifier: string): string | undefined {
    const literal = sources.get(specifier);
    const tsNode = literal ? nodeMap.get(literal) : undefined;
    // A module specifier's symbol is the module; its declaration is the source file itself.
    const declaration = tsNode ? checker.getSymbolAtLocation(tsNode)?.valueDeclaration : undefined;
    const fileName = declaration?.getSourceFile().fileName;
    if (!fileName || fileName.includes('/node_modules/') || /\.d\.[cm]?ts$/.test(fileName)) return undefined;
    return fileName;
  }
}
