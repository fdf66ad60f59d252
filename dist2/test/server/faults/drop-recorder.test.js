/**
 * The drop ledger over real sockets: official clients join, leave, disconnect and are disconnected by the server
 * while every forwarded broadcast and direct is dropped, and the server's classified counts equal what the sequence
 * implies by hand. The first test installs the bench app itself with a fault stub that drops every forward and
 * holds a join ack until the test releases it, and gives the recorder a clock that the test sets before each step
 * (each step is awaited to its ack, or to an echo round trip behind it, before the clock moves on): so every server
 * time J and E is exactly the step's time, whatever the machine's load. The second reads /metrics.json of a normal
 * bench server on the real clock, with only sends whose class no timing can change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReferenceServer } from '../../../server/reference-server.js';
import { installBenchApp, FAULT_DROPPED_BROADCAST_DELIVERIES, FAULT_DROPPED_DIRECT_DELIVERIES } from '../../../server/apps/bench-app.js';
import { disconnectEnder, startDropRecorder } from '../../../server/faults/drop-recorder.js';
import { monotonicNowUs } from '../../../server/metrics/units.js';
import { NO_FAULTS } from '../../../server/faults/fault-decider.js';
import { call, connectClient, flush, WAIT_MS } from '../apps/app-test-clients.js';
const MS = 1000;
/** Drops every forward; acks go out at once unless `holdNextJoin()` asked to hold the next join ack. */
function droppingInjector() {
    let held;
    const injector = {
        forward: (_send, onDrop) => onDrop?.(),
        ack(value) {
            const hold = held;
            if (hold === undefined || typeof value !== 'object' || value === null || !('members' in value))
                return value;
            held = undefined;
            hold.handled();
            return hold.release.then(() => value);
        },
        counts: () => ({ delayed: 0, dropped: 0, stalls: 0 }),
        delays: () => ({ ack: { count: 0, valuesUs: [] }, forward: { count: 0, valuesUs: [] } }),
        stop: () => undefined,
    };
    return {
        injector,
        holdNextJoin() {
            let handled;
            let release;
            const handledPromise = new Promise((resolve) => (handled = resolve));
            held = { handled, release: new Promise((resolve) => (release = resolve)) };
            return { handled: handledPromise, release };
        },
    };
}
test('the drop ledger classifies every dropped delivery by its member’s join, leave and disconnect (hand-derived)', async (t) => {
    const server = await createReferenceServer({ app: 'none', transports: 'websocket' });
    const sockets = [];
    t.after(async () => {
        for (const socket of sockets)
            socket.close();
        await server.close();
    });
    let nowMs = 0;
    const refused = new Map();
    const hooks = {
        countRefused: (kind, by = 1) => refused.set(kind, (refused.get(kind) ?? 0) + by),
        roomSize: (room, namespace) => server.io.of(namespace).adapter.rooms.get(room)?.size ?? 0,
    };
    const faults = droppingInjector();
    const nsp = server.io.of('/');
    const drops = startDropRecorder({ ...NO_FAULTS, dropBroadcastFraction: 1, clientDrainMs: 2000 }, nsp, () => nowMs * MS);
    assert.ok(drops !== undefined);
    t.after(() => drops.stop());
    installBenchApp(server, hooks, { replies: faults.injector, drops });
    const serverDisconnects = new Map();
    nsp.on('connection', (socket) => serverDisconnects.set(socket.id, new Promise((resolve) => socket.once('disconnect', resolve))));
    const connect = async (index) => {
        const socket = await connectClient(server.url, 'websocket', { clientIndex: index });
        sockets.push(socket);
        await flush(socket); // the server's 'connection' (J of the personal and sid rooms) has run
        return socket;
    };
    const message = (seq, sentMs) => ({ from: 0, seq, t0Us: sentMs * MS, sentUs: sentMs * MS, payload: 'x' });
    let seq = 0;
    const broadcast = async (from, sentMs) => {
        from.emit('broadcast', { ...message(seq++, sentMs), room: 'r' });
        await flush(from);
    };
    const direct = async (from, to, sentMs) => {
        from.emit('direct', { ...message(seq++, sentMs), to });
        await flush(from);
    };
    // 0 s: A (the sender, in no room but its own), B, C and E connect; 1 s: B, C and E join r.
    const a = await connect(0);
    const b = await connect(1);
    const c = await connect(2);
    const e = await connect(4);
    nowMs = 1000;
    for (const socket of [b, c, e])
        await call(socket, 'join', { room: 'r' });
    // 1.03 s, sent at 1.02 s: 20 ms after the joins, ambiguous at B, C, E.
    nowMs = 1030;
    await broadcast(a, 1020);
    // 3 s: sent at 2.99 s by A (at B, C, E) and at 2.995 s by B (at C and E, B skipped): certain at each.
    nowMs = 3000;
    await broadcast(a, 2990);
    await broadcast(b, 2995);
    // C decides to leave at 4 s (its window closes; nothing is sent yet). 4.5 s, sent at 4.49 s: C does not count it.
    nowMs = 4500;
    await broadcast(a, 4490);
    // 6 s: C's leave, after its 2 s drain. Its window closed at 4 s at the latest.
    nowMs = 6000;
    await call(c, 'leave', { room: 'r' });
    // D connects at 6 s and asks to join r at 6.1 s; the server enters it at once but holds the ack.
    const d = await connect(3);
    nowMs = 6100;
    const hold = faults.holdNextJoin();
    const dJoined = call(d, 'join', { room: 'r' });
    await hold.handled;
    // 6.2 s, sent at 6.19 s: at B and E certain, at D not expected (its ack has not gone out).
    nowMs = 6200;
    await broadcast(a, 6190);
    // 6.3 s: D's ack goes out. 6.32 s, sent at 6.31 s: certain at B and E, ambiguous at D (10 ms after its ack).
    nowMs = 6300;
    hold.release();
    await dJoined;
    nowMs = 6320;
    await broadcast(a, 6310);
    // 7 s: the server disconnects E. No drain: everything sent to E up to 7 s was expected.
    nowMs = 7000;
    const eSid = e.id;
    server.disconnect(eSid);
    assert.equal(await serverDisconnects.get(eSid), 'server namespace disconnect');
    // 7.1 s: directs. To B's personal room, sent at 7.09 s: certain. To D's sid, sent at 6.005 s (5 ms after its
    // connect): ambiguous. To C's personal room, sent at 7 s: C disconnects itself at 9 s (after its drain: it decided
    // at 7 s at the latest), so 7 s is within 50 ms of its window's close: ambiguous. To nobody: no delivery.
    nowMs = 7100;
    await direct(a, 'client:1', 7090);
    await direct(a, d.id, 6005);
    await direct(a, 'client:2', 7000);
    await direct(a, 'client:9', 7000);
    nowMs = 9000;
    const cSid = c.id;
    c.disconnect();
    assert.equal(await serverDisconnects.get(cSid), 'client namespace disconnect');
    // 20 s: B's and D's memberships are open, but their drops are more than 2.05 s old: final.
    nowMs = 20_000;
    assert.deepEqual(drops.json(), {
        // 1.02 s: 3 ambiguous. 2.99 s: 3 certain; 2.995 s: 2 certain. 4.49 s: B and E certain, C not expected.
        // 6.19 s: B and E certain, D not expected. 6.31 s: B and E certain, D ambiguous.
        broadcastsCertain: 3 + 2 + 2 + 2 + 2,
        broadcastsAmbiguous: 3 + 1,
        broadcastsNotExpected: 1 + 1,
        directsCertain: 1,
        directsAmbiguous: 2,
        directsNotExpected: 0,
        unsettledDeliveries: 0,
    });
    // The room-size counts of the same drops: every delivery, whatever its class.
    assert.equal(refused.get(FAULT_DROPPED_BROADCAST_DELIVERIES), 11 + 4 + 2);
    assert.equal(refused.get(FAULT_DROPPED_DIRECT_DELIVERIES), 3);
});
test('/metrics.json reports faults.drops beside the room-size counts', async (t) => {
    const server = await createReferenceServer({ app: 'bench', transports: 'websocket', faults: { dropBroadcastFraction: 1, clientDrainMs: 0 } });
    const sockets = [];
    t.after(async () => {
        for (const socket of sockets)
            socket.close();
        await server.close();
    });
    const beforeUs = monotonicNowUs();
    for (let index = 0; index < 3; index += 1) {
        const socket = await connectClient(server.url, 'websocket', { clientIndex: index });
        sockets.push(socket);
        await call(socket, 'join', { room: 'r' });
    }
    const [sender, ...others] = sockets;
    // Sent before anyone connected: not expected at either receiver.
    sender.emit('broadcast', { from: 0, seq: 0, t0Us: beforeUs - 1, sentUs: beforeUs - 1, payload: 'x', room: 'r' });
    // Sent 50 ms after the last join ack arrived (so at least 50 ms after every ack went out), with the window open: certain.
    const joinedByUs = monotonicNowUs();
    await new Promise((resolve) => setTimeout(resolve, 60));
    const certainUs = Math.max(monotonicNowUs(), joinedByUs + 50 * MS);
    sender.emit('broadcast', { from: 0, seq: 1, t0Us: certainUs, sentUs: certainUs, payload: 'x', room: 'r' });
    sender.emit('direct', { from: 0, seq: 0, t0Us: certainUs, sentUs: certainUs, to: 'client:1' });
    await flush(sender, ...others);
    const metrics = (await (await fetch(`${server.url}/metrics.json`, { signal: AbortSignal.timeout(WAIT_MS) })).json());
    const dropsJson = metrics.faults?.drops;
    assert.ok(dropsJson !== undefined);
    // Final 50 ms after the drop (no drain); until then counted as it stands and marked unsettled.
    assert.ok(dropsJson.unsettledDeliveries >= 0 && dropsJson.unsettledDeliveries <= 3, `unsettled ${dropsJson.unsettledDeliveries}`);
    assert.deepEqual({ ...dropsJson, unsettledDeliveries: 0 }, { broadcastsCertain: 2, broadcastsAmbiguous: 0, broadcastsNotExpected: 2, directsCertain: 1, directsAmbiguous: 0, directsNotExpected: 0, unsettledDeliveries: 0 });
    assert.equal(metrics.refusedByKind[FAULT_DROPPED_BROADCAST_DELIVERIES], 4);
    assert.equal(metrics.refusedByKind[FAULT_DROPPED_DIRECT_DELIVERIES], 1);
    assert.equal(metrics.faults?.droppedForwards, 3);
});
test('who ended a connection, by socket.io disconnect reason', () => {
    for (const reason of ['client namespace disconnect', 'transport close', 'transport error'])
        assert.equal(disconnectEnder(reason), 'client', reason);
    for (const reason of ['server namespace disconnect', 'server shutting down', 'forced close', 'forced server close', 'ping timeout', 'parse error']) {
        assert.equal(disconnectEnder(reason), 'server', reason);
    }
});
//# sourceMappingURL=drop-recorder.test.js.map