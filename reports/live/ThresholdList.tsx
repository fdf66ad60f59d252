import { Box, Text } from 'ink';
import type { ThresholdResult } from '../../loadgen/run-result.js';
import { formatSignificant } from '../format.js';

/** Props of {@link ThresholdList}. */
export interface ThresholdListProps {
  thresholds: readonly ThresholdResult[];
}

/** `12.3 ms` / `0.04 %` / `3 count`: a threshold figure in its own unit. */
export function formatThresholdValue(value: number, unit: string): string {
  return `${formatSignificant(value)}${unit === '%' ? '%' : ` ${unit}`}`;
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
            {'  '}now {formatThresholdValue(threshold.actual, threshold.unit)}
            {threshold.firstBreachedAtSec === undefined ? '' : `, breached at ${threshold.firstBreachedAtSec}s`}
          </Text>
        </Text>
      ))}
    </Box>
  );
}
