import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { Box, Text } from 'ink';
import { formatCompact, formatLatencyUs } from '../format.js';
import { cell, sparkline } from './text-cells.js';
/** One labelled sparkline: `label ▁▂▅█ latest`. */
export function Sparkline({ label, values, latestText, width, color }) {
    return (_jsxs(Text, { wrap: "truncate-end", children: [_jsx(Text, { bold: true, children: cell(label, 17) }), ' ', _jsx(Text, { color: color ?? 'cyan', children: sparkline(values, width) }), " ", latestText] }));
}
/** Metrics whose p99 is the headline trend, most telling first. */
const TREND_METRICS = ['broadcast', 'direct', 'echo', 'customReply', 'customAck', 'push', 'join', 'connect', 'http'];
/** The metric whose p99 the trend shows: the first of TREND_METRICS measured in `history`. */
export function trendMetric(history) {
    return TREND_METRICS.find((metric) => history.some((point) => (point.latency[metric]?.corrected.count ?? 0) > 0));
}
/** Trend of throughput (events received per second) and of the headline metric's p99 over the last minute. */
export function TrendLines({ history, width }) {
    // The label takes 18 columns and the latest value about 12.
    const lineWidth = Math.max(10, Math.min(60, width - 32));
    const metric = trendMetric(history);
    const last = history[history.length - 1];
    const throughput = history.map((point) => point.receiveRatePerSec);
    const p99s = metric === undefined ? [] : history.map((point) => point.latency[metric]?.corrected.p99Us ?? 0);
    const lastP99Us = metric === undefined ? undefined : last?.latency[metric]?.corrected.p99Us;
    return (_jsxs(Box, { flexDirection: "column", children: [_jsx(Sparkline, { label: "recv/s 1m", values: throughput, latestText: last === undefined ? '-' : `${formatCompact(last.receiveRatePerSec)}/s`, width: lineWidth }), metric === undefined ? null : (_jsx(Sparkline, { label: `${metric} p99 1m`, values: p99s, latestText: lastP99Us === undefined ? '-' : formatLatencyUs(lastP99Us), width: lineWidth, color: "magenta" }))] }));
}
//# sourceMappingURL=Sparkline.js.map