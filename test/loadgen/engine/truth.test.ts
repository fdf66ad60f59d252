/**
 * Truth tests: the load generator must report what really happened. The reference server's fault injection
 * creates a known reality (delays it records one by one, a periodic stall, a drop fraction) and the result is
 * compared with it. Bounds are physical, not timing guesses: a reply delayed by D cannot be measured faster than D, and the
 * measured no-delay baseline of the same machine bounds how much slower it may be.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runScenario } from '../../../loadgen/engine/coordinator.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
import type { RunResult } from '../../../loadgen/run-result.js';
import { recordingReporter } from '../../helpers/silent-reporter.js';
import { startBuiltinServer } from '../../../loadgen/target/builtin-server.js';
import type { ServerMetricsJson } from '../../../server/metrics/metrics-json.js';
import { exactQuantile } from '../measure/exact-quantile.js';

async function run(text: string, reporter = recordingReporter()): Promise<RunResult> {
  const result = await runScenario({ loaded: parseScenarioText(text, 'truth.yml'), reporter, workers: 1 });
  assert.equal(result.status, 'completed', JSON.stringify(result.failure));
  return result;
}

/** Ten clients connect (a stalling server slows that down), settle, then echo during the measured phase. */
function echoScenario(target: string, rate: string, extra = ''): string {
  return `
name: truth-echo
target: ${target}
population: {clients: 10, rooms: 0}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 500ms, actions: []}
  - {name: settle, kind: hold, duration: 1500ms, actions: []}
  - {name: measure, kind: hold, duration: 4s}
actions:
  - kind: echo
    rate: ${rate}
    payload: {bytes: 16, kind: text}
${extra}
drain: 1s
`;
}

test("measured echo latencies match the exact quantiles of the server's own record of the delays it injected", async () => {
  const baseline = await run(echoScenario('{builtin: {app: bench, transports: websocket}}', '{perClient: 10}'));
  const server = await startBuiltinServer({ app: 'bench', transports: 'websocket', faults: { replyDelayFraction: 1, replyDelayMs: { minMs: 20, maxMs: 60 }, seed: 5 } });
  let delayed: RunResult;
  let metrics: ServerMetricsJson;
  try {
    delayed = await run(echoScenario(server.url, '{perClient: 10}'));
    metrics = (await (await fetch(server.metricsUrl)).json()) as ServerMetricsJson;
  } finally {
    await server.stop();
  }
  const base = baseline.totals.latency.echo!.corrected;
  const measured = delayed.totals.latency.echo!.corrected;
  const ackDelays = metrics.faults?.ackDelays;
  assert.ok(ackDelays !== undefined, 'the server reports the delays it injected');
  assert.ok(measured.count >= 300, `enough samples (${measured.count})`);
  // Every measured echo was delayed once by the server. The server may have delayed a few more than were
  // measured (an ack that arrived but was not counted: eventsReceived < eventsSent), never fewer.
  assert.equal(ackDelays.valuesUs.length, ackDelays.count, 'the record holds every delay (well under its bound)');
  const unmeasured = ackDelays.count - measured.count;
  assert.ok(unmeasured >= 0 && unmeasured <= ackDelays.count / 100, `${measured.count} measured of ${ackDelays.count} delayed`);
  const injectedUs = [...ackDelays.valuesUs].sort((a, b) => a - b);
  // Each echo's latency is at least its own delay less 1 ms (timers fire no earlier than asked, at ms resolution)
  // and at most its delay plus what this machine adds without any delay. So the measured sample of rank r is at
  // least the recorded delay of rank r less 1 ms and, with `unmeasured` delays missing from the measured set, at
  // most the recorded delay of rank r + unmeasured plus the slack. With nothing missing both are the exact quantile.
  const slackUs = base.p999Us + 2000;
  const rows = [
    ['min', 0, measured.minUs],
    ['p50', 50, measured.p50Us],
    ['p90', 90, measured.p90Us],
    ['p99', 99, measured.p99Us],
  ] as const;
  for (const [name, percentile, valueUs] of rows) {
    const lowUs = exactQuantile(injectedUs.slice(0, measured.count), percentile);
    const highUs = exactQuantile(injectedUs.slice(unmeasured), percentile);
    assert.ok(valueUs >= lowUs - 1000, `${name} ${valueUs}µs is not below the server's recorded ${lowUs}µs less 1 ms`);
    // The histogram reports a bucket's highest value, at most 0.1% above the sample.
    assert.ok(valueUs <= highUs * 1.001 + slackUs, `${name} ${valueUs}µs within the recorded ${highUs}µs + baseline p99.9 ${base.p999Us}µs + 2 ms`);
  }
  // The record is of the configured distribution: every delay within [20, 60] ms.
  assert.ok((injectedUs[0] as number) >= 20_000 && (injectedUs.at(-1) as number) <= 60_000, `delays within 20..60 ms (${injectedUs[0]}..${injectedUs.at(-1)}µs)`);
});

