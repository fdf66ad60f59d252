/**
 * A hostile server must never make the lean client throw: random and malformed input either leaves the client
 * connected (when it happens to be valid) or ends it with exactly one onDisconnect, 'parse error' for input
 * that is malformed by construction. The codecs are fuzzed directly, then the whole client over raw TCP with a
 * hand-made websocket handshake so that arbitrary bytes reach the frame parser.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { ProtocolError, decodePollingPayload, parseOpenPacket } from '../../../loadgen/client/engineio-codec.js';
import { LeanClient } from '../../../loadgen/client/lean-client.js';
import { createDecodedPacket, decodeSocketIoPacket, reconstruct } from '../../../loadgen/client/socketio-codec.js';
import { HandlerRecorder, clientOptions } from './client-fixtures.js';
function onlyProtocolErrors(run) {
    try {
        run();
    }
    catch (error) {
        if (!(error instanceof ProtocolError))
            throw error;
    }
}
describe('codecs under random input', () => {
    const packetText = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.tuple(fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '51-', '62-/a,', '2/x,', '37'), fc.json()).map(([head, json]) => head + json), fc.tuple(fc.constantFrom('5', '6'), fc.string({ maxLength: 12 }), fc.json()).map(([head, middle, json]) => head + middle + json));
    it('decodeSocketIoPacket and reconstruct throw nothing but ProtocolError', () => {
        const out = createDecodedPacket();
        fc.assert(fc.property(packetText, fc.array(fc.uint8Array({ maxLength: 4 }), { maxLength: 3 }), (text, attachments) => {
            onlyProtocolErrors(() => {
                decodeSocketIoPacket(text, 0, out);
                reconstruct(out.data, attachments.map((a) => Buffer.from(a)));
            });
        }), { numRuns: 3000 });
    });
    it('decodePollingPayload and parseOpenPacket throw nothing but ProtocolError', () => {
        fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
            onlyProtocolErrors(() => decodePollingPayload(text));
            onlyProtocolErrors(() => parseOpenPacket(text));
            onlyProtocolErrors(() => parseOpenPacket('0' + text));
        }), { numRuns: 3000 });
    });
});
/** An unmasked server frame. */
function serverFrame(opcode, payload) {
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const header = body.length < 126 ? Buffer.from([0x80 | opcode, body.length]) : Buffer.from([0x80 | opcode, 126, body.length >> 8, body.length & 0xff]);
    return Buffer.concat([header, body]);
}
const HANDSHAKE_FRAMES = Buffer.concat([
    serverFrame(1, '0{"sid":"fuzz","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}'),
    serverFrame(1, '40{"sid":"fuzz-socket"}'),
]);
/** A raw TCP server: answers the websocket upgrade by hand, then writes the scripted bytes and ends. */
class RawWebSocketServer {
    server = createServer((socket) => this.onConnection(socket));
    script = Buffer.alloc(0);
    lastSocketClosed = Promise.resolve();
    async listen() {
        await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
        return `http://127.0.0.1:${this.server.address().port}`;
    }
    close() {
        return new Promise((resolve) => this.server.close(() => resolve()));
    }
    onConnection(socket) {
        const script = this.script;
        this.lastSocketClosed = new Promise((resolve) => socket.once('close', () => resolve()));
        socket.on('error', () => undefined); // the client may reset the connection mid-script: that is its right
        let head = '';
        socket.on('data', (chunk) => {
            if (head.includes('\r\n\r\n'))
                return; // client frames after the upgrade are not needed here
            head += chunk.toString('latin1');
            if (!head.includes('\r\n\r\n'))
                return;
            const key = /sec-websocket-key: *(\S+)/i.exec(head)?.[1] ?? '';
            const accept = createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
            socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
            socket.write(HANDSHAKE_FRAMES);
            socket.end(script);
        });
    }
}
describe('lean client against a hostile server', { timeout: 120_000 }, () => {
    const server = new RawWebSocketServer();
    let url = '';
    before(async () => {
        url = await server.listen();
    });
    after(() => server.close());
    /** Connects one client to the script; resolves with every onDisconnect it saw once its socket has closed. */
    async function runScript(script) {
        server.script = script;
        const recorder = new HandlerRecorder();
        const client = new LeanClient(clientOptions(url, 'websocket'), recorder.handlers);
        await client.connect();
        await recorder.nextDisconnect();
        await server.lastSocketClosed;
        return recorder.disconnects.map((d) => d.reason);
    }
    const allowed = new Set(['parse error', 'transport close', 'io server disconnect']);
    it('survives arbitrary bytes after the handshake: one disconnect, a known reason', async () => {
        await fc.assert(fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 80 }), async (bytes) => {
            const reasons = await runScript(Buffer.from(bytes));
            assert.equal(reasons.length, 1);
            assert.ok(allowed.has(reasons[0]), reasons[0]);
        }), { numRuns: 150 });
    });
    it("closes with 'parse error' on malformed frames and packets", async () => {
        const malformed = fc.oneof(
        // bad Engine.IO packet type
        fc.string({ maxLength: 10 }).map((rest) => serverFrame(1, 'X' + rest)), 
        // bad Socket.IO packet type or payload
        fc.tuple(fc.constantFrom('47', '48', '49', '42', '43', '40', '4'), fc.constantFrom('', '{', '"x"', '[', 'x[]', '{}'))
            .filter(([head, tail]) => head + tail !== '40{}') // a CONNECT with an object is valid (ignored once connected)
            .map(([head, tail]) => serverFrame(1, head + tail)), 
        // binary with no packet announcing it
        fc.uint8Array({ maxLength: 10 }).map((bytes) => serverFrame(2, Buffer.from(bytes))), 
        // an attachment index that does not exist
        fc.integer({ min: 1, max: 50 }).map((num) => Buffer.concat([serverFrame(1, `451-["b",{"_placeholder":true,"num":${num}}]`), serverFrame(2, Buffer.from([1]))])), 
        // framing violations: reserved bits, masked server frame, unknown opcode, continuation without a message
        fc.constantFrom(Buffer.from([0xc1, 0x00]), Buffer.from([0x81, 0x81, 1, 2, 3, 4, 0x41]), Buffer.from([0x83, 0x00]), Buffer.from([0x80, 0x00])));
        await fc.assert(fc.asyncProperty(malformed, async (frames) => {
            assert.deepEqual(await runScript(frames), ['parse error']);
        }), { numRuns: 100 });
    });
    it('random text frames followed by a malformed one: one disconnect, a known reason', async () => {
        await fc.assert(fc.asyncProperty(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { maxLength: 4 }), async (texts) => {
            const reasons = await runScript(Buffer.concat([...texts.map((text) => serverFrame(1, text)), serverFrame(1, 'X')]));
            assert.equal(reasons.length, 1);
            assert.ok(allowed.has(reasons[0]), reasons[0]);
        }), { numRuns: 100 });
    });
});
//# sourceMappingURL=decoder-fuzz.test.js.map