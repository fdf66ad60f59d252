/**
 * Coordinator side: merges the workers' interval snapshots into one series point per second and into the
 * run's totals. Histograms are decoded and added (exact); percentiles are only ever read from merged
 * histograms, never averaged.
 */
import type { DeliveryMetric, LatencyMetric } from '../metric-names.js';
import type {
  ClientCounters,
  ConnectionGauges,
  EncodedMetricHistograms,
  ErrorCount,
  IntervalSnapshot,
  MetricLatency,
  RunResult,
  SeriesPoint,
} from '../run-result.js';
import {
  addEncoded,
  createLatencyHistogram,
  encodeHistogram,
  releaseHistogram,
  summarizeHistogram,
  type Histogram,
} from './histogram-factory.js';
import {
  addCounters,
  addCountsByKey,
  addDelivery,
  addErrors,
  addGauges,
  finishDelivery,
  zeroCounters,
  zeroDelivery,
  zeroGauges,
  type DeliveryTally,
  type MissingCounts,
} from './tallies.js';
import type { LedgerAccount } from './delivery-ledger.js';

/** The whole-run totals of a result. */
export type RunTotals = RunResult['totals'];

interface HistogramPair {
  corrected: Histogram;
  uncorrected: Histogram;
}

/** Merges snapshots second by second; one instance per run (or per shard). */
export class RunAccumulator {
  private pending: IntervalSnapshot[] = [];
  private readonly totalHistograms = new Map<LatencyMetric, HistogramPair>();
  private readonly counters: ClientCounters = zeroCounters();
  private readonly delivery = new Map<DeliveryMetric, DeliveryTally>();
  private readonly accounting = new Map<DeliveryMetric, LedgerAccount>();
  private readonly errors: Record<string, ErrorCount> = {};
  private readonly disconnectReasons: Record<string, number> = {};
  /** Each worker's latest gauges: a worker that sent nothing this second still holds its connections. */
  private readonly gaugesByWorker = new Map<number, { endMs: number; gauges: ConnectionGauges }>();
  private peakConnections = 0;
  private lastClosedSec = 0;

  /** Queues one worker snapshot for the next `closeSecond`. */
  add(snapshot: IntervalSnapshot): void {
    this.pending.push(snapshot);
    const known = this.gaugesByWorker.get(snapshot.workerId);
    if (known === undefined || snapshot.endMs >= known.endMs) {
      this.gaugesByWorker.set(snapshot.workerId, { endMs: snapshot.endMs, gauges: snapshot.connections });
    }
  }

