import assert from 'node:assert/strict';
import { test } from 'node:test';
import { manualClock } from '../../../loadgen/measure/clock.js';
import { RunAccumulator } from '../../../loadgen/measure/run-accumulator.js';
import { WorkerMetrics } from '../../../loadgen/measure/worker-metrics.js';
import type { IntervalSnapshot, LoadgenHealth } from '../../../loadgen/run-result.js';
import type { RunPlan } from '../../../loadgen/engine/run-plan.js';
import { SecondMerger } from '../../../loadgen/engine/second-merger.js';

const plan: RunPlan = {
  phases: [
    { name: 'ramp', kind: 'ramp-up', startMs: 0, durationMs: 2000, activeActions: new Set() },
    { name: 'hold', kind: 'hold', startMs: 2000, durationMs: 2000, activeActions: new Set() },
  ],
  phasesEndMs: 4000,
  endMs: 4000,
  totalClients: 4,
  baseClients: 4,
  actionWindows: new Map(),
  leaveAtMs: [],
};

/** A worker's interval [startMs, endMs] in which it sent `eventsSent` events and held `open` connections. */
function interval(workerId: number, startMs: number, endMs: number, eventsSent: number, open: number, loadgen?: LoadgenHealth): IntervalSnapshot {
  const metrics = new WorkerMetrics();
  metrics.count('eventsSent', eventsSent);
  const snapshot = metrics.takeSnapshot(workerId, startMs, endMs, { target: 2, open, connecting: 0, failed: 0 });
  if (loadgen) snapshot.loadgen = loadgen;
  return snapshot;
}

function merger(): { merger: SecondMerger; ownMetrics: WorkerMetrics; closedAtUs: number[]; accumulator: RunAccumulator } {
  const clock = manualClock(5_000_000);
  const accumulator = new RunAccumulator();
  const ownMetrics = new WorkerMetrics();
  const closedAtUs: number[] = [];
  return {
    merger: new SecondMerger({ accumulator, ownMetrics, plan, clock, beforeClose: (nowUs) => closedAtUs.push(nowUs) }),
    ownMetrics,
    closedAtUs,
    accumulator,
  };
}

test('a second is complete once every active worker has sent its interval; seconds close in order', () => {
  const { merger: m, closedAtUs, accumulator } = merger();
  const workers = new Set([0, 1]);
  assert.equal(m.add(interval(0, 0, 1000, 10, 1)), 1);
  assert.equal(m.isComplete(1, workers), false);
  // Worker 0 runs ahead: its second 2 arrives before worker 1's second 1. 1999.9999 ms still ends in second 2.
  assert.equal(m.add(interval(0, 1000, 1999.9999, 30, 2)), 2);
  assert.equal(m.add(interval(1, 0, 1000, 5, 1)), 1);
  assert.equal(m.isComplete(1, workers), true);
  assert.equal(m.isComplete(2, workers), false);
  const seen: number[] = [];
  m.flush(1, 1_700_000_000_000, (point) => seen.push(point.tSec));
  assert.deepEqual(seen, [1]);
  assert.equal(m.lastClosedSec, 1);
  const [first] = m.series;
  // 10 + 5 events over the one second; the gauges are each worker's latest: 1 + 1 open, 2 + 2 wanted.
  assert.equal(first?.counters.eventsSent, 15);
  assert.equal(first?.sendRatePerSec, 15);
  assert.deepEqual(first?.connections, { target: 4, open: 2, connecting: 0, failed: 0 });
  assert.equal(first?.phase, 'ramp');
  assert.equal(first?.epochMs, 1_700_000_001_000);
  assert.equal(first?.loadgen, undefined);
  // The end of the run closes whatever waits, complete or not.
  m.flush(Number.POSITIVE_INFINITY, 1_700_000_000_000, (point) => seen.push(point.tSec));
  assert.deepEqual(seen, [1, 2]);
  assert.equal(m.series[1]?.counters.eventsSent, 30);
  assert.equal(m.series[1]?.phase, 'ramp', 'the second ending at 2 s was spent in the ramp');
  assert.deepEqual(closedAtUs, [5_000_000, 5_000_000]);
  accumulator.destroy();
});

test("the coordinator's own measurements count in the second they close in, and after the last close in the totals only", () => {
  const { merger: m, ownMetrics, accumulator } = merger();
  m.add(interval(0, 2000, 3000, 1, 1));
  ownMetrics.count('eventsSent', 4);
  m.flush(3, 0, () => undefined);
  assert.equal(m.series[0]?.counters.eventsSent, 5);
  assert.equal(m.series[0]?.phase, 'hold');
  ownMetrics.count('eventsSent', 7);
  m.foldFinalOwnMetrics();
  assert.equal(m.series.length, 1);
  assert.equal(accumulator.totals({ histograms: false }).counters.eventsSent, 12);
  accumulator.destroy();
});

test("a second's health is the worst of its whole intervals; a stopping worker's short last one is left out", () => {
  const { merger: m, accumulator } = merger();
  m.add(interval(0, 0, 1000, 0, 1, { eventLoopDelayP99Us: 2000, eventLoopDelayMaxUs: 9000, eventLoopUtilization: 0.5 }));
  m.add(interval(1, 0, 1000, 0, 1, { eventLoopDelayP99Us: 7000, eventLoopDelayMaxUs: 8000, eventLoopUtilization: 0.25 }));
  // 400 ms: shorter than a whole interval.
  m.add(interval(0, 1000, 1400, 0, 0, { eventLoopDelayP99Us: 900_000, eventLoopDelayMaxUs: 900_000, eventLoopUtilization: 1 }));
  m.flush(2, 0, () => undefined);
  assert.deepEqual(m.series[0]?.loadgen, { eventLoopDelayP99Us: 7000, eventLoopDelayMaxUs: 9000, eventLoopUtilization: 0.5 });
  assert.equal(m.series[1]?.loadgen, undefined);
  accumulator.destroy();
});
