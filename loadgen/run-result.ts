/**
 * The versioned result of a run (`result.json`) and the interval snapshots it is built from. This file is the
 * contract between the load generator and every report: the reports read these types and nothing else.
 * Every duration is in the unit its name says (Us = integer microseconds, Ms = milliseconds).
 * One file, though over 300 lines, so that the whole contract is read in one place.
 */
import type { DeliveryMetric, LatencyMetric } from './metric-names.js';

/** Bumped on any incompatible change; readers refuse versions they do not know. */
export const RUN_RESULT_VERSION = 1;

/** Percentiles of one histogram, integer microseconds. Computed from the histogram, never averaged. */
export interface LatencySummary {
  count: number;
  minUs: number;
  meanUs: number;
  p50Us: number;
  p90Us: number;
  p99Us: number;
  p999Us: number;
  maxUs: number;
}

/**
 * One metric's latency: `corrected` counts from the intended send time of the open-model schedule
 * (coordinated omission corrected); `uncorrected` from the actual send time. Equal for closed-loop actions.
 */
export interface MetricLatency {
  corrected: LatencySummary;
  uncorrected: LatencySummary;
}

/** HDR histograms encoded with hdr-histogram-js's `encodeIntoCompressedBase64`, mergeable exactly. */
export interface EncodedMetricHistograms {
  corrected: string;
  uncorrected: string;
}

/** What receivers count of one delivering metric as it happens; only the end of a run fixes the missing ones. */
export type DeliveryTally = Omit<DeliveryCounts, 'lost' | 'inFlightAtStop' | 'undeliverable'>;

/** Exact delivery accounting of one delivering metric (direct, broadcast). */
export interface DeliveryCounts {
  /** Messages that receivers should have got, from the membership. */
  expected: number;
  /** Distinct expected messages that arrived. */
  received: number;
  /**
   * Expected messages that never arrived although they had their drain: the server or the network lost them.
   * expected - received - inFlightAtStop - undeliverable, fixed at the end of the run.
   */
  lost: number;
  /** Expected messages still in flight when the run was stopped (interrupted, failed or cut) before their drain. */
  inFlightAtStop: number;
  /** Expected messages in flight when their receiver's connection closed (by the server, the transport, a fault). */
  undeliverable: number;
  /** Copies beyond the first of a message already received. */
  duplicated: number;
  /** Messages that arrived with a lower sequence number than one already seen from the same sender stream. */
  outOfOrder: number;
  /** Messages that arrived but were not expected (wrong recipient). */
  unexpected: number;
}

/** Counters of the client side. All are counts over the interval (snapshot) or the whole run (result). */
export interface ClientCounters {
  /** Socket.IO events emitted by the clients. */
  eventsSent: number;
  /** Socket.IO events received by the clients (acks included). */
  eventsReceived: number;
  /** Acks that did not arrive within the action's timeout. */
  acksTimedOut: number;
  /** Open-model schedule slots that could not be served (the client was not connected or was too late). */
  droppedSlots: number;
  /**
   * Open-model schedule slots that came due, served or dropped: the load the scenario asked for. Absent in
   * results written before it was counted.
   */
  scheduledSlots?: number;
  connectAttempts: number;
  connectSuccesses: number;
  connectFailures: number;
  disconnects: number;
  reconnects: number;
  bytesSent: number;
  bytesReceived: number;
}

/** Errors of one kind: how many and the latest message, e.g. `connect_error: Invalid namespace`. */
export interface ErrorCount {
  count: number;
  lastMessage: string;
}

/** Connection gauges at the end of an interval. */
export interface ConnectionGauges {
  /** Clients the schedule wants connected now. */
  target: number;
  open: number;
  connecting: number;
  /** Clients whose last connect attempt failed and that are not retrying. */
  failed: number;
}

/**
 * How busy the load generator itself was over an interval. A saturated load generator measures its own delay,
 * not the server's: the result then says so instead of blaming the server.
 */
export interface LoadgenHealth {
  /** Event-loop delay of the worker thread(s), p99 and max, microseconds (the worst worker). */
  eventLoopDelayP99Us: number;
  eventLoopDelayMaxUs: number;
  /** Share of the interval the worker's event loop was busy, 0..1 (the busiest worker). */
  eventLoopUtilization: number;
}

/** One worker's measurements over one interval (about a second). Sent from worker to coordinator. */
export interface IntervalSnapshot {
  /** Which worker (and process) produced it. */
  workerId: number;
  /** Interval bounds in ms since the run start. */
  startMs: number;
  endMs: number;
  histograms: Record<LatencyMetric, EncodedMetricHistograms>;
  counters: ClientCounters;
  delivery: Record<DeliveryMetric, DeliveryTally>;
  connections: ConnectionGauges;
  errors: Record<string, ErrorCount>;
  disconnectReasons: Record<string, number>;
  /** The worker's own load over the interval (absent from the coordinator's own snapshots). */
  loadgen?: LoadgenHealth;
}