  /**
   * Merges every snapshot added since the last close into the series point that ends at `tSec` (seconds since
   * the run start) and into the totals. `gauges` overrides the connection gauges (default: the sum of each
   * worker's latest gauges). Rates divide by tSec minus the previous close's tSec (0 for the first); when
   * that is not positive the rates are 0.
   */
  closeSecond(tSec: number, epochMs: number, phase: string, gauges?: ConnectionGauges): SeriesPoint {
    const snapshots = this.pending;
    this.pending = [];
    const intervalHistograms = new Map<LatencyMetric, HistogramPair>();
    /** Each metric's encoded pairs of this second; where there is one, it is the merged histogram's encoding already. */
    const parts = new Map<LatencyMetric, EncodedMetricHistograms[]>();
    const counters = zeroCounters();
    const delivery: SeriesPoint['delivery'] = {};
    for (const snapshot of snapshots) {
      for (const [metric, encoded] of Object.entries(snapshot.histograms)) {
        if (encoded === undefined) continue;
        addEncodedPair(pairOf(intervalHistograms, metric), encoded);
        const list = parts.get(metric);
        if (list === undefined) parts.set(metric, [encoded]);
        else list.push(encoded);
      }
      addCounters(counters, snapshot.counters);
      for (const [metric, tally] of Object.entries(snapshot.delivery)) {
        if (tally !== undefined) addDelivery((delivery[metric] ??= zeroDelivery()), tally);
      }
      addErrors(this.errors, snapshot.errors);
      addCountsByKey(this.disconnectReasons, snapshot.disconnectReasons);
    }
    addCounters(this.counters, counters);
    for (const [metric, tally] of Object.entries(delivery)) {
      if (tally !== undefined) addDelivery(tallyOf(this.delivery, metric), tally);
    }

    const latency: SeriesPoint['latency'] = {};
    const histograms: SeriesPoint['histograms'] = {};
    for (const [metric, pair] of intervalHistograms) {
      const total = pairOf(this.totalHistograms, metric);
      total.corrected.add(pair.corrected);
      total.uncorrected.add(pair.uncorrected);
      latency[metric] = summarizePair(pair);
      // One worker's histograms alone are this second's: its encoding is the one encodePair would write (the
      // encoding of a decoded histogram is the encoding it was decoded from), without compressing it again.
      const only = parts.get(metric);
      histograms[metric] = only !== undefined && only.length === 1 ? { corrected: only[0]!.corrected, uncorrected: only[0]!.uncorrected } : encodePair(pair);
      releasePair(pair);
    }

    const connections = gauges === undefined ? this.sumWorkerGauges() : { ...gauges };
    this.peakConnections = Math.max(this.peakConnections, connections.open);
    const intervalSec = tSec - this.lastClosedSec;
    this.lastClosedSec = tSec;
    return {
      tSec,
      epochMs,
      phase,
      latency,
      histograms,
      counters,
      delivery,
      connections,
      sendRatePerSec: intervalSec > 0 ? counters.eventsSent / intervalSec : 0,
      receiveRatePerSec: intervalSec > 0 ? counters.eventsReceived / intervalSec : 0,
    };
  }

  /**
   * Sets the whole-run expected deliveries of `metric` and its missing ones by cause (from the DeliveryLedger),
   * replacing the sum of what workers reported. Affects `totals()` only.
   */
  setAccounting(metric: DeliveryMetric, account: LedgerAccount): void {
    this.accounting.set(metric, account);
  }

  /**
   * The run's totals. Snapshots added after the last `closeSecond` are folded in (without a series point), so
   * call it after the last close. Delivery as tallies.ts finishDelivery fixes it.
   * `options.histograms` (default true): false leaves `histograms` empty and skips encoding them, for a live
   * view that only needs the summaries (encoding costs a few hundred µs per histogram).
   */
  totals(options: { histograms?: boolean } = {}): RunTotals {
    const withHistograms = options.histograms ?? true;
    if (this.pending.length > 0) this.closeSecond(this.lastClosedSec, 0, '', undefined);
    const delivery: RunTotals['delivery'] = {};
    // In the ledgers' order (the scenario's), whatever order the workers' tallies arrived in; then any tally
    // that has no ledger.
    for (const [metric, account] of this.accounting) {
      delivery[metric] = finishDelivery({ ...(this.delivery.get(metric) ?? zeroDelivery()), expected: account.expected }, account);
    }
    for (const [metric, tally] of this.delivery) {
      if (!this.accounting.has(metric)) delivery[metric] = finishDelivery(tally, undefined);
    }
    const latency: RunTotals['latency'] = {};
    const histograms: RunTotals['histograms'] = {};
    for (const [metric, pair] of this.totalHistograms) {
      latency[metric] = summarizePair(pair);
      if (withHistograms) histograms[metric] = encodePair(pair);
    }
    const errors: Record<string, ErrorCount> = {};
    addErrors(errors, this.errors);
    return {
      latency,
      histograms,
      counters: { ...this.counters },
      delivery,
      errors,
      disconnectReasons: { ...this.disconnectReasons },
      peakConnections: this.peakConnections,
    };
  }

