/**
 * The worker-side delivery recorder: windows decide what counts, and order/duplicate tracking stays exact at
 * the sizes sharded runs reach (a million clients: keys that once passed 2^53 and collided).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DeliveryRecorder } from '../../../loadgen/engine/delivery-recorder.js';
import { StreamTracker } from '../../../loadgen/measure/stream-tracker.js';
import { WorkerMetrics } from '../../../loadgen/measure/worker-metrics.js';

function broadcastTally(metrics: WorkerMetrics): unknown {
  const snapshot = metrics.takeSnapshot(0, 0, 1000, { target: 0, open: 0, connecting: 0, failed: 0 });
  return snapshot.delivery.broadcast;
}

test('a million clients: neighbouring streams of one receiver stay apart', () => {
  const metrics = new WorkerMetrics();
  const totalClients = 1_000_000;
  const roomCount = 10;
  const recorder = new DeliveryRecorder(metrics, () => new StreamTracker(), roomCount, totalClients);
  const receiver = 999_999;
  const sender = 999_998;
  for (const room of [3, 4]) recorder.openWindow(room, receiver, 0);
  // Two rooms, the same sender and seq: two distinct messages, neither a duplicate.
  assert.equal(recorder.received('broadcast', 3, receiver, sender, 0, 10), true);
  assert.equal(recorder.received('broadcast', 4, receiver, sender, 0, 10), true);
  // And two receivers of the same stream are apart as well.
  recorder.openWindow(3, receiver - 1, 0);
  assert.equal(recorder.received('broadcast', 3, receiver - 1, sender, 0, 10), true);
  // The same message again is a duplicate; a later one after a gap is new, the gap's message out of order.
  assert.equal(recorder.received('broadcast', 3, receiver, sender, 0, 11), true);
  assert.equal(recorder.received('broadcast', 3, receiver, sender, 2, 12), true);
  assert.equal(recorder.received('broadcast', 3, receiver, sender, 1, 12), true);
  assert.deepEqual(broadcastTally(metrics), { expected: 0, received: 5, duplicated: 1, outOfOrder: 1, unexpected: 0 });
  metrics.destroy();
});

test('messages outside a window count neither way; without any window they are unexpected', () => {
  const metrics = new WorkerMetrics();
  const recorder = new DeliveryRecorder(metrics, () => new StreamTracker(), 2, 4);
  recorder.openWindow(1, 0, 100);
  assert.equal(recorder.received('broadcast', 1, 0, 2, 0, 99), false, 'sent before the window opened');
  assert.equal(recorder.received('broadcast', 1, 0, 2, 1, 150), true);
  recorder.closeWindow(1, 0, 200);
  assert.equal(recorder.received('broadcast', 1, 0, 2, 2, 201), false, 'sent after it closed');
  assert.equal(recorder.received('broadcast', 1, 0, 2, 3, 199), true, 'sent inside it, arriving after the close');
  assert.equal(recorder.received('broadcast', 0, 0, 2, 0, 150), false, 'never a member of room 0');
  assert.deepEqual(broadcastTally(metrics), { expected: 0, received: 2, duplicated: 0, outOfOrder: 0, unexpected: 1 });
  metrics.destroy();
});
