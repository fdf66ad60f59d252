/**
 * The lean client's websocket transport: RFC 6455 client framing written directly on a net.Socket. The transport
 * IS the socket (a subclass), so an idle connection costs one object beyond Node's own socket state: no `ws`
 * Receiver/Sender streams, no closures per connection. Server frames are parsed in place from the socket's
 * chunks; a frame split across chunks is collected until complete. Any framing violation ends the connection
 * with 'parse error'.
 */
import { createHash, randomFillSync } from 'node:crypto';
import { Socket } from 'node:net';
const OP_CONTINUATION = 0x0;
const OP_TEXT = 0x1;
const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;
/** Largest frame or message accepted from a server, bytes: beyond this a hostile length would exhaust memory. */
export const MAX_MESSAGE_BYTES = 100 * 1024 * 1024;
/** Largest HTTP response header accepted during the upgrade, bytes. */
const MAX_HANDSHAKE_BYTES = 16 * 1024;
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const HANDSHAKING = 0;
const OPEN = 1;
const CLOSED = 2;
/** Random bytes for masking keys and handshake nonces, refilled in blocks (one syscall per 1,024 frames). */
let randomPool = Buffer.allocUnsafe(4096);
let randomOffset = randomPool.length;
function takeRandom(bytes) {
    if (randomOffset + bytes > randomPool.length) {
        randomPool = randomFillSync(Buffer.allocUnsafe(4096));
        randomOffset = 0;
    }
    const at = randomOffset;
    randomOffset += bytes;
    return at;
}
/** Builds one masked client frame (FIN set) carrying `payload`. Exported for the codec tests. */
export function encodeClientFrame(opcode, payload) {
    const length = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
    const lengthBytes = length < 126 ? 0 : length < 65536 ? 2 : 8;
    const headerBytes = 2 + lengthBytes + 4;
    const frame = Buffer.allocUnsafe(headerBytes + length);
    frame[0] = 0x80 | opcode;
    if (lengthBytes === 0) {
        frame[1] = 0x80 | length;
    }
    else if (lengthBytes === 2) {
        frame[1] = 0x80 | 126;
        frame.writeUInt16BE(length, 2);
    }
    else {
        frame[1] = 0x80 | 127;
        frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
        frame.writeUInt32BE(length >>> 0, 6);
    }
    const maskAt = headerBytes - 4;
    const poolAt = takeRandom(4);
    randomPool.copy(frame, maskAt, poolAt, poolAt + 4);
    if (typeof payload === 'string')
        frame.write(payload, headerBytes, 'utf8');
    else
        payload.copy(frame, headerBytes);
    const m0 = frame[maskAt], m1 = frame[maskAt + 1], m2 = frame[maskAt + 2], m3 = frame[maskAt + 3];
    const end = headerBytes + length;
    let i = headerBytes;
    for (; i + 3 < end; i += 4) {
        frame[i] = frame[i] ^ m0;
        frame[i + 1] = frame[i + 1] ^ m1;
        frame[i + 2] = frame[i + 2] ^ m2;
        frame[i + 3] = frame[i + 3] ^ m3;
    }
    for (let k = 0; i < end; i++, k++)
        frame[i] = frame[i] ^ frame[maskAt + (k & 3)];
    return frame;
}
/** The Sec-WebSocket-Accept value a server must answer to `key`. */
export function expectedAccept(key) {
    return createHash('sha1').update(key + WEBSOCKET_GUID).digest('base64');
}
/**
 * Every socket of this thread reads into this one buffer (net's `onread` option): reads allocate nothing and skip
 * the stream machinery. It is safe because frames are handled synchronously inside the read callback; anything
 * that must outlive the callback (a partial frame, a binary payload, a fragment) is copied out of it.
 */
