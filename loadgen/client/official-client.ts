/**
 * The official client kind: socket.io-client behind the VirtualClient interface, for fidelity (what real
 * applications run). One io() Manager per client (forceNew, no multiplexing, no reconnection), so each
 * virtual client is one connection like the lean kind. Bytes are counted from the Engine.IO packets the client
 * sends and receives (see packetBytes): socket.io-client exposes its packets, not its transports' wire bytes.
 */
import http from 'node:http';
import { io, type Socket } from 'socket.io-client';
import msgpackParser from 'socket.io-msgpack-parser';
import {
  ClientConnectError, type AckCallback, type ClientHandlers, type ClientOptions, type ClientTransport, type VirtualClient,
} from './virtual-client.js';
import { WireByteCounter } from './wire-bytes.js';

/** One keep-alive agent per source address: engine.io-client hands `agent` to xmlhttprequest-ssl and to ws. */
const agentsByLocalAddress = new Map<string, http.Agent>();
function agentFor(localAddress: string): http.Agent {
  let agent = agentsByLocalAddress.get(localAddress);
  if (agent === undefined) {
    // Agent options reach net.connect, so localAddress binds every socket the agent opens.
    agent = new http.Agent({ keepAlive: true, localAddress } as http.AgentOptions);
    agentsByLocalAddress.set(localAddress, agent);
  }
  return agent;
}

function transportsFor(transport: ClientTransport): string[] {
  switch (transport) {
    case 'websocket':
      return ['websocket'];
    case 'polling':
      return ['polling'];
    case 'polling-upgrade':
      return ['polling', 'websocket'];
  }
}

function namespaceUrl(options: ClientOptions): string {
  const base = options.url.endsWith('/') ? options.url.slice(0, -1) : options.url;
  const nsp = options.namespace.length === 0 ? '/' : options.namespace;
  return nsp === '/' ? base : base + nsp;
}

/** An Engine.IO packet as engine.io-client emits it ('packet' in, 'packetCreate' out). */
interface EnginePacket {
  type: string;
  data?: unknown;
}

/**
 * Bytes of one Engine.IO packet as encoded: its type character and its data (UTF-8 text, or a binary attachment's
 * bytes). HTTP and WebSocket framing are not seen at this level, so the figure is a little below the wire bytes
 * the lean client counts (a WebSocket frame adds 2 to 14 bytes; a binary attachment carries no type character
 * over WebSocket, and a base64 one over polling takes a third more).
 */
export function packetBytes(packet: EnginePacket): number {
  const { data } = packet;
  if (data === undefined || data === null) return 1;
  if (typeof data === 'string') return 1 + Buffer.byteLength(data, 'utf8');
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  // Any other payload engine.io-client would stringify.
  return 1 + Buffer.byteLength(String(data), 'utf8');
}

export class OfficialClient implements VirtualClient {
  /** Where the Engine.IO packet bytes sent and received are added (see packetBytes). */
  readonly wireBytes: WireByteCounter;
  private socket: Socket | undefined;
  private clientClosed = false;

  constructor(private readonly options: ClientOptions, private readonly handlers: ClientHandlers) {
    this.wireBytes = options.wireBytes ?? new WireByteCounter();
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  get id(): string | undefined {
    return this.socket?.id;
  }

  connect(): Promise<void> {
    if (this.socket !== undefined) return Promise.reject(new Error('connect() can be called once per client'));
    const { options } = this;
    const socket = io(namespaceUrl(options), {
      forceNew: true,
      multiplex: false,
      reconnection: false,
      path: options.path,
      transports: transportsFor(options.transport),
      upgrade: options.transport === 'polling-upgrade',
      // No auth: socket.io-client then sends a CONNECT without payload, as the lean client does.
      ...(options.auth === undefined ? {} : { auth: options.auth }),
      query: options.query ?? {},
      extraHeaders: options.headers ?? {},
      timeout: options.connectTimeoutMs,
      ...(options.parser === 'msgpack' ? { parser: msgpackParser } : {}),
      ...(options.localAddress === undefined ? {} : { agent: options.localPorts?.agent ?? agentFor(options.localAddress), localAddress: options.localAddress }),
    } as Parameters<typeof io>[1]);
    this.socket = socket;
    // The engine exists as soon as io() returns (autoConnect), before the handshake's first packet arrives.
    const engine = socket.io.engine;
    engine.on('packetCreate', (packet: EnginePacket) => {
      this.wireBytes.sentBytes += packetBytes(packet);
    });
    engine.on('packet', (packet: EnginePacket) => {
      this.wireBytes.receivedBytes += packetBytes(packet);
    });
    return new Promise<void>((resolve, reject) => {
      const onConnectError = (error: Error & { type?: string; data?: unknown; description?: unknown }): void => {
        socket.off('connect', onConnect);
        socket.disconnect();
        reject(toConnectError(error));
      };
      const onConnect = (): void => {
        socket.off('connect_error', onConnectError);
        socket.on('disconnect', (reason, description) => {
          if (this.clientClosed) return;
          this.handlers.onDisconnect(reason, describeDisconnect(description));
        });
        resolve();
      };
      socket.once('connect', onConnect);
      socket.once('connect_error', onConnectError);
      socket.onAny((event: string, ...args: unknown[]) => this.onAny(event, args));
    });
  }

  private onAny(event: string, args: unknown[]): void {
    // socket.io-client passes the server's ack request as a trailing function; handlers get data only.
    const last = args[args.length - 1];
    if (typeof last !== 'function') return this.handlers.onEvent(event, args);
    args.pop();
    const ack = last as (...reply: unknown[]) => void;
    if (this.handlers.onEventWithAck === undefined) return this.handlers.onEvent(event, args);
    let replied = false;
    this.handlers.onEventWithAck(event, args, (reply) => {
      if (replied) return;
      replied = true;
      ack(...reply);
    });
  }

  emit(event: string, args: readonly unknown[]): void {
    if (this.socket?.connected !== true) return;
    this.socket.emit(event, ...args);
  }

  emitWithAck(event: string, args: readonly unknown[], timeoutMs: number, callback: AckCallback): void {
    const socket = this.socket;
    if (socket?.connected !== true) {
      process.nextTick(callback, new Error('not connected'), []);
      return;
    }
    socket.timeout(timeoutMs).emit(event, ...args, (error: Error | null, ...reply: unknown[]) => {
      callback(error ?? null, error ? [] : reply);
    });
  }

  disconnect(): void {
    this.clientClosed = true;
    this.socket?.disconnect();
  }
}

/** socket.io-client's connect_error: a CONNECT_ERROR from the server carries `data`; transport failures have a type. */
function toConnectError(error: Error & { type?: string; data?: unknown; description?: unknown }): ClientConnectError {
  if (error.message === 'timeout') return new ClientConnectError('timeout', 'timeout');
  if (error.type === 'TransportError' || error.message.startsWith('websocket error') || error.message.startsWith('xhr poll error')) {
    return new ClientConnectError('transport', `${error.message}${error.description === undefined ? '' : `: ${describeDisconnect(error.description)}`}`);
  }
  return new ClientConnectError('connect_error', error.message, error.data);
}

function describeDisconnect(description: unknown): string | undefined {
  if (description === undefined) return undefined;
  if (description instanceof Error) return description.message;
  if (typeof description === 'object' && description !== null && 'description' in description) {
    const inner = (description as { description: unknown }).description;
    return inner instanceof Error ? inner.message : String(inner);
  }
  return String(description);
}