/** One point of the run's time series: all workers' snapshots of one second, merged. */
export interface SeriesPoint {
  /** Seconds since run start at the end of this interval. */
  tSec: number;
  /** Wall-clock epoch ms at the end of this interval (to align shards of one run). */
  epochMs: number;
  /** The phase that was running. */
  phase: string;
  latency: Record<LatencyMetric, MetricLatency>;
  /** Encoded histograms of this second, so series from shards merge exactly. */
  histograms: Record<LatencyMetric, EncodedMetricHistograms>;
  counters: ClientCounters;
  /**
   * In a result: expected and received of the messages sent in this second, whenever they arrived (set from
   * the ledger at the end of the run, series-delivery.ts); duplicated, outOfOrder and unexpected as they
   * arrived in this second. While the run is live, received counts arrivals and expected is 0.
   */
  delivery: Record<DeliveryMetric, DeliveryTally>;
  connections: ConnectionGauges;
  /** Events sent and received per second over this interval. */
  sendRatePerSec: number;
  receiveRatePerSec: number;
  /** The busiest worker's load over this second (absent in results without it). */
  loadgen?: LoadgenHealth;
}

/** One sample of the server's own metrics (from its /metrics JSON), taken about once a second. */
export interface ServerSample {
  tSec: number;
  /** Server process, for multi-process servers; 'total' for the sum. */
  process: string;
  cpuPercent: number;
  rssBytes: number;
  heapUsedBytes: number;
  eventLoopDelayP50Us: number;
  eventLoopDelayP99Us: number;
  eventLoopDelayMaxUs: number;
  eventLoopUtilization: number;
  connectedClients: number;
  rooms: number;
  eventsReceivedPerSec: number;
  eventsEmittedPerSec: number;
  /**
   * The host's CPU, percent of one core as cpuPercent (200: two cores busy), when `--server-metrics` includes a
   * node_exporter endpoint; on the 'total' sample only.
   */
  hostCpuPercent?: number;
}

/** One threshold of the scenario, evaluated on the run's totals. */
export interface ThresholdResult {
  /** As written in the scenario, e.g. `broadcast.latency p(99) < 50ms`. */
  expression: string;
  passed: boolean;
  /** The measured value in the threshold's unit, and that unit (e.g. 'ms', '%', 'count'). */
  actual: number;
  limit: number;
  unit: string;
  /** When it was first breached, seconds since start (for the live view); undefined if never. */
  firstBreachedAtSec?: number;
  /**
   * The last second in which it was seen breached (once a second, live). With `passed` it tells a breach that
   * recovered, from firstBreachedAtSec to this, from one still breached at the end. Undefined if never breached.
   */
  lastBreachedAtSec?: number;
  /**
   * Set when nothing was measured that the threshold could be checked against (it then fails): why, in words,
   * e.g. `no broadcast latency was recorded: no receiver was expected to get a broadcast message`.
   */
  noSamplesReason?: string;
}

export interface PhaseRecord {
  name: string;
  startMs: number;
  durationMs: number;
  /** 'completed', or 'cut' when the run stopped during it. */
  status: 'completed' | 'cut';
}

/** Where and with what a result was measured. */
export interface RunEnvironment {
  toolVersion: string;
  nodeVersion: string;
  platform: string;
  arch: string;
  cpuModel: string;
  cpuCount: number;
  totalMemoryBytes: number;
  hostname: string;
  /** The commit of the working directory's git repository, when there is one. */
  gitCommit?: string;
  /** socket.io version of the built-in server, or what the target reports. */
  serverVersion?: string;
}

/**
 * The state of the machine during the run (loadgen/machine-conditions.ts), which `compare` checks before it calls
 * a change a regression (loadgen/compare/environment-check.ts).
 */
export interface MachineConditions {
  /** Median time of a fixed CPU task before the target started and after it stopped, ms: higher = slower machine. */
  calibrationBeforeMs: number;
  calibrationAfterMs: number;
  /** The 1-minute load average sampled every second of the run: its mean and its highest. */
  loadAverageMean: number;
  loadAverageMax: number;
  /** Share of the machine's CPU time stolen by the hypervisor over the run, 0..1 (Linux only). */
  stealFraction?: number;
  /** Share of the machine's CPU time busy over the run, every process counted (ours too), 0..1 (Linux only). */
  busyFraction?: number;
  /** Cores available to the process. */
  cpuCount: number;
  /** Seconds in which a load-generator worker was saturated (its figures there include its own queueing). */
  saturatedSeconds: number;
}

