/**
 * Order statistics of small samples (a handful of repetitions), used by the comparison's statistical tests.
 * Pure functions; the input arrays are never modified.
 */
/** The median of `values` (mean of the two middle values for an even count). Throws on an empty sample. */
export function median(values) {
    if (values.length === 0)
        throw new Error('median of an empty sample');
    const sorted = [...values].sort((a, b) => a - b);
    return medianOfSorted(sorted);
}
/** The median of an already ascending, non-empty array (no copy, no check of the order). */
export function medianOfSorted(sorted) {
    const middle = sorted.length >> 1;
    const upper = sorted[middle];
    return sorted.length % 2 === 1 ? upper : (sorted[middle - 1] + upper) / 2;
}
//# sourceMappingURL=sample-statistics.js.map