import { Text } from 'ink';
import type { ServerSample } from '../../loadgen/run-result.js';
import { formatBytes, formatInteger, formatLatencyUs, formatSignificant } from '../format.js';
import { cell } from './text-cells.js';

/** Props of {@link ServerPanel}. */
export interface ServerPanelProps {
  sample: ServerSample;
}

/** The server's own view: CPU, RSS, event-loop delay and utilization, connected clients. */
export function ServerPanel({ sample }: ServerPanelProps) {
  const busy = sample.eventLoopUtilization >= 0.9 || sample.cpuPercent >= 90;
  return (
    <Text wrap="truncate-end">
      <Text bold>{cell('server', 18)}</Text>
      CPU <Text color={busy ? 'red' : undefined}>{formatSignificant(sample.cpuPercent)}%</Text>
      {'  '}RSS {formatBytes(sample.rssBytes)}
      {'  '}clients {formatInteger(sample.connectedClients)}
      {'  '}loop p99 {formatLatencyUs(sample.eventLoopDelayP99Us)} max {formatLatencyUs(sample.eventLoopDelayMaxUs)}
      {'  '}ELU {formatSignificant(sample.eventLoopUtilization * 100)}%
    </Text>
  );
}
