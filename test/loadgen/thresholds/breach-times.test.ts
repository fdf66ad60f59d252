import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BreachTimes } from '../../../loadgen/thresholds/breach-times.js';

test('a threshold breached from 10s to 14s keeps both ends; one never breached has none', () => {
  const breaches = new BreachTimes();
  for (const atSec of [10, 11, 12, 14]) breaches.record('echo.latency p(99) < 5ms', atSec);
  breaches.record('errors.rate < 1%', 3);
  assert.deepEqual(breaches.of('echo.latency p(99) < 5ms'), { firstSec: 10, lastSec: 14 });
  assert.deepEqual(breaches.of('errors.rate < 1%'), { firstSec: 3, lastSec: 3 });
  assert.equal(breaches.of('delivery.lost == 0'), undefined);
});
