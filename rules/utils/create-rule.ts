import { ESLintUtils } from '@typescript-eslint/utils';

/** Rule metadata this plugin adds to `meta.docs`; configs are computed from it (see `rules/index.ts`). */
export interface SignalRRuleDocs {
  description: string;
  /** In the `recommended` config. */
  recommended?: boolean;
  /** Options the `strict` config sets, when they differ from the defaults. */
  strictOptions?: readonly unknown[];
  /** Uses type information when the parser provides it; never requires it. */
  requiresTypeChecking?: false;
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-signalr/eslint-plugin-signalr';

export const createRule = ESLintUtils.RuleCreator<SignalRRuleDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
