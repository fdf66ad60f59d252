import { Box, Text } from 'ink';
import type { LiveState } from '../../loadgen/live-state.js';
import { formatCompact, formatInteger, formatSignificant } from '../format.js';
import { cell } from './text-cells.js';

/** Props of {@link TrafficPanel}. */
export interface TrafficPanelProps {
  state: LiveState;
}

/** Connections (target, open, connecting, failed) and connect rate, send and receive rates, delivery so far. */
export function TrafficPanel({ state }: TrafficPanelProps) {
  const { connections, delivery, latest } = state;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>{cell('connections', 18)}</Text>
        target {formatInteger(connections.target)}
        {'  '}open <Text color="green">{formatInteger(connections.open)}</Text>
        {'  '}connecting {formatInteger(connections.connecting)}
        {'  '}failed <Text color={connections.failed > 0 ? 'red' : undefined}>{formatInteger(connections.failed)}</Text>
        {'  '}
        {formatSignificant(state.connectRatePerSec)} conn/s
      </Text>
      <Text wrap="truncate-end">
        <Text bold>{cell('events', 18)}</Text>
        sent {latest === undefined ? '-' : `${formatCompact(latest.sendRatePerSec)}/s`}
        {'  '}received {latest === undefined ? '-' : `${formatCompact(latest.receiveRatePerSec)}/s`}
      </Text>
      <Text wrap="truncate-end">
        <Text bold>{cell('delivery', 18)}</Text>
        expected {formatInteger(delivery.expected)}
        {'  '}received {formatInteger(delivery.received)}
        {'  '}lost <Text color={delivery.lost > 0 ? 'red' : undefined}>{formatInteger(delivery.lost)}</Text>
        {'  '}duplicated <Text color={delivery.duplicated > 0 ? 'yellow' : undefined}>{formatInteger(delivery.duplicated)}</Text>
        {delivery.undeliverable > 0 ? `  undeliverable ${formatInteger(delivery.undeliverable)}` : ''}
      </Text>
    </Box>
  );
}
