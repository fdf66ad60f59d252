/** Test helper: exact sample quantiles computed the way HdrHistogram defines a percentile's rank. */
/** The sample of rank max(1, ceil(p/100 × n)) (1-based) of the ascending `sorted` samples. */
export function exactQuantile(sorted, percentile) {
    const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length - 1e-9));
    return sorted[Math.min(rank, sorted.length) - 1];
}
/**
 * Whether `reported` is what a 3-significant-digit histogram may report for the exact value: the highest
 * value of the exact value's bucket, at most 0.1% above it (exact below 2048).
 */
export function withinPrecision(reported, exact) {
    return reported >= exact && reported - exact <= exact / 1000;
}
//# sourceMappingURL=exact-quantile.js.map