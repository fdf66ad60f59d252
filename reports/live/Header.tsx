import { Box, Text } from 'ink';
import type { LiveRunStatus, LiveState } from '../../loadgen/live-state.js';
import { formatClockMs } from './text-cells.js';

/** Props of {@link Header}. */
export interface HeaderProps {
  state: LiveState;
  /** Shown instead of `state.status` (the reporter shows 'stopping' as soon as the user asks to stop). */
  status: LiveRunStatus;
}

const STATUS_COLOR: Record<LiveRunStatus, string> = {
  running: 'green',
  stopping: 'yellow',
  finished: 'cyan',
  interrupted: 'yellow',
};

/** The scenario and target, and the run's clock: elapsed, planned total and remaining time. */
export function Header({ state, status }: HeaderProps) {
  const remainingMs = Math.max(0, state.totalMs - state.elapsedMs);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>sio-bench</Text> <Text bold color="cyan">{state.scenarioName}</Text>
        <Text dimColor> · </Text>
        {state.target.kind} {state.target.url}
        <Text dimColor> · </Text>client {state.client}
        <Text dimColor> · </Text>
        {state.transport}
      </Text>
      <Text wrap="truncate-end">
        <Text color={STATUS_COLOR[status]} bold>
          {status}
        </Text>
        {'  '}elapsed {formatClockMs(state.elapsedMs)} of {formatClockMs(state.totalMs)}
        {'  '}remaining {formatClockMs(remainingMs)}
      </Text>
    </Box>
  );
}
