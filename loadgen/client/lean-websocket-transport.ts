/**
 * The lean client's websocket transport: RFC 6455 client framing written directly on a net.Socket. The transport
 * IS the socket (a subclass), so an idle connection costs one object beyond Node's own socket state: no `ws`
 * Receiver/Sender streams, no closures per connection. Server frames are parsed in place from the socket's
 * chunks; a frame split across chunks is collected until complete. Any framing violation ends the connection
 * with 'parse error'. The bytes of the upgrade and of a client frame are built in websocket-handshake.ts and
 * websocket-frames.ts.
 */
import { Socket, type SocketConstructorOpts } from 'node:net';
import type { EnginePacket } from './engineio-codec.js';
import type { Endpoint, LeanTransport, TransportCloseReason, TransportSink } from './lean-transport.js';
import type { SourcePortPool } from './source-ports.js';
import {
  MAX_MESSAGE_BYTES, OP_BINARY, OP_CLOSE, OP_CONTINUATION, OP_PING, OP_PONG, OP_TEXT, encodeClientFrame,
} from './websocket-frames.js';
import { MAX_HANDSHAKE_BYTES, handshakeKey, upgradeRefusal, upgradeRequest } from './websocket-handshake.js';

const HANDSHAKING = 0;
const OPEN = 1;
const CLOSED = 2;

/**
 * Every socket of this thread reads into this one buffer (net's `onread` option): reads allocate nothing and skip
 * the stream machinery. It is safe because frames are handled synchronously inside the read callback; anything
 * that must outlive the callback (a partial frame, a binary payload, a fragment) is copied out of it.
 */
const sharedReadBuffer = Buffer.allocUnsafe(64 * 1024);
const SOCKET_OPTIONS = { onread: { buffer: sharedReadBuffer, callback: onSocketRead } };

function onSocketRead(this: WebSocketTransport, bytes: number, buffer: Buffer): void {
  this.onWsRead(buffer, bytes);
}

function copyOf(data: Buffer, start: number, end: number): Buffer {
  const copy = Buffer.allocUnsafe(end - start);
  data.copy(copy, 0, start, end);
  return copy;
}

/** A websocket connection to an Engine.IO server; `sid` set when probing an upgrade from polling. */
export class WebSocketTransport extends Socket implements LeanTransport {
  readonly kind = 'websocket';
  private wsState = HANDSHAKING;
  /** Handshake: the Sec-WebSocket-Key sent. Open: unused. */
  private wsKey: string | undefined;
  /** Bytes of an incomplete header or frame, and how many bytes are needed before parsing again. */
  private wsChunks: Buffer[] | undefined;
  private wsChunkBytes = 0;
  private wsNeedBytes = 0;
  /** Payloads of a fragmented message so far, and its opcode. */
  private wsFragments: Buffer[] | undefined;
  private wsFragmentOpcode = 0;
  /** The source port taken from a pool for this socket, released when it closes (undefined: none was taken). */
  private wsLocalPort: number | undefined;
  private wsPortPool: SourcePortPool | undefined;

  constructor(private readonly sink: TransportSink, endpoint: Endpoint, sid: string | undefined) {
    // @types/node 20 lacks `onread` in the constructor options that Node 20 accepts.
    super(SOCKET_OPTIONS as SocketConstructorOpts);
    this.setNoDelay(true);
    this.on('error', this.onWsError);
    this.on('close', this.onWsClose);
    this.wsKey = handshakeKey();
    const request = upgradeRequest(endpoint, this.wsKey, sid);
    this.sink.wireBytes.sentBytes += request.length;
    if (endpoint.localPorts !== undefined) {
      this.wsLocalPort = endpoint.localPorts.connectHeld(this, { host: endpoint.host, port: endpoint.port });
      if (this.wsLocalPort !== undefined) this.wsPortPool = endpoint.localPorts;
    } else this.connect({ host: endpoint.host, port: endpoint.port, localAddress: endpoint.localAddress });
    // While connecting, net.Socket queues writes until the connection is up.
    this.write(request, 'latin1');
  }

  sendPacket(packet: EnginePacket): void {
    if (this.wsState !== OPEN) return;
    const frame = encodeClientFrame(typeof packet === 'string' ? OP_TEXT : OP_BINARY, packet);
    this.sink.wireBytes.sentBytes += frame.length;
    this.write(frame);
  }

  close(): void {
    if (this.wsState === CLOSED) return;
    const wasOpen = this.wsState === OPEN;
    this.wsState = CLOSED;
    this.wsChunks = undefined;
    this.wsFragments = undefined;
    if (wasOpen) {
      const frame = encodeClientFrame(OP_CLOSE, Buffer.from([0x03, 0xe8])); // 1000 normal closure
      this.sink.wireBytes.sentBytes += frame.length;
      this.end(frame);
    } else {
      this.destroy();
    }
  }

  private onWsError(this: WebSocketTransport, error: Error): void {
    this.fail('transport error', error.message);
  }

  private onWsClose(this: WebSocketTransport): void {
    // 'close' comes once, whoever closed: the pinned source port is free from now.
    if (this.wsPortPool !== undefined) this.wsPortPool.release(this.wsLocalPort!);
    this.wsPortPool = undefined;
    this.fail('transport close', 'connection closed by the server');
  }

  private fail(reason: TransportCloseReason, description: string): void {
    if (this.wsState === CLOSED) return;
    this.wsState = CLOSED;
    this.wsChunks = undefined;
    this.wsFragments = undefined;
    this.destroy();
    this.sink.onTransportClose(this, reason, description);
  }

