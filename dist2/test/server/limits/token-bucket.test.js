import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TokenBuckets } from '../../../server/limits/token-bucket.js';
test('a key takes its burst at once, then one token per 1/rate seconds; keys are independent', () => {
    let nowMs = 0;
    const buckets = new TokenBuckets(2, 3, () => nowMs);
    assert.deepEqual([1, 2, 3, 4].map(() => buckets.take('a')), [true, true, true, false]);
    assert.equal(buckets.take('b'), true, 'another address has its own bucket');
    nowMs = 499;
    assert.equal(buckets.take('a'), false, '0.998 of a token is not a token');
    nowMs = 500;
    assert.equal(buckets.take('a'), true, 'one token back after 500 ms at 2/s');
    assert.equal(buckets.take('a'), false);
    nowMs = 100_000;
    assert.deepEqual([1, 2, 3, 4].map(() => buckets.take('a')), [true, true, true, false], 'refills to the burst, never beyond');
});
test('buckets that have refilled are forgotten, so memory follows the active addresses only', () => {
    let nowMs = 0;
    const buckets = new TokenBuckets(10, 5, () => nowMs);
    for (let i = 0; i < 100; i += 1)
        buckets.take(`10.0.0.${i}`);
    assert.equal(buckets.size, 100);
    nowMs = 500; // 5 tokens at 10/s: every bucket is full again
    buckets.take('10.0.1.1');
    assert.equal(buckets.size, 1);
});
test('bad parameters are refused at once', () => {
    assert.throws(() => new TokenBuckets(0, 1, () => 0), /ratePerSec must be > 0/);
    assert.throws(() => new TokenBuckets(1, 0.5, () => 0), /burst must be a positive integer/);
});
//# sourceMappingURL=token-bucket.test.js.map