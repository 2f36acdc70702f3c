// The text check: what it lets through, and that a lint run searches a file's text for it once,
// however many of the plugin's rules are on (a counter of whole-text searches, not a timing).
import type { Linter } from 'eslint';
import { Linter as ESLintLinter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { afterEach, describe, expect, it } from 'vitest';

import { longestHintBytes, mayUseSignalR, textMatches } from '../../core/prefilter.js';
import { DEFAULT_SETTINGS, readSettings } from '../../core/settings.js';
import plugin from '../../rules/index.js';

/** A React component with a WebSocket client: words close to SignalR's (connection, invoke, send, start), no SignalR. */
const PLAIN_FILE = `import { useEffect, useState } from 'react';

export function Ticker({ url }: { url: string }) {
  const [price, setPrice] = useState(0);
  useEffect(() => {
    const connection = new WebSocket(url);
    connection.onmessage = (event) => setPrice(Number(event.data));
    connection.onopen = () => connection.send(JSON.stringify({ invoke: 'JoinGroup', group: 'prices' }));
    return () => connection.close();
  }, [url]);
  return <span>{price}</span>;
}
`;

/** Methods that read a whole string: a call on (or with) the file's text is one search of it. */
const SEARCHING_STRING_METHODS = ['includes', 'indexOf', 'lastIndexOf', 'search', 'match', 'matchAll', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase'] as const;
const SEARCHING_REGEXP_METHODS = ['test', 'exec'] as const;

const restores: (() => void)[] = [];
afterEach(() => {
  for (const restore of restores.splice(0)) restore();
});

/** Counts, from now on, every search of `text` by the string and RegExp methods above. */
function countSearchesOf(text: string): { readonly count: () => number } {
  let count = 0;
  // RegExp#test calls exec, String#match calls RegExp methods: one search is counted once, at its outermost call.
  let depth = 0;
  const wrap = <T extends object>(prototype: T, name: keyof T, isSearchOfText: (self: unknown, args: unknown[]) => boolean): void => {
    const original = prototype[name] as (...args: unknown[]) => unknown;
    Object.defineProperty(prototype, name, {
      configurable: true,
      writable: true,
      value: function (this: unknown, ...args: unknown[]): unknown {
        if (depth === 0 && isSearchOfText(this, args)) count++;
        depth++;
        try {
          return original.apply(this, args);
        } finally {
          depth--;
        }
      },
    });
    restores.push(() => Object.defineProperty(prototype, name, { configurable: true, writable: true, value: original }));
  };
  for (const name of SEARCHING_STRING_METHODS) wrap(String.prototype, name, (self) => self === text || (self as string | undefined)?.valueOf?.() === text);
  for (const name of SEARCHING_REGEXP_METHODS) wrap(RegExp.prototype, name, (_self, args) => args[0] === text);
  return { count: () => count };
}

const linter = new ESLintLinter({ configType: 'flat' });
const FILES = ['**/*.tsx'];

function lintConfig(rules: Linter.RulesRecord, settings?: Record<string, unknown>): Linter.Config[] {
  return [
    { files: FILES, languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: FILES, plugins: { signalr: plugin as never }, rules, ...(settings && { settings }) },
  ];
}

let runs = 0;

/**
 * Whole-text searches the plugin's rules make while linting `text` (those ESLint and the parser make
 * are subtracted). A rule's own filter joins the shared search with the rule's first question, so a
 * first lint registers them all; the second is counted.
 */
function pluginSearches(text: string, rules: Linter.RulesRecord, settings?: Record<string, unknown>): number {
  const lint = (ruleSet: Linter.RulesRecord): number => {
    // A different text each time: the text check remembers the last text it answered for.
    const variant = `${text}// run ${++runs}\n`;
    const counter = countSearchesOf(variant);
    linter.verify(variant, lintConfig(ruleSet, settings), { filename: 'src/ticker.tsx' });
    const count = counter.count();
    for (const restore of restores.splice(0)) restore();
    return count;
  };
  lint(rules);
  return lint(rules) - lint({});
}

const ALL_RULES: Linter.RulesRecord = plugin.configs.all.rules as Linter.RulesRecord;

describe('one text check per file', () => {
  it('the `all` config searches a file without SignalR once', () => {
    expect(Object.keys(ALL_RULES).length).toBeGreaterThan(10);
    expect(pluginSearches(PLAIN_FILE, ALL_RULES)).toBe(1);
  });

  it('one rule searches it once too', () => {
    expect(pluginSearches(PLAIN_FILE, { 'signalr/no-skip-negotiation': 'error' })).toBe(1);
    expect(pluginSearches(PLAIN_FILE, { 'signalr/no-legacy-tls': 'error' })).toBe(1);
  });

  it('still once with module and global names of its own in the settings', () => {
    expect(pluginSearches(PLAIN_FILE, ALL_RULES, { signalr: { modules: ['@acme/realtime'], globals: ['AcmeHub'] } })).toBe(1);
  });
});

describe('mayUseSignalR', () => {
  it('lets through every way of naming a client', () => {
    for (const text of [
      "import * as signalR from '@microsoft/signalr';",
      "const { HubConnectionBuilder } = require('@aspnet/signalr');",
      'const hub = $.connection.chatHub;',
      'const c = jQuery.connection.hub;',
      "import { WebPubSubServiceClient } from '@azure/web-pubsub';",
      'new SIGNALR.HubConnectionBuilder()',
    ]) {
      expect(mayUseSignalR(text, DEFAULT_SETTINGS)).toBe(true);
    }
  });

  it('keeps out look-alikes', () => {
    for (const text of [PLAIN_FILE, 'const signal = new AbortController().signal;', "socket.invoke('JoinGroup', room);", 'connection.start();']) {
      expect(mayUseSignalR(text, DEFAULT_SETTINGS)).toBe(false);
    }
  });

  it('knows the names the settings add', () => {
    const settings = readSettings({ signalr: { modules: ['@acme/realtime'], globals: ['AcmeHub'] } });
    expect(mayUseSignalR("import { connect } from '@acme/realtime';", settings)).toBe(true);
    expect(mayUseSignalR('AcmeHub.start();', settings)).toBe(true);
    expect(mayUseSignalR('acmehub.start();', settings)).toBe(false);
    expect(mayUseSignalR("import { connect } from '@acme/realtime';", DEFAULT_SETTINGS)).toBe(false);
  });
});

describe('longestHintBytes', () => {
  it('is the longest hint or settings name, in UTF-8 bytes: what a search in chunks carries over', () => {
    expect(longestHintBytes(DEFAULT_SETTINGS)).toBe('jquery.connection'.length);
    expect(longestHintBytes(readSettings({ signalr: { modules: ['@acme/realtime-notifications'] } }))).toBe('@acme/realtime-notifications'.length);
    expect(longestHintBytes(readSettings({ signalr: { globals: ['Übergänge.ß.Hub1'] } }))).toBe(new TextEncoder().encode('Übergänge.ß.Hub1').length);
  });
});

describe('textMatches', () => {
  const TLS = /TLSv1|secureProtocol/i;
  const CASE_SENSITIVE = /AccessKey\s*=/;

  it('answers as the filter itself would', () => {
    for (const text of [PLAIN_FILE, "tls.connect({ secureProtocol: 'TLSv1_method' });", 'const accesskey = 1;', 'Endpoint=x;AccessKey = y;', '']) {
      expect(textMatches(text, DEFAULT_SETTINGS, TLS)).toBe(TLS.test(text));
      expect(textMatches(text, DEFAULT_SETTINGS, CASE_SENSITIVE)).toBe(CASE_SENSITIVE.test(text));
    }
  });

  it('searches a text at most once per filter', () => {
    const text = `${PLAIN_FILE}// TLSv1\n`;
    expect(textMatches(text, DEFAULT_SETTINGS, TLS)).toBe(true);
    const counter = countSearchesOf(text);
    expect(textMatches(text, DEFAULT_SETTINGS, TLS)).toBe(true);
    expect(mayUseSignalR(text, DEFAULT_SETTINGS)).toBe(false);
    expect(counter.count()).toBe(1);
  });
});
