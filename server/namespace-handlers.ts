/**
 * One namespace of the facade: its python-socketio style handlers, looked up when each event arrives (so a
 * handler registered after clients connected still applies), and the socket.io wiring that calls them: a
 * namespace middleware for `connect` (so that a refusal becomes a CONNECT_ERROR carrying message and data),
 * and one `onAny` listener per socket for every other event.
 */
import type { Namespace, Socket } from 'socket.io';
import type { NamespaceName, Sid } from './ids.js';
import { authOf, toHandshake } from './handshake.js';
import { SessionStore } from './sessions.js';
import { argumentsOf } from './tuple.js';
import type { ServerMetrics } from './metrics/server-metrics.js';
import { statsEvents, type StatsBroadcaster } from './metrics/stats-broadcaster.js';
import { ConnectionRefusedError, type CatchAllHandler, type ConnectHandler, type DisconnectHandler, type EventHandler } from './types.js';

/** Where a handler failed, for the error reporter. */
export interface HandlerErrorContext {
  namespace: NamespaceName;
  event: string;
  sid: Sid;
}

/** What the namespace wiring needs from the server around it. */
export interface NamespaceContext {
  metrics: ServerMetrics;
  stats: StatsBroadcaster;
  /** Called when a handler throws or rejects (the client gets no ack; the error is counted). */
  onHandlerError: (error: unknown, context: HandlerErrorContext) => void;
}

/** A client inside its connect handler: already in its own room, not yet in `nsp.sockets`. */
export interface PendingClient {
  socket: Socket;
  /** Emits aimed at this client while its connect handler ran, sent right after it is connected. */
  queued: Array<() => void>;
}

/** The events that the facade raises itself, never a client. */
const lifecycleEvents = new Set(['connect', 'disconnect']);

/** What the wiring needs of a class-based namespace (class-namespace.ts): its `on_<event>` method, if any. */
export interface EventMethods {
  handlerFor(event: string): ((...args: unknown[]) => unknown) | undefined;
}

/** The handlers and socket.io objects of one namespace. */
export class NamespaceHandlers {
  connect: ConnectHandler | undefined;
  disconnect: DisconnectHandler | undefined;
  catchAll: CatchAllHandler | undefined;
  /** The registered class-based namespace; its methods handle what has no handler of its own. */
  classNamespace: EventMethods | undefined;
  readonly events = new Map<string, EventHandler>();
  /** Clients whose connect handler is running, by sid. */
  readonly pending = new Map<Sid, PendingClient>();
  /** python-socketio's user sessions of this namespace's clients. */
  readonly sessions = new SessionStore();
  /** Clients whose disconnect handler is running (socket.io has already removed them from `nsp.sockets`). */
  private readonly leaving = new Map<Sid, Socket>();

  constructor(
    readonly nsp: Namespace,
    private readonly context: NamespaceContext,
  ) {
    nsp.use((socket, next) => this.runConnectHandler(socket, next));
    nsp.on('connection', (socket: Socket) => this.onConnection(socket));
  }

  get name(): NamespaceName {
    return this.nsp.name;
  }

  /** A connected or pending client of this namespace (this process only). */
  localSocket(sid: Sid): Socket | undefined {
    return this.nsp.sockets.get(sid) ?? this.pending.get(sid)?.socket;
  }

  /** As localSocket, and also a client whose disconnect handler is running: whose session and environ still exist. */
  sessionSocket(sid: Sid): Socket | undefined {
    return this.localSocket(sid) ?? this.leaving.get(sid);
  }

