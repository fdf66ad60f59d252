import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { Box, Text } from 'ink';
import { formatThresholdFigure } from '../junit.js';
/** Each threshold, green while it holds and red from the moment it is breached, with the actual figure. */
export function ThresholdList({ thresholds }) {
    if (thresholds.length === 0)
        return null;
    return (_jsxs(Box, { flexDirection: "column", children: [_jsx(Text, { bold: true, children: "thresholds" }), thresholds.map((threshold) => (_jsxs(Text, { wrap: "truncate-end", children: ['  ', _jsxs(Text, { color: threshold.passed ? 'green' : 'red', children: [threshold.passed ? '✓' : '✗', " ", threshold.expression] }), _jsxs(Text, { dimColor: true, children: ['  ', "now ", formatThresholdFigure(threshold.actual, threshold.unit), threshold.firstBreachedAtSec === undefined ? '' : `, breached at ${threshold.firstBreachedAtSec}s`] })] }, threshold.expression)))] }));
}
//# sourceMappingURL=ThresholdList.js.map