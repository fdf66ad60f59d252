import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hash32, mulberry32, randomInt, seededPermutation } from '../../../loadgen/membership/prng.js';
test('mulberry32 is deterministic, in [0, 1), and seed-dependent', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const c = mulberry32(2);
    const xs = Array.from({ length: 1000 }, () => a());
    assert.deepEqual(xs, Array.from({ length: 1000 }, () => b()));
    assert.notDeepEqual(xs.slice(0, 10), Array.from({ length: 10 }, () => c()));
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    // Roughly uniform: each tenth holds 100 ± 40 of 1000 draws (fixed seed, so the check is exact, not flaky).
    const bins = new Array(10).fill(0);
    for (const x of xs)
        bins[Math.floor(x * 10)] = (bins[Math.floor(x * 10)] ?? 0) + 1;
    assert.ok(bins.every((n) => n > 60 && n < 140), String(bins));
});
test('hash32 mixes every part and is order-sensitive', () => {
    assert.equal(hash32(1, 2), hash32(1, 2));
    assert.notEqual(hash32(1, 2), hash32(2, 1));
    assert.notEqual(hash32(1, 2), hash32(1, 3));
    assert.ok(Number.isInteger(hash32(5)) && hash32(5) >= 0 && hash32(5) < 2 ** 32);
});
test('randomInt and seededPermutation', () => {
    const random = mulberry32(3);
    for (let i = 0; i < 100; i++) {
        const n = randomInt(random, 7);
        assert.ok(Number.isInteger(n) && n >= 0 && n < 7);
    }
    const perm = seededPermutation(100, 9);
    assert.deepEqual([...perm].sort((a, b) => a - b), Array.from({ length: 100 }, (_, i) => i));
    assert.deepEqual(perm, seededPermutation(100, 9));
    assert.notDeepEqual(perm, seededPermutation(100, 10));
});
//# sourceMappingURL=prng.test.js.map