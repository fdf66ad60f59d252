import assert from 'node:assert/strict';
import { test } from 'node:test';
import { median } from '../../../loadgen/compare/sample-statistics.js';

test('median of odd and even samples, without touching the input', () => {
  const values = [9, 1, 5];
  assert.equal(median(values), 5);
  assert.deepEqual(values, [9, 1, 5]);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([7]), 7);
  assert.throws(() => median([]), /empty/);
});