const sharedReadBuffer = Buffer.allocUnsafe(64 * 1024);
const SOCKET_OPTIONS = { onread: { buffer: sharedReadBuffer, callback: onSocketRead } };
function onSocketRead(bytes, buffer) {
    this.onWsRead(buffer, bytes);
}
function copyOf(data, start, end) {
    const copy = Buffer.allocUnsafe(end - start);
    data.copy(copy, 0, start, end);
    return copy;
}
/** A websocket connection to an Engine.IO server; `sid` set when probing an upgrade from polling. */
export class WebSocketTransport extends Socket {
    sink;
    kind = 'websocket';
    wsState = HANDSHAKING;
    /** Handshake: the Sec-WebSocket-Key sent. Open: unused. */
    wsKey;
    /** Bytes of an incomplete header or frame, and how many bytes are needed before parsing again. */
    wsChunks;
    wsChunkBytes = 0;
    wsNeedBytes = 0;
    /** Payloads of a fragmented message so far, and its opcode. */
    wsFragments;
    wsFragmentOpcode = 0;
    constructor(sink, endpoint, sid) {
        // @types/node 20 lacks `onread` in the constructor options that Node 20 accepts.
        super(SOCKET_OPTIONS);
        this.sink = sink;
        this.setNoDelay(true);
        this.on('error', this.onWsError);
        this.on('close', this.onWsClose);
        const keyAt = takeRandom(16);
        this.wsKey = randomPool.toString('base64', keyAt, keyAt + 16);
        let path = endpoint.pathAndQuery + '&transport=websocket';
        if (sid !== undefined)
            path += '&sid=' + encodeURIComponent(sid);
        let request = `GET ${path} HTTP/1.1\r\nHost: ${endpoint.hostHeader}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
            `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${this.wsKey}\r\n`;
        for (const [name, value] of endpoint.headers)
            request += `${name}: ${value}\r\n`;
        request += '\r\n';
        this.sink.bytesSent += request.length;
        if (endpoint.localPorts !== undefined)
            endpoint.localPorts.connectSocket(this, { host: endpoint.host, port: endpoint.port });
        else
            this.connect({ host: endpoint.host, port: endpoint.port, localAddress: endpoint.localAddress });
        // While connecting, net.Socket queues writes until the connection is up.
        this.write(request, 'latin1');
    }
    sendPacket(packet) {
        if (this.wsState !== OPEN)
            return;
        const frame = encodeClientFrame(typeof packet === 'string' ? OP_TEXT : OP_BINARY, packet);
        this.sink.bytesSent += frame.length;
        this.write(frame);
    }
    close() {
        if (this.wsState === CLOSED)
            return;
        const wasOpen = this.wsState === OPEN;
        this.wsState = CLOSED;
        this.wsChunks = undefined;
        this.wsFragments = undefined;
        if (wasOpen) {
            const frame = encodeClientFrame(OP_CLOSE, Buffer.from([0x03, 0xe8])); // 1000 normal closure
            this.sink.bytesSent += frame.length;
            this.end(frame);
        }
        else {
            this.destroy();
        }
    }
    onWsError(error) {
        this.fail('transport error', error.message);
    }
    onWsClose() {
        this.fail('transport close', 'connection closed by the server');
    }
    fail(reason, description) {
        if (this.wsState === CLOSED)
            return;
        this.wsState = CLOSED;
        this.wsChunks = undefined;
        this.wsFragments = undefined;
        this.destroy();
        this.sink.onTransportClose(this, reason, description);
    }
    /** `bytes` bytes arrived at the start of the shared read buffer. Called by the socket's onread callback. */
    onWsRead(shared, bytes) {
        this.sink.bytesReceived += bytes;
        if (this.wsState === CLOSED)
            return;
        let data = shared;
        let length = bytes;
        if (this.wsChunks !== undefined) {
            this.wsChunks.push(copyOf(shared, 0, bytes));
            this.wsChunkBytes += bytes;
            if (this.wsChunkBytes < this.wsNeedBytes)
                return;
            data = Buffer.concat(this.wsChunks, this.wsChunkBytes);
            length = data.length;
            this.wsChunks = undefined;
        }
        let offset = 0;
        if (this.wsState === HANDSHAKING) {
            offset = this.readHandshake(data, length);
            if (offset < 0)
                return;
        }
        if (this.wsState === OPEN)
            this.readFrames(data, offset, length);
    }
    /** Returns the offset of the first frame byte, or -1 when the header is incomplete or the upgrade failed. */
    readHandshake(data, length) {
        const end = data.subarray(0, length).indexOf('\r\n\r\n', 0, 'latin1');
        if (end === -1) {
            if (length > MAX_HANDSHAKE_BYTES)
                this.fail('transport error', 'websocket handshake response too large');
            else
                this.keep(data, 0, length, length + 1);
            return -1;
        }
        const head = data.toString('latin1', 0, end);
        const lines = head.split('\r\n');
        const status = lines[0] ?? '';
        if (!status.startsWith('HTTP/1.1 101')) {
            const body = data.toString('utf8', end + 4, Math.min(length, end + 4 + 300));
            this.fail('transport error', `websocket upgrade refused: ${status}${body.length > 0 ? ` ${body}` : ''}`);
            return -1;
        }
        let accept;
        for (let i = 1; i < lines.length; i++) {
            const line = lines[i];
            const colon = line.indexOf(':');
            if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === 'sec-websocket-accept')
                accept = line.slice(colon + 1).trim();
        }
        if (accept !== expectedAccept(this.wsKey ?? '')) {
            this.fail('transport error', 'websocket upgrade: invalid Sec-WebSocket-Accept');
            return -1;
        }
        this.wsKey = undefined;
        this.wsState = OPEN;
        this.sink.onTransportOpen(this);
        return end + 4;
    }
    /** Keeps a copy of data[from..to) until at least `needBytes` bytes from `from` are available. */
    keep(data, from, to, needBytes) {
        this.wsChunks = [copyOf(data, from, to)];
        this.wsChunkBytes = to - from;
        this.wsNeedBytes = needBytes;
    }
    readFrames(data, start, length) {
        let offset = start;
        while (this.wsState === OPEN && offset < length) {
            if (length - offset < 2)
                return this.keep(data, offset, length, 2);
            const b0 = data[offset];
            const b1 = data[offset + 1];
            if ((b0 & 0x70) !== 0)
                return this.fail('parse error', 'websocket frame with RSV bits set');
            if ((b1 & 0x80) !== 0)
                return this.fail('parse error', 'masked websocket frame from the server');
            let payloadBytes = b1 & 0x7f;
            let at = offset + 2;
            if (payloadBytes === 126) {
                if (length - at < 2)
                    return this.keep(data, offset, length, 4);
                payloadBytes = data.readUInt16BE(at);
                at += 2;
            }
            else if (payloadBytes === 127) {
                if (length - at < 8)
                    return this.keep(data, offset, length, 10);
                const high = data.readUInt32BE(at);
                if (high > 0)
                    return this.fail('parse error', 'websocket frame too large');
                payloadBytes = data.readUInt32BE(at + 4);
                at += 8;
            }
            if (payloadBytes > MAX_MESSAGE_BYTES)
                return this.fail('parse error', 'websocket frame too large');
            const end = at + payloadBytes;
            if (end > length)
                return this.keep(data, offset, length, end - offset);
            this.onFrame(b0, data, at, end);
            offset = end;
        }
    }
    onFrame(b0, data, start, end) {
        const fin = (b0 & 0x80) !== 0;
        const opcode = b0 & 0x0f;
        switch (opcode) {
            case OP_TEXT:
            case OP_BINARY:
                if (this.wsFragments !== undefined)
                    return this.fail('parse error', 'new message inside a fragmented message');
                if (!fin) {
                    this.wsFragments = [copyOf(data, start, end)];
                    this.wsFragmentOpcode = opcode;
                    return;
                }
                return this.deliver(opcode, data, start, end);
            case OP_CONTINUATION: {
                const fragments = this.wsFragments;
                if (fragments === undefined)
                    return this.fail('parse error', 'continuation frame without a message');
                fragments.push(copyOf(data, start, end));
                if (!fin) {
                    let total = 0;
                    for (const fragment of fragments)
                        total += fragment.length;
                    if (total > MAX_MESSAGE_BYTES)
                        return this.fail('parse error', 'websocket message too large');
                    return;
                }
                this.wsFragments = undefined;
                const whole = Buffer.concat(fragments);
                return this.deliver(this.wsFragmentOpcode, whole, 0, whole.length);
            }
            case OP_CLOSE:
                if (!fin || end - start > 125 || end - start === 1)
                    return this.fail('parse error', 'invalid close frame');
                this.wsState = CLOSED;
                this.end(encodeClientFrame(OP_CLOSE, data.subarray(start, Math.min(end, start + 2))));
                this.sink.onTransportClose(this, 'transport close', 'websocket closed by the server');
                return;
            case OP_PING:
                if (!fin || end - start > 125)
                    return this.fail('parse error', 'invalid ping frame');
                this.write(encodeClientFrame(OP_PONG, data.subarray(start, end)));
                return;
            case OP_PONG:
                if (!fin || end - start > 125)
                    return this.fail('parse error', 'invalid pong frame');
                return;
            default:
                return this.fail('parse error', `unknown websocket opcode ${opcode}`);
        }
    }
    deliver(opcode, data, start, end) {
        // Binary is copied: `data` may be the shared read buffer, which the next read overwrites.
        const packet = opcode === OP_TEXT ? data.toString('utf8', start, end) : copyOf(data, start, end);
        this.sink.onTransportPacket(this, packet);
    }
}
//# sourceMappingURL=lean-websocket-transport.js.map