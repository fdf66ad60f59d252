/**
 * The one interface behind which both client kinds sit: `official` (socket.io-client, for fidelity) and `lean`
 * (written here, for scale). The engine creates thousands of these per worker thread, so the interface passes
 * handlers once at creation (no per-message closures) and acks are callbacks, not promises.
 */
import type { SourcePortPool } from './source-ports.js';
import type { WireByteCounter } from './wire-bytes.js';

/** How the client reaches the server. */
export type ClientTransport = 'websocket' | 'polling' | 'polling-upgrade';

export interface ClientOptions {
  /** Base URL of the server, e.g. http://127.0.0.1:3000 */
  url: string;
  /** Engine.IO path. Default '/socket.io/'. */
  path: string;
  /** Namespace to join, default '/'. */
  namespace: string;
  transport: ClientTransport;
  /** Sent in the namespace CONNECT packet. */
  auth?: Record<string, unknown>;
  /** Extra HTTP headers on the handshake (and every polling request). */
  headers?: Record<string, string>;
  /** Extra query parameters on the handshake. */
  query?: Record<string, string>;
  /** Local source address to bind (127.0.0.2, ...) so one machine can open more than 28,232 connections. */
  localAddress?: string;
  /** Ports to bind with localAddress (its `address` equals localAddress); absent: the kernel chooses the port. */
  localPorts?: SourcePortPool;
  /** Socket.IO parser: default (JSON text + binary attachments) or msgpack. */
  parser: 'default' | 'msgpack';
  /** Give up connecting after this long, ms. */
  connectTimeoutMs: number;
  /** Where the client adds its wire bytes (one counter for all of a worker's clients); absent: a counter of its own. */
  wireBytes?: WireByteCounter;
}

export interface ClientHandlers {
  /** A server-emitted event (not an ack). `args` are the event's arguments, binary as Buffer. */
  onEvent(event: string, args: readonly unknown[]): void;
  /**
   * Optional: a server-emitted event that asks for an ack (server-side `emit(event, ..., callback)`). Call
   * `reply(args)` at most once to answer it. Without this handler such events go to onEvent and are never
   * answered, like a socket.io-client listener that ignores its ack function. The reply closure is made only for
   * these events, so handlers that do not need acks cost nothing per message.
   */
  onEventWithAck?(event: string, args: readonly unknown[], reply: (args: readonly unknown[]) => void): void;
  /**
   * The connection ended after having connected: reason as socket.io-client names them
   * ('io server disconnect', 'io client disconnect', 'transport close', 'transport error', 'ping timeout', 'parse error').
   */
  onDisconnect(reason: string, description?: string): void;
}

/** Why a connect attempt failed. */
export class ClientConnectError extends Error {
  constructor(
    /** 'connect_error' (the server refused: CONNECT_ERROR), 'transport' (HTTP/websocket failure), 'timeout', 'protocol'. */
    readonly kind: 'connect_error' | 'transport' | 'timeout' | 'protocol',
    message: string,
    /** The CONNECT_ERROR's data, when the server sent some. */
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'ClientConnectError';
  }
}

/** Called with the ack's arguments, or with an Error (timeout or disconnect) and no arguments. */
export type AckCallback = (error: Error | null, args: unknown[]) => void;

export interface VirtualClient {
  /** Opens the transport and joins the namespace. Resolves on CONNECT, rejects with ClientConnectError. */
  connect(): Promise<void>;
  /** Emits an event with these arguments (no ack). Dropped silently if not connected: callers check `connected`. */
  emit(event: string, args: readonly unknown[]): void;
  /** Emits with an ack; `callback` is called exactly once: with the ack, or an Error after `timeoutMs` or on disconnect. */
  emitWithAck(event: string, args: readonly unknown[], timeoutMs: number, callback: AckCallback): void;
  /** Closes the connection (reason 'io client disconnect'); onDisconnect is not called for it. */
  disconnect(): void;
  readonly connected: boolean;
  /** The namespace sid once connected. */
  readonly id: string | undefined;
  /** The counter this client adds the bytes it writes and reads on the wire to (options.wireBytes when given). */
  readonly wireBytes: WireByteCounter;
}

export type CreateVirtualClient = (options: ClientOptions, handlers: ClientHandlers) => VirtualClient;
