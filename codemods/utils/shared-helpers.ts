// Settles the helper imports transforms leave under SHARED_HELPERS_SPECIFIER (codemods/utils/helpers.ts):
// - `inlineHelpers` turns a file's import into the helpers' declarations, in the file's style;
// - `settleSharedHelpers` does it for a whole run: when two or more files need helpers (or the
//   helpers module already exists), it writes the module once, in the folder that holds them all
//   (or where the user says, or where an earlier run wrote it) and points every import there; a single file gets the helpers declared in it.
// Files written in another module system or language than the module are given their own copy.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';

import { blankLineAfter, declaresHelper, freeName, helperDeclarations, HELPERS_MODULE_NAME, SHARED_HELPERS_SPECIFIER, withDependencies } from './helpers.js';
import { parserFor } from './parser.js';
import type { FileStyle } from './style.js';
import { detectStyle, isTypeScriptPath } from './style.js';
import './reconnect-helpers.js';

interface HelperImport {
  readonly statement: TSESTree.ProgramStatement;
  /** Helper name → the name the file calls it by. */
  readonly locals: ReadonlyMap<string, string>;
  readonly program: TSESTree.Program;
}

/** The file's import of helpers still to be settled, if any. */
function helperImportOf(text: string, path: string): HelperImport | undefined {
  if (!text.includes(SHARED_HELPERS_SPECIFIER)) return undefined;
  const program = parserFor(path).parse(text);
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === SHARED_HELPERS_SPECIFIER) {
      const locals = new Map<string, string>();
      for (const specifier of statement.specifiers) {
        if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) continue;
        const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
        locals.set(imported, specifier.local.name);
      }
      return { statement, locals, program };
    }
    const declarator = statement.type === AST_NODE_TYPES.VariableDeclaration ? statement.declarations[0] : undefined;
    const init = declarator?.init;
    if (
      declarator?.id.type === AST_NODE_TYPES.ObjectPattern &&
      init?.type === AST_NODE_TYPES.CallExpression &&
      init.arguments[0]?.type === AST_NODE_TYPES.Literal &&
      init.arguments[0].value === SHARED_HELPERS_SPECIFIER
    ) {
      const locals = new Map<string, string>();
      for (const property of declarator.id.properties) {
        if (property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier && property.value.type === AST_NODE_TYPES.Identifier) {
          locals.set(property.key.name, property.value.name);
        }
      }
      return { statement, locals, program };
    }
  }
  return undefined;
}

/** `text` with its helper import replaced by the helpers' declarations; `text` itself when it has none. */
export function inlineHelpers(text: string, path: string): string {
  const found = helperImportOf(text, path);
  if (!found) return text;
  const { statement, locals, program } = found;
  const style = styleWithout(text, statement, path);
  const names = new Map(locals);
  // Helpers the file already declares (an earlier run's) are not declared again.
  const declared = withDependencies(locals.keys()).filter((name) => !locals.has(name) && declaresHelper(text, name, style));
  for (const name of withDependencies(locals.keys())) {
    if (!names.has(name)) names.set(name, declared.includes(name) ? name : freeName(text, name, [...names.values()]));
  }
  const declarations = helperDeclarations(locals.keys(), style, (name) => names.get(name)!, false, declared);
  const [start, end] = statement.range;
  // The import went after the file's imports on a line of its own (the declarations get a blank line
  // below them where the next line is code or its comment), or first with a blank line after it.
  const first = program.body[0] === statement;
  return text.slice(0, start) + (first ? declarations : `\n${declarations}`) + blankLineAfter(text, end) + text.slice(end);
}

/** The file's style as its author wrote it: without the helper import, a classic script is one still. */
function styleWithout(text: string, statement: TSESTree.ProgramStatement, path: string): FileStyle {
  const without = text.slice(0, statement.range[0]) + text.slice(statement.range[1]);
  return detectStyle(without, parserFor(path).parse(without), path);
}

export interface PendingFile {
  /** Absolute path. */
  readonly path: string;
  readonly text: string;
}

export interface SettledHelpers {
  /** Every pending file's final text, by path (unchanged when it imported no helper). */
  readonly texts: ReadonlyMap<string, string>;
  /** The helpers modules to write (new, or grown by helpers they lacked): one per project at most. */
  readonly modules: readonly { readonly path: string; readonly before: string; readonly text: string }[];
  /** What the user should know: files that got their own copy, and why. */
  readonly notes: readonly { readonly path: string; readonly reason: string }[];
}

interface ProjectHelpers {
  readonly texts: ReadonlyMap<string, string>;
  readonly module?: SettledHelpers['modules'][number];
  readonly notes: SettledHelpers['notes'];
}

