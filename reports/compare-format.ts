/**
 * How the cells of a comparison read, shared by its table and its Markdown: figures in their unit, signed
 * relative changes, the confidence interval and the verdict in words.
 */
import type { MetricUnit } from '../loadgen/compare/compared-metrics.js';
import type { Comparison, MetricComparison, MetricVerdict } from '../loadgen/compare/comparison.js';
import { formatBytes, formatCompact, formatLatencyUs, formatPercent, formatSignificant } from './format.js';

/** A figure in its unit: 3104 us -> "3.1ms", 1500 perSec -> "1.5k/s", 0.0012 fraction -> "0.12%", bytes -> "12.3 KiB". */
export function formatMetricValue(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 'us':
      return formatLatencyUs(value);
    case 'perSec':
      return `${formatCompact(value)}/s`;
    case 'fraction':
      return formatPercent(value);
    case 'bytes':
      return formatBytes(value);
  }
}

/** A relative change with its sign: 0.123 -> "+12.3%", -0.05 -> "-5%", 0 -> "0%", Infinity -> "+∞" (from zero). */
export function formatChange(change: number): string {
  if (change === Number.POSITIVE_INFINITY) return '+∞';
  if (change === Number.NEGATIVE_INFINITY) return '-∞';
  if (change === 0) return '0%';
  return `${change > 0 ? '+' : '-'}${formatSignificant(Math.abs(change) * 100)}%`;
}

/**
 * A signed difference in the metric's unit: +2.1ms, -300/s; fractions in percentage points (+0.5pp), so a
 * difference does not read as a relative change.
 */
function formatDifference(difference: number, unit: MetricUnit): string {
  const sign = difference > 0 ? '+' : difference < 0 ? '-' : '';
  if (unit === 'fraction') return `${sign}${formatSignificant(Math.abs(difference) * 100)}pp`;
  return `${sign}${formatMetricValue(Math.abs(difference), unit)}`;
}

/** The row's change: relative when the baseline is not 0, else the difference (a loss from 0 to 0.2% reads "+0.2pp"). */
export function formatRowChange(row: MetricComparison): string {
  if (row.change === undefined || row.difference === undefined) return '';
  if (Number.isFinite(row.change)) return formatChange(row.change);
  return formatDifference(row.difference, row.unit);
}

/** The row's tolerance, e.g. "15%". */
export function formatTolerance(row: MetricComparison): string {
  return formatFractionPercent(row.toleranceFraction);
}

/** Each side's lowest and highest repetition, e.g. "3.1ms–3.4ms", or '' without repetitions. */
export function formatRange(row: MetricComparison, side: 'baseline' | 'candidate'): string {
  const range = side === 'baseline' ? row.statistics?.baselineRange : row.statistics?.candidateRange;
  if (range === undefined) return '';
  return range[0] === range[1] ? formatMetricValue(range[0], row.unit) : `${formatMetricValue(range[0], row.unit)}–${formatMetricValue(range[1], row.unit)}`;
}

/**
 * The exact test's p-value of the row's direction (worse when the candidate moved the worse way, else better),
 * to 2 significant digits; '' without repetitions or within tolerance (where no test is needed).
 */
export function formatPValue(row: MetricComparison): string {
  const stats = row.statistics;
  if (stats === undefined || row.verdict === 'within-tolerance' || row.verdict === 'missing' || row.difference === undefined) return '';
  const worse = row.worseWhen === 'higher' ? row.difference > 0 : row.difference < 0;
  return formatSignificant(worse ? stats.worsePValue : stats.betterPValue, 2);
}

/** The verdict in words; `missing` says which side lacks the figure. */
export function verdictLabel(row: MetricComparison): string {
  const verdict: MetricVerdict = row.verdict;
  switch (verdict) {
    case 'regression':
      return 'REGRESSION';
    case 'improvement':
      return 'improved';
    case 'within-tolerance':
      return 'ok';
    case 'not-significant':
      return 'noise (not significant)';
    case 'undecided':
      return `undecided (needs ${row.neededRepetitions ?? '?'} runs a side)`;
    case 'environment-differs':
      return 'not judged: machine differed';
    case 'missing':
      return row.baseline === undefined ? (row.candidate === undefined ? 'not measured' : 'new (no baseline)') : 'missing in candidate';
  }
}

/** Percent text of a fraction without rounding surprises: 0.1 -> "10%", 0.95 -> "95%". */
export function formatFractionPercent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(6))}%`;
}

/**
 * One line of outcome: "FAIL: 2 regressions beyond tolerance: a, b", "PASS: no regression beyond tolerance", or,
 * when the machines differed, "NOT JUDGED: ..." (which does not fail the gate; the notes say why).
 */
export function outcomeLine(comparison: Comparison): string {
  const tolerance = comparison.toleranceFraction === undefined ? "each metric's tolerance" : formatFractionPercent(comparison.toleranceFraction);
  const count = comparison.regressions.length;
  if (count > 0) return `FAIL: ${count} regression${count === 1 ? '' : 's'} beyond ${tolerance}: ${comparison.regressions.join(', ')}`;
  const unjudged = comparison.rows.filter((row) => row.verdict === 'environment-differs').map((row) => row.id);
  if (unjudged.length > 0) return `NOT JUDGED: the machine differed between the sides; ${unjudged.length} change${unjudged.length === 1 ? '' : 's'} beyond ${tolerance} left undecided: ${unjudged.join(', ')}`;
  const undecided = comparison.rows.filter((row) => row.verdict === 'undecided');
  if (undecided.length > 0) {
    const needed = Math.max(...undecided.map((row) => row.neededRepetitions ?? 0));
    return `PASS (undecided): no regression shown; ${undecided.length} change${undecided.length === 1 ? '' : 's'} beyond ${tolerance} need ${needed} runs a side to decide`;
  }
  return `PASS: no regression beyond ${tolerance}`;
}

/** "label (3 runs, commit abc1234)" for one side. */
export function describeComparedSide(side: Comparison['baseline']): string {
  const details = [`${side.runs} run${side.runs === 1 ? '' : 's'}`];
  if (side.gitCommit !== undefined) details.push(`commit ${side.gitCommit.slice(0, 12)}`);
  return `${side.label} (${details.join(', ')})`;
}
