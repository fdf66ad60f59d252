/**
 * The reference server's public API: a typed facade over the `socket.io` package that offers the event API of
 * python-socketio (`on(event, handler(sid, ...args))`, `emit(event, data, { to, skipSid, ... })`,
 * `enterRoom`, ...) so that its documented examples translate line by line.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Server as SocketIoServer } from 'socket.io';
import type { NamespaceName, RoomName, Sid } from './ids.js';
import type { ServerMetricsView } from './metrics/server-metrics.js';
import type { Namespace } from './class-namespace.js';
import type { Session } from './sessions.js';

/** Which Engine.IO transports the server accepts. */
export type TransportMode =
  /** Long-polling first, then upgrade to websocket (the official client's default). */
  | 'polling-upgrade'
  /** Long-polling only (no upgrade). */
  | 'polling'
  /** Websocket only. */
  | 'websocket';

export type ParserKind = 'default' | 'msgpack';

export interface CompressionOptions {
  /** Per-message deflate on websocket frames. Default false (socket.io's default). */
  perMessageDeflate: boolean;
  /** gzip/deflate of HTTP long-polling responses. Default true (socket.io's default). */
  httpCompression: boolean;
  /** Messages smaller than this are sent uncompressed. Default 1024 bytes. */
  thresholdBytes: number;
}

export interface CorsOptions {
  /** Allowed origins: '*' or a list. A wildcard origin is never combined with credentials. */
  origin: '*' | string[];
  credentials: boolean;
  methods: string[];
}

/** Server-side fault injection, for proving that the load generator reports what really happened. Off by default. */
export interface FaultOptions {
  /** Delay this fraction (0..1) of bench replies (acks, forwarded directs/broadcasts) by `replyDelayMs`. */
  replyDelayFraction: number;
  /** The injected delay in milliseconds (or a distribution: each delayed reply draws uniformly from [min, max]). */
  replyDelayMs: number | { minMs: number; maxMs: number };
  /** Every `stallEveryMs`, block the event loop for `stallForMs` (0 = off). */
  stallEveryMs: number;
  stallForMs: number;
  /** Drop this fraction (0..1) of broadcasts (and directs) instead of forwarding them. */
  dropBroadcastFraction: number;
  /**
   * Disconnect this fraction (0..1) of the bench namespace's connected clients (round(fraction × connected),
   * chosen by the seeded generator) with `socket.disconnect(true)`. Default (and absent) 0 = off. Optional, unlike
   * the others, so that option objects written before it (a scenario's `faults`) stay complete.
   */
  disconnectFraction?: number;
  /** When to disconnect first: whole milliseconds after the bench namespace's first connection. Default 0. */
  disconnectAtMs?: number;
  /** Then again every `disconnectEveryMs` whole milliseconds (0 = only once). Default 0. */
  disconnectEveryMs?: number;
  /**
   * How long the load generator drains, whole ms: the time between its decision to leave a room or disconnect
   * (its membership window closes) and the leave or disconnect it then sends; a scenario's `drain`. Only the drop
   * fault's ledger reads it (faults.drops in /metrics.json). Default (and absent) 0.
   */
  clientDrainMs?: number;
  /** Seed of the fault injector's pseudo-random generator, so a fault run is repeatable. */
  seed: number;
}

/** Which bench app the reference server serves on its namespaces ('none' = only the user's handlers). */
export type AppName = 'bench' | 'seed-chat' | 'none';

