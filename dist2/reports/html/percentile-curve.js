/**
 * HDR-style percentile curves of encoded histograms, computed when the report is built (the browser never
 * decodes a histogram). The x coordinate is 1 / (1 - percentile/100), so on a log axis 90 %, 99 %, 99.9 %...
 * sit one decade apart and the tail gets as much room as the body.
 */
import { decodeFromCompressedBase64 } from 'hdr-histogram-js';
/** Points per decade of 1/(1-p): 90 %→99 % is one decade. Default 10. */
const DEFAULT_POINTS_PER_DECADE = 10;
/**
 * The percentile curve of an hdr-histogram-js `encodeIntoCompressedBase64` string, from the 0th percentile up to
 * the highest one the sample count resolves (1 - 1/count, at most 99.9999 %), plus the maximum at the end.
 * An empty histogram gives empty arrays. Throws if `encoded` is not a valid encoded histogram.
 */
export function percentileCurve(encoded, pointsPerDecade = DEFAULT_POINTS_PER_DECADE) {
    const histogram = decodeFromCompressedBase64(encoded);
    try {
        const count = histogram.totalCount;
        if (count === 0)
            return { x: [], latencyUs: [] };
        // Beyond 1/(1-p) = count every percentile is the maximum: stop there (and at 6 decades, 99.9999 %).
        const maxDecades = Math.min(6, Math.log10(count));
        const x = [];
        const latencyUs = [];
        const steps = Math.floor(maxDecades * pointsPerDecade);
        for (let step = 0; step <= steps; step++) {
            const inverseTail = 10 ** (step / pointsPerDecade);
            const percentile = 100 * (1 - 1 / inverseTail);
            x.push(roundSignificant(inverseTail, 6));
            latencyUs.push(histogram.getValueAtPercentile(percentile));
        }
        x.push(roundSignificant(Math.max(count, (x.at(-1) ?? 1) * 1.01), 6));
        latencyUs.push(histogram.maxValue);
        return { x, latencyUs };
    }
    finally {
        histogram.destroy();
    }
}
/** The label of an x coordinate on the percentile axis: 1 -> "0%", 10 -> "90%", 1000 -> "99.9%". */
export function percentileLabel(inverseTail) {
    const percentile = 100 * (1 - 1 / inverseTail);
    return `${Number(percentile.toFixed(6)).toString()}%`;
}
function roundSignificant(value, digits) {
    return Number(value.toPrecision(digits));
}
//# sourceMappingURL=percentile-curve.js.map