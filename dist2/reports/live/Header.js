import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { Box, Text } from 'ink';
import { formatClockMs } from './text-cells.js';
const STATUS_COLOR = {
    running: 'green',
    stopping: 'yellow',
    finished: 'cyan',
    interrupted: 'yellow',
};
/** The scenario and target, and the run's clock: elapsed, planned total and remaining time. */
export function Header({ state, status }) {
    const remainingMs = Math.max(0, state.totalMs - state.elapsedMs);
    return (_jsxs(Box, { flexDirection: "column", children: [_jsxs(Text, { wrap: "truncate-end", children: [_jsx(Text, { bold: true, children: "sio-bench" }), " ", _jsx(Text, { bold: true, color: "cyan", children: state.scenarioName }), _jsx(Text, { dimColor: true, children: " \u00B7 " }), state.target.kind, " ", state.target.url, _jsx(Text, { dimColor: true, children: " \u00B7 " }), "client ", state.client, _jsx(Text, { dimColor: true, children: " \u00B7 " }), state.transport] }), _jsxs(Text, { wrap: "truncate-end", children: [_jsx(Text, { color: STATUS_COLOR[status], bold: true, children: status }), '  ', "elapsed ", formatClockMs(state.elapsedMs), " of ", formatClockMs(state.totalMs), '  ', "remaining ", formatClockMs(remainingMs)] })] }));
}
//# sourceMappingURL=Header.js.map