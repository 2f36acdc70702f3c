// The one list of codemods: it drives the `signalr-codemod` CLI, its --help and --list, the README
// table and the tests. A codemod's module is `codemods/<name>.ts`, built to `dist/codemods/<name>.js`.

/**
 * An option a codemod takes. The CLI offers it as `--<name>` (shown in --help under the codemod) and
 * hands the transform its value under the camel-case key (`restart-on-close` → `restartOnClose`), the
 * key plain jscodeshift passes for `--restartOnClose`.
 */
export interface CodemodOption {
  /** Kebab-case, without the dashes: `restart-on-close`. Unique among all codemods and the CLI's own options. */
  readonly name: string;
  /** `boolean`: a flag; `string`: takes a value (`--name value` or `--name=value`). */
  readonly type: 'boolean' | 'string';
  /** One sentence for --help: what it changes. */
  readonly description: string;
  /** For `string` options: the values allowed, when they are few. */
  readonly choices?: readonly string[];
  /** For `string` options without choices: how --help names the value (default `<value>`). */
  readonly value?: string;
}

export interface CodemodInfo {
  /** The name users type: `signalr-codemod <name> <paths…>`. */
  readonly name: string;
  /** One sentence: what it rewrites. */
  readonly description: string;
  /** Ids of the rules whose reports it fixes. */
  readonly fixes: readonly string[];
  /** Options the transform reads; none when absent. */
  readonly options?: readonly CodemodOption[];
  /**
   * Its rewrites may call generated helpers (codemods/utils/helpers.ts): it takes the CLI's
   * `--helpers-module` (HELPERS_MODULE_OPTION of runner/command-line.ts), and a run reports the
   * helpers module as changed by it.
   */
  readonly writesHelpers?: boolean;
  /**
   * Codemods this one runs before when a run includes both, because their rewrite would hide what
   * this one fixes (the registry itself stays alphabetical; `inRunOrder` of runner/run-order.ts applies this).
   */
  readonly runsBefore?: readonly string[];
}

/** Every codemod, in alphabetical order. */
export const CODEMODS: readonly CodemodInfo[] = [
  {
    name: 'add-awaits',
    description: 'Awaits floating group joins, and makes the enclosing function async where no caller can notice.',
    fixes: ['await-group-join'],
  },
  {
    name: 'add-disposal',
    description:
      'Stops connections on the way out of their owner: `try/finally` in functions, a cleanup in React effects, `ngOnDestroy` in Angular, an unmount hook in Vue, one shared module-level connection in serverless handlers.',
    fixes: ['require-stop'],
  },
  {
    name: 'add-reconnect',
    description:
      'Adds reconnect logic with random back-off: `withAutomaticReconnect` with a never-giving-up policy, a retried first start, and `onclose`/`disconnected` restarts where the client needs them.',
    fixes: ['require-reconnect'],
    options: [
      {
        name: 'restart-on-close',
        type: 'boolean',
        description:
          "Also restart from `onclose` where automatic reconnect can give up, as `require-reconnect`'s `requireRestartAfterGiveUp` asks.",
      },
    ],
    writesHelpers: true,
  },
  {
    name: 'handle-start-errors',
    description:
      'Handles failed starts: retries them with random back-off where the connection otherwise reconnects, and elsewhere reports the failure through the file\'s logger (`.catch`, or `try … catch` around an `await`).',
    fixes: ['handle-start-errors'],
    options: [
      {
        name: 'retry-first-starts',
        type: 'boolean',
        description: "Also retry first starts whose failure is handled but never retried, as `handle-start-errors`' `requireFirstStartRetry` asks.",
      },
    ],
    writesHelpers: true,
  },
  {
    name: 'no-connection-in-render',
    description: 'Builds a connection once instead of on every render: `useState(build())` becomes `useState(() => build())`, and in JavaScript `useRef(build())` a ref filled on the first render.',
    fixes: ['no-connection-in-render'],
  },
  {
    name: 'register-handlers-before-start',
    description: 'Moves handler registrations made after `start()` to right before it, where nothing they use is set after the start.',
    fixes: ['register-handlers-before-start'],
    // Both may wrap `start()` in a helper; a registration chained on it then no longer reads as after the start.
    runsBefore: ['add-reconnect', 'handle-start-errors'],
  },
  {
    name: 'rejoin-groups-on-reconnect',
    description:
      'Joins the groups again after an automatic reconnect: an `onreconnected` handler that repeats the same join call, where the group is known where the connection is built.',
    fixes: ['rejoin-groups-on-reconnect'],
  },
];
