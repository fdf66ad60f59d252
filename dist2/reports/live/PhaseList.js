import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { Box, Text } from 'ink';
import { cell, formatClockMs, progressBar } from './text-cells.js';
const PHASE_MARK = { pending: '·', running: '▶', done: '✓', cut: '✂' };
const PHASE_COLOR = { pending: 'gray', running: 'green', done: 'cyan', cut: 'yellow' };
/** How far into `phase` the run is at `elapsedMs`, 0..1 (1 for a finished phase). */
export function phaseFraction(phase, elapsedMs) {
    switch (phase.status) {
        case 'pending':
            return 0;
        case 'done':
            return 1;
        case 'running':
        case 'cut':
            return phase.durationMs <= 0 ? 1 : Math.min(1, Math.max(0, (elapsedMs - phase.startMs) / phase.durationMs));
    }
}
/** One phase: mark, name, kind, a progress bar and time done / planned, plus time left while it runs. */
export function PhaseLine({ phase, elapsedMs, width }) {
    const fraction = phaseFraction(phase, elapsedMs);
    // Mark, name and kind take 30 columns, the times about 24; the bar gets the rest, within 10..40 columns.
    const barWidth = Math.min(40, Math.max(10, width - 58));
    const doneMs = fraction * phase.durationMs;
    const leftMs = phase.durationMs - doneMs;
    return (_jsxs(Text, { wrap: "truncate-end", children: [_jsx(Text, { color: PHASE_COLOR[phase.status], children: PHASE_MARK[phase.status] }), " ", cell(phase.name, 16), " ", _jsx(Text, { dimColor: true, children: cell(phase.kind, 10) }), ' ', _jsx(Text, { color: PHASE_COLOR[phase.status], children: progressBar(fraction, barWidth) }), " ", formatClockMs(doneMs), "/", formatClockMs(phase.durationMs), phase.status === 'running' ? `  ${formatClockMs(leftMs)} left` : '', phase.status === 'cut' ? '  cut' : ''] }));
}
/** The phases that are running or pending; finished ones are printed once above the dashboard by <Static>. */
export function PhaseList({ phases, elapsedMs, width }) {
    const open = phases.filter((phase) => phase.status === 'running' || phase.status === 'pending');
    if (open.length === 0)
        return null;
    return (_jsx(Box, { flexDirection: "column", children: open.map((phase) => (_jsx(PhaseLine, { phase: phase, elapsedMs: elapsedMs, width: width }, `${phase.name}@${phase.startMs}`))) }));
}
//# sourceMappingURL=PhaseList.js.map