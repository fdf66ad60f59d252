/**
 * The run's own figures as Prometheus metrics (`run --metrics-listen`), kept in a prom-client registry of their
 * own: updated from each live snapshot the coordinator hands the live view, and set to the result's exact totals
 * when the run finishes, so the last scrape agrees with result.json. Every series carries the scenario and run id
 * as labels. Names follow Prometheus conventions: base units (seconds, bytes) in the name, `_total` on counters.
 */
import { Counter, Gauge, Registry } from 'prom-client';
import type { ClientCounters, LatencySummary, MetricLatency, RunResult } from '../../loadgen/run-result.js';
// Prometheus speaks seconds, the result integer microseconds: the server's metrics convert the same way.
import { microsecondsToSeconds } from '../../server/metrics/units.js';
import { isSaturated } from '../../loadgen/engine/loadgen-health.js';
import type { LiveState } from '../../loadgen/live-state.js';

/** The counter of each client counter (all counts since the run start). */
const CLIENT_COUNTER_NAMES: Readonly<Record<keyof ClientCounters, { name: string; help: string }>> = {
  eventsSent: { name: 'sio_bench_events_sent_total', help: 'Socket.IO events emitted by the virtual clients.' },
  eventsReceived: { name: 'sio_bench_events_received_total', help: 'Socket.IO events received by the virtual clients (acks included).' },
  acksTimedOut: { name: 'sio_bench_acks_timed_out_total', help: 'Acks that did not arrive within their timeout.' },
  droppedSlots: { name: 'sio_bench_dropped_slots_total', help: 'Open-model schedule slots that could not be served.' },
  scheduledSlots: { name: 'sio_bench_scheduled_slots_total', help: 'Open-model schedule slots that came due, served or dropped.' },
  connectAttempts: { name: 'sio_bench_connect_attempts_total', help: 'Connection attempts.' },
  connectSuccesses: { name: 'sio_bench_connects_total', help: 'Successful connections (Socket.IO CONNECT acknowledged).' },
  connectFailures: { name: 'sio_bench_connect_failures_total', help: 'Failed connection attempts.' },
  disconnects: { name: 'sio_bench_disconnects_total', help: 'Connections that closed during the run.' },
  reconnects: { name: 'sio_bench_reconnects_total', help: 'Reconnections after a disconnect.' },
  bytesSent: { name: 'sio_bench_sent_bytes_total', help: 'Bytes sent by the virtual clients.' },
  bytesReceived: { name: 'sio_bench_received_bytes_total', help: 'Bytes received by the virtual clients.' },
};

/** The quantile label of each summary field ('0' is the minimum, '1' the maximum, as Prometheus summaries spell them). */
const QUANTILES: ReadonlyArray<readonly [string, keyof LatencySummary]> = [
  ['0', 'minUs'],
  ['0.5', 'p50Us'],
  ['0.9', 'p90Us'],
  ['0.99', 'p99Us'],
  ['0.999', 'p999Us'],
  ['1', 'maxUs'],
];

/** Labels every series of one run carries. */
export interface RunLabels {
  scenario: string;
  /** Names this run among others of the same scenario, e.g. the result folder's name. */
  runId: string;
}

/** A registry of one run's figures, fed by live snapshots and then by the result. */
export class LiveMetrics {
  /** The registry to serve (`registry.metrics()` is the exposition text). */
  readonly registry = new Registry();
  private readonly counters = new Map<keyof ClientCounters, Counter>();
  /** The total each counter (and label set) was last set to, to add only the difference. */
  private readonly counted = new Map<string, number>();
  /** Client counters summed over the seconds seen so far (the snapshots carry each second's counts). */
  private readonly runningTotals: ClientCounters;
  private readonly errors: Counter;
  private readonly connections: Gauge;
  private readonly elapsed: Gauge;
  private readonly finished: Gauge;
  private readonly latency: Gauge;
  private readonly latencyCount: Gauge;
  private readonly intervalLatency: Gauge;
  private readonly delivery: Gauge;
  private readonly loadgenDelayP99: Gauge;
  private readonly loadgenDelayMax: Gauge;
  private readonly loadgenUtilization: Gauge;
  private readonly loadgenSaturatedSeconds: Counter;

