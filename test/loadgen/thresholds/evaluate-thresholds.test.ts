import { test } from 'node:test';
import { zeroCounters } from '../../../loadgen/measure/tallies.js';
import assert from 'node:assert/strict';
import hdr from 'hdr-histogram-js';
import { errorRate, evaluateThresholds, type RunTotals } from '../../../loadgen/thresholds/evaluate-thresholds.js';
import type { ClientCounters, LatencySummary } from '../../../loadgen/run-result.js';

function counters(overrides: Partial<ClientCounters> = {}): ClientCounters {
  return { ...zeroCounters(), ...overrides };
}

function emptyTotals(overrides: Partial<RunTotals> = {}): RunTotals {
  return { latency: {}, histograms: {}, counters: counters(), delivery: {}, errors: {}, disconnectReasons: {}, peakConnections: 0, ...overrides };
}

/** Records `samplesUs` into an HDR histogram and returns its summary and encoding (values < 2048 are exact). */
function measured(samplesUs: number[]): { summary: LatencySummary; encoded: string } {
  const histogram = hdr.build({ bitBucketSize: 32, numberOfSignificantValueDigits: 3, highestTrackableValue: 60_000_000, useWebAssembly: false });
  for (const value of samplesUs) histogram.recordValue(value);
  const summary: LatencySummary = {
    count: histogram.totalCount,
    minUs: histogram.minNonZeroValue,
    meanUs: histogram.mean,
    p50Us: histogram.getValueAtPercentile(50),
    p90Us: histogram.getValueAtPercentile(90),
    p99Us: histogram.getValueAtPercentile(99),
    p999Us: histogram.getValueAtPercentile(99.9),
    maxUs: histogram.maxValue,
  };
  const encoded = hdr.encodeIntoCompressedBase64(histogram);
  histogram.destroy();
  return { summary, encoded };
}

/** 1..1000 µs corrected, 1..500 µs uncorrected. */
function latencyTotals(): RunTotals {
  const corrected = measured(Array.from({ length: 1000 }, (_, index) => index + 1));
  const uncorrected = measured(Array.from({ length: 500 }, (_, index) => index + 1));
  return emptyTotals({
    latency: { broadcast: { corrected: corrected.summary, uncorrected: uncorrected.summary } },
    histograms: { broadcast: { corrected: corrected.encoded, uncorrected: uncorrected.encoded } },
    counters: counters({ eventsSent: 1000, connectAttempts: 10 }),
  });
}

test('latency: percentiles from the summary or the histogram, corrected by default, in the threshold unit', () => {
  const results = evaluateThresholds(
    [
      'broadcast.latency p(99) < 1ms',
      'broadcast.latency p(99) < 990us',
      'broadcast.latency p(75) == 750us',
      'broadcast.latency.uncorrected p(75) == 375us',
      'broadcast.latency max <= 1ms',
      'broadcast.latency min == 1us',
      'broadcast.latency mean == 500.5us',
      'broadcast.latency count == 1000',
      'broadcast.latency p(50) < 0.0006s',
    ],
    latencyTotals(),
    10_000,
  );
  assert.deepEqual(
    results.map((result) => [result.passed, result.actual, result.unit, result.message]),
    [
      [true, 0.99, 'ms', 'broadcast.latency p(99) = 0.99ms (limit < 1ms)'],
      [false, 990, 'us', 'broadcast.latency p(99) = 990us (limit < 990us)'],
      [true, 750, 'us', 'broadcast.latency p(75) = 750us (limit == 750us)'],
      [true, 375, 'us', 'broadcast.latency.uncorrected p(75) = 375us (limit == 375us)'],
      [true, 1, 'ms', 'broadcast.latency max = 1ms (limit <= 1ms)'],
      [true, 1, 'us', 'broadcast.latency min = 1us (limit == 1us)'],
      [true, 500.5, 'us', 'broadcast.latency mean = 500.5us (limit == 500.5us)'],
      [true, 1000, 'count', 'broadcast.latency count = 1000 (limit == 1000)'],
      [true, 0.0005, 's', 'broadcast.latency p(50) = 0.0005s (limit < 0.0006s)'],
    ],
  );
  assert.deepEqual(results[0], {
    expression: 'broadcast.latency p(99) < 1ms',
    passed: true,
    actual: 0.99,
    limit: 1,
    unit: 'ms',
    message: 'broadcast.latency p(99) = 0.99ms (limit < 1ms)',
    noSamples: false,
  });
});