export interface ReferenceServerOptions {
  /** Address to bind. Default '127.0.0.1' (never all interfaces unless asked). */
  host: string;
  /** Port to bind; 0 picks a free one. Default 0 for the API, 3000 for `sio-bench serve`. */
  port: number;
  /** Engine.IO path. Default '/socket.io/'. */
  path: string;
  transports: TransportMode;
  parser: ParserKind;
  compression: CompressionOptions;
  /** CORS; undefined = no CORS headers. */
  cors: CorsOptions | undefined;
  /** Engine.IO heartbeat interval, ms. Default 25000. */
  pingIntervalMs: number;
  /** Engine.IO heartbeat timeout, ms. Default 20000. */
  pingTimeoutMs: number;
  /** Time a client has to join a namespace after the handshake, ms. Default 45000. */
  connectTimeoutMs: number;
  /** Largest message accepted, bytes. Default 1e6 (socket.io's default). */
  maxHttpBufferSizeBytes: number;
  /**
   * Pending connections the listening socket queues (listen(2) backlog; the kernel caps it at
   * net.core.somaxconn). Default 4096, not Node's 511: in a connect storm a full queue drops handshakes, which the
   * clients retry only after 1, 3, 7 s, so a short queue turns a storm into seconds-long connect latencies.
   */
  listenBacklog: number;
  /** The app to serve. Default 'none' for the API, 'bench' for `sio-bench serve`. */
  app: AppName;
  faults: FaultOptions;
  /** Most rooms one client may join with `join` requests; beyond: ErrorAck, counted 'room-limit'. Absent: 1000. */
  maxRoomsPerClient?: number;
  /** New connections accepted per second from one IP; beyond: HTTP 429, counted. 0 or absent: no limit. */
  connectionsPerSecPerIp?: number;
  /** Connections one IP may open at once before the per-second rate applies. Absent: 100. */
  connectionBurstPerIp?: number;
  /** When set, clients must send `auth: {token}` equal to it, else CONNECT_ERROR 'unauthorized'. Absent: none. */
  authToken?: string;
}

/** What a connect handler receives about the client's handshake. */
export interface Handshake {
  headers: IncomingHttpHeaders;
  query: Record<string, string | string[] | undefined>;
  address: string;
  url: string;
  /** Epoch ms of the handshake. */
  issuedAtMs: number;
  secure: boolean;
}

/** Thrown (or returned as false) from a connect handler to refuse the client with a CONNECT_ERROR. */
export class ConnectionRefusedError extends Error {
  constructor(
    message = 'Connection rejected by server',
    /** Sent to the client as the CONNECT_ERROR's `data`. */
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'ConnectionRefusedError';
  }
}

/**
 * `on('connect')`, python-socketio's `connect(sid, environ, auth)`: `auth` is the CONNECT packet's payload, or
 * undefined when the client sent none (python's None), so both of python's signatures, `(sid, environ)` and
 * `(sid, environ, auth)`, are written as they are in Python. Return false (or throw ConnectionRefusedError) to
 * refuse. May be async.
 */
export type ConnectHandler = (sid: Sid, environ: Handshake, auth: Record<string, unknown> | undefined) => unknown;
export type DisconnectHandler = (sid: Sid, reason: string) => unknown;
/**
 * Any other event: what it returns (or resolves to) becomes the ack, when the client asked for one: undefined is
 * an empty ack, a `tuple(a, b)` acks with several arguments (python-socketio's returned tuple), anything else
 * (an array too) is the one argument.
 */
export type EventHandler = (sid: Sid, ...args: unknown[]) => unknown;
/** The catch-all handler: receives the event name first. */
export type CatchAllHandler = (event: string, sid: Sid, ...args: unknown[]) => unknown;

export interface EmitOptions {
  /** A sid, a room, or a list of them. Absent: every client of the namespace. `room` is an alias. */
  to?: Sid | RoomName | ReadonlyArray<Sid | RoomName>;
  room?: Sid | RoomName | ReadonlyArray<Sid | RoomName>;
  /** One sid or a list to leave out. */
  skipSid?: Sid | readonly Sid[];
  /** Default '/'. */
  namespace?: NamespaceName;
  /**
   * Without `timeoutMs` (python-socketio): called once per recipient with that recipient's ack arguments, so
   * for a single sid once (recipients: this process's clients). With `timeoutMs` (socket.io broadcast ack):
   * called once as (error | null, acks[]) with every recipient's ack (its first argument), or the timeout
   * error and the acks that did arrive.
   */
  callback?: (...args: unknown[]) => void;
  /** Ack timeout, ms; selects the collect-every-ack form of `callback`. Default: none. */
  timeoutMs?: number;
}

