/**
 * The charts of the capacity report as plain data: latency percentiles against load, throughput against
 * offered load, and the server's (and the load generator's) resources against load. One point per step; the
 * page's script only hands these to uPlot.
 */
import type { CapacityResult } from '../../loadgen/capacity/capacity-result.js';
import { headlineLatencyMetric } from '../../loadgen/capacity/find-knee.js';
import { isThresholdParseError, parseThreshold } from '../../loadgen/thresholds/parse-threshold.js';
import type { AxisUnit, ChartSeries } from '../html/chart-spec.js';

/** One chart with numeric x (the load of each step). */
export interface CapacityChartSpec {
  id: string;
  title: string;
  note?: string;
  xLabel: string;
  x: number[];
  axes: { label: string; unit: AxisUnit }[];
  series: ChartSeries[];
}

const MS_PER_UNIT: Readonly<Record<string, number>> = { us: 0.001, ms: 1, s: 1000 };

function round(value: number, digits = 4): number {
  return Number(value.toPrecision(digits));
}

/** The latency limits among the objectives on `metric` (p-anything, in ms), to draw beside the lines. */
function latencyLimitsMs(result: CapacityResult, metric: string): { label: string; limitMs: number }[] {
  const limits: { label: string; limitMs: number }[] = [];
  for (const text of result.slos) {
    const parsed = parseThreshold(text);
    if (isThresholdParseError(parsed) || parsed.subject.kind !== 'latency' || parsed.subject.metric !== metric) continue;
    const factor = MS_PER_UNIT[parsed.unit];
    if (factor !== undefined) limits.push({ label: `objective: ${parsed.expression}`, limitMs: parsed.limit * factor });
  }
  return limits;
}

/** Every chart of the capacity report (none without steps). */
export function buildCapacityCharts(result: CapacityResult): CapacityChartSpec[] {
  const steps = result.steps;
  if (steps.length === 0) return [];
  const loads = steps.map((step) => step.load);
  const xLabel = `load (${result.loadUnit})`;
  const charts: CapacityChartSpec[] = [];
  const metric = headlineLatencyMetric(steps);
  if (metric !== undefined) {
    const pick = (field: 'p50Us' | 'p90Us' | 'p99Us' | 'p999Us'): (number | null)[] =>
      steps.map((step) => {
        const summary = step.latency[metric]?.corrected;
        return summary === undefined || summary.count === 0 ? null : round(summary[field] / 1000);
      });
    const series: ChartSeries[] = [
      { label: 'p50', color: '#2a9d5c', axis: 0, values: pick('p50Us') },
      { label: 'p90', color: '#2f6fde', axis: 0, values: pick('p90Us') },
      { label: 'p99', color: '#e0782f', axis: 0, values: pick('p99Us') },
      { label: 'p99.9', color: '#c23b3b', axis: 0, values: pick('p999Us') },
    ];
    for (const limit of latencyLimitsMs(result, metric)) {
      series.push({ label: limit.label, color: '#5f6b7a', axis: 0, dash: true, values: steps.map(() => round(limit.limitMs)) });
    }
    charts.push({
      id: 'latency',
      title: `${metric} latency percentiles against load`,
      note: 'Each point merges the histograms of the step\'s measured hold window (corrected for coordinated omission).',
      xLabel,
      x: loads,
      axes: [{ label: 'latency', unit: 'ms' }],
      series,
    });
  }
  const offered = steps.map((step) => step.offeredSendPerSec);
  const offeredIsAxis = offered.every((value, index) => value > 0 && (index === 0 || value > (offered[index - 1] ?? 0)));
  charts.push({
    id: 'throughput',
    title: offeredIsAxis ? 'Throughput against offered load' : 'Throughput against load',
    note: offeredIsAxis ? 'x: events per second the schedule offered in the measured phase.' : 'The schedule has closed loops, so x is the step\'s load.',
    xLabel: offeredIsAxis ? 'offered events/s' : xLabel,
    x: offeredIsAxis ? offered.map((value) => round(value, 6)) : loads,
    axes: [{ label: 'events/s', unit: 'perSec' }],
    series: [
      { label: 'offered', color: '#5f6b7a', axis: 0, dash: true, values: offered.map((value) => round(value)) },
      { label: 'sent', color: '#2f6fde', axis: 0, values: steps.map((step) => round(step.sendPerSec)) },
      { label: 'received', color: '#2a9d5c', axis: 0, values: steps.map((step) => round(step.receivePerSec)) },
      { label: 'deliveries', color: '#e0782f', axis: 0, values: steps.map((step) => round(step.deliveriesPerSec)) },
    ],
  });
  if (steps.some((step) => step.server !== undefined)) {
    charts.push({
      id: 'server-resources',
      title: 'Server CPU and memory against load',
      xLabel,
      x: loads,
      axes: [
        { label: 'CPU % of a core', unit: 'percent' },
        { label: 'rss', unit: 'MiB' },
      ],
      series: [
        { label: 'CPU mean', color: '#c23b3b', axis: 0, values: steps.map((step) => (step.server === undefined ? null : round(step.server.cpuPercentMean))) },
        { label: 'CPU max', color: '#c23b3b', axis: 0, dash: true, values: steps.map((step) => (step.server === undefined ? null : round(step.server.cpuPercentMax))) },
        { label: 'rss max', color: '#8a56c2', axis: 1, values: steps.map((step) => (step.server === undefined ? null : round(step.server.rssBytesMax / 2 ** 20))) },
      ],
    });
  }
  charts.push({
    id: 'event-loops',
    title: 'Event-loop delay against load: server and load generator',
    note: 'A load generator whose loop is saturated measures its own queueing: its steps are not held against the server.',
    xLabel,
    x: loads,
    axes: [
      { label: 'delay p99', unit: 'ms' },
      { label: 'utilisation', unit: 'percent' },
    ],
    series: [
      { label: 'server delay p99 (max)', color: '#2f6fde', axis: 0, values: steps.map((step) => (step.server === undefined ? null : round(step.server.eventLoopDelayP99UsMax / 1000))) },
      { label: 'load generator delay p99', color: '#e0782f', axis: 0, values: steps.map((step) => (step.loadgen === undefined ? null : round(step.loadgen.eventLoopDelayP99Us / 1000))) },
      { label: 'load generator utilisation', color: '#8c6d31', axis: 1, dash: true, values: steps.map((step) => (step.loadgen === undefined ? null : round(step.loadgen.eventLoopUtilization * 100))) },
    ],
  });
  return charts;
}
