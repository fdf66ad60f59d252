import assert from 'node:assert/strict';
import { test } from 'node:test';
import { erfc, normalUpperTail } from '../../../loadgen/compare/normal-distribution.js';
import { median } from '../../../loadgen/compare/sample-statistics.js';
test('median of odd and even samples, without touching the input', () => {
    const values = [9, 1, 5];
    assert.equal(median(values), 5);
    assert.deepEqual(values, [9, 1, 5]);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([7]), 7);
    assert.throws(() => median([]), /empty/);
});
test('erfc and the normal tail agree with known values to 1.2e-7 (relative)', () => {
    assert.equal(Math.abs(erfc(0) - 1) < 1.2e-7, true);
    for (const [x, expected] of [
        [0.5, 0.4795001221869535],
        [1, 0.15729920705028513],
        [2, 0.004677734981047266],
        [-1, 1.8427007929497148],
    ]) {
        assert.ok(Math.abs(erfc(x) - expected) / expected < 1.2e-7, `erfc(${x}) = ${erfc(x)}`);
    }
    assert.ok(Math.abs(normalUpperTail(1.959963984540054) - 0.025) < 1e-8);
    assert.ok(Math.abs(normalUpperTail(0) - 0.5) < 1e-7);
});
//# sourceMappingURL=sample-statistics.test.js.map