export interface SettleOptions {
  /** Where the helpers module goes; by default in the folder that holds every file that needs it. */
  readonly modulePath?: string;
}

type ModuleFlavour = 'ts-esm' | 'js-esm' | 'js-commonjs';

/**
 * Settles every pending file's helper import (see the file comment), one helpers module per project:
 * files under different `package.json` files (a monorepo's packages) do not share one.
 */
export function settleSharedHelpers(files: readonly PendingFile[], options: SettleOptions = {}): SettledHelpers {
  const byProject = new Map<string, PendingFile[]>();
  for (const file of files) {
    const root = options.modulePath ? '' : projectRoot(file.path);
    byProject.set(root, [...(byProject.get(root) ?? []), file]);
  }
  const texts = new Map<string, string>();
  const notes: SettledHelpers['notes'][number][] = [];
  const modules: SettledHelpers['modules'][number][] = [];
  for (const group of byProject.values()) {
    const settled = settleProject(group, options);
    for (const [path, text] of settled.texts) texts.set(path, text);
    notes.push(...settled.notes);
    if (settled.module) modules.push(settled.module);
  }
  return { texts, modules, notes };
}

/**
 * The nearest directory above `path` with a package.json or a .git, else the file's own directory:
 * with no sign of where a project ends, files in other folders may belong to other apps, and one of
 * them importing a module written next to another would tie the two together.
 */
function projectRoot(path: string): string {
  for (let directory = dirname(path); ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'package.json')) || existsSync(join(directory, '.git'))) return directory;
    if (dirname(directory) === directory) return dirname(path);
  }
}

/**
 * Where the helpers module goes when the user names no place: a module an earlier run wrote next to
 * one of the files, in the folder holding them all or above it within the project; else that folder, so
 * that no file imports it from inside a sibling's folder (`../../chats/signalr-helpers`).
 */
function defaultModulePath(paths: readonly string[], extension: string): string {
  const name = `${HELPERS_MODULE_NAME}${extension}`;
  // Next to one of the files: where runs before this one put it.
  const beside = paths.map((path) => join(dirname(path), name)).find((candidate) => existsSync(candidate));
  if (beside) return beside;
  const shared = commonDirectory(paths);
  const root = projectRoot(paths[0]!);
  for (let directory = shared; ; directory = dirname(directory)) {
    const candidate = join(directory, name);
    if (existsSync(candidate)) return candidate;
    if (directory === root || !directory.startsWith(root) || dirname(directory) === directory) break;
  }
  return join(shared, name);
}

/** The deepest folder that holds every one of `paths`. */
function commonDirectory(paths: readonly string[]): string {
  let common = dirname(paths[0]!);
  for (const path of paths.slice(1)) {
    while (common !== dirname(common) && relative(common, path).startsWith('..')) common = dirname(common);
  }
  return common;
}

