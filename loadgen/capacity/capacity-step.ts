/**
 * The record of one capacity step in `capacity.json`: the load it ran, what its measured hold window showed,
 * the objectives' verdicts on it, and its outcome. Produced by measure-step.ts from the step's RunResult.
 */
import type { LatencyMetric } from '../metric-names.js';
import type { ClientCounters, DeliveryCounts, EncodedMetricHistograms, LoadgenHealth, MetricLatency, RunStatus } from '../run-result.js';
import type { ThresholdEvaluation } from '../thresholds/evaluate-thresholds.js';

/** How a step ended: it met every objective, broke one, saturated the load generator, or did not run through. */
export type StepOutcome = 'met' | 'slo-broken' | 'loadgen-saturated' | 'run-failed';

/** The server's figures over a step's hold window (means and maxima of its samples there). */
export interface StepServerFigures {
  /** Samples in the window. */
  samples: number;
  /** Server processes that reported (1 for a single process). */
  processes: number;
  /** CPU of all processes together, % of one core (200 = two cores busy). */
  cpuPercentMean: number;
  cpuPercentMax: number;
  rssBytesMean: number;
  rssBytesMax: number;
  connectedClientsMean: number;
  /** Worst event-loop delay p99 of any sample, µs. */
  eventLoopDelayP99UsMax: number;
  /** Mean event-loop utilisation 0..1 (of the busiest process when several). */
  eventLoopUtilizationMean: number;
}

/** One server sample of the window, as the fits read it. */
export interface StepServerPoint {
  connectedClients: number;
  rssBytes: number;
  cpuPercent: number;
}

/** One step of a capacity run. */
export interface CapacityStep {
  /** 0-based position in the plan. */
  index: number;
  /** The load on the dimension (clients, rooms, or msg/s). */
  load: number;
  /** The `--set` overrides the step ran with (the user's, then the step's own). */
  overrides: string[];
  status: RunStatus;
  failure?: { kind: string; message: string };
  /** The measured window: the hold phase after its warm-up, in seconds since the step's start. */
  window: { startSec: number; endSec: number; durationMs: number; points: number };
  /** Latencies over the window, from the window's merged histograms. */
  latency: Record<LatencyMetric, MetricLatency>;
  /** The window's merged histograms (exact; other tools can merge them further). */
  histograms: Record<LatencyMetric, EncodedMetricHistograms>;
  /** Client counters summed over the window. */
  counters: ClientCounters;
  /** Events the schedule meant to send per second in the measured phase (from the scenario's rates). */
  offeredSendPerSec: number;
  /** Socket.IO events sent and received per second over the window. */
  sendPerSec: number;
  receivePerSec: number;
  /** Direct and broadcast messages received per second over the window (each member's copy counts). */
  deliveriesPerSec: number;
  /** Of the whole step run (loss is only exact after the drain). */
  delivery: DeliveryCounts;
  /** Most connections open during the window. */
  connectionsOpen: number;
  server?: StepServerFigures;
  /** The window's server samples, for the fits. */
  serverPoints: StepServerPoint[];
  /** The load generator's worst second in the window. */
  loadgen?: LoadgenHealth;
  /** Window seconds in which the load generator was saturated by its own work (loadgen-health.ts isSaturated). */
  loadgenSaturatedSeconds: number;
  /** Window seconds in which its event loop was delayed while mostly idle: the host was short of CPU (measure-step.ts starvedByHost). */
  hostStarvedSeconds: number;
  /** Whether enough of the window was saturated to hold the step against the load generator (LOADGEN_SATURATED_SHARE). */
  loadgenSaturated: boolean;
  /** Each objective on this step (see evaluate-slos.ts for which window each reads). */
  slos: ThresholdEvaluation[];
  outcome: StepOutcome;
  /**
   * Present when this load was measured twice: its first measurement broke an objective, and this step is the
   * re-measure that decided the step (run-capacity.ts), so that one noisy run neither names a knee nor stops the plan.
   */
  firstMeasurement?: { outcome: StepOutcome; slos: ThresholdEvaluation[] };
  /** The step run's own warnings. */
  warnings: string[];
}
