/**
 * `createReferenceServer`: the python-socketio style facade over a socket.io Server, with its HTTP server,
 * metrics (`GET /metrics`, `GET /metrics.json`, the live `stats` event) and orderly close.
 *
 * ```ts
 * const server = await createReferenceServer({ transports: 'websocket' });
 * server.on('connect', (sid, environ, auth) => auth?.token === 'secret');   // auth: undefined if none was sent
 * server.on('echo', (sid, payload) => payload);          // the return value is the ack
 * server.on('pair', (sid, a, b) => tuple(b, a));         // a tuple acks with several arguments
 * server.on('join', (sid, { room }) => server.enterRoom(sid, room));
 * server.emit('news', { text: 'hi' }, { to: 'lobby', skipSid: someSid });
 * await server.close();
 * ```
 * docs/server-api.md maps python-socketio's server API to this facade, call by call.
 * One file, though over 300 lines: the facade is one object, python-socketio's `Server`, and its methods read
 * together as that API does; the parts with a life of their own (handlers, rooms, sessions, metrics, transports)
 * are in their own files already.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as SocketIoServer, type Socket } from 'socket.io';
import { installConfiguredApp } from './apps/index.js';
import { authTokenMiddleware } from './limits/auth-token.js';
import { installConnectionRateLimit } from './limits/connection-rate-limit.js';
import { RoomLimit } from './limits/room-limit.js';
import { effectiveLimits } from './limits/limit-options.js';
import { withPacketOrderCheck } from './limits/packet-order-check.js';
import { withAbsentAuthMarker } from './absent-auth.js';
import { createCountingParser } from './counting-parser.js';
import { installCorsOriginCheck } from './cors-origin-check.js';
import { emitToTargets, resolveEmitTargets } from './emit-targeting.js';
import { argumentsOf, dataOf } from './tuple.js';
import { Namespace } from './class-namespace.js';
import { toHandshake } from './handshake.js';
import type { Session } from './sessions.js';
import type { NamespaceName, RoomName, Sid } from './ids.js';
import { instrumentEngine } from './metrics/engine-instrumentation.js';
import type { NamespaceMetricsJson } from './metrics/metrics-json.js';
import { handleMetricsRequest } from './metrics/metrics-http.js';
import { ServerMetrics } from './metrics/server-metrics.js';
import { StatsBroadcaster } from './metrics/stats-broadcaster.js';
import { NamespaceHandlers, type HandlerErrorContext, type NamespaceContext } from './namespace-handlers.js';
import { resolveServerOptions, ServerOptionsError, type ReferenceServerOptionsInput } from './server-options.js';
import { toSocketIoOptions, type AdapterConstructor } from './socket-io-options.js';
import type {
  CatchAllHandler,
  ConnectHandler,
  DisconnectHandler,
  EmitOptions,
  EventHandler,
  Handshake,
  ReferenceServer,
  ReferenceServerOptions,
} from './types.js';

export { tuple, Tuple } from './tuple.js';
export { Namespace } from './class-namespace.js';
export type { Session } from './sessions.js';

/** What createReferenceServer takes besides ReferenceServerOptions; none of it is plain data. */
export interface ReferenceServerExtras {
  /** socket.io adapter carrying broadcasts between server processes. Default: in-memory. */
  adapter?: AdapterConstructor;
  /** Called when a handler throws or rejects. Default: one line to stderr with namespace, event and sid. */
  onHandlerError?: (error: unknown, context: HandlerErrorContext) => void;
  /** Time between two live `stats` events, ms. Default 1000. */
  statsIntervalMs?: number;
  /** Window of the event-loop delay and utilisation figures, ms. Default 1000. */
  eventLoopWindowMs?: number;
  /**
   * false: bind no address; connections are handed to `io.httpServer` by another process (a node:cluster worker
   * behind @socket.io/sticky, see server/cluster/). `address` and `url` then throw. Default true.
   */
  listen?: boolean;
}

/** Default `call` timeout, ms (python-socketio's). */
export const defaultCallTimeoutMs = 60_000;

/**
 * Starts a reference server (binds 127.0.0.1 on a free port unless told otherwise) and resolves once it
 * listens. Rejects with ServerOptionsError, before binding anything, for bad options (every problem named by
 * its option path), and with the listen error (e.g. EADDRINUSE) if the address cannot be bound.
 */
