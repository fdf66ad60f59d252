/**
 * Percentile bootstrap of the difference of medians of two independent samples (the repetitions of a baseline
 * and of a candidate). Resamples come from a seeded generator (mulberry32), so the same input always gives the
 * same interval: a CI gate must not change its mind on a rerun of `compare`.
 */
import { mulberry32, randomInt } from '../membership/prng.js';
import { median, medianOfSorted } from './sample-statistics.js';
/** Resamples drawn when none is given. 4000 puts the 2.5% and 97.5% points on 100 resamples each. */
export const DEFAULT_BOOTSTRAP_RESAMPLES = 4000;
/** Seed of the resampling when none is given. */
export const DEFAULT_BOOTSTRAP_SEED = 1;
/** The median of a resample of `values` (with replacement, same size), drawn with `random`; `scratch` is reused. */
function resampledMedian(values, random, scratch) {
    for (let k = 0; k < values.length; k++)
        scratch[k] = values[randomInt(random, values.length)];
    scratch.sort();
    return medianOfSorted(scratch);
}
/**
 * The percentile bootstrap interval of median(candidate) - median(baseline). Each resample draws the baseline
 * sample, then the candidate sample, with replacement, from one mulberry32(seed) stream. With the B differences
 * sorted ascending, the interval is [d[floor(a B)], d[ceil((1 - a) B) - 1]] with a = (1 - confidence) / 2.
 * Throws on an empty sample, a confidence outside (0, 1) or a resample count below 1.
 */
export function bootstrapMedianDifference(baseline, candidate, options) {
    const resamples = options.resamples ?? DEFAULT_BOOTSTRAP_RESAMPLES;
    const { confidence } = options;
    if (baseline.length === 0 || candidate.length === 0)
        throw new Error('bootstrapMedianDifference needs two non-empty samples');
    if (!(confidence > 0 && confidence < 1))
        throw new Error(`confidence must be in (0, 1) (got ${confidence})`);
    if (!Number.isInteger(resamples) || resamples < 1)
        throw new Error(`resamples must be a positive integer (got ${resamples})`);
    const random = mulberry32(options.seed ?? DEFAULT_BOOTSTRAP_SEED);
    const baselineScratch = new Float64Array(baseline.length);
    const candidateScratch = new Float64Array(candidate.length);
    const differences = new Float64Array(resamples);
    let above = 0;
    let below = 0;
    for (let r = 0; r < resamples; r++) {
        const baselineMedian = resampledMedian(baseline, random, baselineScratch);
        const difference = resampledMedian(candidate, random, candidateScratch) - baselineMedian;
        differences[r] = difference;
        if (difference > 0)
            above += 1;
        else if (difference < 0)
            below += 1;
    }
    differences.sort();
    const alpha = (1 - confidence) / 2;
    // Rounded first so that 0.025 * 4000 is 100, not 100.00000000000009 or 99.99999999999999 from binary fractions.
    const atRank = (fraction) => Math.round(fraction * resamples * 1e6) / 1e6;
    const lowerIndex = Math.min(resamples - 1, Math.floor(atRank(alpha)));
    const upperIndex = Math.max(0, Math.ceil(atRank(1 - alpha)) - 1);
    return {
        estimate: median(candidate) - median(baseline),
        lower: differences[lowerIndex],
        upper: differences[upperIndex],
        confidence,
        resamples,
        shareAbove: above / resamples,
        shareBelow: below / resamples,
    };
}
//# sourceMappingURL=bootstrap.js.map