import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LiveMetrics } from '../../../reports/prometheus/live-metrics.js';
import { parsePrometheusText } from '../../../loadgen/target/prometheus-text.js';
import { liveStateAt } from '../../fixtures/make-live-state.js';
import { makeRunResult } from '../../fixtures/make-run-result.js';

/** The value of one series of the registry's text: `name` with exactly these labels beside scenario and run_id. */
async function valueOf(metrics: LiveMetrics, name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const samples = parsePrometheusText(await metrics.registry.metrics()).get(name) ?? [];
  const wanted = { ...labels, scenario: 'rooms', run_id: 'r-1' };
  return samples.find((s) => JSON.stringify(Object.entries(s.labels).sort()) === JSON.stringify(Object.entries(wanted).sort()))?.value;
}

test('live figures: counters are the sum of the seconds seen, latencies in seconds, and the result makes them exact', async () => {
  const result = makeRunResult();
  const metrics = new LiveMetrics({ scenario: 'rooms', runId: 'r-1' });
  assert.equal(await valueOf(metrics, 'sio_bench_run_finished'), 0);
  for (const second of [1, 2, 3]) metrics.update(liveStateAt(result, second));
  const firstThree = result.series.filter((p) => p.tSec <= 3);
  assert.ok(firstThree.length === 3);
  assert.equal(await valueOf(metrics, 'sio_bench_events_sent_total'), firstThree.reduce((sum, p) => sum + p.counters.eventsSent, 0));
  assert.equal(await valueOf(metrics, 'sio_bench_dropped_slots_total'), firstThree.reduce((sum, p) => sum + p.counters.droppedSlots, 0));
  const third = firstThree[2]!;
  const [metric, latency] = Object.entries(third.latency)[0]!;
  assert.equal(await valueOf(metrics, 'sio_bench_interval_latency_seconds', { metric, quantile: '0.99' }), latency!.corrected.p99Us / 1e6);
  assert.equal(await valueOf(metrics, 'sio_bench_connections', { state: 'open' }), third.connections.open);

  metrics.finish(result);
  assert.equal(await valueOf(metrics, 'sio_bench_run_finished'), 1);
  assert.equal(await valueOf(metrics, 'sio_bench_events_sent_total'), result.totals.counters.eventsSent);
  assert.equal(await valueOf(metrics, 'sio_bench_events_received_total'), result.totals.counters.eventsReceived);
  for (const [name, figures] of Object.entries(result.totals.latency)) {
    assert.equal(await valueOf(metrics, 'sio_bench_latency_seconds', { metric: name, measure: 'corrected', quantile: '0.999' }), figures!.corrected.p999Us / 1e6);
    assert.equal(await valueOf(metrics, 'sio_bench_latency_seconds', { metric: name, measure: 'uncorrected', quantile: '1' }), figures!.uncorrected.maxUs / 1e6);
    assert.equal(await valueOf(metrics, 'sio_bench_latency_samples', { metric: name }), figures!.corrected.count);
  }
  const delivery = Object.values(result.totals.delivery);
  assert.equal(await valueOf(metrics, 'sio_bench_delivery_messages', { outcome: 'lost' }), delivery.reduce((sum, d) => sum + d!.lost, 0));
  assert.equal(await valueOf(metrics, 'sio_bench_delivery_messages', { outcome: 'in_flight_at_stop' }), delivery.reduce((sum, d) => sum + d!.inFlightAtStop, 0));
});
