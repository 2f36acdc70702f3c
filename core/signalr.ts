// What SignalR is, as names. Every SignalR module, export, method and option that a rule or codemod
// looks for is written here once; model.ts turns these names into facts about a file.

/** npm modules that export the ASP.NET Core SignalR client (`@aspnet/signalr-client`: its 2017 previews). */
export const CLIENT_MODULES: readonly string[] = ['@microsoft/signalr', '@aspnet/signalr', '@aspnet/signalr-client'];

/** Browser globals under which the ASP.NET Core client's UMD bundle is loaded. */
export const CLIENT_GLOBALS: readonly string[] = ['signalR'];

/** The classic ASP.NET SignalR client is a jQuery plugin, reached through these globals or modules. */
export const JQUERY_GLOBALS: readonly string[] = ['$', 'jQuery'];
export const JQUERY_MODULES: readonly string[] = ['jquery'];
/** `$.hubConnection(url)` creates a classic connection; `$.connection.hub` is the generated-proxy one. */
export const CLASSIC_CONNECTION_FACTORY = 'hubConnection';
export const CLASSIC_CONNECTION_NAMESPACE = 'connection';
export const CLASSIC_GENERATED_HUB = 'hub';
/**
 * Classic hub proxies: `connection.createHubProxy('chatHub')`, or the generated `$.connection.chatHub`
 * (every other property of `$.connection`), whose `server.<method>(…)` invokes a hub method. Their
 * `invoke` returns a jQuery deferred. `SignalR.Hub.Proxy` is their type in `@types/signalr`.
 */
export const CLASSIC_PROXY_FACTORY = 'createHubProxy';
export const CLASSIC_PROXY_SERVER = 'server';
export const CLASSIC_PROXY_TYPE = 'SignalR.Hub.Proxy';
/** The classic client's event after it gave up reconnecting (or was stopped): `connection.disconnected(fn)`. */
export const CLASSIC_DISCONNECTED = 'disconnected';
/** Event registrations of a classic connection (`connection.disconnected(fn)`); the callbacks' results are ignored. */
export const CLASSIC_CONNECTION_EVENTS: readonly string[] = ['starting', 'received', 'stateChanged', 'error', CLASSIC_DISCONNECTED, 'reconnecting', 'reconnected', 'connectionSlow'];

/** Exports of the ASP.NET Core client that the analyses recognise. */
export const EXPORTS = {
  builder: 'HubConnectionBuilder',
  connection: 'HubConnection',
  connectionState: 'HubConnectionState',
  transportType: 'HttpTransportType',
} as const;

/** Methods of `HubConnectionBuilder`. */
export const BUILDER_METHODS = {
  build: 'build',
  withUrl: 'withUrl',
  withAutomaticReconnect: 'withAutomaticReconnect',
  /** Keeps what is sent while the transport reconnects, in a buffer (client 8+). */
  withStatefulReconnect: 'withStatefulReconnect',
} as const;

/** Methods of `HubConnection` (and, for start/stop, of the classic client's connection). */
export const CONNECTION_METHODS = {
  start: 'start',
  stop: 'stop',
  invoke: 'invoke',
  send: 'send',
  stream: 'stream',
  on: 'on',
  off: 'off',
  onclose: 'onclose',
  onreconnecting: 'onreconnecting',
  onreconnected: 'onreconnected',
} as const;

/** The connection methods that send to the hub: each fails unless the connection is connected. */
export const HUB_CALL_METHODS: readonly string[] = [CONNECTION_METHODS.invoke, CONNECTION_METHODS.send, CONNECTION_METHODS.stream];

/** The property of a connection that holds its id (`HubConnection.connectionId`). */
export const CONNECTION_ID = 'connectionId';

/** `IHttpConnectionOptions` properties (the second argument of `withUrl`). */
export const HTTP_OPTIONS = {
  skipNegotiation: 'skipNegotiation',
  transport: 'transport',
  accessTokenFactory: 'accessTokenFactory',
} as const;

/**
 * What a negotiate endpoint answers when it redirects a client to Azure SignalR Service (also what the
 * serverless `SignalRConnectionInfo` binding returns): the service's client URL and a token for it.
 */
export const NEGOTIATE_RESPONSE = { url: 'url', accessToken: 'accessToken' } as const;

/** `HttpTransportType` members and their values (a bit set; `transport` also accepts the number). */
export const TRANSPORTS = {
  WebSockets: 1,
  ServerSentEvents: 2,
  LongPolling: 4,
} as const;
export type TransportName = keyof typeof TRANSPORTS;

/** What `HttpConnection` throws when `skipNegotiation` is set without WebSockets-only transport. */
export const SKIP_NEGOTIATION_ERROR = 'Negotiation can only be skipped when using the WebSocket transport directly.';

/**
 * A direct Azure SignalR Service client URL: `https://<name>.service.signalr.net/client/?hub=<hub>`
 * (also the Azure China cloud's `signalr.azure.cn`). Clients that connect there directly skip the
 * app server's negotiate redirect.
 */
export const DIRECT_SERVICE_URL = /^(?:https?|wss?):\/\/[^/?#]+\.(?:service\.signalr\.net|signalr\.azure\.cn)(?::\d+)?\/client\/?(?:[?#]|$)/i;

/**
 * The path of the service's client endpoint, on its own host, a custom domain, or a host from
 * configuration: a URL (without its query) that ends so is taken for a direct service URL.
 */
export const SERVICE_CLIENT_PATH = /\/client\/?$/i;

/** The Azure Web PubSub server SDK, whose group API shares the join pitfalls. */
export const WEB_PUBSUB_MODULES: readonly string[] = ['@azure/web-pubsub'];
export const WEB_PUBSUB_EXPORTS = {
  serviceClient: 'WebPubSubServiceClient',
  group: 'WebPubSubGroup',
} as const;

/**
 * The Azure Web PubSub client SDK: a `WebPubSubClient` is a connection like a `HubConnection`, with
 * `start()`/`stop()`, handlers registered with `on(event, …)` and group calls on the client itself.
 * Its names and options are in core/web-pubsub-client.ts.
 */
export const WEB_PUBSUB_CLIENT_MODULES: readonly string[] = ['@azure/web-pubsub-client'];
export const WEB_PUBSUB_CLIENT_EXPORTS = {
  client: 'WebPubSubClient',
} as const;

/** Client flavours (`ClientFlavour`) whose `stop()` returns nothing to await: the classic client, `WebPubSubClient`. */
export const SYNCHRONOUS_STOP_FLAVOURS: readonly string[] = ['classic', 'web-pubsub'];

/**
 * A source text that matches none of these cannot use SignalR or Web PubSub, so rules and codemods
 * skip it without parsing or walking it. Case-insensitive; it is a prefilter, so a match only means
 * "look closer".
 */
export const TEXT_HINTS: readonly string[] = ['signalr', 'hubconnection', '$.connection', 'jquery.connection', 'web-pubsub', 'webpubsub'];
