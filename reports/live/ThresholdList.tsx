import { Box, Text } from 'ink';
import type { ThresholdResult } from '../../loadgen/run-result.js';
import { formatThresholdFigure } from '../junit.js';
import { breachWords, thresholdState, type ThresholdState } from '../threshold-state.js';

/** Props of {@link ThresholdList}. */
export interface ThresholdListProps {
  thresholds: readonly ThresholdResult[];
  /** Most threshold rows below the header; breached ones are listed first when not all fit. Default: all. */
  maxLines?: number;
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
      {shown.map((threshold) => {
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
