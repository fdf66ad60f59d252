import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { Box, Text } from 'ink';
import { formatInteger } from '../format.js';
import { cell } from './text-cells.js';
/** Errors by kind, most frequent first, each with its latest message. */
export function ErrorList({ errors, maxKinds = 4 }) {
    const kinds = Object.entries(errors).sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
    if (kinds.length === 0) {
        return (_jsxs(Text, { wrap: "truncate-end", children: [_jsx(Text, { bold: true, children: cell('errors', 18) }), _jsx(Text, { color: "green", children: "none" })] }));
    }
    const shown = kinds.slice(0, maxKinds);
    const hidden = kinds.slice(maxKinds);
    return (_jsxs(Box, { flexDirection: "column", children: [shown.map(([kind, error], index) => (_jsxs(Text, { wrap: "truncate-end", children: [_jsx(Text, { bold: true, children: cell(index === 0 ? 'errors' : '', 18) }), _jsxs(Text, { color: "red", children: [kind, " ", formatInteger(error.count)] }), _jsxs(Text, { dimColor: true, children: [" last: ", error.lastMessage] })] }, kind))), hidden.length > 0 ? (_jsxs(Text, { wrap: "truncate-end", children: [cell('', 18), _jsxs(Text, { dimColor: true, children: ["+", hidden.length, " more kinds (", formatInteger(hidden.reduce((sum, [, error]) => sum + error.count, 0)), " errors)"] })] })) : null] }));
}
//# sourceMappingURL=ErrorList.js.map