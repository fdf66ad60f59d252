import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zeroCounters } from '../../../loadgen/measure/tallies.js';
import type { RunTotals } from '../../../loadgen/thresholds/evaluate-thresholds.js';
import { ThresholdJudge } from '../../../loadgen/thresholds/threshold-judge.js';

function totals(overrides: Partial<RunTotals> = {}): RunTotals {
  return { latency: {}, histograms: {}, counters: zeroCounters(), delivery: {}, errors: {}, disconnectReasons: {}, peakConnections: 0, ...overrides };
}

// errors.count needs something attempted: 10 connects.
const attempted = { ...zeroCounters(), connectAttempts: 10 };
const twoErrors = totals({ counters: attempted, errors: { transport: { count: 2, lastMessage: 'closed' } } });

test('a breach is remembered from the first to the last second it was seen, even once the threshold holds', () => {
  const judge = new ThresholdJudge(['errors.count == 0']);
  assert.deepEqual(judge.judge(twoErrors, 2400, true), [
    { expression: 'errors.count == 0', passed: false, actual: 2, limit: 0, unit: 'count', firstBreachedAtSec: 2, lastBreachedAtSec: 2 },
  ]);
  // 4.6 s rounds to second 5.
  assert.deepEqual(judge.judge(twoErrors, 4600, true)[0], { expression: 'errors.count == 0', passed: false, actual: 2, limit: 0, unit: 'count', firstBreachedAtSec: 2, lastBreachedAtSec: 5 });
  assert.deepEqual(judge.judge(totals({ counters: attempted }), 6000, false)[0], { expression: 'errors.count == 0', passed: true, actual: 0, limit: 0, unit: 'count', firstBreachedAtSec: 2, lastBreachedAtSec: 5 });
});

test('nothing measured holds while live and fails at the end, never with a breach time', () => {
  const judge = new ThresholdJudge(['echo.latency p(99) < 50ms']);
  const [live] = judge.judge(totals(), 3000, true);
  assert.equal(live?.passed, true);
  assert.equal(live?.noSamplesReason, undefined);
  assert.equal(live?.firstBreachedAtSec, undefined);
  const [final] = judge.judge(totals(), 9000, false);
  assert.equal(final?.passed, false);
  assert.equal(typeof final?.noSamplesReason, 'string');
  assert.equal(final?.firstBreachedAtSec, undefined);
});

test('throughput before the run has any duration is taken over 1 ms', () => {
  const judge = new ThresholdJudge(['throughput.send < 1000/s']);
  // 3 events over 1 ms = 3000/s.
  const [result] = judge.judge(totals({ counters: { ...zeroCounters(), eventsSent: 3 } }), 0, true);
  assert.equal(result?.actual, 3000);
  assert.equal(result?.passed, false);
  assert.equal(result?.firstBreachedAtSec, 0);
});
