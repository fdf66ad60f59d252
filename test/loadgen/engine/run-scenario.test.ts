/**
 * End-to-end runs of the engine against the built-in reference server (a child process): real sockets, real
 * worker threads. Checks exact delivery accounting and internal consistency of the result, not timings.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runScenario } from '../../../loadgen/engine/coordinator.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
import type { RunResult } from '../../../loadgen/run-result.js';
import { recordingReporter } from '../../helpers/silent-reporter.js';

/**
 * 60 clients, 6 rooms, 2 rooms each: every room has exactly 20 members, so a broadcast has 19 recipients. The
 * settle phase lets the last joins land before anyone sends.
 */
function roomsScenario(client: 'lean' | 'official', transport: string): string {
  return `
name: engine-rooms
target: builtin
client: ${client}
transport: ${transport}
population: {clients: 60, rooms: 6, roomsPerClient: 2, seed: 3}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 1500ms, actions: [join]}
  - {name: settle, kind: hold, duration: 2500ms, actions: [join]}
  - {name: steady, kind: hold, duration: 3s}
actions:
  - kind: join
  - kind: broadcast
    rate: {total: 30}
    payload: {bytes: 32, kind: text}
  - kind: direct
    rate: {total: 40}
  - kind: echo
    rate: {perClient: 1}
thresholds:
  - delivery.lost == 0
  - connect.failed == 0
drain: 1500ms
`;
}

async function run(text: string): Promise<{ result: RunResult; states: number }> {
  const reporter = recordingReporter();
  const result = await runScenario({ loaded: parseScenarioText(text, 'engine-rooms.yml'), reporter, workers: 2 });
  return { result, states: reporter.states.length };
}

function assertExactDelivery(result: RunResult): void {
  assert.equal(result.status, 'completed', JSON.stringify(result.failure));
  const { totals } = result;
  assert.equal(totals.latency.connect?.corrected.count, 60);
  assert.equal(totals.counters.connectFailures, 0);
  assert.equal(totals.latency.join?.corrected.count, 120, 'every client joined its two rooms');
  const broadcast = totals.delivery.broadcast!;
  assert.ok(broadcast.expected > 0);
  assert.deepEqual(
    { lost: broadcast.lost, duplicated: broadcast.duplicated, outOfOrder: broadcast.outOfOrder, unexpected: broadcast.unexpected },
    { lost: 0, duplicated: 0, outOfOrder: 0, unexpected: 0 },
    `disconnects ${JSON.stringify(totals.disconnectReasons)}, errors ${JSON.stringify(totals.errors)}`,
  );
  assert.equal(broadcast.received, broadcast.expected);
  // Every receipt is measured; receipts of messages sent before the receiver's join ack are measured but not counted.
  assert.ok((totals.latency.broadcast?.corrected.count ?? 0) >= broadcast.received, 'a fan-out latency sample for every delivery');
  const completions = totals.latency.fanoutCompletion?.corrected.count ?? 0;
  assert.ok(completions > 0 && broadcast.expected <= 19 * completions, 'no broadcast is expected at more than its 19 other members');
  // When every join had landed before the first broadcast (the usual case), each broadcast is expected at exactly
  // its 19 other members. On a saturated machine a late join legitimately lowers that for the first broadcasts.
  const lateJoins = result.series.filter((point) => point.phase === 'steady').reduce((sum, point) => sum + (point.latency.join?.corrected.count ?? 0), 0);
  if (lateJoins === 0) {
    assert.equal(broadcast.expected, 19 * completions, 'each broadcast expected at exactly 19 members');
    assert.equal(totals.latency.broadcast?.corrected.count, broadcast.received, 'exactly one fan-out latency sample per delivery');
  }
  const direct = totals.delivery.direct!;
  assert.ok(direct.expected > 0);
  assert.equal(direct.received, direct.expected);
  assert.equal(direct.lost + direct.duplicated + direct.outOfOrder + direct.unexpected, 0);
  assert.ok((totals.latency.echo?.corrected.count ?? 0) > 0);
  assert.equal(totals.counters.acksTimedOut, 0);
  for (const metric of ['echo', 'broadcast', 'direct'] as const) {
    const latency = totals.latency[metric]!;
    assert.ok(latency.corrected.p50Us <= latency.corrected.p99Us && latency.corrected.p99Us <= latency.corrected.maxUs);
    assert.ok(latency.uncorrected.p99Us <= latency.corrected.maxUs, `${metric}: uncorrected never exceeds corrected max`);
  }
  assert.equal(result.verdict, 'passed');
  // The series adds up to the totals: merged seconds, not averaged percentiles.
  const seriesBroadcasts = result.series.reduce((sum, point) => sum + (point.latency.broadcast?.corrected.count ?? 0), 0);
  assert.equal(seriesBroadcasts, totals.latency.broadcast?.corrected.count);
  // Each second carries the delivery of the messages sent in it: they sum to the totals, and with nothing lost
  // every second received all it expected; every second of the steady phase (not the drain after it, which
  // carries its name) sent broadcasts, so each expected some.
  for (const metric of ['broadcast', 'direct'] as const) {
    const expected = result.series.map((point) => point.delivery[metric]?.expected ?? 0);
    const received = result.series.map((point) => point.delivery[metric]?.received ?? 0);
    assert.equal(expected.reduce((a, b) => a + b, 0), totals.delivery[metric]!.expected, `${metric}: per-second expected sums to the total`);
    assert.deepEqual(received, expected, `${metric}: every second received what it expected`);
  }
  const steadyPhase = result.phases.find((phase) => phase.name === 'steady')!;
  const steady = result.series.filter((point) => point.tSec * 1000 > steadyPhase.startMs && point.tSec * 1000 <= steadyPhase.startMs + steadyPhase.durationMs);
  assert.ok(steady.length > 0 && steady.every((point) => (point.delivery.broadcast?.expected ?? 0) > 0), 'every steady second expected broadcasts');
}

test('lean client over websocket: every broadcast and direct accounted for exactly', async () => {
  const { result, states } = await run(roomsScenario('lean', 'websocket'));
  assertExactDelivery(result);
  assert.ok(states >= 4, `the live view got a state every second (${states})`);
  assert.ok(result.server.length > 0, 'server metrics were sampled');
});

test('official client over polling with upgrade: the same exact accounting', async () => {
  const { result } = await run(roomsScenario('official', 'polling-upgrade'));
  assertExactDelivery(result);
});
