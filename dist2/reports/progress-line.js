import { formatCompact, formatLatencyUs } from './format.js';
/**
 * The metrics whose p99 the line shows, in order of preference: the first one with samples in this interval.
 * Broadcast and direct come first because they are what a room scenario is about; connect last but one because it
 * only has samples while clients connect.
 */
export const PROGRESS_METRIC_PREFERENCE = [
    'broadcast',
    'direct',
    'echo',
    'customReply',
    'customAck',
    'push',
    'join',
    'leave',
    'reconnect',
    'http',
    'connect',
    'fanoutCompletion',
];
/** Width the phase name is padded to, so the fields after it line up from one line to the next. */
const PHASE_COLUMN_CHARS = 8;
/** Renders one progress line (without a newline) for `point` in `context`. */
export function renderProgressLine(point, context) {
    const totalLabel = `${Math.round(context.totalMs / 1000)}s`;
    const elapsedLabel = `${Math.round(context.elapsedMs / 1000)}s`.padStart(Math.max(4, totalLabel.length));
    const remainingLabel = `(${Math.max(0, Math.round(context.phaseRemainingMs / 1000))}s left)`;
    const fields = [
        `[${elapsedLabel}/${totalLabel}] ${context.phase.padEnd(PHASE_COLUMN_CHARS)} ${remainingLabel}`,
        `conns ${point.connections.open}/${context.connectionsTarget}` +
            (point.connections.failed > 0 ? ` (${point.connections.failed} failed)` : ''),
        `sent ${formatCompact(point.sendRatePerSec)}/s recv ${formatCompact(point.receiveRatePerSec)}/s`,
    ];
    const headline = PROGRESS_METRIC_PREFERENCE.find((metric) => (point.latency[metric]?.corrected.count ?? 0) > 0);
    const headlineLatency = headline === undefined ? undefined : point.latency[headline];
    if (headline !== undefined && headlineLatency !== undefined) {
        fields.push(`${headline} p99 ${formatLatencyUs(headlineLatency.corrected.p99Us)}`);
    }
    if (point.counters.droppedSlots > 0)
        fields.push(`dropped ${point.counters.droppedSlots}`);
    if (context.lost !== undefined)
        fields.push(`lost ${context.lost}`);
    if (context.errorsTotal !== undefined)
        fields.push(`errors ${context.errorsTotal}`);
    return fields.join('  ');
}
//# sourceMappingURL=progress-line.js.map