export type RunStatus = 'completed' | 'interrupted' | 'failed';

export interface RunResult {
  version: typeof RUN_RESULT_VERSION;
  status: RunStatus;
  /** Why the run failed or stopped early, in words a user can act on. */
  failure?: { kind: string; message: string };
  /** Passed when every threshold passed and the run completed. */
  verdict: 'passed' | 'failed';
  scenario: {
    name: string;
    /** Path of the scenario file as given. */
    file: string;
    /** The scenario's text as it was read. */
    text: string;
    /** The `--set` overrides applied, as given. */
    overrides: string[];
    /** The scenario after defaults and overrides, as the run used it. */
    effective: unknown;
  };
  target: { kind: 'builtin' | 'url'; url: string };
  client: 'lean' | 'official';
  transport: string;
  environment: RunEnvironment;
  /** The machine's state during the run; absent in results written before sio-bench recorded it. */
  conditions?: MachineConditions;
  /** ISO timestamps and the measured duration. */
  startedAt: string;
  endedAt: string;
  durationMs: number;
  phases: PhaseRecord[];
  totals: {
    latency: Record<LatencyMetric, MetricLatency>;
    histograms: Record<LatencyMetric, EncodedMetricHistograms>;
    counters: ClientCounters;
    delivery: Record<DeliveryMetric, DeliveryCounts>;
    errors: Record<string, ErrorCount>;
    disconnectReasons: Record<string, number>;
    /** Most connections open at once. */
    peakConnections: number;
  };
  series: SeriesPoint[];
  server: ServerSample[];
  thresholds: ThresholdResult[];
  /** Worker-side warnings, e.g. the load generator itself saturated at tSec. */
  warnings: string[];
  /**
   * Each run of `sio-bench run --repeat N`, in order (absent for a single run). The top level of the result is
   * then the exact merge of all of them; these keep what `compare` needs to judge noise between repetitions.
   */
  repetitions?: RepetitionSummary[];
  /**
   * Present when this result is one slice of a sharded run (`run --shard i/n`): its delivery figures and
   * thresholds cover this slice alone until `sio-bench merge` combines every slice.
   */
  shard?: ShardInfo;
  /** Present when this result was made by `sio-bench merge` from the results of every slice. */
  merged?: MergeInfo;
}

/** Which slice of a sharded run a result is. */
export interface ShardInfo {
  /** 1-based, as `--shard i/n` writes it. */
  position: number;
  count: number;
  /** The file beside result.json holding the slice's delivery ledger, relative to result.json's folder. */
  ledgerFile: string;
  /** The slice's run start, epoch ms (the time zero its series counts from). */
  runStartEpochMs: number;
}

/** What a merged result was made of. */
export interface MergeInfo {
  /** The merged result files, as given. */
  sources: string[];
  shardCount: number;
  /** Latest slice start minus the earliest, ms: how far apart the slices started. */
  startSkewMs: number;
}

/** The server's resources over one run, from its 'total' samples. */
export interface ServerFigures {
  /** Mean CPU use over the samples, percent of one core. */
  cpuPercentMean: number;
  /**
   * Server CPU time per message it handled (events the clients sent plus events they received), µs: mean CPU
   * share x run duration / messages. Absent when no message was handled.
   */
  cpuUsPerMessage?: number;
  /** Highest resident set size seen, bytes. */
  rssBytesPeak: number;
  /** RSS at the sample with the most connected clients, divided by them, bytes; absent when none was connected. */
  rssBytesPerClient?: number;
  /** Most clients connected at one sample. */
  peakConnectedClients: number;
}

/** One repetition of a `--repeat N` run: its own totals and the figures that `compare` reads. */
export interface RepetitionSummary {
  /** 1-based position in the series of repetitions. */
  index: number;
  status: RunStatus;
  verdict: 'passed' | 'failed';
  startedAt: string;
  durationMs: number;
  latency: Record<LatencyMetric, MetricLatency>;
  /** This repetition's own histograms, so any percentile can be read again later. */
  histograms: Record<LatencyMetric, EncodedMetricHistograms>;
  counters: ClientCounters;
  delivery: Record<DeliveryMetric, DeliveryCounts>;
  errors: Record<string, ErrorCount>;
  /** Events sent and received per second over the whole repetition. */
  sendRatePerSec: number;
  receiveRatePerSec: number;
  /** Absent when the server's metrics were not sampled (a URL target without metrics). */
  server?: ServerFigures;
  /** The machine's state during this repetition. */
  conditions?: MachineConditions;
}
