import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WORKER_SILENT_MS, WorkerWatchdog } from '../../../loadgen/engine/worker-watchdog.js';

test('a worker is silent only once it has been quiet for longer than allowed', () => {
  const watchdog = new WorkerWatchdog(15_000);
  watchdog.heard(0, 1_000_000);
  watchdog.heard(1, 2_000_000);
  // At 16 s: worker 0 has been quiet 15 s (not more), worker 1 14 s.
  assert.deepEqual(watchdog.silent([0, 1], 16_000_000), []);
  // At 16.5 s: worker 0 has been quiet 15.5 s.
  assert.deepEqual(watchdog.silent([0, 1], 16_500_000), [{ workerId: 0, silentMs: 15_500 }]);
  watchdog.heard(0, 16_600_000);
  assert.deepEqual(watchdog.silent([0, 1], 17_500_000), [{ workerId: 1, silentMs: 15_500 }]);
});

test('a worker never heard from is not silent, and only the workers asked about are checked', () => {
  const watchdog = new WorkerWatchdog();
  watchdog.heard(3, 0);
  assert.deepEqual(watchdog.silent([7], 60_000_000), []);
  assert.deepEqual(watchdog.silent([], 60_000_000), []);
  assert.deepEqual(watchdog.silent([3], WORKER_SILENT_MS * 1000 + 1000), [{ workerId: 3, silentMs: WORKER_SILENT_MS + 1 }]);
});
