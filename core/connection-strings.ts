// Azure SignalR Service and Azure Web PubSub connection strings, and when one holds a real access key:
// `Endpoint=https://<name>.service.signalr.net;AccessKey=<base64 key>;Version=1.0;`.

/** A text that matches nothing here holds no access key; rules skip it without looking further. */
export const ACCESS_KEY_TEXT_FILTER = /AccessKey\s*=/i;

/** The app setting each service's tooling reads its connection string from, for messages and docs. */
export const CONNECTION_STRING_SETTINGS = {
  signalr: 'AzureSignalRConnectionString',
  webpubsub: 'WebPubSubConnectionString',
} as const;

export type KeyedService = keyof typeof CONNECTION_STRING_SETTINGS;

/**
 * The `Name=value` parts of a connection string (the SDKs read names without case), found anywhere in
 * a text so that a connection string inside a command line or a sentence counts too.
 */
const PARTS = {
  endpoint: /\bEndpoint\s*=\s*([^;\s"'`]+)/i,
  accessKey: /\bAccessKey\s*=\s*([^;\s"'`]+)/i,
  version: /\bVersion\s*=/i,
};

/** Service hosts in Azure's public, China and US Government clouds. */
const SERVICE_HOSTS: ReadonlyArray<readonly [KeyedService, RegExp]> = [
  ['signalr', /\.(?:service\.signalr\.net|signalr\.azure\.(?:cn|us))$/i],
  ['webpubsub', /\.webpubsub\.azure\.(?:com|cn|us)$/i],
];
/** Names of settings and variables that say which service a connection string is for. */
const SERVICE_NAMES: ReadonlyArray<readonly [KeyedService, RegExp]> = [
  ['signalr', /signal_?r/i],
  ['webpubsub', /web_?pub_?sub/i],
];

/**
 * Hosts that never carry a real key: the local emulators (whose key is public) and the names reserved
 * for documentation and tests (RFC 2606, RFC 6761).
 */
const NON_SECRET_HOSTS = /^(?:localhost|127\.\d+\.\d+\.\d+|\[::1\]|(?:.+\.)?example(?:\.(?:com|net|org))?|.+\.(?:test|invalid|localhost))$/i;
/** The fixed key of the SignalR and Web PubSub local emulators, published in their docs. */
const EMULATOR_ACCESS_KEY = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH';
/** Service keys are 32 random bytes, base64: 44 characters. Shorter or other text is not a key. */
const KEY_SHAPE = /^[A-Za-z0-9+/]{32,}={0,2}$/;
/** Words that mark a stand-in written where a key goes (`yourAccessKeyHere`, `REDACTED…`). */
const PLACEHOLDER_WORDS = /your|key|secret|placeholder|example|sample|dummy|fake|redacted|changeme|xxx|test/i;
/** A random 44-character key uses many different characters; `AAAA…` does not. */
const MIN_DISTINCT_CHARACTERS = 12;

/**
 * Which service's real access key `text` holds in a connection string, or undefined. `name` is what
 * the text is assigned to (a setting, a variable, a property), used when the host does not say.
 * A string with `Endpoint=` and a key is taken for a service connection string when its host is the
 * service's, its name says so, or it has the `Version=` part those strings carry and others
 * (Azure Communication Services: `endpoint=…;accesskey=…`) do not.
 */
export function hardcodedAccessKey(text: string, name?: string): KeyedService | undefined {
  const key = PARTS.accessKey.exec(text)?.[1];
  const endpoint = PARTS.endpoint.exec(text)?.[1];
  if (key === undefined || endpoint === undefined || !isRealKey(key)) return undefined;
  const host = hostOf(endpoint);
  if (host !== undefined && NON_SECRET_HOSTS.test(host)) return undefined;
  const byHost = host === undefined ? undefined : SERVICE_HOSTS.find(([, pattern]) => pattern.test(host))?.[0];
  const byName = name === undefined ? undefined : SERVICE_NAMES.find(([, pattern]) => pattern.test(name))?.[0];
  if (byHost ?? byName) return byHost ?? byName;
  return PARTS.version.test(text) ? 'signalr' : undefined;
}

function isRealKey(key: string): boolean {
  if (key === EMULATOR_ACCESS_KEY || !KEY_SHAPE.test(key) || PLACEHOLDER_WORDS.test(key)) return false;
  return new Set(key).size >= MIN_DISTINCT_CHARACTERS;
}

function hostOf(endpoint: string): string | undefined {
  try {
    return new URL(endpoint).hostname;
  } catch {
    return undefined;
  }
}
