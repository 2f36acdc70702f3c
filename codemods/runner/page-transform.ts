// The codemods on a page's script blocks (codemods/runner/script-blocks.ts): each block is transformed
// as a file of its own and spliced back; positions in skips and syntax errors are moved to the page.
// Blocks that share a scope (a Vue component's two scripts, a page's classic scripts) must not end up
// declaring the same name twice, which each block's codemods cannot see: such a page is left as it was.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { parse } from '@typescript-eslint/typescript-estree';

import { mayUseSignalR } from '../../core/prefilter.js';
import { DEFAULT_SETTINGS } from '../../core/settings.js';
import type { TransformOptions } from '../utils/source.js';
import type { TransformReply, WorkerReport } from './protocol.js';
import { skipFromReport } from './results.js';
import type { PageKind, ScriptBlock } from './script-blocks.js';
import { commonIndent, findScriptBlocks, indented, outdented, pagePosition, spliceBlocks } from './script-blocks.js';

/** Who reports what the CLI itself left alone in a page (not a codemod's own skip). */
export const PAGE_REPORTER = 'signalr-codemod';

/** Transforms one block as a file; `locate` moves a block position to the page. */
export type BlockTransform = (
  path: string,
  source: string,
  locate: (line: number, column: number) => { readonly line: number; readonly column: number },
) => Promise<TransformReply>;

interface ChangedBlock {
  readonly block: ScriptBlock;
  readonly text: string;
  readonly changedBy: readonly string[];
}

export async function transformPage(path: string, page: string, kind: PageKind, options: TransformOptions, transformBlock: BlockTransform): Promise<TransformReply> {
  const settings = options.signalrSettings ?? DEFAULT_SETTINGS;
  const { blocks, unsafe } = findScriptBlocks(page, kind);
  const reports: WorkerReport[] = unsafe
    .filter(({ block }) => mayUseSignalR(block.text, settings))
    .map(({ line, column, reason }) => ({ codemod: PAGE_REPORTER, message: skipMessage(path, line, column, `${reason}; it was left as it was`) }));
  const changed: ChangedBlock[] = [];
  for (const block of blocks) {
    if (!mayUseSignalR(block.text, settings)) continue;
    const blockPath = `${path}.${block.language}`;
    const indent = commonIndent(block.text);
    const locate = (line: number, column: number): { line: number; column: number } => pagePosition(page, block, indent, line, column);
    const reply = await transformBlock(blockPath, outdented(block.text, indent), locate);
    reports.push(...reply.reports.map((report) => ({ codemod: report.codemod, message: movedToPage(report.message, blockPath, path, locate) })));
    if (reply.kind === 'failed') return { kind: 'failed', failure: reply.failure, reports };
    if (reply.output !== undefined) changed.push({ block, text: indented(reply.output, indent), changedBy: reply.changedBy });
  }
  if (changed.length === 0) return { kind: 'done', output: undefined, changedBy: [], helpersBy: [], reports };

  const clash = nameClash(blocks, changed);
  if (clash) {
    const { line, column } = pagePosition(page, clash.block, '', 1, 1);
    const reason = `\`${clash.name}\`, which ${clash.changedBy.join(', ')} would declare in this script, is declared by another script that shares its scope (${kind === 'vue' ? 'the component' : 'the page'}); the page was left as it was`;
    return { kind: 'done', output: undefined, changedBy: [], helpersBy: [], reports: [...reports, { codemod: PAGE_REPORTER, message: skipMessage(path, line, column, reason) }] };
  }
  const changedBy = [...new Set(changed.flatMap((entry) => entry.changedBy))];
  // A page's blocks declare the helpers they call (no import of the helpers module is left).
  return { kind: 'done', output: spliceBlocks(page, changed), changedBy, helpersBy: [], reports };
}

function skipMessage(path: string, line: number, column: number, reason: string): string {
  return `${path}:${line}:${column}: skipped: ${reason}`;
}

/** A codemod's `path:line:column: skipped: …` report about a block, told about the page instead. */
function movedToPage(message: string, blockPath: string, path: string, locate: (line: number, column: number) => { line: number; column: number }): string {
  const skip = skipFromReport('', blockPath, message);
  if (skip.line === undefined) return message.split(blockPath).join(path);
  const { line, column } = locate(skip.line, skip.column ?? 1);
  return skipMessage(path, line, column, skip.reason);
}

/** A name a changed block would newly declare at its top level that another block sharing its scope declares too. */
function nameClash(blocks: readonly ScriptBlock[], changed: readonly ChangedBlock[]): { readonly name: string; readonly block: ScriptBlock; readonly changedBy: readonly string[] } | undefined {
  const sharing = blocks.filter((block) => block.sharesScope);
  if (sharing.length < 2) return undefined;
  const finalText = (block: ScriptBlock): string => changed.find((entry) => entry.block === block)?.text ?? block.text;
  for (const entry of changed) {
    if (!entry.block.sharesScope) continue;
    const before = topLevelNames(entry.block.text, entry.block.language);
    const added = [...topLevelNames(entry.text, entry.block.language)].filter((name) => !before.has(name));
    for (const other of sharing) {
      if (other === entry.block) continue;
      const theirs = topLevelNames(finalText(other), other.language);
      const name = added.find((candidate) => theirs.has(candidate));
      if (name) return { name, block: entry.block, changedBy: entry.changedBy };
    }
  }
  return undefined;
}

/** The names a script declares at its top level (variables, functions, classes, imports). Empty when it does not parse. */
function topLevelNames(text: string, language: ScriptBlock['language']): Set<string> {
  let program: TSESTree.Program;
  try {
    program = parse(text, { jsx: language !== 'ts' });
  } catch {
    return new Set();
  }
  const names = new Set<string>();
  const declare = (node: TSESTree.Node | null | undefined): void => {
    if (!node) return;
    switch (node.type) {
      case 'Identifier':
        names.add(node.name);
        break;
      case 'ObjectPattern':
        for (const property of node.properties) declare(property.type === 'RestElement' ? property.argument : property.value);
        break;
      case 'ArrayPattern':
        for (const element of node.elements) declare(element);
        break;
      case 'RestElement':
        declare(node.argument);
        break;
      case 'AssignmentPattern':
        declare(node.left);
        break;
      case 'VariableDeclaration':
        for (const declarator of node.declarations) declare(declarator.id);
        break;
      case 'FunctionDeclaration':
      case 'ClassDeclaration':
      case 'TSEnumDeclaration':
        declare(node.id);
        break;
      case 'ImportDeclaration':
        for (const specifier of node.specifiers) declare(specifier.local);
        break;
      case 'ExportNamedDeclaration':
      case 'ExportDefaultDeclaration':
        declare(node.declaration as TSESTree.Node | null);
        break;
      default:
        break;
    }
  };
  for (const statement of program.body) declare(statement);
  return names;
}
