/**
 * The charts of the HTML report as plain data: which series, on which axis, in which unit, already
 * downsampled and rounded. The page's script only hands these to uPlot; every figure is computed here.
 */
import type { LatencyMetric } from '../../loadgen/metric-names.js';
import type { RunResult, SeriesPoint } from '../../loadgen/run-result.js';
import { color, SeriesBuilder, usToMs, type ChartSpec } from './chart-spec.js';
import { aggregate, bucketRanges, roundForChart } from './downsample.js';
import { measuredMetrics } from './measured-metrics.js';
import { percentileCurve } from './percentile-curve.js';
import { serverCharts } from './server-charts.js';

/** A named vertical line on the time charts: where a phase starts (or the drain after the last one). */
export interface TimeMarker {
  /** Seconds since start. */
  x: number;
  label: string;
}

/** A metric measured in too few seconds for a chart over time: the report says so instead of drawing dots. */
export interface SparseMetric {
  metric: LatencyMetric;
  /** Samples in the whole run. */
  count: number;
  /** Seconds of the series that had samples, and the first and last of them (tSec). */
  seconds: number;
  firstSec: number;
  lastSec: number;
}

/** Everything the page's script draws. */
export interface ReportData {
  /** Seconds since start at the end of each (downsampled) bucket, shared by the time charts. */
  timeSec: number[];
  /** Seconds per bucket when the series was downsampled, 1 otherwise. */
  secondsPerPoint: number;
  /** The phase boundaries, drawn on every time chart. */
  phaseMarkers: TimeMarker[];
  charts: ChartSpec[];
  /** Metrics left out of the charts over time (see MIN_SECONDS_FOR_TIME_CHART). */
  sparseMetrics: SparseMetric[];
}

/**
 * A metric with samples in fewer seconds than this gets no chart over time: ramp-down's leaves all land within a
 * second or two, and a chart of 2 points per percentile says nothing that its distribution does not say better.
 */
export const MIN_SECONDS_FOR_TIME_CHART = 5;

/** Most points per time chart: a one-hour run becomes 6 s buckets. Default 600. */
export const DEFAULT_MAX_CHART_POINTS = 600;


function latencyOverTime(metric: LatencyMetric, build: SeriesBuilder<SeriesPoint>): ChartSpec {
  const pick = (key: 'p50Us' | 'p90Us' | 'p99Us' | 'p999Us', which: 'corrected' | 'uncorrected') => (point: SeriesPoint) =>
    usToMs(point.latency[metric]?.[which][key]);
  return {
    id: `latency-${metric}`,
    section: 'latency',
    title: `${metric} latency over time`,
    xKind: 'time',
    x: 'time',
    axes: [{ label: 'latency', unit: 'ms' }],
    series: [
      build.series('p50', 0, pick('p50Us', 'corrected'), 'max'),
      build.series('p90', 1, pick('p90Us', 'corrected'), 'max'),
      build.series('p99', 2, pick('p99Us', 'corrected'), 'max'),
      build.series('p99.9', 3, pick('p999Us', 'corrected'), 'max'),
      build.series('p99 uncorrected', 4, pick('p99Us', 'uncorrected'), 'max', { dash: true }),
    ],
  };
}

function distribution(metric: LatencyMetric, result: RunResult): ChartSpec | undefined {
  const encoded = result.totals.histograms[metric];
  if (encoded === undefined) return undefined;
  const corrected = percentileCurve(encoded.corrected);
  const uncorrected = percentileCurve(encoded.uncorrected);
  if (corrected.x.length === 0) return undefined;
  // Both curves share x where they can: the longer one's points, the other read at the same percentiles.
  const x = corrected.x.length >= uncorrected.x.length ? corrected.x : uncorrected.x;
  const valueAt = (curve: { x: number[]; latencyUs: number[] }) =>
    x.map((point, index) => (index < curve.latencyUs.length && curve.x[index] === point ? roundForChart((curve.latencyUs[index] ?? 0) / 1000, 4) : null));
  return {
    id: `distribution-${metric}`,
    section: 'distribution',
    title: `${metric} latency by percentile`,
    note: 'From the whole run\'s histograms: corrected counts from the intended send time, uncorrected from the actual send time.',
    xKind: 'percentile',
    x,
    axes: [{ label: 'latency', unit: 'ms' }],
    series: [
      { label: 'corrected', color: color(0), axis: 0, values: valueAt(corrected) },
      { label: 'uncorrected', color: color(1), axis: 0, dash: true, values: valueAt(uncorrected) },
    ],
  };
}

