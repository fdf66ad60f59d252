/**
 * The lean client: Engine.IO v4 / Socket.IO v5 spoken directly, for holding thousands of connections per thread.
 * Per connection it keeps one object of a dozen fields plus its transport; handlers are shared, acks are a Map
 * created on first use, and every timer (connect, ping, ack timeouts) lives in the thread's shared DeadlineQueue.
 * Whatever the server sends, decoding never throws out of the event loop: a malformed packet ends the connection
 * with onDisconnect('parse error', description) (or rejects connect() while connecting).
 *
 * One concept past 300 lines: one state machine (idle, opening, joining, connected, closed). Every input (each
 * transport callback, each deadline, each API call) is a transition decided by the current state, and the
 * handshake, the namespace join, the polling upgrade, pings and acks all move or read that one state; split
 * across files, the transitions of one state would be too. The bytes are elsewhere: engineio-codec.ts,
 * socketio-codec.ts, pending-binary.ts (attachments), and the two transports.
 */
import { sharedDeadlines, monotonicNowMs, type DeadlineTarget } from './deadline-queue.js';
import {
  EIO_CLOSE, EIO_MESSAGE, EIO_NOOP, EIO_OPEN, EIO_PING, EIO_PONG, parseOpenPacket, type EnginePacket,
} from './engineio-codec.js';
import { resolveEndpoint } from './lean-endpoint.js';
import { PollingTransport } from './lean-polling-transport.js';
import type { LeanTransport, TransportCloseReason, TransportSink } from './lean-transport.js';
import { WebSocketTransport } from './lean-websocket-transport.js';
import { PendingBinary } from './pending-binary.js';
import { eventOf, RepeatedEventCache, type DecodedEvent } from './repeated-event.js';
import {
  SIO_ACK, SIO_BINARY_ACK, SIO_BINARY_EVENT, SIO_CONNECT, SIO_CONNECT_ERROR, SIO_DISCONNECT, SIO_EVENT,
  createDecodedPacket, decodeSocketIoPacket, encodeAck, encodeConnect, encodeDisconnect, encodeEvent,
  type EncodedEvent,
} from './socketio-codec.js';
import {
  ClientConnectError, type AckCallback, type ClientHandlers, type ClientOptions, type VirtualClient,
} from './virtual-client.js';
import { WireByteCounter } from './wire-bytes.js';

/** Why connect() rejects for parser: 'msgpack' on the lean client. */
export const LEAN_MSGPACK_UNSUPPORTED = 'the lean client supports the default parser only; use client: official';

const IDLE = 0;
const OPENING = 1; // transport connecting, waiting for the Engine.IO open packet
const JOINING = 2; // namespace CONNECT sent
const CONNECTED = 3;
const CLOSED = 4;

/** Deadline tags: ack ids are >= 0, so the client's own timers use negative tags. */
const TAG_CONNECT = -1;
const TAG_PING = -2;

