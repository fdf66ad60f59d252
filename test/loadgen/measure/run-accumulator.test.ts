import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RunAccumulator } from '../../../loadgen/measure/run-accumulator.js';
import { WorkerMetrics } from '../../../loadgen/measure/worker-metrics.js';
import {
  createLatencyHistogram,
  encodeHistogram,
  recordLatencyUs,
  summarizeHistogram,
} from '../../../loadgen/measure/histogram-factory.js';
import { zeroCounters } from '../../../loadgen/measure/tallies.js';

const gauges = (open: number) => ({ target: open + 1, open, connecting: 1, failed: 0 });

function histogramOf(samples: readonly number[]): string {
  const h = createLatencyHistogram();
  for (const v of samples) recordLatencyUs(h, v);
  return encodeHistogram(h);
}

test('merging worker intervals equals one histogram of all samples, per second and for the run', () => {
  // samples[second][worker] = broadcast latencies of that worker in that second (corrected = 2 × uncorrected).
  const samplesArb = fc.array(fc.array(fc.array(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 40 }), { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 3,
  });
  fc.assert(
    fc.property(samplesArb, (samples) => {
      const accumulator = new RunAccumulator();
      const workers = samples[0]?.map(() => new WorkerMetrics()) ?? [];
      const all: number[] = [];
      samples.forEach((second, s) => {
        const thisSecond: number[] = [];
        second.forEach((values, w) => {
          const metrics = workers[w];
          if (metrics === undefined) return;
          for (const v of values) metrics.latency('broadcast').record(2 * v, v);
          accumulator.add(metrics.takeSnapshot(w, s * 1000, (s + 1) * 1000, gauges(1)));
          thisSecond.push(...values);
        });
        all.push(...thisSecond);
        const point = accumulator.closeSecond(s + 1, 1_700_000_000_000 + s * 1000, 'hold');
        if (thisSecond.length === 0) {
          assert.equal(point.histograms.broadcast, undefined);
        } else {
          assert.equal(point.histograms.broadcast?.uncorrected, histogramOf(thisSecond));
          assert.equal(point.histograms.broadcast?.corrected, histogramOf(thisSecond.map((v) => 2 * v)));
          assert.deepEqual(point.latency.broadcast?.uncorrected, summarizeHistogram(decodeOf(thisSecond)));
        }
      });
      const totals = accumulator.totals();
      if (all.length === 0) assert.equal(totals.histograms.broadcast, undefined);
      else assert.equal(totals.histograms.broadcast?.uncorrected, histogramOf(all));
      accumulator.destroy();
      for (const w of workers) w.destroy();
    }),
    { numRuns: 15 },
  );
});

function decodeOf(samples: readonly number[]) {
  const h = createLatencyHistogram();
  for (const v of samples) recordLatencyUs(h, v);
  return h;
}

test('counters sum, gauges take each worker latest, rates divide by the interval', () => {
  const accumulator = new RunAccumulator();
  const a = new WorkerMetrics();
  const b = new WorkerMetrics();
  a.count('eventsSent', 30);
  a.count('eventsReceived', 10);
  accumulator.add(a.takeSnapshot(0, 0, 500, gauges(5)));
  a.count('eventsSent', 10);
  accumulator.add(a.takeSnapshot(0, 500, 1000, gauges(7)));
  b.count('eventsSent', 60);
  b.count('eventsReceived', 2);
  accumulator.add(b.takeSnapshot(1, 0, 1000, gauges(3)));
  const first = accumulator.closeSecond(2, 5000, 'ramp');
  assert.equal(first.tSec, 2);
  assert.equal(first.epochMs, 5000);
  assert.equal(first.phase, 'ramp');
  assert.deepEqual(first.counters, { ...zeroCounters(), eventsSent: 100, eventsReceived: 12 });
  assert.deepEqual(first.connections, { target: 12, open: 10, connecting: 2, failed: 0 });
  assert.equal(first.sendRatePerSec, 50);
  assert.equal(first.receiveRatePerSec, 6);

  // Only worker 1 reports in the next second: worker 0 still holds its 7 connections.
  b.count('eventsSent', 9);
  accumulator.add(b.takeSnapshot(1, 1000, 2000, gauges(20)));
  const second = accumulator.closeSecond(3, 6000, 'hold');
  assert.equal(second.connections.open, 27);
  assert.equal(second.sendRatePerSec, 9);
  const overridden = accumulator.closeSecond(4, 7000, 'hold', { target: 1, open: 1, connecting: 0, failed: 0 });
  assert.equal(overridden.connections.open, 1);
  assert.equal(overridden.sendRatePerSec, 0);

  const totals = accumulator.totals();
  assert.equal(totals.counters.eventsSent, 109);
  assert.equal(totals.peakConnections, 27);
});

