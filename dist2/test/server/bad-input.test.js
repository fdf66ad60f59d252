/**
 * Bad input against the reference server (bench app): raw malformed Engine.IO and Socket.IO packets over a raw
 * `ws` connection and over raw HTTP long-polling, wrong payload types to each bench event, and oversize
 * messages. After each, the server is still up, still serves a well-behaved client, and /metrics.json has
 * counted exactly what it refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { createReferenceServer } from '../../server/reference-server.js';
import { benchRefusalKind } from '../../server/apps/bench-app.js';
import { call, connectClient, metricsJson, WAIT_MS } from './apps/app-test-clients.js';
const MAX_BUFFER_BYTES = 10_000;
function openRaw(server) {
    const ws = new WebSocket(`ws://127.0.0.1:${server.address.port}/socket.io/?EIO=4&transport=websocket`);
    const queue = [];
    const waiters = [];
    ws.on('message', (data) => {
        const text = data.toString();
        const waiter = waiters.shift();
        if (waiter !== undefined)
            waiter(text);
        else
            queue.push(text);
    });
    const closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
    const next = () => {
        const queued = queue.shift();
        if (queued !== undefined)
            return Promise.resolve(queued);
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no message within ${WAIT_MS} ms`)), WAIT_MS);
            waiters.push((message) => {
                clearTimeout(timer);
                resolve(message);
            });
        });
    };
    return new Promise((resolve, reject) => {
        ws.once('error', reject);
        ws.once('open', () => resolve({ ws, next, closed }));
    });
}
/** Opens a raw websocket and joins the default namespace: resolves after `40{"sid":...}`. */
async function openRawConnected(server) {
    const raw = await openRaw(server);
    assert.match(await raw.next(), /^0\{"sid"/);
    raw.ws.send('40');
    assert.match(await raw.next(), /^40\{"sid"/);
    return raw;
}
async function expectClosedBy(server, send, connected = true) {
    const raw = connected ? await openRawConnected(server) : await openRaw(server);
    send(raw);
    return raw.closed;
}
/** A polling session: its sid after the handshake. */
async function pollingHandshake(server) {
    const response = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { signal: AbortSignal.timeout(WAIT_MS) });
    const body = await response.text();
    const match = /^0\{"sid":"([^"]+)"/.exec(body);
    assert.ok(match?.[1] !== undefined, `handshake: ${body}`);
    return match[1];
}
async function pollingPost(server, sid, body) {
    const response = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        signal: AbortSignal.timeout(WAIT_MS),
    });
    await response.arrayBuffer();
    return response.status;
}
async function statusOf(url) {
    const response = await fetch(url, { signal: AbortSignal.timeout(WAIT_MS) });
    await response.arrayBuffer();
    return response.status;
}
test('malformed packets, wrong payload types and oversize messages are refused, counted exactly, and the server keeps serving', async (t) => {
    const server = await createReferenceServer({ app: 'bench', maxHttpBufferSizeBytes: MAX_BUFFER_BYTES });
    const witness = await connectClient(server.url, 'websocket', { clientIndex: 0 });
    t.after(async () => {
        witness.close();
        await server.close();
    });
    const stillServing = async () => assert.equal(await call(witness, 'echo', 'ok'), 'ok');
    // Engine.IO over websocket: an unknown packet type, and a frame over maxHttpBufferSize (close 1009).
    assert.equal(await expectClosedBy(server, (raw) => raw.ws.send('9nonsense'), false), 1005);
    assert.equal(await expectClosedBy(server, (raw) => raw.ws.send(`4${'x'.repeat(MAX_BUFFER_BYTES + 1)}`)), 1009);
    await stillServing();
    // Socket.IO over websocket: unknown packet type, broken JSON, a payload that is not an array, an event
    // without a name, and a binary packet announcing attachments that never come... each closes that client.
    assert.equal(await expectClosedBy(server, (raw) => raw.ws.send('47["echo"]')), 1005);
    assert.equal(await expectClosedBy(server, (raw) => raw.ws.send('42["echo",')), 1005);
    assert.equal(await expectClosedBy(server, (raw) => raw.ws.send('42{"not":"an array"}')), 1005);
    assert.equal(await expectClosedBy(server, (raw) => raw.ws.send('42[]')), 1005);
    await stillServing();
    // Wrong payload types to each bench event over a raw connection: an ErrorAck when an ack is asked for.
    const raw = await openRawConnected(server);
    const cases = [
        ['421["join",5]', '431[{"error":"join: expected an object { room }"}]'],
        ['422["join",{"room":["a"]}]', '432[{"error":"join: room must be a non-empty string"}]'],
        ['423["leave",null]', '433[{"error":"leave: expected an object { room }"}]'],
        ['424["direct","to everyone"]', '434[{"error":"direct: expected an object { to, from, seq, t0Us, sentUs, payload }"}]'],
        ['425["direct",{"to":"client:0","from":-1,"seq":0,"t0Us":0,"sentUs":0}]', '435[{"error":"direct: from must be a non-negative integer (client index)"}]'],
        ['426["broadcast",{"room":7}]', '436[{"error":"broadcast: room must be a non-empty string"}]'],
        ['427["broadcast",{"room":"r","from":0,"seq":1.5,"t0Us":0,"sentUs":0}]', '437[{"error":"broadcast: seq must be a non-negative integer"}]'],
        ['428["echo",{"any":"payload is valid"}]', '438[{"any":"payload is valid"}]'],
    ];
    for (const [request, expectedAck] of cases) {
        raw.ws.send(request);
        assert.equal(await raw.next(), expectedAck, request);
    }
    // Without an ack: dropped silently (and counted); the echo after them proves they were handled.
    raw.ws.send('42["direct",{"to":""}]');
    raw.ws.send('42["broadcast",[]]');
    raw.ws.send('429["echo","after"]');
    assert.equal(await raw.next(), '439["after"]');
    raw.ws.close();
    await raw.closed;
    await stillServing();
    // Long-polling: a body that is not an Engine.IO payload, a body over maxHttpBufferSize (HTTP 413),
    // an unknown session, an unknown transport and an unsupported protocol version (HTTP 400).
    assert.equal(await pollingPost(server, await pollingHandshake(server), 'garbage'), 200);
    assert.equal(await pollingPost(server, await pollingHandshake(server), `4${'y'.repeat(MAX_BUFFER_BYTES + 1)}`), 413);
    assert.equal(await statusOf(`${server.url}/socket.io/?EIO=4&transport=polling&sid=no-such-session`), 400);
    assert.equal(await statusOf(`${server.url}/socket.io/?EIO=4&transport=carrier-pigeon`), 400);
    assert.equal(await statusOf(`${server.url}/socket.io/?EIO=2&transport=polling`), 400);
    await stillServing();
    const metrics = await metricsJson(server.url);
    assert.deepEqual(metrics.refusedByKind, {
        'engine-parse-error': 2,
        oversize: 2,
        'parse-error': 4,
        'engine-unknown-session': 1,
        'engine-unknown-transport': 1,
        'engine-unsupported-protocol-version': 1,
        [benchRefusalKind('join')]: 2,
        [benchRefusalKind('leave')]: 1,
        [benchRefusalKind('direct')]: 3,
        [benchRefusalKind('broadcast')]: 3,
    });
    assert.equal(metrics.refusedTotal, 20);
    assert.equal(metrics.connectedClients, 1, 'only the witness is left');
    assert.equal(await call(witness, 'echo', 'the end'), 'the end');
});
//# sourceMappingURL=bad-input.test.js.map