export async function createReferenceServer(input: ReferenceServerOptionsInput & ReferenceServerExtras = {}): Promise<ReferenceServer> {
  const { adapter, onHandlerError, statsIntervalMs, eventLoopWindowMs, listen, ...optionsInput } = input;
  const options = resolveServerOptions(optionsInput);
  for (const [name, value] of Object.entries({ statsIntervalMs, eventLoopWindowMs })) {
    if (value !== undefined && !(Number.isSafeInteger(value) && value > 0)) {
      throw new ServerOptionsError([`options.${name} must be a positive integer (got ${String(value)})`]);
    }
  }
  const server = new ReferenceServerFacade(options, {
    adapter,
    onHandlerError: onHandlerError ?? printHandlerError,
    statsIntervalMs: statsIntervalMs ?? 1_000,
    eventLoopWindowMs: eventLoopWindowMs ?? 1_000,
  });
  installConfiguredApp(server);
  try {
    await server.listen(listen ?? true);
  } catch (error) {
    // Release what was set up (engine, app timers) so that a failed start leaves nothing running.
    await server.close();
    throw error;
  }
  return server;
}

function printHandlerError(error: unknown, context: HandlerErrorContext): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`sio-bench server: handler '${context.event}' of namespace '${context.namespace}' failed for ${context.sid}: ${detail}\n`);
}

class ReferenceServerFacade implements ReferenceServer {
  readonly io: SocketIoServer;
  readonly metrics: ServerMetrics;
  private readonly httpServer: HttpServer;
  private readonly stats: StatsBroadcaster;
  private readonly handlers = new Map<NamespaceName, NamespaceHandlers>();
  private readonly context: NamespaceContext;
  private boundAddress: { host: string; port: number } | undefined;
  private closing: Promise<void> | undefined;
  private readonly roomLimit: RoomLimit;

  constructor(
    readonly options: ReferenceServerOptions,
    extras: Required<Omit<ReferenceServerExtras, 'adapter' | 'listen'>> & Pick<ReferenceServerExtras, 'adapter'>,
  ) {
    this.metrics = new ServerMetrics({ namespaces: () => this.namespaceMetrics(), eventLoopWindowMs: extras.eventLoopWindowMs });
    this.roomLimit = new RoomLimit(effectiveLimits(options).maxRoomsPerClient, this.metrics);
    this.stats = new StatsBroadcaster(this.metrics, extras.statsIntervalMs);
    this.context = { metrics: this.metrics, stats: this.stats, onHandlerError: extras.onHandlerError };
    this.httpServer = createServer((req, res) => handleMetricsRequest(this.metrics, req, res));
    const parser = withAbsentAuthMarker(
      withPacketOrderCheck(
        createCountingParser(options.parser, () => this.metrics.countRefused('parse-error')),
        (kind) => this.metrics.countRefused(kind),
      ),
    );
    this.io = new SocketIoServer(this.httpServer, toSocketIoOptions(options, parser, extras.adapter));
    instrumentEngine(this.io.engine, this.httpServer, options.path, this.metrics);
    if (options.cors !== undefined && options.cors.origin !== '*') {
      installCorsOriginCheck(this.io.engine, options.cors.origin, (kind) => this.metrics.countRefused(kind));
    }
    const limits = effectiveLimits(options);
    if (limits.connectionsPerSecPerIp > 0) {
      installConnectionRateLimit(this.io.engine, this.metrics, { ratePerSec: limits.connectionsPerSecPerIp, burst: limits.connectionBurstPerIp });
    }
    // A CONNECT to a namespace nobody registered: refuse it as socket.io would ('Invalid namespace'), counted.
    this.io.of((_name, _auth, next) => {
      this.metrics.countRefused('unknown-namespace');
      next(null, false);
    });
    this.namespace('/');
  }

  get address(): { host: string; port: number } {
    if (this.boundAddress === undefined) throw new Error('the reference server is not listening');
    return this.boundAddress;
  }

  get url(): string {
    const { host, port } = this.address;
    return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }

