import { Box, Text } from 'ink';
import { orderMetrics, type LatencyMetric } from '../../loadgen/metric-names.js';
import type { MetricLatency } from '../../loadgen/run-result.js';
import { formatLatencyUs } from '../format.js';
import { cell } from './text-cells.js';

/** Props of {@link LatencyTable}. */
export interface LatencyTableProps {
  latency: Record<LatencyMetric, MetricLatency>;
  /** What the figures cover, e.g. 'so far' or 'last 1s'. */
  scope: string;
  /** Most metric rows (the header row aside); the header then says how many are shown. Default: all. */
  maxMetrics?: number;
}

const NAME_WIDTH = 18;
const VALUE_WIDTH = 9;

/** Metrics that recorded at least one sample, in the order of orderMetrics. */
export function activeMetrics(latency: Record<LatencyMetric, MetricLatency>): LatencyMetric[] {
  return orderMetrics(Object.keys(latency)).filter((metric) => (latency[metric]?.corrected.count ?? 0) > 0);
}

/**
 * Latency per active metric: p50, p90, p99, p99.9 and max of the corrected histogram (from the intended send
 * time), with the uncorrected p99 beside them so a gap between the two shows queueing at the sender.
 */
export function LatencyTable({ latency, scope, maxMetrics = Number.POSITIVE_INFINITY }: LatencyTableProps) {
  const active = activeMetrics(latency);
  const metrics = active.slice(0, Math.max(0, maxMetrics));
  const title = metrics.length < active.length ? `latency (${scope}, ${metrics.length}/${active.length})` : `latency (${scope})`;
  const header = ['p50', 'p90', 'p99', 'p99.9', 'max'].map((label) => cell(label, VALUE_WIDTH, 'right')).join('');
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>{cell(title, NAME_WIDTH)}</Text>
        <Text dimColor>
          {header}
          {cell('p99 uncorr', 12, 'right')}
        </Text>
      </Text>
      {active.length === 0 && maxMetrics > 0 ? <Text dimColor>  no samples yet</Text> : null}
      {metrics.map((metric) => {
        const figures = latency[metric];
        if (figures === undefined) return null;
        const { corrected, uncorrected } = figures;
        const values = [corrected.p50Us, corrected.p90Us, corrected.p99Us, corrected.p999Us, corrected.maxUs];
        return (
          <Text key={metric} wrap="truncate-end">
            {cell(`  ${metric}`, NAME_WIDTH)}
            {values.map((valueUs) => cell(formatLatencyUs(valueUs), VALUE_WIDTH, 'right')).join('')}
            <Text dimColor>{cell(formatLatencyUs(uncorrected.p99Us), 12, 'right')}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
