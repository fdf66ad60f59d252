/**
 * Human units for every text report: one place where microseconds become "3.1ms", counts become "48k" and bytes
 * become "12 MiB", so the summary table, progress lines and other reports agree. Pure functions, no locale.
 */
/**
 * `value` with `digits` significant digits, trailing zeros dropped: (3.104, 3) -> "3.1", (12.35, 3) -> "12.4",
 * (1234, 3) -> "1234" (never exponent notation; digits left of the point are kept). Default 3 digits.
 */
export function formatSignificant(value, digits = 3) {
    if (!Number.isFinite(value))
        return String(value);
    if (value === 0)
        return '0';
    const magnitude = Math.floor(Math.log10(Math.abs(value)));
    const decimals = Math.max(0, digits - 1 - magnitude);
    return stripTrailingZeros(value.toFixed(decimals));
}
/**
 * A latency in microseconds with a sensible unit and 3 significant digits: 850 -> "850µs", 3104 -> "3.1ms",
 * 12_345 -> "12.3ms", 999_700 -> "1s", 2_500_000 -> "2.5s". Below 1 ms it is whole microseconds (HDR values are
 * integers). Negative or non-finite input (a bug upstream) is shown as it is with "µs", not hidden.
 */
export function formatLatencyUs(latencyUs) {
    if (!Number.isFinite(latencyUs) || latencyUs < 0)
        return `${latencyUs}µs`;
    const wholeUs = Math.round(latencyUs);
    if (wholeUs < 1000)
        return `${wholeUs}µs`;
    const ms = latencyUs / 1000;
    // Decide the unit after rounding, so 999.7 ms reads "1s" rather than "1000ms".
    if (Number(formatSignificant(ms)) < 1000)
        return `${formatSignificant(ms)}ms`;
    return `${formatSignificant(ms / 1000)}s`;
}
/** A latency in milliseconds, formatted as formatLatencyUs does: 3.1 -> "3.1ms". */
export function formatLatencyMs(latencyMs) {
    return formatLatencyUs(latencyMs * 1000);
}
/**
 * A count or rate in compact form: below 1000 as it is (3 significant digits when fractional: 12.5, 0.333);
 * then k, M, G with one decimal below 10 and none above: 1234 -> "1.2k", 48_000 -> "48k", 2_500_000 -> "2.5M".
 */
export function formatCompact(count) {
    if (!Number.isFinite(count))
        return String(count);
    const sign = count < 0 ? '-' : '';
    let scaled = Math.abs(count);
    if (Number(formatSignificant(scaled)) < 1000)
        return sign + (Number.isInteger(scaled) ? String(scaled) : formatSignificant(scaled));
    for (const suffix of ['k', 'M', 'G']) {
        scaled /= 1000;
        const text = scaled < 9.95 ? stripTrailingZeros(scaled.toFixed(1)) : scaled.toFixed(0);
        if (Number(text) < 1000 || suffix === 'G')
            return `${sign}${text}${suffix}`;
    }
    throw new Error('unreachable: the last suffix always returns');
}
/** An integer with thousands separated by commas: 1234567 -> "1,234,567" (independent of the locale). */
export function formatInteger(count) {
    if (!Number.isFinite(count))
        return String(count);
    const rounded = Math.round(count);
    const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return rounded < 0 ? `-${digits}` : digits;
}
/** Bytes in binary units with 3 significant digits: 512 -> "512 B", 1536 -> "1.5 KiB", 12.3 * 2**20 -> "12.3 MiB". */
export function formatBytes(bytes) {
    if (!Number.isFinite(bytes))
        return `${bytes} B`;
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let scaled = bytes;
    let unitIndex = 0;
    while (Math.abs(Number(formatSignificant(scaled))) >= 1024 && unitIndex < units.length - 1) {
        scaled /= 1024;
        unitIndex += 1;
    }
    return `${unitIndex === 0 ? String(Math.round(scaled)) : formatSignificant(scaled)} ${units[unitIndex]}`;
}
/** A fraction (0..1) as a percentage with up to 3 significant digits: 0.0012 -> "0.12%", 1 -> "100%". */
export function formatPercent(fraction) {
    return `${formatSignificant(fraction * 100)}%`;
}
/**
 * A duration in milliseconds: below a second "850ms", below a minute "12.3s", then "4m05s", then "1h02m".
 */
export function formatDurationMs(durationMs) {
    if (!Number.isFinite(durationMs) || durationMs < 0)
        return `${durationMs}ms`;
    if (Math.round(durationMs) < 1000)
        return `${Math.round(durationMs)}ms`;
    const seconds = durationMs / 1000;
    if (Number(formatSignificant(seconds)) < 60)
        return `${formatSignificant(seconds)}s`;
    const totalSeconds = Math.round(seconds);
    const two = (n) => String(n).padStart(2, '0');
    if (totalSeconds < 3600)
        return `${Math.floor(totalSeconds / 60)}m${two(totalSeconds % 60)}s`;
    const totalMinutes = Math.round(totalSeconds / 60);
    return `${Math.floor(totalMinutes / 60)}h${two(totalMinutes % 60)}m`;
}
function stripTrailingZeros(fixed) {
    return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}
//# sourceMappingURL=format.js.map