  async listen(bind: boolean): Promise<void> {
    if (!bind) {
      this.metrics.start();
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.httpServer.once('error', onError);
      this.httpServer.listen({ port: this.options.port, host: this.options.host, backlog: this.options.listenBacklog }, () => {
        this.httpServer.off('error', onError);
        resolve();
      });
    });
    const bound = this.httpServer.address() as AddressInfo;
    this.boundAddress = { host: this.options.host, port: bound.port };
    this.metrics.start();
  }

  on(event: 'connect', handler: ConnectHandler, namespace?: NamespaceName): void;
  on(event: 'disconnect', handler: DisconnectHandler, namespace?: NamespaceName): void;
  on(event: string, handler: EventHandler, namespace?: NamespaceName): void;
  on(event: string, handler: ConnectHandler | DisconnectHandler | EventHandler, namespace: NamespaceName = '/'): void {
    if (typeof event !== 'string' || event.length === 0) throw new TypeError('on: event must be a non-empty string');
    if (typeof handler !== 'function') throw new TypeError(`on('${event}'): handler must be a function`);
    const handlers = this.namespace(namespace);
    if (event === 'connect') handlers.connect = handler as ConnectHandler;
    else if (event === 'disconnect') handlers.disconnect = handler as DisconnectHandler;
    // A client's joins go through the room limit first (see limits/room-limit.ts).
    else if (event === 'join') handlers.events.set(event, this.roomLimit.guard((sid) => handlers.localSocket(sid), handler as EventHandler));
    else handlers.events.set(event, handler as EventHandler);
  }

  onAny(handler: CatchAllHandler, namespace: NamespaceName = '/'): void {
    if (typeof handler !== 'function') throw new TypeError('onAny: handler must be a function');
    this.namespace(namespace).catchAll = handler;
  }

  emit(event: string, data?: unknown, options: EmitOptions = {}): void {
    this.emitArgs(event, argumentsOf(data), options);
  }

  emitArgs(event: string, args: readonly unknown[], options: EmitOptions = {}): void {
    const targets = resolveEmitTargets(options);
    this.metrics.countEventEmitted(event);
    const handlers = this.handlers.get(options.namespace ?? '/');
    if (handlers === undefined) {
      // A namespace without handlers has no clients: a collecting callback learns that at once.
      const callback = options.callback;
      if (callback !== undefined && options.timeoutMs !== undefined) queueMicrotask(() => callback(null, []));
      return;
    }
    emitToTargets(handlers, event, args, targets, options);
  }

  send(data: unknown, options: EmitOptions = {}): void {
    this.emit('message', data, options);
  }

  call(event: string, data: unknown, options: { to: Sid; namespace?: NamespaceName; timeoutMs?: number }): Promise<unknown> {
    const namespace = options.namespace ?? '/';
    const socket = this.handlers.get(namespace)?.nsp.sockets.get(options.to);
    if (socket === undefined) return Promise.reject(new Error(`call: no client '${options.to}' connected to namespace '${namespace}'`));
    this.metrics.countEventEmitted(event);
    return new Promise((resolve, reject) => {
      socket.timeout(options.timeoutMs ?? defaultCallTimeoutMs).emit(event, ...argumentsOf(data), (error: Error | null, ...ack: unknown[]) => {
        if (error !== null) reject(error);
        else resolve(dataOf(ack));
      });
    });
  }

  enterRoom(sid: Sid, room: RoomName, namespace: NamespaceName = '/'): void {
    const handlers = this.handlers.get(namespace);
    const socket = handlers?.localSocket(sid);
    // A sid on another server of the adapter is reached through the adapter.
    if (socket !== undefined) void socket.join(room);
    else handlers?.nsp.in(sid).socketsJoin(room);
  }

  leaveRoom(sid: Sid, room: RoomName, namespace: NamespaceName = '/'): void {
    const handlers = this.handlers.get(namespace);
    const socket = handlers?.localSocket(sid);
    if (socket !== undefined) void socket.leave(room);
    else handlers?.nsp.in(sid).socketsLeave(room);
  }

  closeRoom(room: RoomName, namespace: NamespaceName = '/'): void {
    this.handlers.get(namespace)?.nsp.in(room).socketsLeave(room);
  }

  rooms(sid: Sid, namespace: NamespaceName = '/'): RoomName[] {
    const socket = this.handlers.get(namespace)?.localSocket(sid);
    return socket === undefined ? [] : [...socket.rooms];
  }

  disconnect(sid: Sid, namespace: NamespaceName = '/'): void {
    const handlers = this.handlers.get(namespace);
    const socket = handlers?.nsp.sockets.get(sid);
    if (socket !== undefined) socket.disconnect();
    else handlers?.nsp.in(sid).disconnectSockets();
  }

  getSession(sid: Sid, namespace: NamespaceName = '/'): Session {
    return this.clientOf(sid, namespace, 'getSession').handlers.sessions.get(sid);
  }

  saveSession(sid: Sid, session: Session, namespace: NamespaceName = '/'): void {
    this.clientOf(sid, namespace, 'saveSession').handlers.sessions.save(sid, session);
  }

  async session<T>(sid: Sid, use: (session: Session) => T | Promise<T>, namespace: NamespaceName = '/'): Promise<T> {
    if (typeof use !== 'function') throw new TypeError('session: use must be a function');
    const session = this.getSession(sid, namespace);
    try {
      return await use(session);
    } finally {
      // python-socketio saves on leaving the block, also when it raised; a client gone meanwhile has nothing to save.
      if (this.handlers.get(namespace)?.sessionSocket(sid) !== undefined) this.saveSession(sid, session, namespace);
    }
  }

  transport(sid: Sid, namespace: NamespaceName = '/'): 'polling' | 'websocket' {
    const name = this.clientOf(sid, namespace, 'transport').socket.conn.transport.name;
    if (name !== 'polling' && name !== 'websocket') throw new Error(`transport: client '${sid}' uses an unexpected transport '${name}'`);
    return name;
  }

  getEnviron(sid: Sid, namespace: NamespaceName = '/'): Handshake | undefined {
    const socket = this.handlers.get(namespace)?.sessionSocket(sid);
    return socket === undefined ? undefined : toHandshake(socket);
  }

  registerNamespace(namespace: Namespace): void {
    if (!(namespace instanceof Namespace)) throw new TypeError('registerNamespace: namespace must be an instance of a Namespace subclass');
    namespace.bindServer(this);
    this.namespace(namespace.namespace).classNamespace = namespace;
  }

  /** The socket of a client of `namespace` in this process (connected, or in its connect or disconnect handler); throws otherwise. */
  private clientOf(sid: Sid, namespace: NamespaceName, what: string): { handlers: NamespaceHandlers; socket: Socket } {
    const handlers = this.handlers.get(namespace);
    const socket = handlers?.sessionSocket(sid);
    if (handlers === undefined || socket === undefined) throw new Error(`${what}: no client '${sid}' connected to namespace '${namespace}'`);
    return { handlers, socket };
  }

  namespaces(): NamespaceName[] {
    return [...this.handlers.keys()];
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.stats.stop();
    this.metrics.stop();
    await new Promise<void>((resolve, reject) => {
      // io.close() disconnects every client, closes the engine and then the HTTP server.
      void this.io.close((error) => (error === undefined || isNotRunning(error) ? resolve() : reject(error)));
      // Keep-alive connections (e.g. of a metrics scraper) would hold httpServer.close() open.
      this.httpServer.closeIdleConnections();
    });
  }

  /** The handlers of `name`, creating the socket.io namespace on first use. */
  private namespace(name: NamespaceName): NamespaceHandlers {
    const existing = this.handlers.get(name);
    if (existing !== undefined) return existing;
    if (typeof name !== 'string' || !name.startsWith('/')) throw new TypeError(`namespace must be a string starting with '/' (got ${String(name)})`);
    const nsp = this.io.of(name);
    // Limits first: the auth middleware runs before the connect handler, the room limit before any event handler.
    if (this.options.authToken !== undefined) nsp.use(authTokenMiddleware(this.options.authToken, this.metrics));
    nsp.on('connection', (socket) => this.roomLimit.track(socket));
    const created = new NamespaceHandlers(nsp, this.context);
    this.handlers.set(name, created);
    return created;
  }

  private namespaceMetrics(): NamespaceMetricsJson[] {
    const result: NamespaceMetricsJson[] = [];
    for (const [namespace, { nsp }] of this.handlers) {
      const { rooms, sids } = nsp.adapter;
      let roomCount = 0;
      for (const room of rooms.keys()) if (!sids.has(room)) roomCount += 1;
      result.push({ namespace, connectedClients: nsp.sockets.size, rooms: roomCount });
    }
    return result;
  }
}

function isNotRunning(error: Error): boolean {
  return (error as NodeJS.ErrnoException).code === 'ERR_SERVER_NOT_RUNNING';
}
