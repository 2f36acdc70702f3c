// Node TLS settings that cap a connection below TLS 1.2, which Azure (SignalR Service included)
// refuses: the options objects where Node reads them (tls, https, undici), through `const`s and
// spreads, and the process-wide `tls.DEFAULT_MAX_VERSION`. Node 20 negotiates TLS 1.2–1.3 by default,
// so only explicit settings matter.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import type { Node } from './ast.js';
import { skipWrappers, staticPropertyName } from './ast.js';
import type { SignalRModel } from './model.js';
import { findProperty, resolveObject, staticString } from './values.js';

/** A file whose text matches none of these sets no TLS version: the TLS analysis skips it unparsed. */
export const TLS_TEXT_FILTER = /TLSv1|secureProtocol|secureOptions|DEFAULT_MAX_VERSION/i;

/** `maxVersion` / `tls.DEFAULT_MAX_VERSION` values below TLS 1.2 (Node accepts 'TLSv1' to 'TLSv1.3'). */
const LEGACY_VERSIONS: readonly string[] = ['TLSv1', 'TLSv1.1'];

/** OpenSSL method names (`secureProtocol`) that pin SSL 2/3 or TLS 1.0/1.1, with client/server variants. */
const LEGACY_SECURE_PROTOCOL = /^(?:SSLv2|SSLv3|TLSv1|TLSv1_1)_(?:client_|server_)?method$/;

/** The `secureOptions` flags that, set together, leave only versions below TLS 1.2. */
const NO_MODERN_TLS_FLAGS = { SSL_OP_NO_TLSv1_2: 0x0800_0000, SSL_OP_NO_TLSv1_3: 0x2000_0000 } as const;
const NO_MODERN_TLS_MASK = NO_MODERN_TLS_FLAGS.SSL_OP_NO_TLSv1_2 | NO_MODERN_TLS_FLAGS.SSL_OP_NO_TLSv1_3;

export const TLS_OPTIONS = { maxVersion: 'maxVersion', secureProtocol: 'secureProtocol', secureOptions: 'secureOptions' } as const;
const DEFAULT_MAX_VERSION = 'DEFAULT_MAX_VERSION';
/** undici's dispatchers take the TLS options under `connect`. */
const UNDICI_CONNECT_OPTION = 'connect';
/** `crypto.constants` holds the OpenSSL flags; the deprecated `constants` module exports them directly. */
const CRYPTO_CONSTANTS = 'constants';

type TlsModule = 'constants' | 'crypto' | 'https' | 'tls' | 'undici';

/** Functions and classes that read TLS options from their object arguments, by module. */
const TLS_OPTION_READERS: Readonly<Record<'https' | 'tls' | 'undici', readonly string[]>> = {
  tls: ['connect', 'createSecureContext', 'TLSSocket'],
  https: ['request', 'get', 'Agent'],
  // `buildConnector(options)` takes them directly; the dispatchers under `connect`.
  undici: ['buildConnector', 'Agent', 'Pool', 'Client', 'ProxyAgent', 'EnvHttpProxyAgent'],
};
const UNDICI_DIRECT_READER = 'buildConnector';

export type LegacyTlsKind = 'defaultMaxVersion' | 'maxVersion' | 'secureOptions' | 'secureProtocol';

export interface LegacyTlsSetting {
  readonly kind: LegacyTlsKind;
  /** The `key: value` property, or the `tls.DEFAULT_MAX_VERSION = …` assignment. */
  readonly node: Node;
  /** The version or method as written (empty for `secureOptions`). */
  readonly value: string;
}

/**
 * The TLS options objects a call or `new` hands to Node or undici: `tls.connect(port, host, options)`,
 * `https.request(url, options)`, `new https.Agent(options)`, `new undici.Agent({ connect: options })`, …
 */
export function tlsOptionObjects(model: SignalRModel, node: TSESTree.CallExpression | TSESTree.NewExpression): Node[] {
  const reader = model.moduleBindingOf(node.callee);
  const module = reader && tlsModuleOf(reader.module);
  if (!reader || (module !== 'tls' && module !== 'https' && module !== 'undici') || !TLS_OPTION_READERS[module].includes(reader.name)) {
    return [];
  }
  const objects = node.arguments.filter((argument) => resolveObject(model, argument) !== undefined);
  if (module !== 'undici' || reader.name === UNDICI_DIRECT_READER) return objects;
  return objects.flatMap((options) => {
    const connect = findProperty(model, options, UNDICI_CONNECT_OPTION);
    return connect && connect !== 'unknown' && resolveObject(model, connect.value) ? [connect.value] : [];
  });
}

