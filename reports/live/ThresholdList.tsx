import { Box, Text } from 'ink';
import type { ThresholdResult } from '../../loadgen/run-result.js';
import { formatThresholdFigure } from '../junit.js';

/** Props of {@link ThresholdList}. */
export interface ThresholdListProps {
  thresholds: readonly ThresholdResult[];
  /** Most threshold rows below the header; breached ones are listed first when not all fit. Default: all. */
  maxLines?: number;
}

/** Each threshold, green while it holds and red from the moment it is breached, with the actual figure. */
export function ThresholdList({ thresholds, maxLines = Number.POSITIVE_INFINITY }: ThresholdListProps) {
  if (thresholds.length === 0) return null;
  const all = thresholds.length <= maxLines;
  // Sorting is stable: within breached and holding, the scenario's order stays.
  const shown = all ? thresholds : [...thresholds].sort((a, b) => Number(a.passed) - Number(b.passed)).slice(0, Math.max(0, maxLines));
  const breached = thresholds.filter((threshold) => !threshold.passed).length;
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        thresholds
        {all ? '' : <Text dimColor>{` (${shown.length} of ${thresholds.length} shown, breached first; ${breached} breached)`}</Text>}
      </Text>
      {shown.map((threshold) => (
        <Text key={threshold.expression} wrap="truncate-end">
          {'  '}
          <Text color={threshold.passed ? 'green' : 'red'}>
            {threshold.passed ? '✓' : '✗'} {threshold.expression}
          </Text>
          <Text dimColor>
            {'  '}now {formatThresholdFigure(threshold.actual, threshold.unit)}
            {threshold.firstBreachedAtSec === undefined ? '' : `, breached at ${threshold.firstBreachedAtSec}s`}
          </Text>
        </Text>
      ))}
    </Box>
  );
}
