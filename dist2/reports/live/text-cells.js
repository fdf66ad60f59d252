/**
 * Fixed-width text pieces of the live dashboard: cells padded or cut to a width, progress bars and sparklines.
 * Pure string functions, so the layout is tested without a terminal. Widths are in terminal columns; every
 * character used here is one column wide.
 */
/** `text` cut to `width` columns (the last kept column becomes '…' when cut) and padded with spaces to it. */
export function cell(text, width, align = 'left') {
    if (width <= 0)
        return '';
    const chars = Array.from(text);
    if (chars.length > width)
        return `${chars.slice(0, width - 1).join('')}…`;
    const padding = ' '.repeat(width - chars.length);
    return align === 'left' ? text + padding : padding + text;
}
/** `text` cut to at most `width` columns, not padded. */
export function clip(text, width) {
    const chars = Array.from(text);
    if (chars.length <= width)
        return text;
    return width <= 0 ? '' : `${chars.slice(0, width - 1).join('')}…`;
}
/** A bar of `width` columns filled to `fraction` (clamped to 0..1): progressBar(0.5, 4) -> "██░░". */
export function progressBar(fraction, width) {
    const clamped = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
    const filled = Math.round(clamped * width);
    return '█'.repeat(filled) + '░'.repeat(Math.max(0, width - filled));
}
const SPARK_LEVELS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/**
 * The last `width` values as a sparkline scaled from 0 to the largest value shown: sparkline([0, 5, 10], 3)
 * -> "▁▅█". Non-finite values draw as the lowest level. An empty list gives an empty string.
 */
export function sparkline(values, width) {
    const shown = values.slice(Math.max(0, values.length - width));
    const finite = shown.map((value) => (Number.isFinite(value) && value > 0 ? value : 0));
    const max = Math.max(0, ...finite);
    return finite
        .map((value) => {
        if (max === 0)
            return SPARK_LEVELS[0];
        const level = Math.round((value / max) * (SPARK_LEVELS.length - 1));
        return SPARK_LEVELS[level] ?? SPARK_LEVELS[0];
    })
        .join('');
}
/** Seconds as a clock: 65_000 ms -> "1:05", 3_725_000 ms -> "1:02:05". Negative input counts as 0. */
export function formatClockMs(durationMs) {
    const totalSec = Math.max(0, Math.floor(durationMs / 1000));
    const two = (n) => String(n).padStart(2, '0');
    const hours = Math.floor(totalSec / 3600);
    const minutes = Math.floor((totalSec % 3600) / 60);
    const seconds = totalSec % 60;
    return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}
//# sourceMappingURL=text-cells.js.map