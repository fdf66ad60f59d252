/**
 * The comparison as Markdown for a CI step summary or a pull-request comment: the outcome first, then one
 * table of every compared metric (regressions in bold), then how it was decided.
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
import { escapeMarkdown } from './markdown.js';

/** The Markdown text (ends with a newline). */
export function renderCompareMarkdown(comparison: Comparison): string {
  const failed = comparison.regressions.length > 0;
  // The warning sign only when the machine's difference kept a change from being judged, not for a note alone.
  const unjudged = !failed && comparison.rows.some((row) => row.verdict === 'environment-differs');
  const withStatistics = comparison.mode === 'repetitions';
  const lines = [
    `### ${failed ? '❌' : unjudged ? '⚠️' : '✅'} sio-bench compare: ${escapeMarkdown(comparison.candidate.scenarioName)}`,
    '',
    `**${escapeMarkdown(outcomeLine(comparison))}**`,
    '',
    `Baseline: ${escapeMarkdown(describeComparedSide(comparison.baseline))}; candidate: ${escapeMarkdown(describeComparedSide(comparison.candidate))}` +
      (withStatistics ? '; figures are medians over the repetitions.' : '; figures are whole-run totals.'),
    '',
  ];
  const header = ['Metric', 'Baseline', 'Candidate', 'Change', 'Tolerance'];
  if (withStatistics) header.push('Baseline runs', 'Candidate runs', 'p');
  header.push('Verdict');
  lines.push(`| ${header.join(' | ')} |`, `|${header.map((_, column) => (column === 0 || column === header.length - 1 ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const row of comparison.rows) {
    const regression = row.verdict === 'regression';
    const cells = [
      `\`${row.id}\``,
      row.baseline === undefined ? '-' : formatMetricValue(row.baseline, row.unit),
      row.candidate === undefined ? '-' : formatMetricValue(row.candidate, row.unit),
      formatRowChange(row),
      formatTolerance(row),
    ];
    if (withStatistics) cells.push(formatRange(row, 'baseline'), formatRange(row, 'candidate'), formatPValue(row));
    cells.push(regression ? `**${verdictLabel(row)}**` : verdictLabel(row));
    lines.push(`| ${cells.map((cell, column) => (column === 0 || cell.startsWith('**') ? cell : escapeMarkdown(cell))).join(' | ')} |`);
  }
  lines.push('');
  for (const note of comparison.notes) lines.push(`- ${escapeMarkdown(note)}`);
  return `${lines.join('\n')}\n`;
}
