import { describeComparedSide, formatFractionPercent, formatInterval, formatMetricValue, formatPValue, formatRowChange, formatShareWorse, outcomeLine, verdictLabel, } from './compare-format.js';
function renderColumns(header, rows, align) {
    const widths = header.map((cell, column) => Math.max([...cell].length, ...rows.map((row) => [...(row[column] ?? '')].length)));
    const renderRow = (cells) => cells
        .map((cell, column) => {
        const padding = ' '.repeat((widths[column] ?? 0) - [...cell].length);
        return align[column] === 'right' ? padding + cell : cell + padding;
    })
        .join('  ')
        .trimEnd();
    return [renderRow(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(renderRow)];
}
/** The whole comparison as text (no trailing newline). */
export function renderCompareTable(comparison) {
    const withStatistics = comparison.mode === 'repetitions';
    const header = ['metric', 'baseline', 'candidate', 'change'];
    const align = ['left', 'right', 'right', 'right'];
    if (withStatistics) {
        header.push(`${formatFractionPercent(comparison.confidence)} CI`, 'p(worse)', 'U test p');
        align.push('right', 'right', 'right');
    }
    header.push('verdict');
    align.push('left');
    const rows = comparison.rows.map((row) => {
        const cells = [
            row.id,
            row.baseline === undefined ? '-' : formatMetricValue(row.baseline, row.unit),
            row.candidate === undefined ? '-' : formatMetricValue(row.candidate, row.unit),
            formatRowChange(row),
        ];
        if (withStatistics)
            cells.push(formatInterval(row), formatShareWorse(row), formatPValue(row));
        cells.push(verdictLabel(row));
        return cells;
    });
    const figures = withStatistics ? 'medians over the repetitions' : 'whole-run figures';
    return [
        `sio-bench compare: ${describeComparedSide(comparison.baseline)} -> ${describeComparedSide(comparison.candidate)}; ${figures}`,
        '',
        ...renderColumns(header, rows, align),
        '',
        ...comparison.notes,
        '',
        outcomeLine(comparison),
    ].join('\n');
}
//# sourceMappingURL=compare-table.js.map