import assert from 'node:assert/strict';
import { test } from 'node:test';
import { packetOrderRefusal } from '../../../server/limits/packet-order-check.js';
test('packets are refused exactly where socket.io closes the client for its state', () => {
    const connected = new Set();
    assert.equal(packetOrderRefusal({ type: 2, nsp: '/' }, connected), 'packet-before-connect', 'an event before CONNECT');
    assert.equal(packetOrderRefusal({ type: 0, nsp: '/' }, connected), undefined);
    assert.equal(packetOrderRefusal({ type: 2, nsp: '/' }, connected), undefined);
    assert.equal(packetOrderRefusal({ type: 3, nsp: '/' }, connected), undefined, 'an ack on a connected namespace');
    assert.equal(packetOrderRefusal({ type: 2, nsp: '/chat' }, connected), 'packet-before-connect', 'another namespace');
    assert.equal(packetOrderRefusal({ type: 4, nsp: '/' }, connected), 'client-connect-error');
    assert.equal(packetOrderRefusal({ type: 1, nsp: '/' }, connected), undefined, 'a DISCONNECT of a connected namespace');
    assert.equal(packetOrderRefusal({ type: 5, nsp: '/' }, connected), 'packet-before-connect', 'nothing after leaving');
    assert.equal(packetOrderRefusal({ type: 1, nsp: '/' }, connected), 'packet-before-connect');
});
//# sourceMappingURL=packet-order-check.test.js.map