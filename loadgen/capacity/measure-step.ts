/**
 * Turns one step's RunResult into a CapacityStep: picks the series points of the measured window (the hold
 * phase after its warm-up), merges their encoded histograms exactly, sums their counters, averages the server's
 * samples of the same window, finds the load generator's worst second, and evaluates the objectives.
 */
import { isSaturated, SATURATED_UTILIZATION, worstHealth } from '../engine/loadgen-health.js';
import { addCounters, sumDeliveryCounts, zeroCounters } from '../measure/tallies.js';
import { addEncoded, createLatencyHistogram, encodeHistogram, releaseHistogram, summarizeHistogram, type Histogram } from '../measure/histogram-factory.js';
import type { LatencyMetric } from '../metric-names.js';
import type { ClientCounters, DeliveryCounts, EncodedMetricHistograms, LoadgenHealth, MetricLatency, RunResult, SeriesPoint, ServerSample } from '../run-result.js';
import type { Scenario } from '../scenario/schema.js';
import type { Threshold } from '../thresholds/threshold.js';
import type { CapacityStep, StepOutcome, StepServerFigures, StepServerPoint } from './capacity-step.js';
import { evaluateSlos } from './evaluate-slos.js';

/** Length of one series point, ms (the coordinator closes one point per second). */
const POINT_MS = 1_000;
/**
 * A step counts as load-generator bound when at least this share of its window's seconds were saturated. One
 * slow second (a noisy neighbour, a GC pause) delays server and load generator alike and says little; a
 * quarter of the window does. Default 0.25.
 */
export const LOADGEN_SATURATED_SHARE = 0.25;

/**
 * Whether a saturated second was the host's doing rather than the load generator's: its busiest worker was idle
 * more than half the time, so its event-loop delay came from not being scheduled (other processes had the CPU),
 * not from its own work. Such seconds make the step noisy but do not make the load generator the bottleneck.
 */
export function starvedByHost(health: LoadgenHealth): boolean {
  return isSaturated(health) && health.eventLoopUtilization < SATURATED_UTILIZATION / 2;
}

/** What measureStep needs besides the result. */
export interface MeasureStepInput {
  index: number;
  load: number;
  overrides: string[];
  /** The scenario as the step ran it (after the step's overrides). */
  scenario: Scenario;
  /** The measured phase's name. */
  phase: string;
  warmupMs: number;
  slos: readonly Threshold[];
}

/** The points wholly inside [startMs, endMs] (a point covers the second before its tSec). */
export function windowPoints(series: readonly SeriesPoint[], startMs: number, endMs: number): SeriesPoint[] {
  return series.filter((point) => point.tSec * 1000 - POINT_MS >= startMs && point.tSec * 1000 <= endMs);
}

/** Latency of every metric over `points`, from their histograms merged exactly. */
export function mergeWindowLatency(points: readonly SeriesPoint[]): {
  latency: Record<LatencyMetric, MetricLatency>;
  histograms: Record<LatencyMetric, EncodedMetricHistograms>;
} {
  const latency: Record<LatencyMetric, MetricLatency> = {};
  const histograms: Record<LatencyMetric, EncodedMetricHistograms> = {};
  for (const metric of new Set(points.flatMap((point) => Object.keys(point.histograms)))) {
    const encoded = points.map((point) => point.histograms[metric]).filter((entry): entry is EncodedMetricHistograms => entry !== undefined);
    if (encoded.length === 0) continue;
    const corrected = createLatencyHistogram();
    const uncorrected = createLatencyHistogram();
    try {
      for (const entry of encoded) {
        addEncoded(corrected, entry.corrected);
        addEncoded(uncorrected, entry.uncorrected);
      }
      latency[metric] = { corrected: summarizeHistogram(corrected), uncorrected: summarizeHistogram(uncorrected) };
      histograms[metric] = { corrected: encodeHistogram(corrected), uncorrected: encodeHistogram(uncorrected) };
    } finally {
      releaseHistogram(corrected as Histogram);
      releaseHistogram(uncorrected as Histogram);
    }
  }
  return { latency, histograms };
}