/** The settings of a TLS options object that cap it below TLS 1.2. */
export function legacyTlsSettings(model: SignalRModel, options: Node): LegacyTlsSetting[] {
  const settings: LegacyTlsSetting[] = [];
  const maxVersion = findProperty(model, options, TLS_OPTIONS.maxVersion);
  if (maxVersion && maxVersion !== 'unknown') {
    const version = staticString(model, maxVersion.value);
    if (version !== undefined && LEGACY_VERSIONS.includes(version)) settings.push({ kind: 'maxVersion', node: maxVersion.property, value: version });
  }
  const secureProtocol = findProperty(model, options, TLS_OPTIONS.secureProtocol);
  if (secureProtocol && secureProtocol !== 'unknown') {
    const method = staticString(model, secureProtocol.value);
    if (method !== undefined && LEGACY_SECURE_PROTOCOL.test(method)) {
      settings.push({ kind: 'secureProtocol', node: secureProtocol.property, value: method });
    }
  }
  const secureOptions = findProperty(model, options, TLS_OPTIONS.secureOptions);
  if (secureOptions && secureOptions !== 'unknown' && (knownFlags(model, secureOptions.value) & NO_MODERN_TLS_MASK) === NO_MODERN_TLS_MASK) {
    settings.push({ kind: 'secureOptions', node: secureOptions.property, value: '' });
  }
  return settings;
}

/** `tls.DEFAULT_MAX_VERSION = 'TLSv1.1'`: every TLS connection of the process is capped. */
export function legacyDefaultMaxVersion(model: SignalRModel, assignment: TSESTree.AssignmentExpression): LegacyTlsSetting | undefined {
  if (assignment.operator !== '=') return undefined;
  const target = model.moduleBindingOf(assignment.left);
  if (target?.name !== DEFAULT_MAX_VERSION || tlsModuleOf(target.module) !== 'tls') return undefined;
  const version = staticString(model, assignment.right);
  return version !== undefined && LEGACY_VERSIONS.includes(version) ? { kind: 'defaultMaxVersion', node: assignment, value: version } : undefined;
}

/** Built-ins count under both names, `tls` and `node:tls`. */
function tlsModuleOf(module: string): TlsModule | undefined {
  const name = module.startsWith('node:') ? module.slice('node:'.length) : module;
  return (['constants', 'crypto', 'https', 'tls', 'undici'] as const).find((module) => module === name);
}

/**
 * The flags a `secureOptions` value sets for certain: literals and the OpenSSL constants, combined
 * with `|` (or `+`). Parts the code computes add nothing, so the result is a lower bound.
 */
function knownFlags(model: SignalRModel, node: Node, depth = 0): number {
  const target = skipWrappers(node);
  if (depth > 8) return 0;
  if (target.type === AST_NODE_TYPES.Literal) return typeof target.value === 'number' ? target.value : 0;
  if (target.type === AST_NODE_TYPES.BinaryExpression && (target.operator === '|' || target.operator === '+')) {
    return knownFlags(model, target.left, depth + 1) | knownFlags(model, target.right, depth + 1);
  }
  const name = opensslConstantName(model, target);
  if (name !== undefined) return NO_MODERN_TLS_FLAGS[name as keyof typeof NO_MODERN_TLS_FLAGS] ?? 0;
  const init = model.resolveConst(target);
  return init ? knownFlags(model, init, depth + 1) : 0;
}

/** `crypto.constants.X`, `constants.X` (imported from crypto), or `X` / `ns.X` from the `constants` module. */
function opensslConstantName(model: SignalRModel, node: Node): string | undefined {
  const binding = model.moduleBindingOf(node);
  if (binding && tlsModuleOf(binding.module) === 'constants') return binding.name;
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const holder = model.moduleBindingOf(node.object);
  return holder?.name === CRYPTO_CONSTANTS && tlsModuleOf(holder.module) === 'crypto' ? staticPropertyName(node) : undefined;
}
