/**
 * The Mann-Whitney U test (Wilcoxon rank-sum): do two samples come from the same distribution, or does one tend
 * to be larger? It assumes nothing about the shape of the distribution, which suits latency figures of a few
 * repetitions. Small samples without ties get the exact null distribution; otherwise the normal approximation
 * with tie and continuity corrections (as scipy.stats.mannwhitneyu's 'asymptotic' method).
 */
import { normalUpperTail } from './normal-distribution.js';
/** Largest size of either sample for which the exact distribution is computed (C(40, 20) still fits a double exactly). */
export const EXACT_MAX_SAMPLE_SIZE = 20;
/** Ranks 1..n of the pooled values, tied values sharing the mean of their ranks; also the tie group sizes. */
function midranks(pooled) {
    const order = pooled.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
    const ranks = new Array(pooled.length).fill(0);
    const tieSizes = [];
    let start = 0;
    while (start < order.length) {
        let end = start + 1;
        while (end < order.length && order[end].value === order[start].value)
            end += 1;
        const rank = (start + 1 + end) / 2;
        for (let k = start; k < end; k++)
            ranks[order[k].index] = rank;
        tieSizes.push(end - start);
        start = end;
    }
    return { ranks, tieSizes };
}
/**
 * counts[u] = how many of the C(m+n, m) orderings of m x's and n y's give U = u (U counting x > y pairs), by the
 * recurrence c(m, n, u) = c(m-1, n, u-n) + c(m, n-1, u): the largest value is either an x (beating all n y's) or a y.
 */
function exactCounts(m, n) {
    // table[i][j] is the distribution for i x's and j y's; rows are built up one x at a time.
    let previous = [];
    for (let j = 0; j <= n; j++)
        previous.push(Float64Array.of(1));
    for (let i = 1; i <= m; i++) {
        const current = [Float64Array.of(1)];
        for (let j = 1; j <= n; j++) {
            const counts = new Float64Array(i * j + 1);
            const withXLast = previous[j];
            for (let u = 0; u < withXLast.length; u++)
                counts[u + j] = counts[u + j] + withXLast[u];
            const withYLast = current[j - 1];
            for (let u = 0; u < withYLast.length; u++)
                counts[u] = counts[u] + withYLast[u];
            current.push(counts);
        }
        previous = current;
    }
    return previous[n];
}
/**
 * The Mann-Whitney U test of `first` against `second` (two-sided). Both samples must be non-empty; throws
 * otherwise. The exact method is used when there are no ties and neither sample is larger than
 * EXACT_MAX_SAMPLE_SIZE: p = min(1, 2 P(U <= min(uFirst, uSecond))). Otherwise z = (|uFirst - n1 n2 / 2| - 0.5) / sigma
 * with the tie-corrected sigma, p = min(1, 2 P(Z > z)); when every value is equal, p = 1.
 */
export function mannWhitneyU(first, second) {
    const n1 = first.length;
    const n2 = second.length;
    if (n1 === 0 || n2 === 0)
        throw new Error('mannWhitneyU needs two non-empty samples');
    const { ranks, tieSizes } = midranks([...first, ...second]);
    const rankSumFirst = ranks.slice(0, n1).reduce((sum, rank) => sum + rank, 0);
    const uFirst = rankSumFirst - (n1 * (n1 + 1)) / 2;
    const uSecond = n1 * n2 - uFirst;
    const hasTies = tieSizes.some((size) => size > 1);
    if (!hasTies && n1 <= EXACT_MAX_SAMPLE_SIZE && n2 <= EXACT_MAX_SAMPLE_SIZE) {
        const counts = exactCounts(n1, n2);
        const total = counts.reduce((sum, count) => sum + count, 0);
        const uLow = Math.min(uFirst, uSecond);
        let atMost = 0;
        for (let u = 0; u <= uLow; u++)
            atMost += counts[u];
        return { uFirst, uSecond, pValue: Math.min(1, (2 * atMost) / total), method: 'exact' };
    }
    const n = n1 + n2;
    const tieTerm = tieSizes.reduce((sum, size) => sum + size ** 3 - size, 0);
    const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
    if (variance <= 0)
        return { uFirst, uSecond, pValue: 1, method: 'normal' };
    const z = (Math.abs(uFirst - (n1 * n2) / 2) - 0.5) / Math.sqrt(variance);
    return { uFirst, uSecond, pValue: Math.min(1, 2 * normalUpperTail(z)), method: 'normal' };
}
//# sourceMappingURL=mann-whitney.js.map