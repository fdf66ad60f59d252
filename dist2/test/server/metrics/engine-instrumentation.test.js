/**
 * Refused and malformed inputs sent with raw sockets: each is counted under its kind, the offender is dropped,
 * and the server keeps serving the other clients.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, test } from 'node:test';
import { WebSocket } from 'ws';
import { engineDataBytes } from '../../../server/metrics/engine-instrumentation.js';
import { connectClient, connectError, openClient, startServer, withTimeout } from '../support/socket-test-kit.js';
/** A raw Engine.IO websocket that has received its open packet; closed at the end of the test. */
async function rawEngineSocket(t, server) {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    t.after(() => ws.terminate());
    const messages = [];
    const closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
    const opened = new Promise((resolve, reject) => {
        ws.on('message', (data) => {
            messages.push(data.toString());
            if (messages.length === 1)
                resolve();
        });
        ws.once('error', reject);
    });
    await withTimeout(opened, 'engine open packet');
    assert.equal(messages[0]?.[0], '0');
    return { ws, messages, closed };
}
function post(url, body) {
    return withTimeout(new Promise((resolve, reject) => {
        const req = request(url, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' } }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(body);
    }), 'POST');
}
describe('refused inputs', { timeout: 30_000 }, () => {
    test('a Socket.IO packet that does not parse is counted as parse-error and drops only its client', async (t) => {
        const server = await startServer(t);
        server.on('echo', (_sid, x) => x);
        const bystander = await connectClient(t, server, 'websocket');
        const { ws, closed } = await rawEngineSocket(t, server);
        ws.send('40');
        ws.send('42["unterminated');
        await withTimeout(closed, 'close after parse error');
        assert.deepEqual(server.metrics.snapshot().refusedByKind, { 'parse-error': 1 });
        assert.equal(await bystander.emitWithAck('echo', 'still here'), 'still here');
    });
    test('an Engine.IO packet of unknown type is counted as engine-parse-error', async (t) => {
        const server = await startServer(t);
        const { ws, closed } = await rawEngineSocket(t, server);
        ws.send('x-not-a-packet');
        await withTimeout(closed, 'close after engine parse error');
        assert.deepEqual(server.metrics.snapshot().refusedByKind, { 'engine-parse-error': 1 });
    });
    test('an oversize websocket message is closed with 1009 and counted as oversize', async (t) => {
        const server = await startServer(t, { maxHttpBufferSizeBytes: 1_000 });
        const { ws, closed } = await rawEngineSocket(t, server);
        ws.send(`4${'a'.repeat(2_000)}`);
        assert.equal(await withTimeout(closed, 'close after oversize'), 1009);
        assert.deepEqual(server.metrics.snapshot().refusedByKind, { oversize: 1 });
    });
    test('an oversize polling body gets 413 and is counted as oversize', async (t) => {
        const server = await startServer(t, { maxHttpBufferSizeBytes: 1_000 });
        const handshake = await withTimeout(fetch(`${server.url}/socket.io/?EIO=4&transport=polling`), 'handshake');
        const { sid } = JSON.parse((await handshake.text()).slice(1));
        const status = await post(`${server.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, `4${'a'.repeat(2_000)}`);
        assert.equal(status, 413);
        assert.deepEqual(server.metrics.snapshot().refusedByKind, { oversize: 1 });
    });
    test('an unknown namespace, an unknown transport and an unknown session are counted by kind', async (t) => {
        const server = await startServer(t);
        const stranger = openClient(t, server, 'websocket', { namespace: '/nowhere' });
        assert.equal((await connectError(stranger)).message, 'Invalid namespace');
        const badTransport = await withTimeout(fetch(`${server.url}/socket.io/?EIO=4&transport=carrier-pigeon`), 'bad transport');
        assert.equal(badTransport.status, 400);
        await badTransport.text();
        const badSession = await withTimeout(fetch(`${server.url}/socket.io/?EIO=4&transport=polling&sid=nope`), 'bad session');
        assert.equal(badSession.status, 400);
        await badSession.text();
        assert.deepEqual(server.metrics.snapshot().refusedByKind, {
            'engine-unknown-session': 1,
            'engine-unknown-transport': 1,
            'unknown-namespace': 1,
        });
    });
    test('apps count their own kinds through metrics.countRefused', async (t) => {
        const server = await startServer(t);
        server.metrics.countRefused('bench-malformed-join');
        server.metrics.countRefused('bench-malformed-join');
        const snapshot = server.metrics.snapshot();
        assert.deepEqual(snapshot.refusedByKind, { 'bench-malformed-join': 2 });
        assert.equal(snapshot.refusedTotal, 2);
    });
});
describe('refused inputs with msgpack', { timeout: 30_000 }, () => {
    test('a packet that msgpack cannot decode is counted as parse-error', async (t) => {
        const server = await startServer(t, { parser: 'msgpack', transports: 'websocket' });
        const { ws, closed } = await rawEngineSocket(t, server);
        ws.send(Buffer.from([0xc1])); // 0xc1 is never used by MessagePack
        await withTimeout(closed, 'close after msgpack parse error');
        assert.deepEqual(server.metrics.snapshot().refusedByKind, { 'parse-error': 1 });
    });
});
test('packet size: UTF-8 bytes of text plus the type byte, raw length of binary, 1 for an empty packet', () => {
    assert.equal(engineDataBytes('2["a"]'), 7);
    assert.equal(engineDataBytes('é'), 3);
    assert.equal(engineDataBytes(Buffer.from([1, 2, 3])), 3);
    assert.equal(engineDataBytes(new Uint8Array(5).buffer), 5);
    assert.equal(engineDataBytes(undefined), 1);
});
//# sourceMappingURL=engine-instrumentation.test.js.map