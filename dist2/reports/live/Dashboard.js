import { jsx as _jsx, jsxs as _jsxs, Fragment as _Fragment } from "react/jsx-runtime";
import { Box, Static, Text } from 'ink';
import { ErrorList } from './ErrorList.js';
import { Header } from './Header.js';
import { LatencyTable } from './LatencyTable.js';
import { PhaseLine, PhaseList } from './PhaseList.js';
import { ServerPanel } from './ServerPanel.js';
import { TrendLines } from './Sparkline.js';
import { ThresholdList } from './ThresholdList.js';
import { TrafficPanel } from './TrafficPanel.js';
/** The status to show: a stop request turns a running run into 'stopping' at once. */
export function shownStatus(state, stopRequested) {
    return stopRequested && state.status === 'running' ? 'stopping' : state.status;
}
function statusLine(status, message) {
    switch (status) {
        case 'running':
            return message ?? 'press q or Ctrl-C to stop gracefully (the result is still written)';
        case 'stopping':
            return `stopping: finishing phases and writing the result${message === undefined ? '' : ` (${message})`}`;
        case 'finished':
            return message ?? 'finished';
        case 'interrupted':
            return message ?? 'interrupted: the result holds the phases that ran';
    }
}
/**
 * The live dashboard of a run. It renders the snapshot it is given and nothing else: finished phases are
 * printed once above it (<Static>), then the header, open phases, traffic, latency, trends, errors, server
 * and thresholds panels, and a status line.
 */
export function Dashboard({ state, width, stopRequested = false }) {
    const status = shownStatus(state, stopRequested);
    const finished = state.phases.filter((phase) => phase.status === 'done' || phase.status === 'cut');
    const latency = state.latencySoFar ?? state.latest?.latency ?? {};
    return (_jsxs(_Fragment, { children: [_jsx(Static, { items: finished, children: (phase) => (_jsx(Box, { width: width, children: _jsx(PhaseLine, { phase: phase, elapsedMs: state.elapsedMs, width: width }) }, `${phase.name}@${phase.startMs}`)) }), _jsxs(Box, { flexDirection: "column", width: width, children: [_jsx(Header, { state: state, status: status }), _jsx(PhaseList, { phases: state.phases, elapsedMs: state.elapsedMs, width: width }), _jsx(TrafficPanel, { state: state }), _jsx(LatencyTable, { latency: latency, scope: state.latencySoFar === undefined ? 'last 1s' : 'so far' }), _jsx(TrendLines, { history: state.history, width: width }), _jsx(ErrorList, { errors: state.errors }), state.server === undefined ? null : _jsx(ServerPanel, { sample: state.server }), _jsx(ThresholdList, { thresholds: state.thresholds }), _jsx(Text, { wrap: "truncate-end", color: status === 'running' ? 'gray' : 'yellow', children: statusLine(status, state.message) })] })] }));
}
//# sourceMappingURL=Dashboard.js.map