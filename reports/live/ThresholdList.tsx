import { Box, Text } from 'ink';
import type { ThresholdResult } from '../../loadgen/run-result.js';
import { formatThresholdFigure } from '../junit.js';
import { breachWords, thresholdState, type ThresholdState } from '../threshold-state.js';

/** Props of {@link ThresholdList}. */
export interface ThresholdListProps {
  thresholds: readonly ThresholdResult[];
}

/** Mark and colour of each state: a breach that recovered is neither a plain ✓ nor a ✗. */
const STATE_MARKS: Readonly<Record<ThresholdState, { mark: string; color: string }>> = {
  held: { mark: '✓', color: 'green' },
  recovered: { mark: '↺', color: 'yellow' },
  failed: { mark: '✗', color: 'red' },
  noSamples: { mark: '?', color: 'red' },
};

/**
 * Each threshold with its figure now: green while it holds, red while it is breached, yellow once it holds again
 * after a breach ("holding again, breached 10s–14s"), so a ✓ never sits beside a breach time.
 */
export function ThresholdList({ thresholds }: ThresholdListProps) {
  if (thresholds.length === 0) return null;
  return (
    <Box flexDirection="column">
      <Text bold>thresholds</Text>
      {thresholds.map((threshold) => {
        const state = thresholdState(threshold);
        const { mark, color } = STATE_MARKS[state];
        const breach = breachWords(threshold);
        const figure = state === 'noSamples' ? `no samples: ${threshold.noSamplesReason ?? ''}` : `now ${formatThresholdFigure(threshold.actual, threshold.unit)}`;
        return (
          <Text key={threshold.expression} wrap="truncate-end">
            {'  '}
            <Text color={color}>
              {mark} {threshold.expression}
            </Text>
            <Text dimColor>
              {'  '}
              {figure}
              {state === 'recovered' ? `, holding again (${breach ?? 'breached before'})` : breach === undefined ? '' : `, ${breach}`}
            </Text>
          </Text>
        );
      })}
    </Box>
  );
}