function settleProject(files: readonly PendingFile[], options: SettleOptions): ProjectHelpers {
  const texts = new Map(files.map((file) => [file.path, file.text]));
  const importing = [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .flatMap((file) => {
      const found = helperImportOf(file.text, file.path);
      return found ? [{ ...file, found, flavour: flavourOf(file.path, found) }] : [];
    });
  if (importing.length === 0) return { texts, notes: [] };

  const modulePath = options.modulePath;
  const flavour: ModuleFlavour = modulePath ? flavourOfModulePath(modulePath, importing[0]!.flavour) : largestGroup(importing.map((file) => file.flavour));
  const sharing = importing.filter((file) => file.flavour === flavour);
  const path = modulePath ?? defaultModulePath(sharing.map((file) => file.path), flavour === 'ts-esm' ? '.ts' : '.js');
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const notes: { path: string; reason: string }[] = [];
  const inline = (file: (typeof importing)[number]): void => {
    texts.set(file.path, inlineHelpers(file.text, file.path));
  };
  // No module for a single file that could share it, unless the user named one: every file keeps its
  // own copy, as a lone file does.
  if (sharing.length === 1 && existing === undefined && modulePath === undefined) {
    for (const file of importing) inline(file);
    return { texts, notes };
  }
  for (const file of importing) {
    if (file.flavour !== flavour) {
      inline(file);
      notes.push({ path: file.path, reason: `helpers declared in the file: as ${describeFlavour(file.flavour)}, it cannot import the helpers module ${path}, ${describeFlavour(flavour)}` });
    }
  }

  const needed = new Set(sharing.flatMap((file) => [...file.found.locals.keys()]));
  const style = detectStyle(sharing[0]!.text, sharing[0]!.found.program, flavour === 'ts-esm' ? 'helpers.ts' : 'helpers.js');
  const moduleStyle: FileStyle = { ...style, language: { ...style.language, typescript: flavour === 'ts-esm', arrows: true, blockScoped: true, exponent: true, moduleKind: flavour === 'js-commonjs' ? 'commonjs' : 'esm' } };
  let module: ProjectHelpers['module'];
  if (existing === undefined) {
    module = { path, before: '', text: moduleText(needed, moduleStyle) };
  } else {
    const present = exportedNames(existing, path);
    const missing = [...needed].filter((name) => !present.has(name));
    if (missing.length > 0) {
      const regenerated = moduleText(present, moduleStyle);
      if (regenerated !== existing) {
        for (const file of sharing) {
          inline(file);
          notes.push({ path: file.path, reason: `helpers declared in the file: ${path} lacks ${missing.join(', ')} and was edited by hand` });
        }
        return { texts, notes };
      }
      module = { path, before: existing, text: moduleText(new Set([...present, ...needed]), moduleStyle) };
    }
  }
  for (const file of sharing) texts.set(file.path, pointImportAt(file.text, file.found, file.path, path));
  return module ? { texts, module, notes } : { texts, notes };
}

function flavourOf(path: string, found: HelperImport): ModuleFlavour {
  if (found.statement.type !== AST_NODE_TYPES.ImportDeclaration) return 'js-commonjs';
  return isTypeScriptPath(path) ? 'ts-esm' : 'js-esm';
}

function flavourOfModulePath(path: string, fallback: ModuleFlavour): ModuleFlavour {
  if (isTypeScriptPath(path)) return 'ts-esm';
  if (extname(path) === '.cjs') return 'js-commonjs';
  return fallback === 'ts-esm' ? 'js-esm' : fallback;
}

function largestGroup(flavours: readonly ModuleFlavour[]): ModuleFlavour {
  const counts = new Map<ModuleFlavour, number>();
  for (const flavour of flavours) counts.set(flavour, (counts.get(flavour) ?? 0) + 1);
  // Ties go to the first file's flavour.
  let best = flavours[0]!;
  for (const [flavour, count] of counts) if (count > counts.get(best)!) best = flavour;
  return best;
}

function describeFlavour(flavour: ModuleFlavour): string {
  return { 'ts-esm': 'a TypeScript module', 'js-esm': 'a JavaScript ES module', 'js-commonjs': 'a CommonJS module' }[flavour];
}

function moduleText(names: ReadonlySet<string>, style: FileStyle): string {
  const declarations = helperDeclarations(names, style, (name) => name, true);
  if (style.language.moduleKind !== 'commonjs') return `${declarations}\n`;
  const exported = [...names].sort();
  return `${declarations}\n\nmodule.exports = { ${exported.join(', ')} }${style.semicolons ? ';' : ''}\n`;
}

/** The names a helpers module exports: `export function f`, `export const c`, or `module.exports = { … }`. */
function exportedNames(text: string, path: string): Set<string> {
  const names = new Set<string>();
  const program = parserFor(path).parse(text);
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration) {
      const declaration = statement.declaration;
      if (declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) names.add(declaration.id.name);
      if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) if (declarator.id.type === AST_NODE_TYPES.Identifier) names.add(declarator.id.name);
      }
    }
    if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression && statement.expression.right.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of statement.expression.right.properties) {
        if (property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier) names.add(property.key.name);
      }
    }
  }
  return names;
}

/** The import's placeholder replaced by the module's path relative to the file, written the way the file writes its relative imports. */
function pointImportAt(text: string, found: HelperImport, path: string, modulePath: string): string {
  let specifier = relative(dirname(path), modulePath).split(sep).join('/');
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  const extension = extname(modulePath);
  const withoutExtension = specifier.slice(0, specifier.length - extension.length);
  // TypeScript resolves `./x.js` to `./x.ts`; files that write their relative imports without an extension get none.
  const written = writesExtensions(found.program) ? `${withoutExtension}${extension === '.ts' ? '.js' : extension}` : withoutExtension;
  const [start, end] = found.statement.range;
  const statementText = text.slice(start, end).replace(SHARED_HELPERS_SPECIFIER, written);
  return text.slice(0, start) + statementText + text.slice(end);
}

function writesExtensions(program: TSESTree.Program): boolean {
  return program.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ImportDeclaration &&
      typeof statement.source.value === 'string' &&
      statement.source.value.startsWith('.') &&
      /\.[cm]?js$/.test(statement.source.value),
  );
}
