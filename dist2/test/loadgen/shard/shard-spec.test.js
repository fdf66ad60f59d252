import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientsInShard, formatShardSpec, isInShard, parseShardSpec } from '../../../loadgen/shard/shard-spec.js';
test('parseShardSpec reads a 1-based i/n into a 0-based slice', () => {
    assert.deepEqual(parseShardSpec('1/2'), { index: 0, count: 2 });
    assert.deepEqual(parseShardSpec(' 4 / 4 '), { index: 3, count: 4 });
    assert.deepEqual(parseShardSpec('1/1'), { index: 0, count: 1 });
    assert.equal(formatShardSpec({ index: 2, count: 5 }), '3/5');
});
test('parseShardSpec refuses 0-based, out-of-range and malformed specs, saying the index is 1-based', () => {
    for (const bad of ['0/2', '3/2', '1/0', '-1/2', '1', 'a/b', '1/2/3', '1.5/2', '']) {
        assert.throws(() => parseShardSpec(bad), (error) => error instanceof RangeError && error.message.includes('1 <= i <= n'), bad);
    }
    assert.throws(() => parseShardSpec('0/2'), /1-based/);
});
test('the slices of n shards partition the clients, and clientsInShard counts each slice', () => {
    for (const total of [0, 1, 5, 60, 61]) {
        for (const count of [1, 2, 3, 7]) {
            const owners = new Array(total).fill(0);
            for (let index = 0; index < count; index += 1) {
                const slice = { index, count };
                let mine = 0;
                for (let c = 0; c < total; c += 1) {
                    if (isInShard(c, slice)) {
                        owners[c] += 1;
                        mine += 1;
                    }
                }
                assert.equal(clientsInShard(total, slice), mine, `total ${total} slice ${index}/${count}`);
            }
            assert.ok(owners.every((n) => n === 1), `every client in exactly one of ${count} slices (total ${total})`);
        }
    }
});
//# sourceMappingURL=shard-spec.test.js.map