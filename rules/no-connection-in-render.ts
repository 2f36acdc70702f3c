import type { TSESLint } from '@typescript-eslint/utils';

import type { RenderCreation } from '../core/render.js';
import { creationsInRender } from '../core/render.js';
import { createRule } from './utils/create-rule.js';
import { modelOf } from './utils/model.js';

export type Options = [];
export type MessageIds = 'builtInDefaultProp' | 'builtInRefInitializer' | 'builtInRender' | 'builtInStateInitializer' | 'useLazyInitializer';

export default createRule<Options, MessageIds>({
  name: 'no-connection-in-render',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow building a SignalR connection while a React component renders, which builds a new one on every render',
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

    /** `useState(build())` → `useState(() => build())`: React calls it once, on the first render, for the same value. */
    function lazyStateSuggestion(creation: RenderCreation['creation']): TSESLint.SuggestionReportDescriptor<MessageIds> {
      return { messageId: 'useLazyInitializer', fix: (fixer) => fixer.insertTextBefore(creation, '() => ') };
    }
  },
});