  constructor(labels: RunLabels) {
    this.registry.setDefaultLabels({ scenario: labels.scenario, run_id: labels.runId });
    const registers = [this.registry];
    this.runningTotals = Object.fromEntries(Object.keys(CLIENT_COUNTER_NAMES).map((key) => [key, 0])) as unknown as ClientCounters;
    for (const [key, { name, help }] of Object.entries(CLIENT_COUNTER_NAMES) as [keyof ClientCounters, { name: string; help: string }][]) {
      this.counters.set(key, new Counter({ name, help, registers }));
    }
    this.errors = new Counter({ name: 'sio_bench_errors_total', help: 'Errors of the virtual clients, by kind.', labelNames: ['kind'], registers });
    this.connections = new Gauge({
      name: 'sio_bench_connections',
      help: 'Virtual clients by connection state (target: what the schedule wants connected now).',
      labelNames: ['state'],
      registers,
    });
    this.elapsed = new Gauge({ name: 'sio_bench_run_elapsed_seconds', help: 'Time since the run start.', registers });
    this.finished = new Gauge({ name: 'sio_bench_run_finished', help: '1 once the run has ended and its figures are final, else 0.', registers });
    this.latency = new Gauge({
      name: 'sio_bench_latency_seconds',
      help: 'Latency since the run start per metric (corrected: from the intended send time; uncorrected: from the actual one); quantile 0 is the minimum, 1 the maximum.',
      labelNames: ['metric', 'measure', 'quantile'],
      registers,
    });
    this.latencyCount = new Gauge({ name: 'sio_bench_latency_samples', help: 'Latency samples since the run start per metric.', labelNames: ['metric'], registers });
    this.intervalLatency = new Gauge({
      name: 'sio_bench_interval_latency_seconds',
      help: 'Corrected latency over the last second of the run per metric, as result.json series[] has it.',
      labelNames: ['metric', 'quantile'],
      registers,
    });
    this.delivery = new Gauge({
      name: 'sio_bench_delivery_messages',
      help: 'Messages of the delivering metrics (direct, broadcast) by outcome: expected, received, lost, in_flight_at_stop, undeliverable, duplicated, out_of_order, unexpected.',
      labelNames: ['outcome'],
      registers,
    });
    this.loadgenDelayP99 = new Gauge({ name: 'sio_bench_loadgen_event_loop_delay_p99_seconds', help: "The busiest load-generator worker's event-loop delay p99 over the last second.", registers });
    this.loadgenDelayMax = new Gauge({ name: 'sio_bench_loadgen_event_loop_delay_max_seconds', help: "The busiest load-generator worker's largest event-loop delay over the last second.", registers });
    this.loadgenUtilization = new Gauge({
      name: 'sio_bench_loadgen_event_loop_utilization_ratio',
      help: "The busiest load-generator worker's event-loop utilization over the last second (near 1: the load generator is saturated).",
      registers,
    });
    this.loadgenSaturatedSeconds = new Counter({
      name: 'sio_bench_loadgen_saturated_seconds_total',
      help: 'Seconds of the run in which the load generator itself was saturated (its latencies include its own queueing).',
      registers,
    });
    this.finished.set(0);
  }