test('delivery totals: lost never negative, excess received reported as unexpected, ledger expectations win', () => {
  const accumulator = new RunAccumulator();
  const metrics = new WorkerMetrics();
  for (let i = 0; i < 8; i++) metrics.delivered('broadcast', 'new');
  metrics.delivered('broadcast', 'duplicate');
  for (let i = 0; i < 5; i++) metrics.delivered('direct', 'new');
  metrics.delivered('direct', 'unexpected');
  accumulator.add(metrics.takeSnapshot(0, 0, 1000, gauges(1)));
  accumulator.closeSecond(1, 0, 'hold');
  // Workers count what arrived; the expectations come from the ledger.
  accumulator.setAccounting('broadcast', { expected: 10, inFlightAtStop: 0, undeliverable: 0 });
  accumulator.setAccounting('direct', { expected: 3, inFlightAtStop: 0, undeliverable: 0 });
  assert.deepEqual(accumulator.totals().delivery, {
    broadcast: { expected: 10, received: 8, lost: 2, inFlightAtStop: 0, undeliverable: 0, duplicated: 1, outOfOrder: 0, unexpected: 0 },
    direct: { expected: 3, received: 3, lost: 0, inFlightAtStop: 0, undeliverable: 0, duplicated: 0, outOfOrder: 0, unexpected: 3 },
  });
  accumulator.setAccounting('broadcast', { expected: 12, inFlightAtStop: 1, undeliverable: 2 });
  accumulator.setAccounting('direct', { expected: 5, inFlightAtStop: 0, undeliverable: 0 });
  // Of the 4 broadcasts expected and not received, 1 was in flight at the stop and 2 undeliverable: 1 lost.
  assert.deepEqual(accumulator.totals().delivery, {
    broadcast: { expected: 12, received: 8, lost: 1, inFlightAtStop: 1, undeliverable: 2, duplicated: 1, outOfOrder: 0, unexpected: 0 },
    direct: { expected: 5, received: 5, lost: 0, inFlightAtStop: 0, undeliverable: 0, duplicated: 0, outOfOrder: 0, unexpected: 1 },
  });
});

test("delivery totals come in the ledgers' order (the scenario's), not in the order the workers' tallies arrived", () => {
  const accumulator = new RunAccumulator();
  const metrics = new WorkerMetrics();
  metrics.delivered('dm', 'new');
  metrics.delivered('chat', 'new');
  accumulator.add(metrics.takeSnapshot(0, 0, 1000, gauges(1)));
  accumulator.closeSecond(1, 0, 'hold');
  accumulator.setAccounting('chat', { expected: 1, inFlightAtStop: 0, undeliverable: 0 });
  accumulator.setAccounting('dm', { expected: 1, inFlightAtStop: 0, undeliverable: 0 });
  assert.deepEqual(Object.keys(accumulator.totals().delivery), ['chat', 'dm']);
  metrics.destroy();
});

test('errors sum with the latest message; disconnect reasons sum; pending snapshots reach the totals', () => {
  const accumulator = new RunAccumulator();
  const metrics = new WorkerMetrics();
  metrics.error('timeout', 'ack timeout after 5000 ms');
  metrics.disconnect('transport close');
  accumulator.add(metrics.takeSnapshot(0, 0, 1000, gauges(1)));
  accumulator.closeSecond(1, 0, 'hold');
  metrics.error('timeout', 'ack timeout after 100 ms');
  metrics.disconnect('transport close');
  metrics.latency('echo').record(10, 10);
  accumulator.add(metrics.takeSnapshot(0, 1000, 2000, gauges(1)));
  const totals = accumulator.totals();
  assert.deepEqual(totals.errors, { timeout: { count: 2, lastMessage: 'ack timeout after 100 ms' } });
  assert.deepEqual(totals.disconnectReasons, { 'transport close': 2 });
  assert.equal(totals.latency.echo?.corrected.count, 1);
});

test('mergeTotals of shards equals one run over all snapshots', () => {
  const shards = [new RunAccumulator(), new RunAccumulator()];
  const whole = new RunAccumulator();
  const samples = [[100, 2000, 35_000], [7, 900_000]];
  samples.forEach((values, i) => {
    const metrics = new WorkerMetrics();
    for (const v of values) metrics.latency('direct').record(v + 5, v);
    metrics.count('eventsSent', 10 * (i + 1));
    metrics.delivered('direct', 'new');
    shards[i]?.setAccounting('direct', { expected: 2, inFlightAtStop: 0, undeliverable: 0 });
    metrics.error('transport', `shard ${i}`);
    metrics.disconnect('io server disconnect');
    const snapshot = metrics.takeSnapshot(i, 0, 1000, gauges(4 + i));
    shards[i]?.add(snapshot);
    whole.add(snapshot);
  });
  for (const shard of shards) shard.closeSecond(1, 0, 'hold');
  whole.closeSecond(1, 0, 'hold');
  whole.setAccounting('direct', { expected: 4, inFlightAtStop: 0, undeliverable: 0 });
  const merged = RunAccumulator.mergeTotals(shards.map((s) => s.totals()));
  assert.deepEqual(merged, whole.totals());
  assert.equal(merged.peakConnections, 9);
  assert.deepEqual(merged.delivery.direct, { expected: 4, received: 2, lost: 2, inFlightAtStop: 0, undeliverable: 0, duplicated: 0, outOfOrder: 0, unexpected: 0 });
  assert.deepEqual(merged.errors, { transport: { count: 2, lastMessage: 'shard 1' } });
});

test('totals without histograms keeps the summaries and skips the encoding', () => {
  const accumulator = new RunAccumulator();
  const metrics = new WorkerMetrics();
  metrics.latency('join').record(40, 30);
  accumulator.add(metrics.takeSnapshot(0, 0, 1000, gauges(1)));
  accumulator.closeSecond(1, 0, 'hold');
  const live = accumulator.totals({ histograms: false });
  assert.deepEqual(live.histograms, {});
  assert.deepEqual(live.latency, accumulator.totals().latency);
  assert.equal(live.latency.join?.uncorrected.maxUs, 30);
});
