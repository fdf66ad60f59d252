/**
 * Maps one scrape of a Prometheus endpoint to the figures of a ServerSample, by the names the usual exporters
 * use: prom-client's default metrics (Node.js), prometheus_client's process collector (Python), a Socket.IO
 * metrics exporter or the reference server for clients and events, and node_exporter for the host's CPU.
 * Pure: the scrape's arrival time is passed in.
 */
import type { PrometheusSample, PrometheusSamples } from './prometheus-text.js';
import { msToUs, secToMs } from '../units.js';

/** A figure of ServerSample that some metric name provides. */
export type MappedFigure =
  | 'cpu'
  | 'rss'
  | 'heapUsed'
  | 'eventLoopDelayP50'
  | 'eventLoopDelayP99'
  | 'eventLoopDelayMax'
  | 'eventLoopUtilization'
  | 'connectedClients'
  | 'rooms'
  | 'eventsReceived'
  | 'eventsEmitted';

/**
 * The names read for each figure, first match wins; several samples of one name (labels such as namespace or
 * process) are summed, except event-loop figures, which take the largest (the slowest process is the figure).
 */
export const FIGURE_METRIC_NAMES: Readonly<Record<MappedFigure, readonly string[]>> = {
  cpu: ['process_cpu_seconds_total'],
  rss: ['process_resident_memory_bytes'],
  heapUsed: ['nodejs_heap_size_used_bytes'],
  eventLoopDelayP50: ['nodejs_eventloop_lag_p50_seconds'],
  eventLoopDelayP99: ['nodejs_eventloop_lag_p99_seconds'],
  eventLoopDelayMax: ['nodejs_eventloop_lag_max_seconds'],
  eventLoopUtilization: ['nodejs_eventloop_utilization', 'nodejs_eventloop_utilization_ratio'],
  connectedClients: ['socket_io_connected', 'socket_io_connected_clients', 'socketio_connected_clients'],
  rooms: ['socket_io_rooms'],
  eventsReceived: ['socket_io_events_received_total'],
  eventsEmitted: ['socket_io_events_sent_total', 'socket_io_events_emitted_total'],
};

const LARGEST_OF: ReadonlySet<MappedFigure> = new Set(['eventLoopDelayP50', 'eventLoopDelayP99', 'eventLoopDelayMax', 'eventLoopUtilization']);

/** The host-wide CPU counters of a node_exporter scrape. */
export interface HostCpuReading {
  /** CPU seconds of every mode on every core. */
  allSecondsTotal: number;
  /** CPU seconds in idle and iowait. */
  idleSecondsTotal: number;
  cores: number;
}

/** One scrape of one endpoint. */
export type PrometheusReading =
  | {
      kind: 'process';
      /** When the response arrived, ms on the sampler's monotonic clock (the denominator of CPU and rates). */
      atMs: number;
      /** The figures present; the others are named by `missing`. Delays in µs, CPU in seconds, counters as totals. */
      figures: Partial<Record<MappedFigure, number>>;
      missing: MappedFigure[];
    }
  | { kind: 'host'; atMs: number; cpu: HostCpuReading };

/**
 * Reads a parsed scrape: a node_exporter endpoint (it has `node_cpu_seconds_total`; its own process_* figures
 * describe the exporter, not the server, and are ignored) or a server process.
 */
export function readPrometheusScrape(samples: PrometheusSamples, atMs: number): PrometheusReading {
  const nodeCpu = samples.get('node_cpu_seconds_total');
  if (nodeCpu !== undefined) return { kind: 'host', atMs, cpu: readHostCpu(nodeCpu) };
  const figures: Partial<Record<MappedFigure, number>> = {};
  const missing: MappedFigure[] = [];
  for (const figure of Object.keys(FIGURE_METRIC_NAMES) as MappedFigure[]) {
    const found = FIGURE_METRIC_NAMES[figure].map((name) => samples.get(name)).find((list) => list !== undefined);
    if (found === undefined) {
      missing.push(figure);
      continue;
    }
    // A declared family without samples (no event of any name yet) is a count of 0.
    const value = LARGEST_OF.has(figure) ? found.reduce((largest, s) => Math.max(largest, s.value), 0) : found.reduce((sum, s) => sum + s.value, 0);
    figures[figure] = figure.startsWith('eventLoopDelay') ? msToUs(secToMs(value)) : value;
  }
  return { kind: 'process', atMs, figures, missing };
}

function readHostCpu(samples: readonly PrometheusSample[]): HostCpuReading {
  const cores = new Set<string>();
  let allSecondsTotal = 0;
  let idleSecondsTotal = 0;
  for (const sample of samples) {
    cores.add(sample.labels.cpu ?? '');
    allSecondsTotal += sample.value;
    if (sample.labels.mode === 'idle' || sample.labels.mode === 'iowait') idleSecondsTotal += sample.value;
  }
  return { allSecondsTotal, idleSecondsTotal, cores: cores.size };
}

/** The metric names that would have given each missing figure, for the result's warning. */
export function describeMissing(missing: readonly MappedFigure[]): string {
  return missing.map((figure) => `${figure} (${FIGURE_METRIC_NAMES[figure].join(' or ')})`).join(', ');
}