test('a periodic server stall shows in the corrected percentiles and not in the uncorrected ones', async () => {
  // 20 echoes per second per client, one in flight at a time: during a 400 ms stall the following slots wait.
  // Corrected latency counts from each slot's intended time, so ~8 of every 20 requests show part of the stall;
  // uncorrected latency counts from the actual send, so only the one request in flight does (5% < 10%).
  const result = await run(echoScenario('{builtin: {app: bench, transports: websocket, faults: {stallEvery: 1s, stallFor: 400ms}}}', '{perClient: 20}', '    maxInFlight: 1'));
  const echo = result.totals.latency.echo!;
  assert.ok(echo.corrected.p90Us >= 150_000, `corrected p90 ${echo.corrected.p90Us}µs reflects the 400 ms stall`);
  assert.ok(echo.corrected.maxUs >= 300_000, `corrected max ${echo.corrected.maxUs}µs reflects the stall`);
  assert.ok(echo.uncorrected.p90Us < echo.corrected.p90Us / 3, `uncorrected p90 ${echo.uncorrected.p90Us}µs hides it (corrected ${echo.corrected.p90Us}µs)`);
  assert.equal(result.totals.counters.droppedSlots, 0, 'no slot was lost, only late');
  // 10 clients x 20 slots/s x the 4 s measure phase: every slot came due, served late or not at all.
  assert.equal(result.totals.counters.scheduledSlots, 10 * 20 * 4, 'every slot of the schedule is counted once');
});

test('with a known drop fraction the loss count equals the deliveries the server dropped, exactly', async () => {
  const server = await startBuiltinServer({ app: 'bench', transports: 'websocket', faults: { dropBroadcastFraction: 0.25, seed: 11 } });
  try {
    const reporter = recordingReporter();
    const result = await run(
      `
name: truth-drop
target: ${server.url}
population: {clients: 24, rooms: 3, roomsPerClient: 1, seed: 2}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 500ms, actions: [join]}
  - {name: settle, kind: hold, duration: 1s, actions: [join]}
  - {name: measure, kind: hold, duration: 4s}
actions:
  - kind: join
  - kind: broadcast
    rate: {total: 100}
    payload: {bytes: 16, kind: text}
  - kind: direct
    rate: {total: 50}
drain: 1s
`,
      reporter,
    );
    const metrics = (await (await fetch(server.metricsUrl)).json()) as ServerMetricsJson;
    const droppedBroadcastDeliveries = metrics.refusedByKind['fault-dropped-broadcast-deliveries'] ?? 0;
    const droppedDirectDeliveries = metrics.refusedByKind['fault-dropped-direct-deliveries'] ?? 0;
    const broadcast = result.totals.delivery.broadcast!;
    const direct = result.totals.delivery.direct!;
    assert.ok(droppedBroadcastDeliveries > 0 && droppedDirectDeliveries > 0, 'the server did drop some');
    assert.equal(broadcast.lost, droppedBroadcastDeliveries, 'every broadcast delivery the server dropped is counted lost, and nothing else');
    assert.equal(direct.lost, droppedDirectDeliveries, 'every dropped direct is counted lost, and nothing else');
    // The live view settles like the final figures: the loss shows while the run goes on, and never more of it.
    const live = reporter.states.filter((state) => state.status === 'running').map((state) => state.delivery.lost);
    assert.ok(live.some((lost) => lost > 0), `a loss showed live (${live.join(', ')})`);
    assert.ok(live.every((lost) => lost <= broadcast.lost + direct.lost), `live ${live.join(', ')} never above the final ${broadcast.lost + direct.lost}`);
    for (const counts of [broadcast, direct]) {
      assert.equal(counts.received + counts.lost, counts.expected);
      assert.equal(counts.duplicated + counts.outOfOrder + counts.unexpected, 0);
    }
    // A dropped broadcast is lost at all 7 other members of its room of 8, never partly.
    const recipients = 7;
    assert.equal(broadcast.expected % recipients, 0);
    assert.equal(broadcast.lost % recipients, 0);
    const sent = broadcast.expected / recipients;
    const dropped = broadcast.lost / recipients;
    assert.equal(result.totals.latency.fanoutCompletion?.corrected.count, sent - dropped, 'every other broadcast completed its fan-out');
    // 400 broadcasts at p = 0.25: the dropped share lies well within 6 standard deviations (~0.13).
    assert.ok(Math.abs(dropped / sent - 0.25) < 0.13, `dropped share ${dropped}/${sent}`);
  } finally {
    await server.stop();
  }
});
