/**
 * Socket.IO v5 packet encodings, checked byte for byte against the protocol's documented examples.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProtocolError } from '../../../loadgen/client/engineio-codec.js';
import { createDecodedPacket, decodeSocketIoPacket, encodeAck, encodeConnect, encodeDisconnect, encodeEvent, hasBinary, reconstruct, } from '../../../loadgen/client/socketio-codec.js';
describe('socketio-codec encoding (as Engine.IO message packets)', () => {
    it('encodes CONNECT with and without auth, in the main and another namespace', () => {
        assert.equal(encodeConnect('/', undefined), '40');
        assert.equal(encodeConnect('/', { token: 'abc' }), '40{"token":"abc"}');
        assert.equal(encodeConnect('/admin', undefined), '40/admin,');
        assert.equal(encodeConnect('/admin', { token: 'abc' }), '40/admin,{"token":"abc"}');
    });
    it('encodes DISCONNECT', () => {
        assert.equal(encodeDisconnect('/'), '41');
        assert.equal(encodeDisconnect('/admin'), '41/admin,');
    });
    it('encodes EVENT with and without ack id and namespace', () => {
        assert.deepEqual(encodeEvent('/', 'hello', [1, 'a', { b: [true, null] }], -1), { text: '42["hello",1,"a",{"b":[true,null]}]', attachments: [] });
        assert.deepEqual(encodeEvent('/', 'e', [], 12), { text: '4212["e"]', attachments: [] });
        assert.deepEqual(encodeEvent('/chat', 'e', ['x'], 0), { text: '42/chat,0["e","x"]', attachments: [] });
    });
    it('encodes BINARY_EVENT with placeholders in depth-first order and the attachments after', () => {
        const encoded = encodeEvent('/', 'bin', [{ a: Buffer.from([1]), list: [Buffer.from([2]), 'x'] }, new Uint8Array([3, 4])], 3);
        assert.equal(encoded.text, '453-3["bin",{"a":{"_placeholder":true,"num":0},"list":[{"_placeholder":true,"num":1},"x"]},{"_placeholder":true,"num":2}]');
        assert.deepEqual(encoded.attachments, [Buffer.from([1]), Buffer.from([2]), Buffer.from([3, 4])]);
        const inNamespace = encodeEvent('/admin', 'b', [new ArrayBuffer(2)], -1);
        assert.equal(inNamespace.text, '451-/admin,["b",{"_placeholder":true,"num":0}]');
        assert.deepEqual(inNamespace.attachments, [Buffer.alloc(2)]);
    });
    it('encodes ACK and BINARY_ACK', () => {
        assert.deepEqual(encodeAck('/', 5, ['x', 1]), { text: '435["x",1]', attachments: [] });
        assert.deepEqual(encodeAck('/admin', 7, [Buffer.from('hi')]), { text: '461-/admin,7[{"_placeholder":true,"num":0}]', attachments: [Buffer.from('hi')] });
    });
    it('finds binary at any depth and nowhere else', () => {
        assert.equal(hasBinary({ a: [{ b: Buffer.alloc(1) }] }), true);
        assert.equal(hasBinary([1, 'x', { y: null }]), false);
        assert.equal(hasBinary(new ArrayBuffer(0)), true);
        assert.equal(hasBinary('string'), false);
    });
});
describe('socketio-codec decoding', () => {
    const out = createDecodedPacket();
    const decode = (text, start = 0) => {
        decodeSocketIoPacket(text, start, out);
        return { ...out };
    };
    it('decodes each packet type', () => {
        assert.deepEqual(decode('0{"sid":"abc"}'), { type: 0, nsp: '/', ackId: -1, attachments: 0, data: { sid: 'abc' } });
        assert.deepEqual(decode('0/admin,{"sid":"abc"}'), { type: 0, nsp: '/admin', ackId: -1, attachments: 0, data: { sid: 'abc' } });
        assert.deepEqual(decode('1/admin,'), { type: 1, nsp: '/admin', ackId: -1, attachments: 0, data: undefined });
        assert.deepEqual(decode('1'), { type: 1, nsp: '/', ackId: -1, attachments: 0, data: undefined });
        assert.deepEqual(decode('2["ev",1,{"a":"b"}]'), { type: 2, nsp: '/', ackId: -1, attachments: 0, data: ['ev', 1, { a: 'b' }] });
        assert.deepEqual(decode('3/admin,17["ok"]'), { type: 3, nsp: '/admin', ackId: 17, attachments: 0, data: ['ok'] });
        assert.deepEqual(decode('4{"message":"no","data":{"x":1}}'), { type: 4, nsp: '/', ackId: -1, attachments: 0, data: { message: 'no', data: { x: 1 } } });
        assert.deepEqual(decode('51-["b",{"_placeholder":true,"num":0}]'), { type: 5, nsp: '/', ackId: -1, attachments: 1, data: ['b', { _placeholder: true, num: 0 }] });
        assert.deepEqual(decode('612-/x,9[]'), { type: 6, nsp: '/x', ackId: 9, attachments: 12, data: [] });
    });
    it('decodes from an offset (after the Engine.IO message type)', () => {
        assert.deepEqual(decode('42["push","x"]', 1), { type: 2, nsp: '/', ackId: -1, attachments: 0, data: ['push', 'x'] });
    });
    it('rejects what socket.io-parser rejects, with ProtocolError', () => {
        for (const bad of ['', '7', '9[]', '2', '2[', '2{}', '2[]', '2[{}]', '1{}', '3"x"', '0[]', '0', '5-["b"]', '5x-["b"]', '4[1]', '2/nsp,["e"', '5999999-["e"]', '299999999999["e"]']) {
            assert.throws(() => decode(bad), ProtocolError, JSON.stringify(bad));
        }
    });
    it('reconstructs placeholders, rejects bad indexes, and never sets a prototype', () => {
        const data = reconstruct(['e', { a: { _placeholder: true, num: 1 } }, [{ _placeholder: true, num: 0 }]], [Buffer.from('x'), Buffer.from('y')]);
        assert.deepEqual(data, ['e', { a: Buffer.from('y') }, [Buffer.from('x')]]);
        assert.throws(() => reconstruct([{ _placeholder: true, num: 2 }], [Buffer.alloc(1)]), ProtocolError);
        assert.throws(() => reconstruct([{ _placeholder: true, num: '0' }], [Buffer.alloc(1)]), ProtocolError);
        const hostile = JSON.parse('{"__proto__":{"_placeholder":true,"num":0}}');
        reconstruct(hostile, [Buffer.from('z')]);
        assert.equal(Object.getPrototypeOf(hostile), Object.prototype);
        assert.deepEqual(Object.getOwnPropertyDescriptor(hostile, '__proto__')?.value, Buffer.from('z'));
    });
});
//# sourceMappingURL=socketio-codec.test.js.map