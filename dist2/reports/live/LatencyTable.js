import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { Box, Text } from 'ink';
import { orderMetrics } from '../../loadgen/metric-names.js';
import { formatLatencyUs } from '../format.js';
import { cell } from './text-cells.js';
const NAME_WIDTH = 18;
const VALUE_WIDTH = 9;
/** Metrics that recorded at least one sample, in the order of orderMetrics. */
export function activeMetrics(latency) {
    return orderMetrics(Object.keys(latency)).filter((metric) => (latency[metric]?.corrected.count ?? 0) > 0);
}
/**
 * Latency per active metric: p50, p90, p99, p99.9 and max of the corrected histogram (from the intended send
 * time), with the uncorrected p99 beside them so a gap between the two shows queueing at the sender.
 */
export function LatencyTable({ latency, scope }) {
    const metrics = activeMetrics(latency);
    const header = ['p50', 'p90', 'p99', 'p99.9', 'max'].map((label) => cell(label, VALUE_WIDTH, 'right')).join('');
    return (_jsxs(Box, { flexDirection: "column", children: [_jsxs(Text, { wrap: "truncate-end", children: [_jsx(Text, { bold: true, children: cell(`latency (${scope})`, NAME_WIDTH) }), _jsxs(Text, { dimColor: true, children: [header, cell('p99 uncorr', 12, 'right')] })] }), metrics.length === 0 ? _jsx(Text, { dimColor: true, children: "  no samples yet" }) : null, metrics.map((metric) => {
                const figures = latency[metric];
                if (figures === undefined)
                    return null;
                const { corrected, uncorrected } = figures;
                const values = [corrected.p50Us, corrected.p90Us, corrected.p99Us, corrected.p999Us, corrected.maxUs];
                return (_jsxs(Text, { wrap: "truncate-end", children: [cell(`  ${metric}`, NAME_WIDTH), values.map((valueUs) => cell(formatLatencyUs(valueUs), VALUE_WIDTH, 'right')).join(''), _jsx(Text, { dimColor: true, children: cell(formatLatencyUs(uncorrected.p99Us), 12, 'right') })] }, metric));
            })] }));
}
//# sourceMappingURL=LatencyTable.js.map