/**
 * The comparison as an aligned plain-text table for the terminal and CI logs: one row per metric with both
 * figures, the change and the metric's tolerance, and with repetitions each side's range and the exact test's
 * p-value; then the notes and the outcome line.
 */
import type { Comparison } from '../loadgen/compare/comparison.js';
import {
  describeComparedSide,
  formatMetricValue,
  formatPValue,
  formatRange,
  formatRowChange,
  formatTolerance,
  outcomeLine,
  verdictLabel,
} from './compare-format.js';

/** Columns that hold figures are right-aligned; names and verdicts left-aligned. */
type Align = 'left' | 'right';

function renderColumns(header: string[], rows: string[][], align: Align[]): string[] {
  const widths = header.map((cell, column) => Math.max([...cell].length, ...rows.map((row) => [...(row[column] ?? '')].length)));
  const renderRow = (cells: string[]): string =>
    cells
      .map((cell, column) => {
        const padding = ' '.repeat((widths[column] ?? 0) - [...cell].length);
        return align[column] === 'right' ? padding + cell : cell + padding;
      })
      .join('  ')
      .trimEnd();
  return [renderRow(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(renderRow)];
}

/** The whole comparison as text (no trailing newline). */
export function renderCompareTable(comparison: Comparison): string {
  const withStatistics = comparison.mode === 'repetitions';
  const header = ['metric', 'baseline', 'candidate', 'change', 'tol'];
  const align: Align[] = ['left', 'right', 'right', 'right', 'right'];
  if (withStatistics) {
    header.push('baseline runs', 'candidate runs', 'p');
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
      formatTolerance(row),
    ];
    if (withStatistics) cells.push(formatRange(row, 'baseline'), formatRange(row, 'candidate'), formatPValue(row));
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
