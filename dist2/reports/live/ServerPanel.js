import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { Text } from 'ink';
import { formatBytes, formatInteger, formatLatencyUs, formatSignificant } from '../format.js';
import { cell } from './text-cells.js';
/** The server's own view: CPU, RSS, event-loop delay and utilization, connected clients. */
export function ServerPanel({ sample }) {
    const busy = sample.eventLoopUtilization >= 0.9 || sample.cpuPercent >= 90;
    return (_jsxs(Text, { wrap: "truncate-end", children: [_jsx(Text, { bold: true, children: cell('server', 18) }), "CPU ", _jsxs(Text, { color: busy ? 'red' : undefined, children: [formatSignificant(sample.cpuPercent), "%"] }), '  ', "RSS ", formatBytes(sample.rssBytes), '  ', "clients ", formatInteger(sample.connectedClients), '  ', "loop p99 ", formatLatencyUs(sample.eventLoopDelayP99Us), " max ", formatLatencyUs(sample.eventLoopDelayMaxUs), '  ', "ELU ", formatSignificant(sample.eventLoopUtilization * 100), "%"] }));
}
//# sourceMappingURL=ServerPanel.js.map