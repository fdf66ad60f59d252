import assert from 'node:assert/strict';
import { test } from 'node:test';
import { microsecondsToSeconds, millisecondsToSeconds, nanosecondsToMicroseconds } from '../../../server/metrics/units.js';

test('nanoseconds round to the nearest microsecond', () => {
  assert.deepEqual([0, 499, 500, 1_000, 10_485_759].map(nanosecondsToMicroseconds), [0, 0, 1, 1, 10_486]);
});

test('microseconds and milliseconds to seconds', () => {
  assert.equal(microsecondsToSeconds(1_500_000), 1.5);
  assert.equal(microsecondsToSeconds(31_250), 0.03125);
  assert.equal(millisecondsToSeconds(250), 0.25);
});