/** Where each phase of the run starts, and where the drain after the last one starts when the series goes on past it. */
export function phaseMarkers(result: RunResult): TimeMarker[] {
  const markers = result.phases.map((phase) => ({ x: phase.startMs / 1000, label: phase.name }));
  const last = result.phases[result.phases.length - 1];
  const lastSec = result.series[result.series.length - 1]?.tSec ?? 0;
  if (last !== undefined && (last.startMs + last.durationMs) / 1000 < lastSec) markers.push({ x: (last.startMs + last.durationMs) / 1000, label: 'drain' });
  return markers;
}

/** The measured metric's samples per second, if it had samples in fewer than MIN_SECONDS_FOR_TIME_CHART seconds. */
function sparseMetric(metric: LatencyMetric, result: RunResult): SparseMetric | undefined {
  const seconds = result.series.filter((point) => (point.latency[metric]?.corrected.count ?? 0) > 0).map((point) => point.tSec);
  if (seconds.length >= MIN_SECONDS_FOR_TIME_CHART) return undefined;
  return {
    metric,
    count: result.totals.latency[metric]?.corrected.count ?? 0,
    seconds: seconds.length,
    firstSec: seconds[0] ?? 0,
    lastSec: seconds[seconds.length - 1] ?? 0,
  };
}

/** Builds every chart of the report, each time series downsampled to at most `maxPoints` points. */
export function buildReportData(result: RunResult, maxPoints = DEFAULT_MAX_CHART_POINTS): ReportData {
  const buckets = bucketRanges(result.series.length, maxPoints);
  const build = new SeriesBuilder(result.series, buckets);
  const timeSec = aggregate(result.series.map((point) => point.tSec), buckets, 'last').map((value) => value ?? 0);
  const charts: ChartSpec[] = [
    {
      id: 'connections',
      section: 'traffic',
      title: 'connections',
      xKind: 'time',
      x: 'time',
      axes: [{ label: 'clients', unit: 'count' }],
      series: [
        build.series('open', 0, (point) => point.connections.open, 'last'),
        build.series('target', 5, (point) => point.connections.target, 'last', { dash: true }),
        build.series('connecting', 1, (point) => point.connections.connecting, 'max'),
        build.series('failed', 3, (point) => point.connections.failed, 'max'),
      ],
    },
    {
      id: 'rates',
      section: 'traffic',
      title: 'events sent and received per second',
      xKind: 'time',
      x: 'time',
      axes: [{ label: 'events/s', unit: 'perSec' }],
      series: [
        build.series('sent/s', 0, (point) => point.sendRatePerSec, 'mean'),
        build.series('received/s', 2, (point) => point.receiveRatePerSec, 'mean'),
      ],
    },
  ];
  const metrics = measuredMetrics(result);
  const sparseMetrics: SparseMetric[] = [];
  for (const metric of metrics) {
    if (metric === 'fanoutCompletion') continue;
    const sparse = sparseMetric(metric, result);
    if (sparse !== undefined) sparseMetrics.push(sparse);
    else charts.push(latencyOverTime(metric, build));
  }
  if (metrics.includes('fanoutCompletion')) {
    charts.push({
      id: 'fanout',
      section: 'fanout',
      title: 'fan-out completion: time until the last member had each broadcast',
      xKind: 'time',
      x: 'time',
      axes: [
        { label: 'completion', unit: 'ms' },
        { label: 'delivered', unit: 'percent' },
      ],
      series: [
        build.series('p50', 0, (point) => usToMs(point.latency.fanoutCompletion?.corrected.p50Us), 'max'),
        build.series('p99', 2, (point) => usToMs(point.latency.fanoutCompletion?.corrected.p99Us), 'max'),
        build.series('max', 3, (point) => usToMs(point.latency.fanoutCompletion?.corrected.maxUs), 'max'),
        // Of the broadcasts sent in each second, the share of their expected deliveries that arrived.
        build.percentOf(
          'broadcast delivered %',
          4,
          (point) => point.delivery.broadcast?.received ?? 0,
          (point) => point.delivery.broadcast?.expected ?? 0,
          { axis: 1, dash: true },
        ),
      ],
    });
  }
  for (const metric of metrics) {
    const chart = distribution(metric, result);
    if (chart !== undefined) charts.push(chart);
  }
  charts.push(...serverCharts(result, maxPoints));
  const secondsPerPoint = buckets.length === 0 ? 1 : Math.max(1, Math.round(result.series.length / buckets.length));
  return { timeSec, secondsPerPoint, phaseMarkers: phaseMarkers(result), charts, sparseMetrics };
}
