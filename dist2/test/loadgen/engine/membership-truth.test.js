/**
 * Truth while membership changes, on real runs against the reference server: churn, a leave with broadcasts in
 * flight, clients the server disconnects, and a stop in the middle of the steady phase. The reference server
 * loses and duplicates nothing unless told to, so every figure has a known true value: zero, or the count the
 * server keeps itself of what its fault made undeliverable.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { runScenario } from '../../../loadgen/engine/coordinator.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
import { startBuiltinServer } from '../../../loadgen/target/builtin-server.js';
import { recordingReporter } from '../../helpers/silent-reporter.js';
import { killProcess, readResult, spawnCli, writeScenario } from '../../reliability/cli-process.js';
async function run(text) {
    const result = await runScenario({ loaded: parseScenarioText(text, 'membership-truth.yml'), reporter: recordingReporter(), workers: 1 });
    assert.equal(result.status, 'completed', JSON.stringify(result.failure));
    return result;
}
function counts(result, metric) {
    const delivery = result.totals.delivery[metric];
    assert.ok(delivery !== undefined && delivery.expected > 0, `${metric} messages were expected`);
    return delivery;
}
function assertNothingMissing(delivery, what) {
    const { lost, inFlightAtStop, undeliverable, duplicated, unexpected } = delivery;
    assert.deepEqual({ lost, inFlightAtStop, undeliverable, duplicated, unexpected }, { lost: 0, inFlightAtStop: 0, undeliverable: 0, duplicated: 0, unexpected: 0 }, what);
    assert.equal(delivery.received, delivery.expected, what);
}
test('churn with broadcasts and directs: nothing lost, duplicated or unexpected, and every membership is left', async () => {
    const clients = 120;
    const result = await run(`
name: churn-truth
target: {builtin: {app: bench, transports: websocket}}
population: {clients: ${clients}, rooms: 12, roomsPerClient: 1, seed: 3}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 2s, actions: [join]}
  - {name: churn, kind: hold, duration: 10s, actions: [broadcast, direct, churn]}
  - {name: settle, kind: hold, duration: 1s, actions: [broadcast]}
  - {name: ramp-down, kind: ramp-down, duration: 3s, actions: [leave]}
actions:
  - kind: join
  - {kind: broadcast, rate: {total: 40}}
  - {kind: direct, rate: {total: 40}}
  - {kind: churn, rate: {total: 5}, reconnectDelay: 300ms}
  - kind: leave
drain: 1500ms
`);
    assert.ok(result.totals.counters.reconnects >= 30, `clients churned (${result.totals.counters.reconnects} reconnects)`);
    assertNothingMissing(counts(result, 'broadcast'), 'broadcast');
    assertNothingMissing(counts(result, 'direct'), 'direct');
    // Ramp-down leaves before it disconnects: each of the 120 memberships is left by a connected client.
    assert.equal(result.totals.latency.leave?.corrected.count, clients, 'one leave per membership');
    assert.ok(!result.warnings.some((warning) => /did not reach every expected member/.test(warning)), result.warnings.join('\n'));
});
test('churn with an injected drop: lost is what the server itself counted it dropped, to the µs-band of a membership change', async () => {
    // The server drops a quarter of what it forwards and classifies each delivery it cost against the member's own
    // membership as it saw it (join ack sent, leave or disconnect handled less the client's drain): certain
    // (the client expected it), ambiguous (within 50 ms of a boundary), or not expected (a draining socket).
    const drainMs = 1500;
    const server = await startBuiltinServer({ app: 'bench', transports: 'websocket', faults: { dropBroadcastFraction: 0.25, clientDrainMs: drainMs, seed: 12 } });
    try {
        const result = await run(`
name: churn-drop-truth
target: ${server.url}
population: {clients: 60, rooms: 6, roomsPerClient: 1, seed: 13}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 1s, actions: [join]}
  - {name: churn, kind: hold, duration: 8s, actions: [broadcast, direct, churn]}
  - {name: ramp-down, kind: ramp-down, duration: 3s, actions: [leave]}
actions:
  - kind: join
  - {kind: broadcast, rate: {total: 40}}
  - {kind: direct, rate: {total: 40}}
  - {kind: churn, rate: {total: 4}, reconnectDelay: 300ms}
  - kind: leave
drain: ${drainMs}ms
`);
        const metrics = (await (await fetch(server.metricsUrl)).json());
        const drops = metrics.faults?.drops;
        assert.ok(drops !== undefined, 'the server reports its drops');
        assert.equal(drops.unsettledDeliveries, 0, 'every membership has ended: the classes are final');
        assert.ok(result.totals.counters.reconnects >= 20, `clients churned (${result.totals.counters.reconnects})`);
        for (const [name, certain, ambiguous] of [
            ['broadcast', drops.broadcastsCertain, drops.broadcastsAmbiguous],
            ['direct', drops.directsCertain, drops.directsAmbiguous],
        ]) {
            const delivery = counts(result, name);
            const detail = `${name}: ${JSON.stringify(delivery)}, server: certain ${certain}, ambiguous ${ambiguous}`;
            assert.ok(certain > 0, `${detail}: the server dropped some`);
            assert.ok(delivery.lost >= certain && delivery.lost <= certain + ambiguous, `${detail}: lost is the server's count`);
            assert.equal(delivery.received + delivery.lost, delivery.expected, detail);
            assert.equal(delivery.inFlightAtStop + delivery.undeliverable + delivery.duplicated + delivery.unexpected, 0, detail);
        }
    }
    finally {
        await server.stop();
    }
});
test('a leave with broadcasts in flight: the drain brings them in, nothing is lost', async () => {
    // The server holds every forwarded broadcast 300-600 ms, so at the leave (the ramp-down's start) the last
    // half-second of broadcasts is still at the server; the leave request goes out after the drain.
    const clients = 40;
    const result = await run(`
name: leave-in-flight
target: {builtin: {app: bench, transports: websocket, faults: {replyDelayFraction: 1, replyDelay: {min: 300ms, max: 600ms}, seed: 4}}}
population: {clients: ${clients}, rooms: 4, roomsPerClient: 1, seed: 5}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 1s, actions: [join]}
  - {name: steady, kind: hold, duration: 3s, actions: [broadcast]}
  - {name: ramp-down, kind: ramp-down, duration: 4s, actions: [leave]}
actions:
  - kind: join
  - {kind: broadcast, rate: {total: 40}}
  - kind: leave
drain: 1500ms
`);
    const broadcast = counts(result, 'broadcast');
    assertNothingMissing(broadcast, 'broadcast');
    assert.ok((result.totals.latency.broadcast?.uncorrected.minUs ?? 0) >= 299_000, 'every broadcast was held at the server');
    assert.equal(result.totals.latency.leave?.corrected.count, clients, 'one leave per membership');
});
test('clients the server disconnects: nothing lost; undeliverable is what the server counted undeliverable', async () => {
    // The server stalls its event loop 200 ms in every 500 ms, so sends pile up at it; every 700 ms it
    // disconnects a tenth of its clients, who come back. A message the server handles after a client's
    // disconnect, sent before it, can never reach that client: the server counts those (certain), and those
    // sent within 50 ms after the disconnect, which the client may have expected or not (ambiguous).
    const server = await startBuiltinServer({
        app: 'bench',
        transports: 'websocket',
        faults: { stallEveryMs: 500, stallForMs: 200, disconnectFraction: 0.1, disconnectAtMs: 2000, disconnectEveryMs: 700, seed: 6 },
    });
    try {
        const result = await run(`
name: server-disconnects
target: ${server.url}
population: {clients: 40, rooms: 4, roomsPerClient: 1, seed: 7}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 1s, actions: [join]}
  - {name: steady, kind: hold, duration: 6s, actions: [broadcast, direct]}
actions:
  - kind: join
  - {kind: broadcast, rate: {total: 100}}
  - {kind: direct, rate: {total: 100}}
reconnect: {delay: 200ms, maxAttempts: 20}
drain: 1500ms
`);
        const metrics = (await (await fetch(server.metricsUrl)).json());
        const disconnects = metrics.faults?.disconnects;
        assert.ok(disconnects !== undefined && disconnects.disconnectedClients >= 20, `the server disconnected clients (${JSON.stringify(disconnects)})`);
        assert.equal(result.totals.counters.disconnects, disconnects.disconnectedClients, 'every disconnect seen by its client');
        assert.equal(result.totals.disconnectReasons['io server disconnect'], disconnects.disconnectedClients);
        const broadcast = counts(result, 'broadcast');
        const direct = counts(result, 'direct');
        // A message that a client sent after the server had closed its connection, before the client noticed, never
        // reached the server: the load generator counts it undeliverable too (the sender's side), which the server
        // cannot see. Each client sends one broadcast and one direct every 400 ms (100/s each over 40 clients) and
        // noticed within 400 ms, so each disconnect adds at most one broadcast (9 other members of its room of 10)
        // and one direct to the server's count.
        const senderSideAtMost = { broadcast: disconnects.disconnectedClients * 9, direct: disconnects.disconnectedClients };
        for (const [name, delivery, certain, ambiguous] of [
            ['broadcast', broadcast, disconnects.undeliverableBroadcastsCertain, disconnects.undeliverableBroadcastsAmbiguous],
            ['direct', direct, disconnects.undeliverableDirectsCertain, disconnects.undeliverableDirectsAmbiguous],
        ]) {
            const detail = `${name}: ${JSON.stringify(delivery)}, server: certain ${certain}, ambiguous ${ambiguous}`;
            assert.equal(delivery.lost, 0, `${detail}: nothing is lost`);
            assert.ok(delivery.undeliverable >= certain, `${detail}: at least what the server knows it could not deliver`);
            assert.ok(delivery.undeliverable <= certain + ambiguous + senderSideAtMost[name], `${detail}: at most that, the ambiguous and the senders' side`);
            assert.equal(delivery.received + delivery.undeliverable, delivery.expected, detail);
            assert.equal(delivery.inFlightAtStop + delivery.duplicated + delivery.unexpected, 0, detail);
        }
    }
    finally {
        await server.stop();
    }
});
test('SIGINT in the steady phase: nothing is lost; what was still in flight is counted as such', async (t) => {
    // The server holds forwarded broadcasts 300-600 ms, so at any moment about half a second of them is in flight.
    const { file, dir } = await writeScenario(t, 'interrupted-in-flight', `
name: interrupted-in-flight
target: {builtin: {app: bench, transports: websocket, faults: {replyDelayFraction: 1, replyDelay: {min: 300ms, max: 600ms}, seed: 8}}}
population: {clients: 30, rooms: 3, roomsPerClient: 1, seed: 9}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 1s, actions: [join]}
  - {name: steady, kind: hold, duration: 60s, actions: [broadcast]}
actions:
  - kind: join
  - {kind: broadcast, rate: {total: 50}}
drain: 2s
`);
    const outDir = path.join(dir, 'out');
    const cli = spawnCli(['run', file, '--no-tui', '--workers', '1', '--out', outDir], { deadlineMs: 60_000 });
    t.after(() => killProcess(cli.child));
    // The second progress line, six seconds into the run: well inside the steady phase.
    await cli.stderrMatch(/\[\s*(?:[5-9]|\d\d)s\/\s*\d+s\]/);
    cli.child.kill('SIGINT');
    const ended = await cli.ended;
    assert.equal(ended.code, 130, ended.stderr);
    const result = await readResult(outDir);
    assert.equal(result.status, 'interrupted');
    const broadcast = counts(result, 'broadcast');
    assert.equal(broadcast.lost, 0, 'an interrupt loses nothing');
    assert.ok(broadcast.inFlightAtStop > 0, `messages in flight at the stop are counted as such (${broadcast.inFlightAtStop})`);
    // At 50 broadcasts/s to 9 other members, held at most 600 ms: at most ~0.6 s of deliveries in flight.
    assert.ok(broadcast.inFlightAtStop <= Math.ceil(0.65 * 50 * 9), `in flight ${broadcast.inFlightAtStop} is at most 0.65 s of deliveries`);
    assert.equal(broadcast.received + broadcast.inFlightAtStop, broadcast.expected);
    assert.equal(broadcast.undeliverable + broadcast.duplicated + broadcast.unexpected, 0);
});
//# sourceMappingURL=membership-truth.test.js.map