/**
 * The snapshot the coordinator hands to the live view about once a second, and the reporter interface that
 * draws it. The live view renders these snapshots and nothing else: it never reads the loadgen's internals.
 */
import type {
  ConnectionGauges,
  ErrorCount,
  MetricLatency,
  RunResult,
  SeriesPoint,
  ServerSample,
  ThresholdResult,
} from './run-result.js';
import type { LatencyMetric } from './metric-names.js';

/** Where a phase stands: `cut` when the run stopped during it. */
export type LivePhaseStatus = 'pending' | 'running' | 'done' | 'cut';

/** One phase of the scenario's schedule. */
export interface LivePhase {
  name: string;
  /** The phase kind as the scenario names it, e.g. 'ramp', 'hold', 'spike'. */
  kind: string;
  /** Planned start, ms since the run start. */
  startMs: number;
  /** Planned length in ms. */
  durationMs: number;
  status: LivePhaseStatus;
}

/** Delivery accounting so far, summed over the delivering metrics (direct, broadcast). */
export interface LiveDelivery {
  expected: number;
  received: number;
  /**
   * Expected and not received among messages that have settled (sent a few seconds ago or earlier), less those
   * missing for a cause: the same accounting as the final figures, so a real loss shows while the run is live.
   */
  lost: number;
  /** Settled messages whose receiver's connection closed while they were in flight. */
  undeliverable: number;
  duplicated: number;
}

/** Where the run stands: `stopping` after a stop request, while phases end and the result is written. */
export type LiveRunStatus = 'running' | 'stopping' | 'finished' | 'interrupted';

/** One snapshot of a running run, produced by the coordinator about once a second. */
export interface LiveState {
  scenarioName: string;
  target: RunResult['target'];
  client: RunResult['client'];
  transport: string;
  phases: LivePhase[];
  /** Time since the run start, ms. */
  elapsedMs: number;
  /** Planned length of the whole schedule, ms. */
  totalMs: number;
  /** The last merged second, when there is one. */
  latest?: SeriesPoint;
  /** The last 60 seconds at most, oldest first (for the trend lines). */
  history: SeriesPoint[];
  connections: ConnectionGauges;
  /** Successful connects per second over the last interval. */
  connectRatePerSec: number;
  delivery: LiveDelivery;
  /** Errors by kind since the start, each with its latest message. */
  errors: Record<string, ErrorCount>;
  /** The latest server sample ('total' process) when server metrics are sampled. */
  server?: ServerSample;
  /** Thresholds evaluated on the totals so far: one turns red as soon as it is breached. */
  thresholds: ThresholdResult[];
  /**
   * Latency since the start per metric, when the coordinator keeps running totals. Without it the latency
   * table shows `latest` (the last second).
   */
  latencySoFar?: Record<LatencyMetric, MetricLatency>;
  status: LiveRunStatus;
  /** A line for the user, e.g. why the run is stopping or where the result was written. */
  message?: string;
}

/** Draws a run while it happens. The coordinator calls `update` about once a second and `finish` once. */
export interface LiveReporter {
  /** Shows this snapshot (the reporter keeps no other state about the run). */
  update(state: LiveState): void;
  /** Shows the final result and releases the terminal; resolves when the output is flushed. */
  finish(result: RunResult): Promise<void>;
  /** Registers the callback to call when the user asks to stop (q or Ctrl-C in the dashboard). */
  onStopRequest(callback: () => void): void;
}
