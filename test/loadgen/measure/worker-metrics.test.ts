import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkerMetrics } from '../../../loadgen/measure/worker-metrics.js';
import { summarizeEncoded } from '../../../loadgen/measure/histogram-factory.js';
import { zeroCounters } from '../../../loadgen/measure/tallies.js';

const gauges = { target: 10, open: 8, connecting: 1, failed: 1 };

test('a snapshot carries the interval tallies and the next one starts from zero', () => {
  const metrics = new WorkerMetrics();
  assert.equal(metrics.latency('echo'), metrics.latency('echo'));
  metrics.latency('echo').record(120, 100);
  metrics.latency('echo').record(80, 80);
  metrics.count('eventsSent');
  metrics.count('eventsSent', 4);
  metrics.count('bytesReceived', 1000);
  metrics.delivered('broadcast', 'new');
  metrics.delivered('broadcast', 'new');
  metrics.delivered('broadcast', 'outOfOrder');
  metrics.delivered('broadcast', 'duplicate');
  metrics.delivered('direct', 'unexpected');
  metrics.error('connect_error', 'Invalid namespace');
  metrics.error('connect_error', 'not authorized');
  metrics.disconnect('transport close');
  metrics.disconnect('transport close');
  metrics.disconnect('ping timeout');

  const snapshot = metrics.takeSnapshot(3, 1000, 2000, gauges);
  assert.equal(snapshot.workerId, 3);
  assert.equal(snapshot.startMs, 1000);
  assert.equal(snapshot.endMs, 2000);
  assert.deepEqual(Object.keys(snapshot.histograms), ['echo']);
  const echo = snapshot.histograms.echo;
  assert.ok(echo !== undefined);
  assert.equal(summarizeEncoded(echo.corrected).maxUs, 120);
  assert.equal(summarizeEncoded(echo.uncorrected).maxUs, 100);
  assert.deepEqual(snapshot.counters, { ...zeroCounters(), eventsSent: 5, bytesReceived: 1000 });
  assert.deepEqual(snapshot.delivery, {
    broadcast: { expected: 0, received: 3, duplicated: 1, outOfOrder: 1, unexpected: 0 },
    direct: { expected: 0, received: 0, duplicated: 0, outOfOrder: 0, unexpected: 1 },
  });
  assert.deepEqual(snapshot.errors, { connect_error: { count: 2, lastMessage: 'not authorized' } });
  assert.deepEqual(snapshot.disconnectReasons, { 'transport close': 2, 'ping timeout': 1 });
  assert.deepEqual(snapshot.connections, gauges);
  assert.notEqual(snapshot.connections, gauges);

  const next = metrics.takeSnapshot(3, 2000, 3000, gauges);
  assert.deepEqual(next.histograms, {});
  assert.deepEqual(next.counters, zeroCounters());
  assert.deepEqual(next.delivery, {});
  assert.deepEqual(next.errors, {});
  assert.deepEqual(next.disconnectReasons, {});
  // The first snapshot is not changed by later recording.
  metrics.count('eventsSent');
  assert.equal(snapshot.counters.eventsSent, 5);
  metrics.destroy();
});

test('invalid and clamped latencies surface as errors', () => {
  const metrics = new WorkerMetrics();
  metrics.latency('direct').record(-5, 1);
  metrics.latency('direct').record(-5, 1);
  metrics.latency('join').record(1e13, 1);
  const snapshot = metrics.takeSnapshot(0, 0, 1000, gauges);
  assert.deepEqual(snapshot.errors, {
    latency_invalid: { count: 2, lastMessage: 'direct: negative or non-finite latency' },
    latency_clamped: { count: 1, lastMessage: 'join: latency above 1 h recorded as 1 h' },
  });
  assert.deepEqual(Object.keys(snapshot.histograms), ['join']);
});
