// Whether a function may become `async` without its callers noticing: every call across the project
// ignores the result (a statement, `void f()`) or already awaits it. The one whole-program question
// of the codemods, answered with ts-morph, which is loaded only when a file asks it (creating a
// project costs seconds; see FACTS.md). One project per tsconfig.json is kept for the whole run.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Node as MorphNode, Project, SourceFile } from 'ts-morph';

export type CallerVerdict = { readonly safe: true } | { readonly safe: false; readonly reason: string };

export interface CallerQuery {
  /** The file's path, as the transform received it. */
  readonly filePath: string;
  /** The file's current text (it may differ from what is on disk). */
  readonly source: string;
  /** Offset in `source` of the function's name: the identifier of a declaration, variable, method or property. */
  readonly namePosition: number;
  /** How messages name the function. */
  readonly functionName: string;
}

type TsMorph = typeof import('ts-morph');
let tsMorph: Promise<TsMorph> | undefined;
const projectsByTsconfig = new Map<string, Project>();
let detachedProject: Project | undefined;

/**
 * The project in which callers of a function of `filePath` are looked for: `given` (tests pass an
 * in-memory project), else the project of the nearest tsconfig.json. A file that is not on disk (a
 * fixture, stdin) cannot be imported by anything, so a project of that file alone is complete for it.
 * Undefined when a file on disk has no tsconfig.json above it: callers in other files are out of sight.
 */
async function projectFor(filePath: string, given: Project | undefined): Promise<Project | undefined> {
  if (given) return given;
  const absolute = resolve(filePath);
  const onDisk = existsSync(absolute);
  const tsconfig = onDisk ? nearestTsconfig(dirname(absolute)) : undefined;
  if (onDisk && !tsconfig) return undefined;
  const { Project } = await loadTsMorph();
  if (!tsconfig) {
    // One project for every detached file, emptied each time: its parsed lib files are reused.
    detachedProject ??= new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } });
    for (const other of detachedProject.getSourceFiles()) {
      if (other.getFilePath() !== absolute) detachedProject.removeSourceFile(other);
    }
    return detachedProject;
  }
  let project = projectsByTsconfig.get(tsconfig);
  if (!project) {
    project = new Project({ tsConfigFilePath: tsconfig, compilerOptions: { allowJs: true } });
    projectsByTsconfig.set(tsconfig, project);
  }
  return project;
}

function loadTsMorph(): Promise<TsMorph> {
  return (tsMorph ??= import('ts-morph'));
}

function nearestTsconfig(directory: string): string | undefined {
  for (let current = directory; ; current = dirname(current)) {
    const candidate = join(current, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(current) === current) return undefined;
  }
}

/**
 * Checks every reference to the function named at `query.namePosition`: each must be a call whose
 * result is ignored or awaited. Import and export specifiers and `typeof f` do not count; a reference
 * that passes the function on as a value does (its receiver may use the result), and so does having
 * no caller at all (it is called from where the project cannot see: a framework, a template).
 */
export async function checkCallers(query: CallerQuery, given?: Project): Promise<CallerVerdict> {
  const project = await projectFor(query.filePath, given);
  if (!project) return unsafe(`no tsconfig.json covers this file, so the callers of \`${query.functionName}\` in other files cannot be checked`);
  const { Node } = await loadTsMorph();
  const sourceFile = currentSourceFile(project, query);
  const name = sourceFile.getDescendantAtPos(query.namePosition);
  if (!name || !(Node.isIdentifier(name) || Node.isPrivateIdentifier(name)) || name.getStart() !== query.namePosition) {
    return unsafe(`ts-morph cannot find \`${query.functionName}\` in the project`);
  }
  let calls = 0;
  for (const reference of name.findReferencesAsNodes()) {
    const use = classifyReference(Node, reference);
    if (use === 'neutral') continue;
    const where = describeLocation(query.filePath, sourceFile, reference);
    if (use === 'value') return unsafe(`\`${query.functionName}\` is passed on as a value (${where}), and whatever receives it may use its result`);
    if (use === 'result-used') return unsafe(`the result of \`${query.functionName}()\` is used (${where})`);
    calls++;
  }
  if (calls === 0) return unsafe(`no call of \`${query.functionName}\` is in the project; whatever calls it (a framework, a template) may use its result`);
  return { safe: true };
}

function unsafe(reason: string): CallerVerdict {
  return { safe: false, reason };
}

/** The project's copy of the file, brought up to date with the text the transform sees. */
function currentSourceFile(project: Project, query: CallerQuery): SourceFile {
  const path = resolve(query.filePath);
  const existing = project.getSourceFile(path);
  if (existing && existing.getFullText() === query.source) return existing;
  return project.createSourceFile(path, query.source, { overwrite: true });
}

type ReferenceUse = 'ignored-or-awaited' | 'neutral' | 'result-used' | 'value';

function classifyReference(Node: TsMorph['Node'], reference: MorphNode): ReferenceUse {
  const parent = reference.getParent();
  if (!parent) return 'neutral';
  if (Node.isImportSpecifier(parent) || Node.isExportSpecifier(parent) || Node.isImportClause(parent) || Node.isTypeQuery(parent)) {
    return 'neutral';
  }
  // Another declaration of the same member: the interface method a class method implements, an overload.
  const declaresIt =
    Node.isMethodSignature(parent) || Node.isMethodDeclaration(parent) || Node.isPropertySignature(parent) ||
    Node.isPropertyDeclaration(parent) || Node.isFunctionDeclaration(parent);
  if (declaresIt && parent.getNameNode() === reference) return 'neutral';
  // `this.join()`, `service.join()`: the property access is what gets called.
  const callee = Node.isPropertyAccessExpression(parent) && parent.getNameNode() === reference ? parent : reference;
  const call = callee.getParent();
  if (!call || !Node.isCallExpression(call) || call.getExpression() !== callee) return 'value';
  let user = call.getParent();
  while (user && Node.isParenthesizedExpression(user)) user = user.getParent();
  if (user && (Node.isExpressionStatement(user) || Node.isVoidExpression(user) || Node.isAwaitExpression(user))) return 'ignored-or-awaited';
  return 'result-used';
}

function describeLocation(filePath: string, queried: SourceFile, reference: MorphNode): string {
  const line = reference.getStartLineNumber();
  const file = reference.getSourceFile();
  if (file === queried) return `line ${line}`;
  return `${relative(dirname(resolve(filePath)), file.getFilePath())}:${line}`;
}