/** Decoding is synchronous and one packet at a time per thread, so every client decodes into this one object. */
const decoded = createDecodedPacket();
/** The thread's last text EVENT, decoded once for every client that receives the same text (a broadcast). */
const repeatedEvent = new RepeatedEventCache();

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class LeanClient implements VirtualClient, TransportSink, DeadlineTarget {
  readonly wireBytes: WireByteCounter;
  private state = IDLE;
  private transport: LeanTransport | undefined;
  /** The websocket being probed while upgrading from polling. */
  private probe: WebSocketTransport | undefined;
  private namespaceSid: string | undefined;
  /** pingInterval + pingTimeout from the open packet, and when the next ping is due at the latest. */
  private pingWindowMs = 0;
  private pingDeadlineMs = 0;
  private nextAckId = 0;
  private acks: Map<number, AckCallback> | undefined;
  private binary: PendingBinary | undefined;
  private settleConnect: ((error: ClientConnectError | undefined) => void) | undefined;
  /** The namespace joined ('/' for an empty one): every received packet is checked against it. */
  private readonly nsp: string;

  constructor(private readonly options: ClientOptions, private readonly handlers: ClientHandlers) {
    this.nsp = options.namespace.length === 0 ? '/' : options.namespace;
    this.wireBytes = options.wireBytes ?? new WireByteCounter();
  }

  get connected(): boolean {
    return this.state === CONNECTED;
  }

  get id(): string | undefined {
    return this.state === CONNECTED ? this.namespaceSid : undefined;
  }

  connect(): Promise<void> {
    if (this.state !== IDLE) return Promise.reject(new Error('connect() can be called once per client'));
    if (this.options.parser !== 'default') return Promise.reject(new ClientConnectError('protocol', LEAN_MSGPACK_UNSUPPORTED));
    let endpoint;
    try {
      endpoint = resolveEndpoint(this.options);
    } catch (error) {
      return Promise.reject(new ClientConnectError('protocol', describe(error)));
    }
    return new Promise<void>((resolve, reject) => {
      this.settleConnect = (error) => (error === undefined ? resolve() : reject(error));
      this.state = OPENING;
      sharedDeadlines.schedule(monotonicNowMs() + this.options.connectTimeoutMs, this, TAG_CONNECT);
      try {
        this.transport = this.options.transport === 'websocket'
          ? new WebSocketTransport(this, endpoint, undefined)
          : new PollingTransport(this, endpoint);
      } catch (error) {
        // e.g. an invalid localAddress or header value, which net and http reject synchronously
        this.fail(new ClientConnectError('transport', describe(error)));
      }
    });
  }

  emit(event: string, args: readonly unknown[]): void {
    if (this.state !== CONNECTED) return;
    this.send(encodeEvent(this.nsp, event, args, -1));
  }

  emitWithAck(event: string, args: readonly unknown[], timeoutMs: number, callback: AckCallback): void {
    if (this.state !== CONNECTED) {
      process.nextTick(callback, new Error('not connected'), []);
      return;
    }
    const ackId = this.nextAckId++;
    (this.acks ??= new Map()).set(ackId, callback);
    sharedDeadlines.schedule(monotonicNowMs() + timeoutMs, this, ackId);
    this.send(encodeEvent(this.nsp, event, args, ackId));
  }

  disconnect(): void {
    const state = this.state;
    if (state === CLOSED) return;
    if (state === IDLE) {
      this.state = CLOSED;
      return;
    }
    if (state === CONNECTED) this.transport?.sendPacket(encodeDisconnect(this.nsp));
    this.teardown();
    if (state !== CONNECTED) this.settle(new ClientConnectError('transport', 'disconnect() was called before the connection was established'));
  }

  // ---- TransportSink ----

  onTransportOpen(transport: LeanTransport): void {
    if (transport === this.probe) transport.sendPacket('2probe');
    // The main transport waits for the server's open packet.
  }

  onTransportPacket(transport: LeanTransport, packet: EnginePacket): void {
    if (transport !== this.transport) {
      if (transport === this.probe) this.onProbePacket(packet);
      return;
    }
    if (typeof packet !== 'string') return this.onBinary(packet);
    switch (packet.charCodeAt(0)) {
      case EIO_MESSAGE:
        return this.onMessage(packet);
      case EIO_PING:
        this.pingDeadlineMs = monotonicNowMs() + this.pingWindowMs;
        transport.sendPacket('3');
        return;
      case EIO_PONG:
      case EIO_NOOP:
        return;
      case EIO_OPEN:
        return this.onOpen(transport, packet);
      case EIO_CLOSE:
        return this.lose('transport close', 'the server closed the Engine.IO session');
      default:
        return this.lose('parse error', `unknown Engine.IO packet type ${JSON.stringify(packet.slice(0, 1))}`);
    }
  }

  onTransportPaused(transport: LeanTransport): void {
    if (transport !== this.transport || !(transport instanceof PollingTransport)) return;
    const websocket = this.probe;
    if (websocket === undefined) return transport.resume(); // the probe died while polling paused
    this.probe = undefined;
    websocket.sendPacket('5');
    const buffered = transport.takeBuffered();
    transport.discard();
    this.transport = websocket;
    for (const packet of buffered) websocket.sendPacket(packet);
  }

  onTransportClose(transport: LeanTransport, reason: TransportCloseReason, description: string): void {
    if (transport === this.probe) {
      // A failed upgrade is not fatal: socket.io-client keeps polling too.
      this.probe = undefined;
      if (this.transport instanceof PollingTransport) this.transport.resume();
      return;
    }
    if (transport === this.transport) this.lose(reason, description);
  }

  // ---- DeadlineTarget ----

  onDeadline(tag: number, nowMs: number): void {
    if (tag >= 0) {
      const callback = this.acks?.get(tag);
      if (callback === undefined) return; // answered already, or flushed on disconnect
      this.acks!.delete(tag);
      callback(new Error('operation has timed out'), []);
      return;
    }
    if (this.state === CLOSED) return;
    if (tag === TAG_CONNECT) {
      if (this.state !== CONNECTED) {
        this.fail(new ClientConnectError('timeout', `not connected after ${this.options.connectTimeoutMs} ms`));
      }
    } else if (tag === TAG_PING) {
      // One ping entry per client: a ping moves pingDeadlineMs and the entry re-arms itself lazily.
      if (nowMs >= this.pingDeadlineMs) {
        this.lose('ping timeout', `no ping from the server for ${this.pingWindowMs} ms`);
      } else {
        sharedDeadlines.schedule(this.pingDeadlineMs, this, TAG_PING);
      }
    }
  }

  // ---- protocol ----

  private send(encoded: EncodedEvent): void {
    const transport = this.transport!;
    transport.sendPacket(encoded.text);
    for (const attachment of encoded.attachments) transport.sendPacket(attachment);
  }

  private onOpen(transport: LeanTransport, packet: string): void {
    if (this.state !== OPENING) return this.lose('parse error', 'unexpected Engine.IO open packet');
    let handshake;
    try {
      handshake = parseOpenPacket(packet);
    } catch (error) {
      return this.lose('parse error', describe(error));
    }
    this.pingWindowMs = handshake.pingIntervalMs + handshake.pingTimeoutMs;
    this.pingDeadlineMs = monotonicNowMs() + this.pingWindowMs;
    sharedDeadlines.schedule(this.pingDeadlineMs, this, TAG_PING);
    if (transport instanceof PollingTransport) transport.sid = handshake.sid;
    this.state = JOINING;
    transport.sendPacket(encodeConnect(this.nsp, this.options.auth));
    if (this.options.transport === 'polling-upgrade' && transport instanceof PollingTransport && handshake.upgrades.includes('websocket')) {
      this.probe = new WebSocketTransport(this, resolveEndpoint(this.options), handshake.sid);
    }
  }

  private onProbePacket(packet: EnginePacket): void {
    const polling = this.transport;
    if (packet === '3probe' && polling instanceof PollingTransport) return polling.pause();
    this.probe?.close();
    this.probe = undefined;
  }

  private onMessage(text: string): void {
    if (this.binary !== undefined) return this.lose('parse error', 'text packet while binary attachments were expected');
    const repeated = repeatedEvent.get(text);
    if (repeated !== undefined) return this.onEvent(repeated);
    try {
      decodeSocketIoPacket(text, 1, decoded);
    } catch (error) {
      return this.lose('parse error', describe(error));
    }
    if (decoded.attachments > 0) {
      this.binary = new PendingBinary(decoded.type, decoded.nsp, decoded.ackId, decoded.data, decoded.attachments);
      return;
    }
    if (decoded.type === SIO_EVENT) return this.onEvent(repeatedEvent.remember(text, decoded));
    this.onSocketPacket(decoded.type, decoded.nsp, decoded.ackId, decoded.data);
  }

  private onBinary(buffer: Buffer): void {
    const pending = this.binary;
    if (pending === undefined) return this.lose('parse error', 'binary message without a packet announcing it');
    if (!pending.add(buffer)) return;
    this.binary = undefined;
    let data: unknown;
    try {
      data = pending.assemble();
    } catch (error) {
      return this.lose('parse error', describe(error));
    }
    this.onSocketPacket(pending.type, pending.nsp, pending.ackId, data);
  }

  private onEvent(packet: DecodedEvent): void {
    if (packet.nsp !== this.nsp || this.state !== CONNECTED) return;
    if (packet.ackId >= 0 && this.handlers.onEventWithAck !== undefined) {
      this.handlers.onEventWithAck(packet.event, packet.args, this.replier(packet.ackId));
    } else {
      this.handlers.onEvent(packet.event, packet.args);
    }
  }

  private onSocketPacket(type: number, nsp: string, ackId: number, data: unknown): void {
    if (nsp !== this.nsp) return; // one namespace per client: nothing else is multiplexed here
    switch (type) {
      case SIO_CONNECT: {
        if (this.state !== JOINING) return;
        const sid = (data as { sid?: unknown }).sid;
        if (typeof sid !== 'string') return this.lose('parse error', 'CONNECT without a sid');
        this.namespaceSid = sid;
        this.state = CONNECTED;
        this.settle(undefined);
        return;
      }
      case SIO_CONNECT_ERROR: {
        if (this.state !== JOINING) return;
        const error = typeof data === 'string'
          ? new ClientConnectError('connect_error', data)
          : new ClientConnectError('connect_error', String((data as { message?: unknown }).message), (data as { data?: unknown }).data);
        return this.fail(error);
      }
      case SIO_DISCONNECT:
        if (this.state === CONNECTED) return this.lose('io server disconnect', 'the server disconnected the socket');
        return this.fail(new ClientConnectError('transport', 'the server disconnected the namespace before CONNECT'));
      case SIO_EVENT:
      case SIO_BINARY_EVENT:
        return this.onEvent(eventOf(nsp, ackId, data as unknown[]));
      case SIO_ACK:
      case SIO_BINARY_ACK: {
        const callback = this.acks?.get(ackId);
        if (callback === undefined) return; // timed out already: socket.io-client ignores it too
        this.acks!.delete(ackId);
        callback(null, data as unknown[]);
        return;
      }
    }
  }

  /** The reply function for a server's ack request: answers once, and only while connected (a client connects once). */
  private replier(ackId: number): (args: readonly unknown[]) => void {
    let replied = false;
    return (args) => {
      if (replied || this.state !== CONNECTED) return;
      replied = true;
      this.send(encodeAck(this.nsp, ackId, args));
    };
  }

  /** The connection ended by itself: reject connect() or tell the handlers. */
  private lose(reason: string, description: string): void {
    const state = this.state;
    if (state === CLOSED) return;
    this.teardown();
    if (state === CONNECTED) {
      this.handlers.onDisconnect(reason, description);
    } else {
      this.settle(new ClientConnectError(reason === 'parse error' ? 'protocol' : 'transport', `${reason}: ${description}`));
    }
  }

  /** Connecting failed: close everything and reject connect(). */
  private fail(error: ClientConnectError): void {
    if (this.state === CLOSED) return;
    this.teardown();
    this.settle(error);
  }

  private teardown(): void {
    this.state = CLOSED;
    this.transport?.close();
    // Dropped so that a closed client, which the deadline queue may hold until its last entry expires (up to
    // pingInterval + pingTimeout), does not keep its socket alive with it.
    this.transport = undefined;
    this.probe?.close();
    this.probe = undefined;
    this.binary = undefined;
    const acks = this.acks;
    this.acks = undefined;
    if (acks !== undefined) {
      const error = new Error('socket has been disconnected');
      for (const callback of acks.values()) callback(error, []);
    }
  }

  private settle(error: ClientConnectError | undefined): void {
    const settle = this.settleConnect;
    this.settleConnect = undefined;
    settle?.(error);
  }
}
