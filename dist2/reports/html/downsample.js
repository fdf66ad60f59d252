/**
 * Downsampling of a run's per-second series for the HTML report, so a one-hour run stays a few hundred KB:
 * consecutive points are grouped into at most `maxPoints` buckets and each series says how its bucket is
 * summarised. Latency percentiles are never averaged: a bucket shows its worst second.
 */
/** Splits `length` points into at most `maxPoints` buckets of (nearly) equal size, in order. */
export function bucketRanges(length, maxPoints) {
    if (length <= 0)
        return [];
    const bucketCount = Math.min(length, Math.max(1, Math.floor(maxPoints)));
    const buckets = [];
    for (let index = 0; index < bucketCount; index++) {
        buckets.push({ start: Math.floor((index * length) / bucketCount), end: Math.floor(((index + 1) * length) / bucketCount) });
    }
    return buckets;
}
/** Summarises `values` per bucket; nulls (no sample that second) are skipped, an all-null bucket stays null. */
export function aggregate(values, buckets, how) {
    return buckets.map(({ start, end }) => {
        const present = [];
        for (let index = start; index < end; index++) {
            const value = values[index];
            if (value !== null && value !== undefined && Number.isFinite(value))
                present.push(value);
        }
        if (present.length === 0)
            return null;
        switch (how) {
            case 'mean':
                return present.reduce((sum, value) => sum + value, 0) / present.length;
            case 'max':
                return Math.max(...present);
            case 'last':
                return present[present.length - 1] ?? null;
        }
    });
}
/** `value` rounded to `digits` significant digits (null stays null): keeps the embedded data small. */
export function roundForChart(value, digits = 3) {
    if (value === null || !Number.isFinite(value))
        return null;
    if (value === 0)
        return 0;
    return Number(value.toPrecision(digits));
}
//# sourceMappingURL=downsample.js.map