  private runConnectHandler(socket: Socket, next: (error?: Error & { data?: unknown }) => void): void {
    const handler = this.connect ?? this.classNamespace?.handlerFor('connect');
    if (handler === undefined) {
      next();
      return;
    }
    // python-socketio lets the connect handler emit to the sid and enter rooms: join the personal room now
    // (socket.io would only do it after the middleware) and queue what is emitted to this client meanwhile.
    void socket.join(socket.id);
    this.pending.set(socket.id, { socket, queued: [] });
    const refuse = (error: Error & { data?: unknown }): void => {
      this.pending.delete(socket.id);
      this.sessions.delete(socket.id);
      this.context.metrics.countRefused('connect-refused');
      next(error);
    };
    const settle = (result: unknown): void => {
      if (result === false) {
        refuse(new Error('Connection rejected by server'));
        return;
      }
      next();
      // socket.io connects the client on the tick after next(); ours runs after it, so the client is
      // connected now, unless it left meanwhile, in which case its queue is dropped with it.
      process.nextTick(() => {
        this.pending.delete(socket.id);
        // A client that left during its connect handler never gets a disconnect: its session goes here.
        if (!socket.connected) this.sessions.delete(socket.id);
      });
    };
    const fail = (error: unknown): void => {
      if (error instanceof ConnectionRefusedError) {
        refuse(Object.assign(new Error(error.message), { data: error.data }));
        return;
      }
      this.context.onHandlerError(error, { namespace: this.name, event: 'connect', sid: socket.id });
      refuse(new Error('Connection rejected by server'));
    };
    let result: unknown;
    try {
      result = handler(socket.id, toHandshake(socket), authOf(socket));
    } catch (error) {
      fail(error);
      return;
    }
    if (isPromiseLike(result)) result.then(settle, fail);
    else settle(result);
  }

  private onConnection(socket: Socket): void {
    const pending = this.pending.get(socket.id);
    if (pending !== undefined) {
      this.pending.delete(socket.id);
      for (const send of pending.queued) send();
    }
    socket.onAny((event: string, ...args: unknown[]) => this.dispatch(socket, event, args));
    socket.on('disconnect', (reason: string) => {
      const handler = this.disconnect ?? this.classNamespace?.handlerFor('disconnect');
      // The handler may still read the session and environ of the leaving client (python-socketio's may).
      this.leaving.set(socket.id, socket);
      try {
        if (handler !== undefined) this.guard(handler(socket.id, reason), 'disconnect', socket.id);
      } catch (error) {
        this.reportError(error, 'disconnect', socket.id);
      } finally {
        // The handler has run (its synchronous part, as python-socketio's would): the session goes with the client.
        this.leaving.delete(socket.id);
        this.sessions.delete(socket.id);
      }
    });
    // socket.io prints a decoding error to stderr when nobody listens; it is counted by the parser instead.
    socket.on('error', () => undefined);
  }

  private dispatch(socket: Socket, event: string, args: unknown[]): void {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (args.pop() as (...reply: unknown[]) => void) : undefined;
    this.context.metrics.countEventReceived(event);
    if (event === statsEvents.subscribe) {
      this.context.stats.subscribe(socket);
      ack?.(this.context.metrics.snapshot());
      return;
    }
    if (event === statsEvents.unsubscribe) {
      this.context.stats.unsubscribe(socket);
      ack?.();
      return;
    }
    // A client may send an event named 'connect' or 'disconnect'; it never reaches on_connect or on_disconnect.
    const handler = this.events.get(event) ?? (lifecycleEvents.has(event) ? undefined : this.classNamespace?.handlerFor(event));
    const catchAll = handler === undefined ? this.catchAll : undefined;
    if (handler === undefined && catchAll === undefined) return;
    let result: unknown;
    try {
      result = handler !== undefined ? handler(socket.id, ...args) : catchAll?.(event, socket.id, ...args);
    } catch (error) {
      this.reportError(error, event, socket.id);
      return;
    }
    if (ack === undefined) {
      this.guard(result, event, socket.id);
    } else if (isPromiseLike(result)) {
      result.then(
        (value) => sendAck(ack, value),
        (error: unknown) => this.reportError(error, event, socket.id),
      );
    } else {
      sendAck(ack, result);
    }
  }

  /** Reports a rejected promise returned by a handler whose value nobody waits for. */
  private guard(result: unknown, event: string, sid: Sid): void {
    if (isPromiseLike(result)) result.then(undefined, (error: unknown) => this.reportError(error, event, sid));
  }

  private reportError(error: unknown, event: string, sid: Sid): void {
    this.context.metrics.countRefused('handler-error');
    this.context.onHandlerError(error, { namespace: this.name, event, sid });
  }
}

/** A handler's return value as the ack (python-socketio's rule): undefined sends none, a tuple each of its values, anything else one argument. */
function sendAck(ack: (...reply: unknown[]) => void, value: unknown): void {
  ack(...argumentsOf(value));
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
