import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LoadgenHealth, SeriesPoint } from '../../../loadgen/run-result.js';
import { SaturationTally } from '../../../loadgen/engine/saturation-tally.js';

function second(tSec: number, loadgen?: LoadgenHealth): SeriesPoint {
  return { tSec, loadgen } as SeriesPoint;
}

const calm: LoadgenHealth = { eventLoopDelayP99Us: 1000, eventLoopDelayMaxUs: 2000, eventLoopUtilization: 0.3 };
const busy: LoadgenHealth = { eventLoopDelayP99Us: 594_000, eventLoopDelayMaxUs: 700_000, eventLoopUtilization: 0.95 };

test('saturated seconds are counted, the first one told once, and the result warned of all of them', () => {
  const tally = new SaturationTally();
  assert.equal(tally.observe(second(1, calm)), undefined);
  assert.equal(tally.observe(second(2)), undefined);
  assert.equal(tally.observe(second(3, busy)), 'the load generator itself is saturated in second 3 (event-loop utilisation 95%, delay p99 594 ms): latencies of such seconds include its own queueing');
  assert.equal(tally.observe(second(4, calm)), undefined);
  assert.equal(tally.observe(second(5, busy)), undefined);
  assert.equal(tally.seconds, 2);
  assert.match(tally.warning(6) ?? '', /^the load generator itself was saturated in 2 of 6 seconds \(first in second 3;/);
});

test('no saturated second: no warning', () => {
  const tally = new SaturationTally();
  tally.observe(second(1, calm));
  assert.equal(tally.seconds, 0);
  assert.equal(tally.warning(1), undefined);
});
