/**
 * The rooms scenario that the scale-out tests run against a multi-process server (cluster and Redis), and the
 * checks of its result: exact delivery accounting and per-process server samples.
 */
import assert from 'node:assert/strict';
import { runScenario } from '../../../loadgen/engine/coordinator.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
import { recordingReporter } from '../../helpers/silent-reporter.js';
/** Websocket rates (as the single-process engine test), and lower ones that long-polling sustains on a shared 2-core machine. */
export const websocketRates = { broadcastsPerSec: 30, directsPerSec: 40, echoPerClientPerSec: 1, settleMs: 1500 };
export const pollingRates = { broadcastsPerSec: 6, directsPerSec: 6, echoPerClientPerSec: 0.2, settleMs: 6000 };
/**
 * 60 clients, 6 rooms, 2 rooms each: every room has exactly 20 members, so a broadcast has 19 recipients, spread
 * over both workers by sticky's least-connection balancing. `target` is the YAML of the scenario's target.
 */
export function roomsScenarioText(target, client, transport, rates = websocketRates) {
    return `
name: scale-out-rooms
target: ${target}
client: ${client}
transport: ${transport}
population: {clients: 60, rooms: 6, roomsPerClient: 2, seed: 3}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 1500ms, actions: [join]}
  - {name: settle, kind: hold, duration: ${rates.settleMs}ms, actions: [join]}
  - {name: steady, kind: hold, duration: 3s}
actions:
  - kind: join
  - kind: broadcast
    rate: {total: ${rates.broadcastsPerSec}}
    payload: {bytes: 32, kind: text}
  - kind: direct
    rate: {total: ${rates.directsPerSec}}
  - kind: echo
    rate: {perClient: ${rates.echoPerClientPerSec}}
thresholds:
  - delivery.lost == 0
  - connect.failed == 0
drain: 1500ms
`;
}
/** Runs `text` with 2 load-generator threads. */
export async function runRooms(text) {
    return runScenario({ loaded: parseScenarioText(text, 'scale-out-rooms.yml'), reporter: recordingReporter(), workers: 2 });
}
/** Every broadcast reached its 19 members exactly once, every direct its recipient exactly once. */
export function assertExactDelivery(result) {
    assert.equal(result.status, 'completed', JSON.stringify(result.failure));
    const { totals } = result;
    assert.equal(totals.counters.connectFailures, 0, `connect failures: ${JSON.stringify(totals.errors)}`);
    assert.equal(totals.latency.connect?.corrected.count, 60);
    assert.equal(totals.latency.join?.corrected.count, 120, 'every client joined its two rooms');
    const broadcast = totals.delivery.broadcast;
    // Not checked: expected % 19 == 0. A member's window opens at its join ack, so on a loaded machine a broadcast
    // sent just before a late ack is rightly expected at 18 members; what matters is that each expected one arrived.
    assert.ok(broadcast.expected > 0, 'broadcasts were sent');
    assert.deepEqual({ received: broadcast.received, lost: broadcast.lost, duplicated: broadcast.duplicated, outOfOrder: broadcast.outOfOrder, unexpected: broadcast.unexpected }, { received: broadcast.expected, lost: 0, duplicated: 0, outOfOrder: 0, unexpected: 0 }, `disconnects ${JSON.stringify(totals.disconnectReasons)}, errors ${JSON.stringify(totals.errors)}`);
    const direct = totals.delivery.direct;
    assert.ok(direct.expected > 0, 'directs were sent');
    assert.deepEqual({ received: direct.received, lost: direct.lost, duplicated: direct.duplicated, outOfOrder: direct.outOfOrder, unexpected: direct.unexpected }, { received: direct.expected, lost: 0, duplicated: 0, outOfOrder: 0, unexpected: 0 });
    assert.ok((totals.latency.echo?.corrected.count ?? 0) > 0, 'echo acks came back');
    assert.equal(totals.counters.acksTimedOut, 0);
    assert.equal(result.verdict, 'passed');
}
/** The server samples name the primary, both workers and the total, and the total's clients add up. */
export function assertPerProcessSamples(result) {
    const names = new Set(result.server.map((sample) => sample.process));
    assert.deepEqual([...names].sort(), ['primary', 'total', 'worker-1', 'worker-2']);
    const byTime = new Map();
    for (const sample of result.server) {
        const row = byTime.get(sample.tSec) ?? new Map();
        row.set(sample.process, sample.connectedClients);
        byTime.set(sample.tSec, row);
    }
    const complete = [...byTime.values()].filter((row) => row.size === 4);
    assert.ok(complete.length > 0, 'at least one second sampled every process');
    for (const row of complete) {
        assert.equal(row.get('total'), (row.get('primary') ?? 0) + (row.get('worker-1') ?? 0) + (row.get('worker-2') ?? 0));
    }
}
//# sourceMappingURL=rooms-scenario.js.map