// ESLint glue for core/model.ts: hands a rule the shared per-file SignalR model.
import type { TSESLint } from '@typescript-eslint/utils';

import type { Node } from '../../core/ast.js';
import type { SignalRModel } from '../../core/model.js';
import { getSignalRModel } from '../../core/model.js';
import type { SignalRSettings } from '../../core/settings.js';
import { readSettings } from '../../core/settings.js';
import { CLIENT_MODULES, EXPORTS } from '../../core/signalr.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The user's `settings.signalr`, validated. */
export function settingsOf(context: AnyContext): SignalRSettings {
  return readSettings(context.settings);
}

/**
 * The SignalR model of the file being linted, or undefined when the file cannot use SignalR (one cheap
 * text check, shared by every rule). With typed linting, the model also sees connections by type.
 */
export function modelOf(context: AnyContext): SignalRModel | undefined {
  const { sourceCode } = context;
  return getSignalRModel(sourceCode.ast, sourceCode.text, sourceCode.scopeManager, settingsOf(context), {
    isConnectionType: connectionTypeCheck(context),
  });
}

function connectionTypeCheck(context: AnyContext): ((node: Node) => boolean) | undefined {
  const services = context.sourceCode.parserServices;
  const program = services && 'program' in services ? services.program : undefined;
  if (!program || !services?.esTreeNodeToTSNodeMap) return undefined;
  const checker = program.getTypeChecker();
  const nodeMap = services.esTreeNodeToTSNodeMap;
  return (node) => {
    const tsNode = nodeMap.get(node as never);
    if (!tsNode) return false;
    const type = checker.getTypeAtLocation(tsNode);
    const candidates = type.isUnion() ? type.types : [type];
    return candidates.some((candidate) => {
      const symbol = candidate.getSymbol();
      if (symbol?.getName() !== EXPORTS.connection) return false;
      return (symbol.getDeclarations() ?? []).some((declaration) => {
        const fileName = declaration.getSourceFile().fileName;
        return CLIENT_MODULES.some((name) => fileName.includes(`/node_modules/${name}/`));
      });
    });
  };
}
