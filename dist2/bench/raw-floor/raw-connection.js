/**
 * The cheapest Socket.IO client this machine can run, as a floor to measure the load generator against: one
 * `net.Socket` per connection reading into one shared buffer, the websocket upgrade and the Engine.IO / Socket.IO
 * handshakes written as fixed strings, and afterwards nothing but frame headers looked at: an event frame is
 * counted, a ping is answered, an ack resolves a join. No decoding, no per-message allocation, no measurement.
 * Not a usable client (no close handshake, no validation of what the server says): only what it costs to hold a
 * connection, connect one and receive on one, with Node.js on this kernel.
 */
import { Socket } from 'node:net';
const WEBSOCKET_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
const MASK = Buffer.from([0x12, 0x34, 0x56, 0x78]);
/** A masked client text frame (RFC 6455; the payload is under 64 KiB). */
export function maskedTextFrame(text) {
    const payload = Buffer.from(text, 'utf8');
    const extended = payload.length >= 126;
    const header = extended ? 8 : 6;
    const frame = Buffer.allocUnsafe(header + payload.length);
    frame[0] = 0x81;
    if (extended) {
        frame[1] = 0x80 | 126;
        frame.writeUInt16BE(payload.length, 2);
    }
    else {
        frame[1] = 0x80 | payload.length;
    }
    MASK.copy(frame, header - 4);
    for (let i = 0; i < payload.length; i++)
        frame[header + i] = payload[i] ^ MASK[i & 3];
    return frame;
}
const PONG = maskedTextFrame('3');
const CHAR_0 = 0x30;
const CHAR_2 = 0x32;
const CHAR_3 = 0x33;
const CHAR_4 = 0x34;
const sharedReadBuffer = Buffer.allocUnsafe(64 * 1024);
const SOCKET_OPTIONS = { onread: { buffer: sharedReadBuffer, callback: onSharedRead } };
function onSharedRead(bytes, buffer) {
    this.onBytes(buffer, bytes);
}
const UPGRADING = 0;
const OPENING = 1;
const OPEN = 2;
const FAILED = 3;
/** One raw Socket.IO connection over websocket to `127.0.0.1:port` (or another host). */
export class RawConnection extends Socket {
    events;
    connectFrame;
    stage = UPGRADING;
    /** Bytes of a frame split across reads (rare: small frames), kept until the rest arrives. */
    carry;
    constructor(events, connectFrame, host, port) {
        // @types/node 20 lacks `onread` in the constructor options that Node 20 accepts.
        super(SOCKET_OPTIONS);
        this.events = events;
        this.connectFrame = connectFrame;
        this.setNoDelay(true);
        this.on('error', (error) => this.fail(error.message));
        this.on('close', () => this.fail('closed by the server'));
        this.connect({ host, port });
        this.write(`GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: ${host}:${port}\r\nUpgrade: websocket\r\n` +
            `Connection: Upgrade\r\nSec-WebSocket-Key: ${WEBSOCKET_KEY}\r\nSec-WebSocket-Version: 13\r\n\r\n`, 'latin1');
    }
    /** The CONNECT to send for client `clientIndex` (the bench app puts it in its personal room, as the engine's clients). */
    static connectFrameFor(clientIndex) {
        return maskedTextFrame(`40{"clientIndex":${clientIndex}}`);
    }
    get isOpen() {
        return this.stage === OPEN;
    }
    /** Ends the connection without reporting it as failed (the owner is done with it). */
    closeQuietly() {
        this.stage = FAILED;
        this.destroy();
    }
    sendFrame(frame) {
        if (this.stage === OPEN)
            this.write(frame);
    }
    onBytes(shared, bytes) {
        if (this.stage === FAILED)
            return;
        let data = shared;
        let length = bytes;
        if (this.carry !== undefined) {
            data = Buffer.concat([this.carry, shared.subarray(0, bytes)]);
            length = data.length;
            this.carry = undefined;
        }
        let offset = 0;
        if (this.stage === UPGRADING) {
            const end = data.subarray(0, length).indexOf('\r\n\r\n', 0, 'latin1');
            if (end === -1)
                return this.keep(data, 0, length);
            if (!data.toString('latin1', 0, 12).startsWith('HTTP/1.1 101'))
                return this.fail(`upgrade refused: ${data.toString('latin1', 0, Math.min(end, 80))}`);
            this.stage = OPENING;
            offset = end + 4;
        }
        while (offset < length) {
            if (length - offset < 2)
                return this.keep(data, offset, length);
            let payloadBytes = data[offset + 1] & 0x7f;
            let at = offset + 2;
            if (payloadBytes === 126) {
                if (length - at < 2)
                    return this.keep(data, offset, length);
                payloadBytes = data.readUInt16BE(at);
                at += 2;
            }
            else if (payloadBytes === 127) {
                return this.fail('frame of 64 KiB or more');
            }
            if (at + payloadBytes > length)
                return this.keep(data, offset, length);
            this.onFrame(data, at, payloadBytes);
            if (this.stage === FAILED)
                return;
            offset = at + payloadBytes;
        }
    }
    onFrame(data, at, payloadBytes) {
        const first = data[at];
        if (first === CHAR_2 && payloadBytes === 1) {
            this.write(PONG);
        }
        else if (first === CHAR_4 && payloadBytes > 1) {
            const second = data[at + 1];
            if (second === CHAR_2)
                this.events.onEvent();
            else if (second === CHAR_3)
                this.events.onAck(this);
            else if (second === CHAR_0 && this.stage === OPENING) {
                this.stage = OPEN;
                this.events.onOpen(this);
            }
            else if (second === CHAR_4)
                this.fail(`CONNECT_ERROR ${data.toString('utf8', at, at + Math.min(payloadBytes, 120))}`);
        }
        else if (first === CHAR_0 && this.stage === OPENING) {
            // Engine.IO OPEN: join the default namespace.
            this.write(this.connectFrame);
        }
    }
    keep(data, from, to) {
        this.carry = Buffer.from(data.subarray(from, to));
    }
    fail(reason) {
        if (this.stage === FAILED)
            return;
        this.stage = FAILED;
        this.destroy();
        this.events.onFail(this, reason);
    }
}
//# sourceMappingURL=raw-connection.js.map