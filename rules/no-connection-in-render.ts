import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { RenderCreation } from '../core/render.js';
import { creationsInRender, registrationsInRender } from '../core/render.js';
import { staticString } from '../core/values.js';
import { createRule } from './utils/create-rule.js';
import { modelOf } from './utils/model.js';
import { callText } from './utils/text.js';

export type Options = [];
export type MessageIds = 'builtInDefaultProp' | 'builtInRefInitializer' | 'builtInRender' | 'builtInStateInitializer' | 'handlerAddedInRender' | 'useLazyInitializer';

export default createRule<Options, MessageIds>({
  name: 'no-connection-in-render',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow building a SignalR connection, or adding handlers to one, while a React component renders: each render does it again',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      builtInRender:
        'A connection is built on every render of `{{component}}`: a new one each time, and one per render once started. Build it in an effect, `useMemo`, or lazily in a ref.',
      builtInStateInitializer:
        'The connection passed to `useState(…)` is built on every render and thrown away after the first. Pass a function: `useState(() => …)`.',
      builtInRefInitializer:
        'The connection passed to `useRef(…)` is built on every render and thrown away after the first. Create it lazily: `ref.current ??= …`.',
      builtInDefaultProp:
        'The default value builds a new connection on every render of `{{component}}` without that prop. Build it once, outside the render.',
      handlerAddedInRender:
        '`{{call}}` adds one more handler on every render of `{{component}}`: each message is handled once per render so far. Register it in an effect, and remove it (`off`) in the cleanup.',
      useLazyInitializer: 'Pass a function: `useState(() => …)`.',
    },
    languages: ['js/js'],
  },
  textFilters: [],
  create(context) {
    const model = modelOf(context);
    if (!model?.usesSignalR) return {};

    return {
      Program(): void {
        for (const creation of creationsInRender(model)) reportCreation(creation);
        for (const { call, componentName } of registrationsInRender(model)) {
          context.report({ node: call, messageId: 'handlerAddedInRender', data: { call: registrationText(call), component: componentName } });
        }
      },
    };

    function reportCreation({ creation, componentName, place }: RenderCreation): void {
      const data = { component: componentName };
      switch (place) {
        case 'state-initializer':
          context.report({ node: creation, messageId: 'builtInStateInitializer', data, suggest: [lazyStateSuggestion(creation)] });
          return;
        case 'ref-initializer':
          context.report({ node: creation, messageId: 'builtInRefInitializer', data });
          return;
        case 'default-parameter':
          context.report({ node: creation, messageId: 'builtInDefaultProp', data });
          return;
        case 'body':
          context.report({ node: creation, messageId: 'builtInRender', data });
      }
    }

    /** `connection.on('ReceiveMessage', …)`, `connection.onclose(…)`. */
    function registrationText(call: TSESTree.CallExpression): string {
      const callee = callText(context.sourceCode, call).slice(0, -'()'.length);
      const event = call.arguments.length > 1 ? staticString(model!, call.arguments[0]!) : undefined;
      return `${callee}(${event === undefined ? '' : `'${event}', `}…)`;
    }

    /** `useState(build())` → `useState(() => build())`: React calls it once, on the first render, for the same value. */
    function lazyStateSuggestion(creation: RenderCreation['creation']): TSESLint.SuggestionReportDescriptor<MessageIds> {
      return { messageId: 'useLazyInitializer', fix: (fixer) => fixer.insertTextBefore(creation, '() => ') };
    }
  },
});