/** The samples that stand for the whole server: the 'total' process when there are several, else the only one. */
function serverSamplesOf(samples: readonly ServerSample[]): { samples: ServerSample[]; processes: number } {
  const processes = new Set(samples.filter((sample) => sample.process !== 'total').map((sample) => sample.process)).size;
  const totals = samples.filter((sample) => sample.process === 'total');
  if (totals.length > 0) return { samples: totals, processes: Math.max(1, processes) };
  const first = samples[0]?.process;
  return { samples: samples.filter((sample) => sample.process === first), processes: Math.max(1, processes) };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The server's figures over [startSec, endSec], or undefined without samples there. */
export function serverFigures(samples: readonly ServerSample[], startSec: number, endSec: number): { figures?: StepServerFigures; points: StepServerPoint[] } {
  const inWindow = samples.filter((sample) => sample.tSec >= startSec && sample.tSec <= endSec);
  const { samples: chosen, processes } = serverSamplesOf(inWindow);
  const points = chosen.map((sample) => ({ connectedClients: sample.connectedClients, rssBytes: sample.rssBytes, cpuPercent: sample.cpuPercent }));
  if (chosen.length === 0) return { points };
  return {
    points,
    figures: {
      samples: chosen.length,
      processes,
      cpuPercentMean: mean(chosen.map((sample) => sample.cpuPercent)),
      cpuPercentMax: Math.max(...chosen.map((sample) => sample.cpuPercent)),
      rssBytesMean: mean(chosen.map((sample) => sample.rssBytes)),
      rssBytesMax: Math.max(...chosen.map((sample) => sample.rssBytes)),
      connectedClientsMean: mean(chosen.map((sample) => sample.connectedClients)),
      eventLoopDelayP99UsMax: Math.max(...chosen.map((sample) => sample.eventLoopDelayP99Us)),
      eventLoopUtilizationMean: mean(chosen.map((sample) => sample.eventLoopUtilization)),
    },
  };
}

/** Events per second the scenario's rates ask for in `phase` (closed loops have no planned rate and count 0). */
export function offeredSendPerSec(scenario: Scenario, phase: string): number {
  const active = scenario.phases.find((candidate) => candidate.name === phase)?.actions;
  let perSec = 0;
  for (const action of scenario.actions) {
    if (!('rate' in action) || action.rate === undefined) continue;
    if (active !== undefined && !active.includes(action.name)) continue;
    switch (action.rate.kind) {
      case 'perClient':
        perSec += action.rate.perSec * scenario.population.clients;
        break;
      case 'total':
        perSec += action.rate.perSec;
        break;
      case 'closedLoop':
        break;
    }
  }
  return perSec;
}

function sumDelivery(result: RunResult): DeliveryCounts {
  const counts = Object.values(result.totals.delivery).flatMap((entry) => entry ?? []);
  return sumDeliveryCounts(counts) ?? { expected: 0, received: 0, lost: 0, inFlightAtStop: 0, undeliverable: 0, duplicated: 0, outOfOrder: 0, unexpected: 0 };
}

/** The outcome of a step from its run status, the load generator's health and the objectives. */
export function stepOutcome(status: RunResult['status'], loadgenSaturated: boolean, slosPassed: boolean): StepOutcome {
  if (status !== 'completed') return 'run-failed';
  // A saturated load generator measured its own queueing: whatever the objectives say, the server is not to blame.
  if (loadgenSaturated) return 'loadgen-saturated';
  return slosPassed ? 'met' : 'slo-broken';
}

/** Measures one step from its run's result. */
export function measureStep(result: RunResult, input: MeasureStepInput): CapacityStep {
  const phase = result.phases.find((candidate) => candidate.name === input.phase);
  const startMs = (phase?.startMs ?? 0) + input.warmupMs;
  const endMs = phase === undefined ? startMs : phase.startMs + phase.durationMs;
  const points = phase === undefined ? [] : windowPoints(result.series, startMs, endMs);
  const durationMs = points.length * POINT_MS;
  const durationSec = durationMs / 1000;
  const { latency, histograms } = mergeWindowLatency(points);
  const counters = zeroCounters();
  let deliveries = 0;
  for (const point of points) {
    addCounters(counters, point.counters);
    for (const tally of Object.values(point.delivery)) deliveries += tally?.received ?? 0;
  }
  const connectionsOpen = Math.max(0, ...points.map((point) => point.connections.open));
  const healths = points.flatMap((point) => (point.loadgen === undefined ? [] : [point.loadgen]));
  const health = worstHealth(healths);
  const loadgenSaturatedSeconds = healths.filter((entry) => isSaturated(entry) && !starvedByHost(entry)).length;
  const hostStarvedSeconds = healths.filter(starvedByHost).length;
  const loadgenSaturated = loadgenSaturatedSeconds > 0 && loadgenSaturatedSeconds >= LOADGEN_SATURATED_SHARE * points.length;
  const { figures, points: serverPoints } = serverFigures(result.server, startMs / 1000, endMs / 1000);
  const delivery = sumDelivery(result);
  const slos = evaluateSlos(
    input.slos,
    {
      totals: { ...result.totals, latency, histograms, counters, peakConnections: connectionsOpen },
      durationMs,
    },
    result,
  );
  const firstPoint = points[0];
  const lastPoint = points[points.length - 1];
  return {
    index: input.index,
    load: input.load,
    overrides: input.overrides,
    status: result.status,
    ...(result.failure !== undefined ? { failure: result.failure } : {}),
    window: {
      startSec: firstPoint === undefined ? startMs / 1000 : firstPoint.tSec - POINT_MS / 1000,
      endSec: lastPoint === undefined ? startMs / 1000 : lastPoint.tSec,
      durationMs,
      points: points.length,
    },
    latency,
    histograms,
    counters,
    offeredSendPerSec: offeredSendPerSec(input.scenario, input.phase),
    sendPerSec: durationSec > 0 ? counters.eventsSent / durationSec : 0,
    receivePerSec: durationSec > 0 ? counters.eventsReceived / durationSec : 0,
    deliveriesPerSec: durationSec > 0 ? deliveries / durationSec : 0,
    delivery,
    connectionsOpen,
    ...(figures !== undefined ? { server: figures } : {}),
    serverPoints,
    ...(health !== undefined ? { loadgen: health } : {}),
    loadgenSaturatedSeconds,
    hostStarvedSeconds,
    loadgenSaturated,
    slos,
    outcome: stepOutcome(result.status, loadgenSaturated, slos.every((slo) => slo.passed)),
    warnings: result.warnings,
  };
}