/** The handle that createReferenceServer resolves to. */
export interface ReferenceServer {
  /** The bound address, e.g. { host: '127.0.0.1', port: 40123 }, and its URL `http://127.0.0.1:40123`. */
  readonly address: { host: string; port: number };
  readonly url: string;
  /** The effective options (defaults filled in). */
  readonly options: ReferenceServerOptions;
  on(event: 'connect', handler: ConnectHandler, namespace?: NamespaceName): void;
  on(event: 'disconnect', handler: DisconnectHandler, namespace?: NamespaceName): void;
  on(event: string, handler: EventHandler, namespace?: NamespaceName): void;
  /** Registers the catch-all handler of a namespace (for events with no handler of their own). */
  onAny(handler: CatchAllHandler, namespace?: NamespaceName): void;
  /** Emits `event` with `data`: none for undefined, each value of a `tuple(...)`, else `data` as one argument (an array too). */
  emit(event: string, data?: unknown, options?: EmitOptions): void;
  /** Emits `event` with several arguments. */
  emitArgs(event: string, args: readonly unknown[], options?: EmitOptions): void;
  /** Emits `message`. */
  send(data: unknown, options?: EmitOptions): void;
  /**
   * Emits `data` (as `emit` does: a `tuple(...)` is several arguments) to a single sid and resolves to its ack as
   * python-socketio does: undefined for an empty ack, the argument when there is one, a `Tuple` of several.
   * Rejects when the sid is not connected here or no ack comes within `timeoutMs` (default 60000, python-socketio's).
   */
  call(event: string, data: unknown, options: { to: Sid; namespace?: NamespaceName; timeoutMs?: number }): Promise<unknown>;
  enterRoom(sid: Sid, room: RoomName, namespace?: NamespaceName): void;
  leaveRoom(sid: Sid, room: RoomName, namespace?: NamespaceName): void;
  /** Removes every client from the room. */
  closeRoom(room: RoomName, namespace?: NamespaceName): void;
  /** The rooms a sid is in, its own room included. */
  rooms(sid: Sid, namespace?: NamespaceName): RoomName[];
  /** Disconnects a sid from the namespace. */
  disconnect(sid: Sid, namespace?: NamespaceName): void;
  /**
   * python-socketio's `get_session`: the session of a client of the namespace here, created empty on first use;
   * the stored object itself (changes stay). Throws when the sid is not a client of the namespace in this process.
   */
  getSession(sid: Sid, namespace?: NamespaceName): Session;
  /** python-socketio's `save_session`: replaces the session. Throws as `getSession` does, or for a non-object. */
  saveSession(sid: Sid, session: Session, namespace?: NamespaceName): void;
  /**
   * python-socketio's `with sio.session(sid) as session:` block: calls `use` with the session and saves it when
   * `use` returns or its promise settles (also when it fails); resolves to what `use` returned, rejects with its error.
   */
  session<T>(sid: Sid, use: (session: Session) => T | Promise<T>, namespace?: NamespaceName): Promise<T>;
  /** python-socketio's `transport(sid)`: the transport the client uses now. Throws when it is not a client here. */
  transport(sid: Sid, namespace?: NamespaceName): 'polling' | 'websocket';
  /** python-socketio's `get_environ(sid)`: the client's handshake, or undefined when it is not a client here. */
  getEnviron(sid: Sid, namespace?: NamespaceName): Handshake | undefined;
  /** python-socketio's `register_namespace`: a class-based namespace's `on_<event>` methods become its handlers. */
  registerNamespace(namespace: Namespace): void;
  /** Stops accepting clients, disconnects every client and closes the HTTP server. */
  close(): Promise<void>;
  /** The namespaces that exist (have handlers), '/' always among them. */
  namespaces(): NamespaceName[];
  /** The metrics registry: snapshots, Prometheus text, and `countRefused(kind)` for the apps' own refusals. */
  readonly metrics: ServerMetricsView;
  /** The underlying socket.io Server, for what the facade does not cover. */
  readonly io: SocketIoServer;
}
