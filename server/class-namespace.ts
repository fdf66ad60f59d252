/**
 * python-socketio's class-based namespaces: a subclass of `Namespace` whose `on_<event>` methods are its handlers,
 * registered with `server.registerNamespace(new ChatNamespace('/chat'))`. The methods receive what the facade's
 * handlers receive (`on_connect(sid, environ, auth)`, `on_disconnect(sid, reason)`, `on_<event>(sid, ...args)`
 * whose return value is the ack), and an event name that is not an identifier is a quoted method name
 * (`'on_my message'(sid, data) {...}`). The server calls in the class (`this.emit`, `this.enterRoom`, ...) default
 * to the class's namespace, as python-socketio's do. A handler registered with `server.on(event, ..., namespace)`
 * takes precedence over the class's method for the same event, as a decorated handler does in python-socketio.
 *
 * ```ts
 * class ChatNamespace extends Namespace {
 *   on_connect(sid: Sid, environ: Handshake, auth: Record<string, unknown> | undefined) { this.enterRoom(sid, 'lobby'); }
 *   on_echo(sid: Sid, data: unknown) { return data; }
 * }
 * server.registerNamespace(new ChatNamespace('/chat'));
 * ```
 */
import type { NamespaceName, RoomName, Sid } from './ids.js';
import type { Session } from './sessions.js';
import type { EmitOptions, Handshake, ReferenceServer } from './types.js';

/** `EmitOptions` without `namespace`, which is the class's own. */
export type NamespaceEmitOptions = Omit<EmitOptions, 'namespace'>;

/** The base class of a class-based namespace (python-socketio's `socketio.Namespace`). */
export class Namespace {
  private registeredWith: ReferenceServer | undefined;

  /** `namespace`: the namespace this class serves, starting with '/'. Default '/'. */
  constructor(readonly namespace: NamespaceName = '/') {
    if (typeof namespace !== 'string' || !namespace.startsWith('/')) {
      throw new TypeError(`Namespace: namespace must be a string starting with '/' (got ${String(namespace)})`);
    }
  }

  /** The server this namespace is registered with; throws before `registerNamespace`. */
  get server(): ReferenceServer {
    if (this.registeredWith === undefined) throw new Error(`Namespace '${this.namespace}' is not registered: call server.registerNamespace(it) first`);
    return this.registeredWith;
  }

  /** Called by `registerNamespace`; an instance serves one server only. */
  bindServer(server: ReferenceServer): void {
    if (this.registeredWith !== undefined && this.registeredWith !== server) {
      throw new Error(`Namespace '${this.namespace}' is already registered with another server`);
    }
    this.registeredWith = server;
  }

  /** The method that handles `event` (`on_<event>`), bound to this instance, or undefined (python's trigger_event). */
  handlerFor(event: string): ((...args: unknown[]) => unknown) | undefined {
    const method: unknown = (this as unknown as Record<string, unknown>)[`on_${event}`];
    return typeof method === 'function' ? (method as (...args: unknown[]) => unknown).bind(this) : undefined;
  }

  emit(event: string, data?: unknown, options: NamespaceEmitOptions = {}): void {
    this.server.emit(event, data, { ...options, namespace: this.namespace });
  }

  send(data: unknown, options: NamespaceEmitOptions = {}): void {
    this.server.send(data, { ...options, namespace: this.namespace });
  }

  call(event: string, data: unknown, options: { to: Sid; timeoutMs?: number }): Promise<unknown> {
    return this.server.call(event, data, { ...options, namespace: this.namespace });
  }

  enterRoom(sid: Sid, room: RoomName): void {
    this.server.enterRoom(sid, room, this.namespace);
  }

  leaveRoom(sid: Sid, room: RoomName): void {
    this.server.leaveRoom(sid, room, this.namespace);
  }

  closeRoom(room: RoomName): void {
    this.server.closeRoom(room, this.namespace);
  }

  rooms(sid: Sid): RoomName[] {
    return this.server.rooms(sid, this.namespace);
  }

  disconnect(sid: Sid): void {
    this.server.disconnect(sid, this.namespace);
  }

  getSession(sid: Sid): Session {
    return this.server.getSession(sid, this.namespace);
  }

  saveSession(sid: Sid, session: Session): void {
    this.server.saveSession(sid, session, this.namespace);
  }

  session<T>(sid: Sid, use: (session: Session) => T | Promise<T>): Promise<T> {
    return this.server.session(sid, use, this.namespace);
  }

  transport(sid: Sid): 'polling' | 'websocket' {
    return this.server.transport(sid, this.namespace);
  }

  getEnviron(sid: Sid): Handshake | undefined {
    return this.server.getEnviron(sid, this.namespace);
  }
}
