import { formatBytes, formatCompact, formatLatencyUs, formatPercent, formatSignificant } from './format.js';
/** A figure in its unit: 3104 us -> "3.1ms", 1500 perSec -> "1.5k/s", 0.0012 fraction -> "0.12%", bytes -> "12.3 KiB". */
export function formatMetricValue(value, unit) {
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
export function formatChange(change) {
    if (change === Number.POSITIVE_INFINITY)
        return '+∞';
    if (change === Number.NEGATIVE_INFINITY)
        return '-∞';
    if (change === 0)
        return '0%';
    return `${change > 0 ? '+' : '-'}${formatSignificant(Math.abs(change) * 100)}%`;
}
/**
 * A signed difference in the metric's unit: +2.1ms, -300/s; fractions in percentage points (+0.5pp), so a
 * difference does not read as a relative change.
 */
function formatDifference(difference, unit) {
    const sign = difference > 0 ? '+' : difference < 0 ? '-' : '';
    if (unit === 'fraction')
        return `${sign}${formatSignificant(Math.abs(difference) * 100)}pp`;
    return `${sign}${formatMetricValue(Math.abs(difference), unit)}`;
}
/** The row's change: relative when the baseline is not 0, else the difference (a loss from 0 to 0.2% reads "+0.2pp"). */
export function formatRowChange(row) {
    if (row.change === undefined || row.difference === undefined)
        return '';
    if (Number.isFinite(row.change))
        return formatChange(row.change);
    return formatDifference(row.difference, row.unit);
}
/** The row's confidence interval of the change, e.g. "+8.1% … +31%", or '' without repetitions. */
export function formatInterval(row) {
    const stats = row.statistics;
    if (stats === undefined)
        return '';
    if (stats.changeLower !== undefined && stats.changeUpper !== undefined)
        return `${formatChange(stats.changeLower)} … ${formatChange(stats.changeUpper)}`;
    return `${formatDifference(stats.differenceLower, row.unit)} … ${formatDifference(stats.differenceUpper, row.unit)}`;
}
/** The share of resamples in which the candidate is worse, e.g. "97%", or '' without repetitions. */
export function formatShareWorse(row) {
    return row.statistics === undefined ? '' : formatPercent(row.statistics.shareWorse);
}
/** The Mann-Whitney p-value to 2 significant digits, or '' without repetitions. */
export function formatPValue(row) {
    return row.statistics === undefined ? '' : formatSignificant(row.statistics.mannWhitneyP, 2);
}
/** The verdict in words; `missing` says which side lacks the figure. */
export function verdictLabel(row) {
    const verdict = row.verdict;
    switch (verdict) {
        case 'regression':
            return 'REGRESSION';
        case 'improvement':
            return 'improved';
        case 'within-tolerance':
            return 'ok';
        case 'not-significant':
            return 'noise (not significant)';
        case 'missing':
            return row.baseline === undefined ? (row.candidate === undefined ? 'not measured' : 'new (no baseline)') : 'missing in candidate';
    }
}
/** Percent text of a fraction without rounding surprises: 0.1 -> "10%", 0.95 -> "95%". */
export function formatFractionPercent(fraction) {
    return `${Number((fraction * 100).toPrecision(6))}%`;
}
/** One line of outcome: "FAIL: 2 regressions beyond 10%: a, b" or "PASS: no regression beyond 10%". */
export function outcomeLine(comparison) {
    const tolerance = formatFractionPercent(comparison.toleranceFraction);
    const count = comparison.regressions.length;
    if (count === 0)
        return `PASS: no regression beyond ${tolerance}`;
    return `FAIL: ${count} regression${count === 1 ? '' : 's'} beyond ${tolerance}: ${comparison.regressions.join(', ')}`;
}
/** "label (3 runs, commit abc1234)" for one side. */
export function describeComparedSide(side) {
    const details = [`${side.runs} run${side.runs === 1 ? '' : 's'}`];
    if (side.gitCommit !== undefined)
        details.push(`commit ${side.gitCommit.slice(0, 12)}`);
    return `${side.label} (${details.join(', ')})`;
}
//# sourceMappingURL=compare-format.js.map