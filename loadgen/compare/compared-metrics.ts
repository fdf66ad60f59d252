/**
 * The catalogue of figures `compare` can judge, each with its id (as `--metric` names it), unit and the
 * direction that is worse: latency percentiles per latency metric, throughput, delivery loss and duplicates,
 * error rate, server CPU per message and memory per client.
 */
import { badInput } from '../user-error.js';
import { DELIVERY_METRICS, LATENCY_METRICS, orderMetrics } from '../metric-names.js';
import type { LatencySummary } from '../run-result.js';
import { errorRate } from '../thresholds/evaluate-thresholds.js';
import type { MetricSource } from './metric-source.js';

/** us = microseconds, perSec = events per second, fraction = 0..1 share, bytes. */
export type MetricUnit = 'us' | 'perSec' | 'fraction' | 'bytes';

/** Which way a figure gets worse. */
export type WorseWhen = 'higher' | 'lower';

/** What a figure measures; the latency floor of a comparison applies to the 'latency' group only. */
export type MetricGroup = 'latency' | 'throughput' | 'delivery' | 'errors' | 'server';

/** One comparable figure. */
export interface ComparedMetric {
  /** e.g. `broadcast.latency.p99`, `throughput.received`, `server.cpuPerMessage`. */
  id: string;
  group: MetricGroup;
  unit: MetricUnit;
  worseWhen: WorseWhen;
  /** Compared when no `--metric` is given (and when a `--metric` prefix selects a group). */
  byDefault: boolean;
  /** The figure in `source`, or undefined when that run did not measure it. */
  read(source: MetricSource): number | undefined;
}

/** Latency statistics by the name they have in an id; the corrected (intended-send-time) histogram is read. */
const LATENCY_STATS: ReadonlyArray<{ name: string; field: keyof LatencySummary; byDefault: boolean }> = [
  { name: 'p50', field: 'p50Us', byDefault: true },
  { name: 'p90', field: 'p90Us', byDefault: true },
  { name: 'p99', field: 'p99Us', byDefault: true },
  { name: 'p999', field: 'p999Us', byDefault: false },
  { name: 'max', field: 'maxUs', byDefault: false },
  { name: 'mean', field: 'meanUs', byDefault: false },
];

/**
 * Latency metrics of the ramp, compared only when `--metric` names them: connects and joins queue behind the ramp's
 * own burst, so on a shared machine they follow its momentary load more than the build (the A/A benchmark,
 * bench/gate-false-alarms, measured join p90 up to 8x apart between two sides of one build; docs/ci.md).
 */
export const RAMP_LATENCY_METRICS: ReadonlySet<string> = new Set(['connect', 'join', 'leave', 'reconnect']);

function perSecond(count: number, durationMs: number): number | undefined {
  return durationMs > 0 ? count / (durationMs / 1000) : undefined;
}

/** Every metric the comparison knows, in the order tables show them. */
export function metricCatalogue(sources: readonly MetricSource[] = []): ComparedMetric[] {
  const metrics: ComparedMetric[] = [];
  // The built-in metrics, and each custom or listen action's own that the results measured.
  const latencyNames = orderMetrics([...LATENCY_METRICS, ...sources.flatMap((source) => Object.keys(source.totals.latency))]);
  const deliveryNames = orderMetrics([...DELIVERY_METRICS, ...sources.flatMap((source) => Object.keys(source.totals.delivery))]);
  for (const metric of latencyNames) {
    for (const stat of LATENCY_STATS) {
      metrics.push({
        id: `${metric}.latency.${stat.name}`,
        group: 'latency',
        unit: 'us',
        worseWhen: 'higher',
        byDefault: stat.byDefault && !RAMP_LATENCY_METRICS.has(metric),
        read: (source) => {
          const summary = source.totals.latency[metric]?.corrected;
          return summary === undefined || summary.count === 0 ? undefined : summary[stat.field];
        },
      });
    }
  }
  metrics.push(
    {
      id: 'throughput.sent',
      group: 'throughput',
      unit: 'perSec',
      worseWhen: 'lower',
      byDefault: true,
      read: (source) => perSecond(source.totals.counters.eventsSent, source.durationMs),
    },
    {
      id: 'throughput.received',
      group: 'throughput',
      unit: 'perSec',
      worseWhen: 'lower',
      byDefault: true,
      read: (source) => perSecond(source.totals.counters.eventsReceived, source.durationMs),
    },
  );
  for (const metric of deliveryNames) {
    for (const field of ['lost', 'duplicated'] as const) {
      metrics.push({
        id: `${metric}.delivery.${field}`,
        group: 'delivery',
        unit: 'fraction',
        worseWhen: 'higher',
        byDefault: true,
        read: (source) => {
          const counts = source.totals.delivery[metric];
          return counts === undefined || counts.expected === 0 ? undefined : counts[field] / counts.expected;
        },
      });
    }
  }
  metrics.push(
    { id: 'errors.rate', group: 'errors', unit: 'fraction', worseWhen: 'higher', byDefault: true, read: (source) => errorRate(source.totals) },
    { id: 'server.cpuPerMessage', group: 'server', unit: 'us', worseWhen: 'higher', byDefault: true, read: (source) => source.server?.cpuUsPerMessage },
    { id: 'server.rssPerClient', group: 'server', unit: 'bytes', worseWhen: 'higher', byDefault: true, read: (source) => source.server?.rssBytesPerClient },
  );
  return metrics;
}

/**
 * The metrics to compare. Without `patterns`: every default metric that at least one of `sources` measured.
 * Each pattern is an exact id (any metric, e.g. `echo.latency.p999`) or a prefix of ids ending at a dot
 * boundary, which selects the default metrics under it (`broadcast.latency`, `server`, `throughput`). A pattern
 * that selects nothing is bad input (exit code 2), naming the ids there are.
 */
export function selectMetrics(patterns: readonly string[], sources: readonly MetricSource[]): ComparedMetric[] {
  const catalogue = metricCatalogue(sources);
  if (patterns.length === 0) {
    return catalogue.filter((metric) => metric.byDefault && sources.some((source) => metric.read(source) !== undefined));
  }
  const chosen = new Set<string>();
  for (const pattern of patterns) {
    const exact = catalogue.find((metric) => metric.id === pattern);
    const matches = exact !== undefined ? [exact] : catalogue.filter((metric) => metric.byDefault && metric.id.startsWith(`${pattern}.`));
    if (matches.length === 0) {
      throw badInput(
        `--metric ${JSON.stringify(pattern)} names no metric; use an id such as broadcast.latency.p99, echo.latency, ` +
          `throughput.received, direct.delivery.lost, errors.rate, server.cpuPerMessage or server.rssPerClient`,
      );
    }
    for (const metric of matches) chosen.add(metric.id);
  }
  return catalogue.filter((metric) => chosen.has(metric.id));
}
