/**
 * The server section of the HTML report: the server's CPU and event-loop utilization, its memory, and its
 * event-loop delay, the latter two beside the client's p99 of the headline metric, second by second.
 */
import type { RunResult, ServerSample } from '../../loadgen/run-result.js';
import { type ChartSeries, type ChartSpec, SeriesBuilder, usToMs } from './chart-spec.js';
import { aggregate, bucketRanges } from './downsample.js';
import { headlineMetric } from './measured-metrics.js';

/** The server samples to chart: the 'total' process when there are several, else the only process. */
function chartedServerSamples(samples: readonly ServerSample[]): ServerSample[] {
  const totals = samples.filter((sample) => sample.process === 'total');
  if (totals.length > 0) return totals;
  const first = samples[0]?.process;
  return samples.filter((sample) => sample.process === first);
}

/** The server charts of `result`, each downsampled to at most `maxPoints` points; none without server samples. */
export function serverCharts(result: RunResult, maxPoints: number): ChartSpec[] {
  const samples = chartedServerSamples(result.server);
  if (samples.length === 0) return [];
  const buckets = bucketRanges(samples.length, maxPoints);
  const build = new SeriesBuilder(samples, buckets);
  const x = aggregate(samples.map((sample) => sample.tSec), buckets, 'last').map((value) => value ?? 0);
  const metric = headlineMetric(result);
  const clientByTime = new Map(result.series.map((point) => [Math.round(point.tSec), point]));
  const clientP99 = (index: number): ChartSeries[] => {
    if (metric === undefined) return [];
    return [
      build.series(`client ${metric} p99`, index, (sample) => usToMs(clientByTime.get(Math.round(sample.tSec))?.latency[metric]?.corrected.p99Us), 'max', {
        axis: 1,
        dash: true,
      }),
    ];
  };
  const clientAxis = metric === undefined ? [] : [{ label: `client ${metric} p99`, unit: 'ms' as const }];
  const process = samples[0]?.process ?? 'total';
  const note = `server process: ${process}`;
  return [
    {
      id: 'server-cpu',
      section: 'server',
      title: 'server CPU and event-loop utilization',
      note,
      xKind: 'time',
      x,
      axes: [{ label: 'percent', unit: 'percent' }, ...clientAxis],
      series: [
        build.series('CPU %', 0, (sample) => sample.cpuPercent, 'mean'),
        build.series('event-loop utilization %', 1, (sample) => sample.eventLoopUtilization * 100, 'mean'),
        ...clientP99(2),
      ],
    },
    {
      id: 'server-memory',
      section: 'server',
      title: 'server memory',
      note,
      xKind: 'time',
      x,
      axes: [{ label: 'memory', unit: 'MiB' }],
      series: [
        build.series('RSS', 0, (sample) => sample.rssBytes / 2 ** 20, 'max'),
        build.series('heap used', 1, (sample) => sample.heapUsedBytes / 2 ** 20, 'max'),
      ],
    },
    {
      id: 'server-loop',
      section: 'server',
      title: 'server event-loop delay beside client latency',
      note,
      xKind: 'time',
      x,
      axes: [{ label: 'event-loop delay', unit: 'ms' }, ...clientAxis],
      series: [
        build.series('loop delay p50', 0, (sample) => sample.eventLoopDelayP50Us / 1000, 'max'),
        build.series('loop delay p99', 1, (sample) => sample.eventLoopDelayP99Us / 1000, 'max'),
        build.series('loop delay max', 3, (sample) => sample.eventLoopDelayMaxUs / 1000, 'max'),
        ...clientP99(2),
      ],
    },
  ];
}
