/** The Mann-Whitney U test against values from scipy.stats.mannwhitneyu 1.17 (statistic = U of the first sample). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mannWhitneyU } from '../../../loadgen/compare/mann-whitney.js';
test('complete separation of 3 and 3: U = 0 and the exact two-sided p is 2/20', () => {
    assert.deepEqual(mannWhitneyU([1, 2, 3], [4, 5, 6]), { uFirst: 0, uSecond: 9, pValue: 0.1, method: 'exact' });
    assert.deepEqual(mannWhitneyU([4, 5, 6], [1, 2, 3]), { uFirst: 9, uSecond: 0, pValue: 0.1, method: 'exact' });
});
test('exact p-values without ties match scipy (method="exact")', () => {
    const a = mannWhitneyU([19, 22, 16, 29, 24], [20, 11, 17, 12]);
    assert.equal(a.uFirst, 17);
    assert.equal(a.method, 'exact');
    assert.ok(Math.abs(a.pValue - 0.1111111111111111) < 1e-12, String(a.pValue));
    const b = mannWhitneyU([1.1, 2.2, 3.3, 4.4, 5.5, 6.6, 7.7], [3.0, 8.0, 9.5, 10.1, 11.2, 12.3]);
    assert.equal(b.uFirst, 5);
    assert.ok(Math.abs(b.pValue - 0.022144522144522144) < 1e-12, String(b.pValue));
});
test('ties use the normal approximation with tie and continuity corrections (scipy "asymptotic")', () => {
    const tied = mannWhitneyU([1, 2, 2, 3, 4, 5], [2, 3, 6, 7, 8, 8, 9]);
    assert.equal(tied.uFirst, 6.5);
    assert.equal(tied.method, 'normal');
    assert.ok(Math.abs(tied.pValue - 0.043727859914373765) < 1e-6, String(tied.pValue));
});
test('samples larger than the exact limit use the normal approximation', () => {
    const first = Array.from({ length: 25 }, (_, k) => k + 1);
    const second = Array.from({ length: 25 }, (_, k) => k + 10.5);
    const result = mannWhitneyU(first, second);
    assert.equal(result.uFirst, 120);
    assert.equal(result.method, 'normal');
    assert.ok(Math.abs(result.pValue - 0.00019504657252439938) < 1e-7, String(result.pValue));
});
test('identical samples give p = 1, and an empty sample is refused', () => {
    assert.deepEqual(mannWhitneyU([5, 5, 5], [5, 5, 5]), { uFirst: 4.5, uSecond: 4.5, pValue: 1, method: 'normal' });
    assert.throws(() => mannWhitneyU([], [1]), /non-empty/);
});
//# sourceMappingURL=mann-whitney.test.js.map