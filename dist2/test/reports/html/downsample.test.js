import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregate, bucketRanges, roundForChart } from '../../../reports/html/downsample.js';
test('bucketRanges covers every point once, in at most maxPoints buckets', () => {
    assert.deepEqual(bucketRanges(5, 10), [
        { start: 0, end: 1 },
        { start: 1, end: 2 },
        { start: 2, end: 3 },
        { start: 3, end: 4 },
        { start: 4, end: 5 },
    ]);
    assert.deepEqual(bucketRanges(10, 3), [
        { start: 0, end: 3 },
        { start: 3, end: 6 },
        { start: 6, end: 10 },
    ]);
    assert.deepEqual(bucketRanges(0, 3), []);
    const buckets = bucketRanges(3600, 600);
    assert.equal(buckets.length, 600);
    assert.ok(buckets.every((bucket) => bucket.end - bucket.start === 6));
});
test('aggregate averages rates, keeps the worst latency and the last gauge, skipping gaps', () => {
    const buckets = bucketRanges(6, 2);
    const values = [1, 5, null, 4, null, 2];
    assert.deepEqual(aggregate(values, buckets, 'mean'), [3, 3]);
    assert.deepEqual(aggregate(values, buckets, 'max'), [5, 4]);
    assert.deepEqual(aggregate(values, buckets, 'last'), [5, 2]);
    assert.deepEqual(aggregate([null, null], bucketRanges(2, 1), 'max'), [null]);
});
test('roundForChart keeps three significant digits', () => {
    assert.equal(roundForChart(12_345.678), 12_300);
    assert.equal(roundForChart(0.0012345), 0.00123);
    assert.equal(roundForChart(0), 0);
    assert.equal(roundForChart(null), null);
    assert.equal(roundForChart(Number.NaN), null);
});
//# sourceMappingURL=downsample.test.js.map