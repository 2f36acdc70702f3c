// The one list of codemods: it drives the `signalr-codemod` CLI, its --help and --list, the README
// table and the tests. A codemod's module is `codemods/<name>.ts`, built to `dist/codemods/<name>.js`.

export interface CodemodInfo {
  /** The name users type: `signalr-codemod <name> <paths…>`. */
  readonly name: string;
  /** One sentence: what it rewrites. */
  readonly description: string;
  /** Ids of the rules whose reports it fixes. */
  readonly fixes: readonly string[];
}

/** Every codemod, in alphabetical order. */
export const CODEMODS: readonly CodemodInfo[] = [];
