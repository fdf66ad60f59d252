import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReferenceServer } from '../../../server/reference-server.js';
import { benchRefusalKind } from '../../../server/apps/bench-app.js';
import { call, collect, connectClient, connectRefused, flush, metricsJson } from './app-test-clients.js';
const message = (extra) => ({ from: 0, seq: 3, t0Us: 1000, sentUs: 1001, payload: { text: 'hi', bytes: Buffer.from([1, 2, 255]) }, ...extra });
for (const transport of ['websocket', 'polling']) {
    test(`bench app over ${transport}: join, leave, echo, direct, broadcast`, async (t) => {
        const server = await createReferenceServer({ app: 'bench' });
        const sockets = [];
        t.after(async () => {
            for (const socket of sockets)
                socket.close();
            await server.close();
        });
        const a = await connectClient(server.url, transport, { clientIndex: 0 });
        const b = await connectClient(server.url, transport, { clientIndex: 1 });
        const c = await connectClient(server.url, transport);
        sockets.push(a, b, c);
        assert.deepEqual(await call(a, 'join', { room: 'r' }), { room: 'r', members: 1 });
        assert.deepEqual(await call(b, 'join', { room: 'r' }), { room: 'r', members: 2 });
        assert.deepEqual(await call(c, 'join', { room: 'r' }), { room: 'r', members: 3 });
        assert.deepEqual(await call(c, 'leave', { room: 'r' }), { room: 'r', members: 2 });
        assert.deepEqual(server.rooms(a.id ?? '').sort(), [a.id, 'client:0', 'r'].sort());
        const payload = { text: 'héllo', list: [1, null, true], bin: Buffer.from([0, 1, 254, 255]), nested: { deep: new Uint8Array([9]) } };
        const echoed = (await call(a, 'echo', payload));
        assert.deepEqual(echoed, { ...payload, bin: Buffer.from([0, 1, 254, 255]), nested: { deep: Buffer.from([9]) } });
        assert.equal(await call(a, 'echo', 'plain text'), 'plain text');
        const directsA = collect(a, 'direct');
        const directsB = collect(b, 'direct');
        const directsC = collect(c, 'direct');
        const toB = message({ to: 'client:1' });
        a.emit('direct', toB);
        const toCBySid = message({ to: c.id, seq: 4 });
        a.emit('direct', toCBySid);
        const broadcastsA = collect(a, 'broadcast');
        const broadcastsB = collect(b, 'broadcast');
        const broadcastsC = collect(c, 'broadcast');
        const skipSelf = message({ room: 'r', seq: 5 });
        a.emit('broadcast', skipSelf);
        const withSelf = message({ room: 'r', seq: 6, includeSelf: true });
        a.emit('broadcast', withSelf);
        await flush(a, b, c);
        assert.deepEqual(directsA, []);
        assert.deepEqual(directsB, [[toB]]);
        assert.deepEqual(directsC, [[toCBySid]]);
        assert.deepEqual(broadcastsA, [[withSelf]]);
        assert.deepEqual(broadcastsB, [[skipSelf], [withSelf]]);
        assert.deepEqual(broadcastsC, [], 'c left the room');
        assert.deepEqual((await metricsJson(server.url)).refusedByKind, {});
    });
}
test('bench app: malformed requests get an ErrorAck when they ask for one, are counted by kind, and the server keeps serving', async (t) => {
    const server = await createReferenceServer({ app: 'bench' });
    const sockets = [];
    t.after(async () => {
        for (const socket of sockets)
            socket.close();
        await server.close();
    });
    const a = await connectClient(server.url, 'websocket', { clientIndex: 0 });
    const b = await connectClient(server.url, 'websocket', { clientIndex: 1 });
    sockets.push(a, b);
    await call(b, 'join', { room: 'r' });
    const receivedB = [...collect(b, 'direct'), ...collect(b, 'broadcast')];
    assert.deepEqual(await call(a, 'join', { room: 42 }), { error: 'join: room must be a non-empty string' });
    assert.deepEqual(await call(a, 'join', 'r'), { error: 'join: expected an object { room }' });
    assert.deepEqual(await call(a, 'join'), { error: 'join: expected an object { room }' });
    assert.deepEqual(await call(a, 'leave', { room: '' }), { error: 'leave: room must be a non-empty string' });
    assert.deepEqual(await call(a, 'direct', message({ to: 'client:1', seq: -1 })), { error: 'direct: seq must be a non-negative integer' });
    assert.deepEqual(await call(a, 'broadcast', message({ room: 'r', includeSelf: 'yes' })), { error: 'broadcast: includeSelf must be a boolean' });
    // Without an ack: dropped and counted.
    a.emit('direct', [1, 2]);
    a.emit('direct', message({ to: 7 }));
    a.emit('broadcast', null);
    a.emit('broadcast', message({ room: 'r', t0Us: 'now' }));
    a.emit('leave', 5);
    await flush(a, b);
    assert.deepEqual(receivedB, [], 'nothing malformed was forwarded');
    const refusal = await connectRefused(server.url, 'websocket', { clientIndex: 'one' });
    assert.equal(refusal.message, 'auth.clientIndex must be a non-negative integer');
    const metrics = await metricsJson(server.url);
    assert.deepEqual(metrics.refusedByKind, {
        [benchRefusalKind('join')]: 3,
        [benchRefusalKind('leave')]: 2,
        [benchRefusalKind('direct')]: 3,
        [benchRefusalKind('broadcast')]: 3,
        [benchRefusalKind('connect')]: 1,
        'connect-refused': 1,
    });
    // Still serving both clients.
    assert.equal(await call(b, 'echo', 'still here'), 'still here');
    assert.deepEqual(await call(a, 'join', { room: 'r' }), { room: 'r', members: 2 });
});
test('bench app faults: drop fraction 1 drops every forward; delay fraction 1 holds every ack back', async (t) => {
    const dropping = await createReferenceServer({ app: 'bench', faults: { dropBroadcastFraction: 1, seed: 3 } });
    const delaying = await createReferenceServer({ app: 'bench', faults: { replyDelayFraction: 1, replyDelayMs: 40 } });
    const sockets = [];
    t.after(async () => {
        for (const socket of sockets)
            socket.close();
        await Promise.all([dropping.close(), delaying.close()]);
    });
    const a = await connectClient(dropping.url, 'websocket', { clientIndex: 0 });
    const b = await connectClient(dropping.url, 'websocket', { clientIndex: 1 });
    sockets.push(a, b);
    await call(b, 'join', { room: 'r' });
    const receivedB = [...collect(b, 'direct'), ...collect(b, 'broadcast')];
    for (let seq = 0; seq < 5; seq += 1) {
        a.emit('direct', message({ to: 'client:1', seq }));
        a.emit('broadcast', message({ room: 'r', seq }));
    }
    await flush(a, b);
    assert.deepEqual(receivedB, []);
    const c = await connectClient(delaying.url, 'websocket');
    sockets.push(c);
    const startedMs = performance.now();
    assert.equal(await call(c, 'echo', 'late'), 'late');
    // A lower bound only: a timer never fires before its delay (less 1 ms of timer rounding).
    assert.ok(performance.now() - startedMs >= 39, 'the ack was held back by the injected delay');
});
//# sourceMappingURL=bench-app.test.js.map