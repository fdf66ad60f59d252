import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as hdr from 'hdr-histogram-js';
import { percentileCurve, percentileLabel } from '../../../reports/html/percentile-curve.js';
function encoded(values) {
    const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
    for (const value of values)
        histogram.recordValue(value);
    const text = hdr.encodeIntoCompressedBase64(histogram);
    histogram.destroy();
    return text;
}
test('the curve of 1..1000 µs has the exact quantiles at each decade and the maximum last', () => {
    const values = Array.from({ length: 1000 }, (_, index) => index + 1);
    const curve = percentileCurve(encoded(values), 1);
    // x = 1/(1-p): 1 -> p0 (the minimum), 10 -> p90, 100 -> p99, 1000 -> p99.9; then the maximum at x just past count.
    assert.deepEqual(curve.x, [1, 10, 100, 1000, 1010]);
    // Exact nearest-rank quantiles of 1..1000 (values below 2048 are exact in a 3-digit HDR histogram).
    assert.deepEqual(curve.latencyUs, [1, 900, 990, 999, 1000]);
});
test('the curve stops where the sample count stops resolving percentiles', () => {
    const curve = percentileCurve(encoded([5, 7, 9, 11, 13, 15, 17, 19, 21, 23]), 10);
    // 10 samples resolve one decade (p90): 11 points from x = 1 to x = 10, plus the maximum.
    assert.equal(curve.x.length, 12);
    assert.equal(curve.x[10], 10);
    assert.equal(curve.latencyUs[0], 5);
    assert.equal(curve.latencyUs[10], 21);
    assert.equal(curve.latencyUs[11], 23);
    for (let index = 1; index < curve.latencyUs.length; index++)
        assert.ok((curve.latencyUs[index] ?? 0) >= (curve.latencyUs[index - 1] ?? 0));
});
test('an empty histogram gives an empty curve', () => {
    assert.deepEqual(percentileCurve(encoded([])), { x: [], latencyUs: [] });
});
test('percentileLabel names the percentile of an x coordinate', () => {
    assert.equal(percentileLabel(1), '0%');
    assert.equal(percentileLabel(10), '90%');
    assert.equal(percentileLabel(1000), '99.9%');
    assert.equal(percentileLabel(100_000), '99.999%');
});
//# sourceMappingURL=percentile-curve.test.js.map