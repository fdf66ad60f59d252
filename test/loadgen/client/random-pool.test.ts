/** The pooled random bytes: exactly the bytes asked for, where asked, across refills of the pool. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copyRandom, randomBase64 } from '../../../loadgen/client/random-pool.js';

test('copyRandom writes exactly `bytes` bytes at the offset and nothing around them', () => {
  // 2,000 draws of 4 bytes cross the 4,096-byte pool's refill: every draw still fills its 4 bytes.
  let changed = 0;
  for (let k = 0; k < 2_000; k += 1) {
    const target = Buffer.alloc(10, 0xee);
    copyRandom(target, 3, 4);
    assert.deepEqual([...target.subarray(0, 3), ...target.subarray(7)], [0xee, 0xee, 0xee, 0xee, 0xee, 0xee]);
    if (target.readUInt32BE(3) !== 0xeeeeeeee) changed += 1;
  }
  assert.ok(changed > 1_990);
});

test('successive draws are different bytes of the pool', () => {
  const seen = new Set<string>();
  for (let k = 0; k < 1_000; k += 1) seen.add(randomBase64(8));
  assert.equal(seen.size, 1_000);
  assert.equal(Buffer.from(randomBase64(5), 'base64').length, 5);
});