test('a threshold on something never measured fails with "no samples"', () => {
  const totals = emptyTotals();
  const results = evaluateThresholds(
    ['echo.latency p(99) < 50ms', 'errors.rate < 1%', 'errors.count == 0', 'delivery.lost == 0', 'connect.failed == 0', 'acks.timedOut < 10', 'throughput.receive > 0/s', 'connections.peak > 0', 'echo.latency count == 0'],
    totals,
    0,
  );
  assert.deepEqual(
    results.map((result) => [result.passed, result.noSamples, result.message]),
    [
      [false, true, 'no samples: no echo latency was recorded: nothing in the run produced one (its action did not run, or the run was too short for it)'],
      [false, true, 'no samples: no events were sent and no connections attempted'],
      [false, true, 'no samples: no events were sent and no connections attempted'],
      [false, true, 'no samples: no delivered messages were expected'],
      [false, true, 'no samples: no connections were attempted'],
      [false, true, 'no samples: no events were sent'],
      [false, true, 'no samples: the run has no duration'],
      [false, true, 'no samples: no connections were attempted'],
      // A count of samples is a measurement in itself: zero samples is its answer.
      [true, false, 'echo.latency count = 0 (limit == 0)'],
    ],
  );
  // A delivering metric that no receiver was expected to get says so.
  const unexpectedBroadcasts = emptyTotals({ delivery: { broadcast: { expected: 0, received: 0, lost: 0, inFlightAtStop: 0, undeliverable: 0, duplicated: 0, outOfOrder: 0, unexpected: 0 } } });
  assert.deepEqual(
    evaluateThresholds(['broadcast.latency p(99) < 250ms'], unexpectedBroadcasts, 1000).map((result) => [result.passed, result.noSamplesReason]),
    [[false, 'no broadcast latency was recorded: no receiver was expected to get a broadcast message']],
  );
  assert.deepEqual(evaluateThresholds(['direct.delivery.lost == 0'], emptyTotals({ delivery: { broadcast: { expected: 5, received: 5, lost: 0, inFlightAtStop: 0, undeliverable: 0, duplicated: 0, outOfOrder: 0, unexpected: 0 } } }), 1000)[0]?.message, 'no samples: no direct messages were expected');
});

test('errors.rate is the sum of error counts over events sent plus connect attempts', () => {
  const totals = emptyTotals({
    counters: counters({ eventsSent: 1900, connectAttempts: 100, connectFailures: 3 }),
    errors: { 'connect_error: nope': { count: 3, lastMessage: 'nope' }, timeout: { count: 1, lastMessage: 'ack timeout' } },
  });
  assert.equal(errorRate(totals), 4 / 2000);
  assert.deepEqual(
    evaluateThresholds(['errors.rate < 0.1%', 'errors.rate <= 0.2%', 'errors.rate < 0.003', 'errors.count == 4', 'connect.failed < 3%', 'connect.failed <= 3%', 'connect.failed == 0'], totals, 1000).map((result) => [result.passed, result.actual]),
    [[false, 0.2], [true, 0.2], [true, 0.002], [true, 4], [false, 3], [true, 3], [false, 3]],
  );
});

test('delivery counters, summed over delivering metrics, as counts or percent of expected', () => {
  const totals = emptyTotals({
    delivery: {
      broadcast: { expected: 1000, received: 997, lost: 3, inFlightAtStop: 0, undeliverable: 0, duplicated: 2, outOfOrder: 1, unexpected: 0 },
      direct: { expected: 1000, received: 1000, lost: 0, inFlightAtStop: 0, undeliverable: 0, duplicated: 0, outOfOrder: 0, unexpected: 0 },
    },
  });
  assert.deepEqual(
    evaluateThresholds(['delivery.lost == 0', 'delivery.lost <= 0.15%', 'broadcast.delivery.lost == 3', 'broadcast.delivery.lost == 0.3%', 'broadcast.delivery.duplicated == 0', 'direct.delivery.lost == 0', 'delivery.received >= 1997'], totals, 1000).map((result) => [result.passed, result.actual]),
    [[false, 3], [true, 0.15], [true, 3], [true, 0.3], [false, 2], [true, 0], [true, 1997]],
  );
});

test('throughput is events per second over the run duration', () => {
  const totals = emptyTotals({ counters: counters({ eventsSent: 3000, eventsReceived: 45_000 }) });
  assert.deepEqual(
    evaluateThresholds(['throughput.receive > 1000/s', 'throughput.send >= 200/s', 'throughput.send > 200/s'], totals, 15_000).map((result) => [result.passed, result.actual, result.message]),
    [
      [true, 3000, 'throughput.receive = 3000/s (limit > 1000/s)'],
      [true, 200, 'throughput.send = 200/s (limit >= 200/s)'],
      [false, 200, 'throughput.send = 200/s (limit > 200/s)'],
    ],
  );
});

test('text that does not parse fails with the parse error', () => {
  assert.deepEqual(evaluateThresholds(['nope < 1'], emptyTotals(), 1000), [
    {
      expression: 'nope < 1',
      passed: false,
      actual: 0,
      limit: 0,
      unit: 'count',
      message: "does not parse at column 1: unknown threshold subject 'nope' (one of: <metric>.latency, <metric>.latency.uncorrected, <action>.ack.latency, <action>.fanout.latency, errors.rate, errors.count, connect.failed, acks.timedOut, slots.dropped, disconnects.count, reconnects.count, throughput.send, throughput.receive, connections.peak, delivery.<field>, <broadcast|direct|action>.delivery.<field>)",
      noSamples: true,
      noSamplesReason: 'the threshold does not parse at column 1',
    },
  ]);
});

test('each cause of a missing message is a threshold of its own: delivery.lost means only real loss', () => {
  const totals = emptyTotals({
    delivery: {
      broadcast: { expected: 1000, received: 990, lost: 2, inFlightAtStop: 3, undeliverable: 5, duplicated: 0, outOfOrder: 0, unexpected: 0 },
      direct: { expected: 100, received: 99, lost: 0, inFlightAtStop: 0, undeliverable: 1, duplicated: 0, outOfOrder: 0, unexpected: 0 },
    },
  });
  const actual = (expression: string): number | undefined => evaluateThresholds([expression], totals, 1000)[0]?.actual;
  assert.equal(actual('delivery.lost == 0'), 2);
  assert.equal(actual('delivery.undeliverable == 0'), 6);
  assert.equal(actual('broadcast.delivery.inFlightAtStop == 0'), 3);
  assert.equal(actual('direct.delivery.undeliverable == 0'), 1);
});

