import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunTotals } from '../../../loadgen/measure/run-accumulator.js';
import type { SeriesPoint } from '../../../loadgen/run-result.js';
import { TargetWatchdog } from '../../../loadgen/engine/target-watchdog.js';

function second(tSec: number, open: number, options: { target?: number; failed?: number; connectSuccesses?: number } = {}): SeriesPoint {
  return {
    tSec,
    connections: { open, target: options.target ?? 10, failed: options.failed ?? 0 },
    counters: { connectSuccesses: options.connectSuccesses ?? 0 },
  } as SeriesPoint;
}

test('gone once no client has been connected for goneAfterSec seconds, counted from the second before the first empty one', () => {
  const watchdog = new TargetWatchdog(3, false);
  assert.equal(watchdog.observe(second(1, 10)), undefined);
  // None open from second 2 on: since second 1 (the end of the last second that had them), gone at second 4.
  assert.equal(watchdog.observe(second(2, 0)), undefined);
  assert.equal(watchdog.observe(second(3, 0)), undefined);
  assert.equal(watchdog.observe(second(4, 0)), 1);
});

test('a client connected again starts the count over', () => {
  const watchdog = new TargetWatchdog(2, false);
  watchdog.observe(second(1, 10));
  assert.equal(watchdog.observe(second(2, 0)), undefined);
  assert.equal(watchdog.observe(second(3, 4)), undefined);
  assert.equal(watchdog.observe(second(4, 0)), undefined);
  assert.equal(watchdog.observe(second(5, 0)), 3);
});

test('never gone before any client connected, nor while the plan wants none', () => {
  const watchdog = new TargetWatchdog(1, false);
  assert.equal(watchdog.observe(second(1, 0)), undefined);
  assert.equal(watchdog.observe(second(5, 0)), undefined);
  // Connects that succeeded within a second count as having been connected.
  assert.equal(watchdog.observe(second(6, 0, { connectSuccesses: 2, target: 0 })), undefined);
  assert.equal(watchdog.observe(second(7, 0)), 6);
});

test('with reconnects, gone only once every wanted client has given up', () => {
  const watchdog = new TargetWatchdog(1, true);
  watchdog.observe(second(1, 10));
  assert.equal(watchdog.observe(second(2, 0, { failed: 9 })), undefined);
  assert.equal(watchdog.observe(second(3, 0, { failed: 10 })), 1);
});

test('the failure message names the target, the wait, and why: disconnect reasons and connect errors only', () => {
  const watchdog = new TargetWatchdog(5, false);
  const totals = {
    disconnectReasons: { 'transport close': 12, 'ping timeout': 1 },
    errors: { connect_refused: { count: 36, lastMessage: 'ECONNREFUSED' }, emit_timeout: { count: 2, lastMessage: 'no ack' } },
  } as unknown as Pick<RunTotals, 'disconnectReasons' | 'errors'>;
  assert.equal(
    watchdog.goneMessage('http://127.0.0.1:3000', 4, totals),
    'the target http://127.0.0.1:3000 is gone: no client connected for 5 s (since second 4); disconnects: transport close ×12, ping timeout ×1; connect errors since: connect_refused ×36 (ECONNREFUSED)',
  );
  assert.equal(
    watchdog.goneMessage('http://127.0.0.1:3000', 4, { disconnectReasons: {}, errors: {} }),
    'the target http://127.0.0.1:3000 is gone: no client connected for 5 s (since second 4); disconnects: none; connect errors since: none',
  );
});