  /** Frees the whole-run histograms; the accumulator must not be used afterwards. */
  destroy(): void {
    for (const pair of this.totalHistograms.values()) releasePair(pair);
    this.totalHistograms.clear();
  }

  /**
   * Exactly merges the totals of several results of one run (shards): histograms added, counters and
   * delivery summed (lost recomputed), errors summed with the last list entry's message kept. peakConnections
   * is the sum of the shards' peaks: exact when the shards peak in the same second (they follow one schedule),
   * an upper bound otherwise.
   */
  static mergeTotals(list: readonly RunTotals[]): RunTotals {
    const pairs = new Map<LatencyMetric, HistogramPair>();
    const counters = zeroCounters();
    const delivery = new Map<DeliveryMetric, DeliveryTally>();
    const missing = new Map<DeliveryMetric, MissingCounts>();
    const errors: Record<string, ErrorCount> = {};
    const disconnectReasons: Record<string, number> = {};
    let peakConnections = 0;
    for (const totals of list) {
      for (const [metric, encoded] of Object.entries(totals.histograms)) {
        if (encoded !== undefined) addEncodedPair(pairOf(pairs, metric), encoded);
      }
      addCounters(counters, totals.counters);
      for (const [metric, counts] of Object.entries(totals.delivery)) {
        if (counts === undefined) continue;
        addDelivery(tallyOf(delivery, metric), counts);
        const sum = missing.get(metric) ?? { inFlightAtStop: 0, undeliverable: 0 };
        sum.inFlightAtStop += counts.inFlightAtStop;
        sum.undeliverable += counts.undeliverable;
        missing.set(metric, sum);
      }
      addErrors(errors, totals.errors);
      addCountsByKey(disconnectReasons, totals.disconnectReasons);
      peakConnections += totals.peakConnections;
    }
    const latency: RunTotals['latency'] = {};
    const histograms: RunTotals['histograms'] = {};
    for (const [metric, pair] of pairs) {
      latency[metric] = summarizePair(pair);
      histograms[metric] = encodePair(pair);
      releasePair(pair);
    }
    const deliveryCounts: RunTotals['delivery'] = {};
    for (const [metric, tally] of delivery) deliveryCounts[metric] = finishDelivery(tally, missing.get(metric));
    return { latency, histograms, counters, delivery: deliveryCounts, errors, disconnectReasons, peakConnections };
  }

  private sumWorkerGauges(): ConnectionGauges {
    const sum = zeroGauges();
    for (const { gauges } of this.gaugesByWorker.values()) addGauges(sum, gauges);
    return sum;
  }
}

function pairOf(map: Map<LatencyMetric, HistogramPair>, metric: LatencyMetric): HistogramPair {
  let pair = map.get(metric);
  if (pair === undefined) {
    pair = { corrected: createLatencyHistogram(), uncorrected: createLatencyHistogram() };
    map.set(metric, pair);
  }
  return pair;
}

function tallyOf(map: Map<DeliveryMetric, DeliveryTally>, metric: DeliveryMetric): DeliveryTally {
  let tally = map.get(metric);
  if (tally === undefined) {
    tally = zeroDelivery();
    map.set(metric, tally);
  }
  return tally;
}

function addEncodedPair(pair: HistogramPair, encoded: EncodedMetricHistograms): void {
  addEncoded(pair.corrected, encoded.corrected);
  addEncoded(pair.uncorrected, encoded.uncorrected);
}

function summarizePair(pair: HistogramPair): MetricLatency {
  return { corrected: summarizeHistogram(pair.corrected), uncorrected: summarizeHistogram(pair.uncorrected) };
}

function encodePair(pair: HistogramPair): EncodedMetricHistograms {
  return { corrected: encodeHistogram(pair.corrected), uncorrected: encodeHistogram(pair.uncorrected) };
}

function releasePair(pair: HistogramPair): void {
  releaseHistogram(pair.corrected);
  releaseHistogram(pair.uncorrected);
}
