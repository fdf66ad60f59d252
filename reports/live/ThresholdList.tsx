import { Box, Text } from 'ink';
import type { ThresholdResult } from '../../loadgen/run-result.js';
import { formatThresholdFigure } from '../junit.js';

/** Props of {@link ThresholdList}. */
export interface ThresholdListProps {
  thresholds: readonly ThresholdResult[];
}

/** Each threshold, green while it holds and red from the moment it is breached, with the actual figure. */
export function ThresholdList({ thresholds }: ThresholdListProps) {
  if (thresholds.length === 0) return null;
  return (
    <Box flexDirection="column">
      <Text bold>thresholds</Text>
      {thresholds.map((threshold) => (
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
