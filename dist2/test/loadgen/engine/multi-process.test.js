/**
 * Several load processes: the same scenario run with the per-process client cap lowered (60 clients, 20 per
 * process → 3 child load processes, one worker thread each) and in one process with the same 3 workers (so
 * client i runs on worker i mod 3 in both). The merged result of the three processes must equal the
 * single-process one in every field that does not depend on timing: connects, joins, the exact delivery
 * accounting, and the broadcasts scheduled. Checks exact answers, never timings.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runScenario } from '../../../loadgen/engine/coordinator.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
import { recordingReporter } from '../../helpers/silent-reporter.js';
const CLIENTS = 60;
/** 6 rooms, 2 per client, uniform: every room has exactly 20 members, so a broadcast reaches 19 others. */
const RECIPIENTS_PER_BROADCAST = 19;
/** total 30/s over the 3 s steady phase. */
const SCHEDULED_BROADCASTS = 90;
const SCENARIO = `
name: multi-process
target: builtin
client: lean
transport: websocket
population: {clients: ${CLIENTS}, rooms: 6, roomsPerClient: 2, seed: 3}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 1500ms, actions: []}
  - {name: settle, kind: hold, duration: 1500ms, actions: []}
  - {name: steady, kind: hold, duration: 3s, actions: [broadcast]}
actions:
  - kind: join
  - kind: broadcast
    rate: {total: 30}
    payload: {bytes: 32, kind: text}
thresholds:
  - delivery.lost == 0
drain: 1500ms
`;
async function run(options) {
    const notices = [];
    const result = await runScenario({
        loaded: parseScenarioText(SCENARIO, 'multi-process.yml'),
        reporter: recordingReporter(),
        notice: (line) => notices.push(line),
        ...options,
    });
    return { result, notices };
}
/** The fields of a result that do not depend on timing, as one comparable object. */
function exactFields(result) {
    const { totals } = result;
    const broadcast = totals.delivery.broadcast;
    return {
        status: result.status,
        connects: totals.latency.connect?.corrected.count,
        connectAttempts: totals.counters.connectAttempts,
        connectFailures: totals.counters.connectFailures,
        joins: totals.latency.join?.corrected.count,
        // Every scheduled broadcast was either sent (and then expected at exactly 19 members) or counted as dropped.
        broadcastSlots: (broadcast?.expected ?? 0) / RECIPIENTS_PER_BROADCAST + totals.counters.droppedSlots,
        expectedIsWholeBroadcasts: (broadcast?.expected ?? -1) % RECIPIENTS_PER_BROADCAST === 0,
        receivedEqualsExpected: broadcast?.received === broadcast?.expected,
        lost: broadcast?.lost,
        duplicated: broadcast?.duplicated,
        outOfOrder: broadcast?.outOfOrder,
        unexpected: broadcast?.unexpected,
        fanoutCompletionsPerBroadcast: totals.latency.fanoutCompletion?.corrected.count === (broadcast?.expected ?? 0) / RECIPIENTS_PER_BROADCAST,
        latencySamplesPerDelivery: totals.latency.broadcast?.corrected.count === broadcast?.received,
        peakOpenConnections: Math.max(0, ...result.series.map((point) => point.connections.open)),
        verdict: result.verdict,
    };
}
const EXPECTED = {
    status: 'completed',
    connects: CLIENTS,
    connectAttempts: CLIENTS,
    connectFailures: 0,
    joins: CLIENTS * 2,
    broadcastSlots: SCHEDULED_BROADCASTS,
    expectedIsWholeBroadcasts: true,
    receivedEqualsExpected: true,
    lost: 0,
    duplicated: 0,
    outOfOrder: 0,
    unexpected: 0,
    fanoutCompletionsPerBroadcast: true,
    latencySamplesPerDelivery: true,
    peakOpenConnections: CLIENTS,
    verdict: 'passed',
};
test('three load processes merge to the same exact result as one process with the same three workers', async () => {
    const multi = await run({ workers: 2, clientsPerProcess: 20 });
    assert.ok(multi.notices.some((line) => line.startsWith(`spreading ${CLIENTS} clients over 3 load processes`)), `the run was spread over 3 processes: ${JSON.stringify(multi.notices)} ${JSON.stringify(multi.result.failure)}`);
    const single = await run({ workers: 3 });
    assert.ok(!single.notices.some((line) => line.startsWith('spreading')), 'the reference run stays in one process');
    assert.deepEqual(exactFields(single.result), EXPECTED, `single process: ${JSON.stringify(single.result.failure)} ${JSON.stringify(single.result.totals.errors)}`);
    assert.deepEqual(exactFields(multi.result), EXPECTED, `3 processes: ${JSON.stringify(multi.result.failure)} ${JSON.stringify(multi.result.totals.errors)}`);
    // The broadcasts actually sent match too when neither run dropped a slot (dropped slots are load, not merging).
    if (single.result.totals.counters.droppedSlots === 0 && multi.result.totals.counters.droppedSlots === 0) {
        assert.equal(multi.result.totals.delivery.broadcast?.expected, single.result.totals.delivery.broadcast?.expected);
    }
    // The per-second series of the three processes adds up to the merged totals (histograms merged, not averaged).
    const seriesDeliveries = multi.result.series.reduce((sum, point) => sum + (point.latency.broadcast?.corrected.count ?? 0), 0);
    assert.equal(seriesDeliveries, multi.result.totals.latency.broadcast?.corrected.count);
});
//# sourceMappingURL=multi-process.test.js.map