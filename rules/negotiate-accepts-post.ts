import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { basename, dirname } from 'node:path';

import type { BindingProperty, PropertyValue } from '../core/functions-bindings.js';
import {
  BINDING_TYPES,
  FUNCTION_JSON,
  functionJsonBindings,
  functionJsonRoute,
  isBindingOfType,
  isNegotiateInput,
  isNegotiateRoute,
  NEGOTIATE_METHOD,
  refusesPost,
  v4HttpFunctions,
} from '../core/functions-bindings.js';
import type { JsonDocument } from '../core/json.js';
import { createRule } from './utils/create-rule.js';
import { asReportNode, fileNameOf, JSON_LANGUAGES, jsonDocumentOf, onJsonDocument } from './utils/json.js';
import { modelOf } from './utils/model.js';

export type Options = [];
export type MessageIds = 'addPost' | 'refusesPost';

/** Files that can declare a negotiate function carry one of these binding types. */
const NEGOTIATE_TEXT_FILTER = /signalRConnectionInfo|signalRNegotiation/i;

export default createRule<Options, MessageIds>({
  name: 'negotiate-accepts-post',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Azure Functions negotiate functions to accept POST, the method the SignalR client negotiates with',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      refusesPost:
        'This negotiate function accepts only {{methods}}, but the SignalR client POSTs to `/negotiate`: every connection fails. Accept POST too.',
      addPost: 'Add {{post}} to `methods`.',
    },
    languages: ['js/js', ...JSON_LANGUAGES],
  },
  textFilters: [NEGOTIATE_TEXT_FILTER],
  create(context) {
    const document = jsonDocumentOf(context);
    if (document) {
      return fileNameOf(context) === FUNCTION_JSON && NEGOTIATE_TEXT_FILTER.test(context.sourceCode.text)
        ? onJsonDocument(() => checkFunctionJson(document))
        : {};
    }
    const model = modelOf(context, NEGOTIATE_TEXT_FILTER);
    if (!model) return {};

    return {
      'Program:exit'(): void {
        for (const fn of v4HttpFunctions(model)) {
          if (fn.route === undefined || !isNegotiateRoute(fn.route) || !fn.extraInputs.some(isNegotiateInput)) continue;
          if (fn.methods === 'unknown' || !refusesPost(fn.methods.value)) continue;
          reportRefusal(fn.methods, fn.methods.node === fn.callee ? undefined : addPost(fn.methods, NEGOTIATE_METHOD));
        }
      },
    };

    function checkFunctionJson(document: JsonDocument): void {
      const bindings = functionJsonBindings(document);
      const trigger = bindings.find((binding) => isBindingOfType(binding, BINDING_TYPES.httpTrigger));
      if (!trigger || !bindings.some(isNegotiateInput)) return;
      const route = functionJsonRoute(trigger, basename(dirname(context.filename)));
      const methods = trigger.property('methods');
      if (route === undefined || !isNegotiateRoute(route) || !methods || methods === 'unknown' || !refusesPost(methods.value)) return;
      const reportable = { node: asReportNode(methods.node), value: methods.value };
      reportRefusal(reportable, addPost(reportable, jsonSpelling(methods.value)));
    }

    function reportRefusal(methods: BindingProperty<TSESTree.Node>, fix: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined): void {
      const listed = methods.value.kind === 'strings' ? methods.value.values : [];
      const post = `\`${NEGOTIATE_METHOD}\``;
      context.report({
        node: methods.node,
        messageId: 'refusesPost',
        data: { methods: listed.map((method) => method.toUpperCase()).join(', ') },
        ...(fix && { suggest: [{ messageId: 'addPost', data: { post }, fix }] }),
      });
    }

    /** Appends POST to a literal list of methods, in the list's quotes and letter case. */
    function addPost(methods: BindingProperty<TSESTree.Node>, spelling: string): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
      const text = context.sourceCode.getText(methods.node);
      if (!text.startsWith('[') || !text.endsWith(']')) return undefined;
      const quote = /^\[\s*(['"])/.exec(text)?.[1] ?? (spelling === spelling.toLowerCase() ? '"' : "'");
      const before = text.slice(0, -1).trimEnd();
      const separator = before === '[' ? '' : before.endsWith(',') ? ' ' : ', ';
      const at = methods.node.range[0] + before.length;
      return (fixer) => fixer.insertTextAfterRange([at, at], `${separator}${quote}${spelling}${quote}`);
    }
  },
});

/** function.json usually spells methods in lower case; follow the file. */
function jsonSpelling(methods: PropertyValue): string {
  const first = methods.kind === 'strings' ? methods.values[0] : undefined;
  return first !== undefined && first === first.toUpperCase() ? NEGOTIATE_METHOD : NEGOTIATE_METHOD.toLowerCase();
}
