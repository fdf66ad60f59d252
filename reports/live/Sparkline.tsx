import { Box, Text } from 'ink';
import type { LatencyMetric } from '../../loadgen/metric-names.js';
import type { SeriesPoint } from '../../loadgen/run-result.js';
import { formatCompact, formatLatencyUs } from '../format.js';
import { cell, sparkline } from './text-cells.js';

/** Props of {@link Sparkline}. */
export interface SparklineProps {
  label: string;
  values: readonly number[];
  /** The latest value, formatted, shown after the line. */
  latestText: string;
  /** Columns for the line itself. */
  width: number;
  color?: string;
}

/** One labelled sparkline: `label ▁▂▅█ latest`. */
export function Sparkline({ label, values, latestText, width, color }: SparklineProps) {
  return (
    <Text wrap="truncate-end">
      <Text bold>{cell(label, 17)}</Text>{' '}
      <Text color={color ?? 'cyan'}>{sparkline(values, width)}</Text> {latestText}
    </Text>
  );
}

/** Metrics whose p99 is the headline trend, most telling first. */
const TREND_METRICS: readonly LatencyMetric[] = ['broadcast', 'direct', 'echo', 'customReply', 'customAck', 'push', 'join', 'connect', 'http'];

/** The metric whose p99 the trend shows: the first of TREND_METRICS measured in `history`. */
export function trendMetric(history: readonly SeriesPoint[]): LatencyMetric | undefined {
  return TREND_METRICS.find((metric) => history.some((point) => (point.latency[metric]?.corrected.count ?? 0) > 0));
}

/** Props of {@link TrendLines}. */
export interface TrendLinesProps {
  /** The last minute, oldest first. */
  history: readonly SeriesPoint[];
  width: number;
  /** Most lines: 2 (throughput and the headline p99), 1 (the p99 only) or 0. Default 2. */
  maxLines?: number;
}

/** Trend of throughput (events received per second) and of the headline metric's p99 over the last minute. */
export function TrendLines({ history, width, maxLines = 2 }: TrendLinesProps) {
  if (maxLines <= 0) return null;
  // The label takes 18 columns and the latest value about 12.
  const lineWidth = Math.max(10, Math.min(60, width - 32));
  const metric = trendMetric(history);
  const last = history[history.length - 1];
  const throughput = history.map((point) => point.receiveRatePerSec);
  const p99s = metric === undefined ? [] : history.map((point) => point.latency[metric]?.corrected.p99Us ?? 0);
  const lastP99Us = metric === undefined ? undefined : last?.latency[metric]?.corrected.p99Us;
  return (
    <Box flexDirection="column">
      {maxLines < 2 && metric !== undefined ? null : (
        <Sparkline label="recv/s 1m" values={throughput} latestText={last === undefined ? '-' : `${formatCompact(last.receiveRatePerSec)}/s`} width={lineWidth} />
      )}
      {metric === undefined ? null : (
        <Sparkline label={`${metric} p99 1m`} values={p99s} latestText={lastP99Us === undefined ? '-' : formatLatencyUs(lastP99Us)} width={lineWidth} color="magenta" />
      )}
    </Box>
  );
}