  /** `bytes` bytes arrived at the start of the shared read buffer. Called by the socket's onread callback. */
  onWsRead(shared: Buffer, bytes: number): void {
    this.sink.wireBytes.receivedBytes += bytes;
    if (this.wsState === CLOSED) return;
    let data = shared;
    let length = bytes;
    if (this.wsChunks !== undefined) {
      this.wsChunks.push(copyOf(shared, 0, bytes));
      this.wsChunkBytes += bytes;
      if (this.wsChunkBytes < this.wsNeedBytes) return;
      data = Buffer.concat(this.wsChunks, this.wsChunkBytes);
      length = data.length;
      this.wsChunks = undefined;
    }
    let offset = 0;
    if (this.wsState === HANDSHAKING) {
      offset = this.readHandshake(data, length);
      if (offset < 0) return;
    }
    if (this.wsState === OPEN) this.readFrames(data, offset, length);
  }

  /** Returns the offset of the first frame byte, or -1 when the header is incomplete or the upgrade failed. */
  private readHandshake(data: Buffer, length: number): number {
    const end = data.subarray(0, length).indexOf('\r\n\r\n', 0, 'latin1');
    if (end === -1) {
      if (length > MAX_HANDSHAKE_BYTES) this.fail('transport error', 'websocket handshake response too large');
      else this.keep(data, 0, length, length + 1);
      return -1;
    }
    const refusal = upgradeRefusal(data, end, length, this.wsKey ?? '');
    if (refusal !== undefined) {
      this.fail('transport error', refusal);
      return -1;
    }
    this.wsKey = undefined;
    this.wsState = OPEN;
    this.sink.onTransportOpen(this);
    return end + 4;
  }

  /** Keeps a copy of data[from..to) until at least `needBytes` bytes from `from` are available. */
  private keep(data: Buffer, from: number, to: number, needBytes: number): void {
    this.wsChunks = [copyOf(data, from, to)];
    this.wsChunkBytes = to - from;
    this.wsNeedBytes = needBytes;
  }

  private readFrames(data: Buffer, start: number, length: number): void {
    let offset = start;
    while (this.wsState === OPEN && offset < length) {
      if (length - offset < 2) return this.keep(data, offset, length, 2);
      const b0 = data[offset]!;
      const b1 = data[offset + 1]!;
      if ((b0 & 0x70) !== 0) return this.fail('parse error', 'websocket frame with RSV bits set');
      if ((b1 & 0x80) !== 0) return this.fail('parse error', 'masked websocket frame from the server');
      let payloadBytes = b1 & 0x7f;
      let at = offset + 2;
      if (payloadBytes === 126) {
        if (length - at < 2) return this.keep(data, offset, length, 4);
        payloadBytes = data.readUInt16BE(at);
        at += 2;
      } else if (payloadBytes === 127) {
        if (length - at < 8) return this.keep(data, offset, length, 10);
        const high = data.readUInt32BE(at);
        if (high > 0) return this.fail('parse error', 'websocket frame too large');
        payloadBytes = data.readUInt32BE(at + 4);
        at += 8;
      }
      if (payloadBytes > MAX_MESSAGE_BYTES) return this.fail('parse error', 'websocket frame too large');
      const end = at + payloadBytes;
      if (end > length) return this.keep(data, offset, length, end - offset);
      this.onFrame(b0, data, at, end);
      offset = end;
    }
  }

  private onFrame(b0: number, data: Buffer, start: number, end: number): void {
    const fin = (b0 & 0x80) !== 0;
    const opcode = b0 & 0x0f;
    switch (opcode) {
      case OP_TEXT:
      case OP_BINARY:
        if (this.wsFragments !== undefined) return this.fail('parse error', 'new message inside a fragmented message');
        if (!fin) {
          this.wsFragments = [copyOf(data, start, end)];
          this.wsFragmentOpcode = opcode;
          return;
        }
        return this.deliver(opcode, data, start, end);
      case OP_CONTINUATION: {
        const fragments = this.wsFragments;
        if (fragments === undefined) return this.fail('parse error', 'continuation frame without a message');
        fragments.push(copyOf(data, start, end));
        if (!fin) {
          let total = 0;
          for (const fragment of fragments) total += fragment.length;
          if (total > MAX_MESSAGE_BYTES) return this.fail('parse error', 'websocket message too large');
          return;
        }
        this.wsFragments = undefined;
        const whole = Buffer.concat(fragments);
        return this.deliver(this.wsFragmentOpcode, whole, 0, whole.length);
      }
      case OP_CLOSE:
        if (!fin || end - start > 125 || end - start === 1) return this.fail('parse error', 'invalid close frame');
        this.wsState = CLOSED;
        this.end(encodeClientFrame(OP_CLOSE, data.subarray(start, Math.min(end, start + 2))));
        this.sink.onTransportClose(this, 'transport close', 'websocket closed by the server');
        return;
      case OP_PING:
        if (!fin || end - start > 125) return this.fail('parse error', 'invalid ping frame');
        this.write(encodeClientFrame(OP_PONG, data.subarray(start, end)));
        return;
      case OP_PONG:
        if (!fin || end - start > 125) return this.fail('parse error', 'invalid pong frame');
        return;
      default:
        return this.fail('parse error', `unknown websocket opcode ${opcode}`);
    }
  }

  private deliver(opcode: number, data: Buffer, start: number, end: number): void {
    // Binary is copied: `data` may be the shared read buffer, which the next read overwrites.
    const packet = opcode === OP_TEXT ? data.toString('utf8', start, end) : copyOf(data, start, end);
    this.sink.onTransportPacket(this, packet);
  }
}
