/**
 * Everything one worker thread measures over one interval, turned into an `IntervalSnapshot` once a second.
 * Pure: no clock reads, no I/O; the caller passes the interval bounds.
 */
import type { DeliveryMetric, LatencyMetric } from '../metric-names.js';
import type {
  ClientCounters,
  ConnectionGauges,
  EncodedMetricHistograms,
  ErrorCount,
  IntervalSnapshot,
} from '../run-result.js';
import { LatencyRecorder } from './latency-recorder.js';
import {
  LATENCY_CLAMPED_ERROR,
  LATENCY_INVALID_ERROR,
  zeroCounters,
  zeroDelivery,
  type DeliveryTally,
} from './tallies.js';

/**
 * How one received message counts: 'new' and 'outOfOrder' are distinct expected arrivals (received);
 * 'outOfOrder' also counts as out of order; 'duplicate' is a copy of one already received; 'unexpected' is
 * a message this receiver should not have got (outside its membership windows).
 */
export type DeliveryOutcome = 'new' | 'duplicate' | 'outOfOrder' | 'unexpected';

/** Per-worker measurement state; one instance per worker thread, drained by `takeSnapshot` each interval. */
export class WorkerMetrics {
  private readonly recorders = new Map<LatencyMetric, LatencyRecorder>();
  private counters: ClientCounters = zeroCounters();
  private delivery = new Map<DeliveryMetric, DeliveryTally>();
  private errors: Record<string, ErrorCount> = {};
  private disconnectReasons: Record<string, number> = {};

  /** The recorder of `metric`, created on first use and kept for the worker's life. */
  latency(metric: LatencyMetric): LatencyRecorder {
    let recorder = this.recorders.get(metric);
    if (recorder === undefined) {
      recorder = new LatencyRecorder();
      this.recorders.set(metric, recorder);
    }
    return recorder;
  }

  /** Adds `n` (default 1) to a client counter. */
  count(name: keyof ClientCounters, n = 1): void {
    this.counters[name] += n;
  }

  /** Counts one received message of a delivering metric by its outcome. */
  delivered(metric: DeliveryMetric, outcome: DeliveryOutcome): void {
    const tally = this.tally(metric);
    switch (outcome) {
      case 'new':
        tally.received++;
        break;
      case 'outOfOrder':
        tally.received++;
        tally.outOfOrder++;
        break;
      case 'duplicate':
        tally.duplicated++;
        break;
      case 'unexpected':
        tally.unexpected++;
        break;
      default: {
        const unreachable: never = outcome;
        throw new TypeError(`unknown delivery outcome ${String(unreachable)}`);
      }
    }
  }

  /** Counts an error of `kind` (e.g. 'connect_error', 'transport', 'ack_timeout') and keeps its message. */
  error(kind: string, message: string): void {
    const existing = this.errors[kind];
    if (existing === undefined) this.errors[kind] = { count: 1, lastMessage: message };
    else {
      existing.count++;
      existing.lastMessage = message;
    }
  }

  /** Counts one disconnect by its reason as Socket.IO names it (e.g. 'transport close'). */
  disconnect(reason: string): void {
    this.disconnectReasons[reason] = (this.disconnectReasons[reason] ?? 0) + 1;
  }

  /**
   * The snapshot of the interval [startMs, endMs] (ms since run start) with the worker's current connection
   * gauges, then resets every interval tally. Latency samples that were invalid or clamped appear as the
   * errors 'latency_invalid' and 'latency_clamped'.
   */
  takeSnapshot(workerId: number, startMs: number, endMs: number, gauges: ConnectionGauges): IntervalSnapshot {
    const histograms: Record<LatencyMetric, EncodedMetricHistograms> = {};
    for (const [metric, recorder] of this.recorders) {
      const encoded = recorder.takeInterval();
      if (encoded !== undefined) histograms[metric] = encoded;
      const { invalid, clamped } = recorder.takeAnomalies();
      if (invalid > 0) this.addError(LATENCY_INVALID_ERROR, invalid, `${metric}: negative or non-finite latency`);
      if (clamped > 0) this.addError(LATENCY_CLAMPED_ERROR, clamped, `${metric}: latency above 1 h recorded as 1 h`);
    }
    const delivery: IntervalSnapshot['delivery'] = {};
    for (const [metric, tally] of this.delivery) delivery[metric] = tally;
    const snapshot: IntervalSnapshot = {
      workerId,
      startMs,
      endMs,
      histograms,
      counters: this.counters,
      delivery,
      connections: { ...gauges },
      errors: this.errors,
      disconnectReasons: this.disconnectReasons,
    };
    this.counters = zeroCounters();
    this.delivery = new Map();
    this.errors = {};
    this.disconnectReasons = {};
    return snapshot;
  }

  /** Frees every histogram; the instance must not be used afterwards. */
  destroy(): void {
    for (const recorder of this.recorders.values()) recorder.destroy();
    this.recorders.clear();
  }

  private tally(metric: DeliveryMetric): DeliveryTally {
    let tally = this.delivery.get(metric);
    if (tally === undefined) {
      tally = zeroDelivery();
      this.delivery.set(metric, tally);
    }
    return tally;
  }

  private addError(kind: string, n: number, message: string): void {
    const existing = this.errors[kind];
    if (existing === undefined) this.errors[kind] = { count: n, lastMessage: message };
    else {
      existing.count += n;
      existing.lastMessage = message;
    }
  }
}