  /** Takes one live snapshot (called about once a second, once per closed second of the run). */
  update(state: LiveState): void {
    this.elapsed.set(state.elapsedMs / 1000);
    for (const [gauge, value] of Object.entries(state.connections)) this.connections.set({ state: gauge }, value);
    for (const [kind, error] of Object.entries(state.errors)) this.setCounter(this.errors, 'errors', { kind }, error.count);
    this.setLatency(state.latencySoFar ?? {});
    this.delivery.set({ outcome: 'expected' }, state.delivery.expected);
    this.delivery.set({ outcome: 'received' }, state.delivery.received);
    this.delivery.set({ outcome: 'lost' }, state.delivery.lost);
    this.delivery.set({ outcome: 'undeliverable' }, state.delivery.undeliverable);
    this.delivery.set({ outcome: 'duplicated' }, state.delivery.duplicated);
    const point = state.latest;
    if (point === undefined) return;
    for (const key of this.counters.keys()) this.runningTotals[key] = (this.runningTotals[key] ?? 0) + (point.counters[key] ?? 0);
    this.setClientCounters(this.runningTotals);
    this.intervalLatency.reset();
    for (const [metric, latency] of latencyEntries(point.latency)) {
      for (const [quantile, field] of QUANTILES) this.intervalLatency.set({ metric, quantile }, microsecondsToSeconds(latency.corrected[field]));
    }
    if (point.loadgen !== undefined) {
      this.loadgenDelayP99.set(microsecondsToSeconds(point.loadgen.eventLoopDelayP99Us));
      this.loadgenDelayMax.set(microsecondsToSeconds(point.loadgen.eventLoopDelayMaxUs));
      this.loadgenUtilization.set(point.loadgen.eventLoopUtilization);
      if (isSaturated(point.loadgen)) this.loadgenSaturatedSeconds.inc();
    }
  }

  /** Sets every figure to the result's totals (exact, as result.json has them) and marks the run finished. */
  finish(result: RunResult): void {
    this.elapsed.set(result.durationMs / 1000);
    this.setClientCounters(result.totals.counters);
    for (const [kind, error] of Object.entries(result.totals.errors)) this.setCounter(this.errors, 'errors', { kind }, error.count);
    this.setLatency(result.totals.latency);
    const outcomes = { expected: 0, received: 0, lost: 0, in_flight_at_stop: 0, undeliverable: 0, duplicated: 0, out_of_order: 0, unexpected: 0 };
    for (const counts of Object.values(result.totals.delivery)) {
      if (counts === undefined) continue;
      outcomes.expected += counts.expected;
      outcomes.received += counts.received;
      outcomes.lost += counts.lost;
      outcomes.in_flight_at_stop += counts.inFlightAtStop;
      outcomes.undeliverable += counts.undeliverable;
      outcomes.duplicated += counts.duplicated;
      outcomes.out_of_order += counts.outOfOrder;
      outcomes.unexpected += counts.unexpected;
    }
    for (const [outcome, value] of Object.entries(outcomes)) this.delivery.set({ outcome }, value);
    this.finished.set(1);
  }

  private setClientCounters(totals: ClientCounters): void {
    for (const [key, counter] of this.counters) this.setCounter(counter, key, {}, totals[key] ?? 0);
  }

  private setLatency(latency: Partial<Record<string, MetricLatency>>): void {
    for (const [metric, figures] of latencyEntries(latency)) {
      for (const measure of ['corrected', 'uncorrected'] as const) {
        for (const [quantile, field] of QUANTILES) this.latency.set({ metric, measure, quantile }, microsecondsToSeconds(figures[measure][field]));
      }
      this.latencyCount.set({ metric }, figures.corrected.count);
    }
  }

  /** Moves a counter to `total` (a counter only goes up: a smaller total, as a new repetition starts, is ignored). */
  private setCounter(counter: Counter, key: string, labels: Record<string, string>, total: number): void {
    const id = `${key}${JSON.stringify(labels)}`;
    const previous = this.counted.get(id) ?? 0;
    if (total <= previous) return;
    counter.inc(labels, total - previous);
    this.counted.set(id, total);
  }
}

function latencyEntries(latency: Partial<Record<string, MetricLatency>>): [string, MetricLatency][] {
  return Object.entries(latency).filter((entry): entry is [string, MetricLatency] => entry[1] !== undefined);
}
